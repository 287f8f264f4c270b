import { loadConfig } from '../config/beacon-config';
import { isProjectorProcess, projectorEnv, runsProjectorApart, withoutProjector } from './projector-apart';

const config = (env: Record<string, string>) => loadConfig(env, { dashboardDir: null });

describe('the projector apart from the request thread', () => {
  it('runs apart when the server runs it beside ingest or query, unless BEACON_PROJECTOR is inline', () => {
    expect(runsProjectorApart(config({}))).toBe(true);
    expect(runsProjectorApart(config({ BEACON_ROLES: 'query,projector' }))).toBe(true);
    expect(runsProjectorApart(config({ BEACON_PROJECTOR: 'inline' }))).toBe(false);
    expect(runsProjectorApart(config({ BEACON_ROLES: 'projector' }))).toBe(false);
    expect(runsProjectorApart(config({ BEACON_ROLES: 'ingest,query' }))).toBe(false);
  });

  it('leaves the request thread every role but the projector', () => {
    expect([...withoutProjector(config({})).roles].sort()).toEqual(['ingest', 'query']);
  });

  it("gives the child the server's database, log format and level, and the projector as its only role", () => {
    const server = config({ BEACON_LOG_FORMAT: 'pretty', BEACON_LOG_LEVEL: 'warn' });
    const env = projectorEnv(
      {
        PATH: '/usr/bin',
        BEACON_DEMO: 'on',
        BEACON_ROLES_FILE: '/run/secrets/roles',
        BEACON_DATABASE_PASSWORD_FILE: '/run/secrets/db',
        BEACON_DRAIN_SECONDS: '3',
      },
      server,
      'postgres://beacon:secret@127.0.0.1:5432/beacon',
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      BEACON_DEMO: 'on',
      BEACON_ROLES: 'projector',
      BEACON_DATABASE_URL: 'postgres://beacon:secret@127.0.0.1:5432/beacon',
      BEACON_LOG_FORMAT: 'pretty',
      BEACON_LOG_LEVEL: 'warn',
      BEACON_DRAIN_SECONDS: '0',
    });
    expect(runsProjectorApart(config(env as Record<string, string>))).toBe(false);
  });

  it('knows the projector process by the argument its server passes', () => {
    expect(isProjectorProcess(['node', 'main.js', '--projector-process'])).toBe(true);
    expect(isProjectorProcess(['node', 'main.js'])).toBe(false);
  });
});
