import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './beacon-config';

const defaults = { dashboardDir: null };

describe('loadConfig', () => {
  it('has defaults that run every role on port 3000 with auth on and no demo', () => {
    const config = loadConfig({}, defaults);
    expect(config.port).toBe(3000);
    expect([...config.roles].sort()).toEqual(['ingest', 'projector', 'query']);
    expect(config.projector).toBe('separate');
    expect(config.auth).toBe(true);
    expect(config.demo).toBe(false);
    expect(config.databaseUrl).toBeNull();
    expect(config.retentionDays).toBeNull();
    expect(config.rateLimitPerSecond).toBe(2000);
    expect(config.elasticsearchUrl).toBeNull();
    expect(config.elasticsearchIndexPrefix).toBe('beacon');
    expect(config.accessSummarySeconds).toBe(60);
  });

  it('listens on 127.0.0.1 unless BEACON_HOST says otherwise, as the image does with 0.0.0.0', () => {
    expect(loadConfig({}, defaults).host).toBe('127.0.0.1');
    expect(loadConfig({ BEACON_HOST: '' }, defaults).host).toBe('127.0.0.1');
    expect(loadConfig({ BEACON_HOST: '0.0.0.0' }, defaults).host).toBe('0.0.0.0');
    expect(loadConfig({ BEACON_HOST: '::' }, defaults).host).toBe('::');
    // A container's 127.0.0.1 is its own: the image must listen on every address, or the stack reaches nothing.
    expect(readFileSync(join(__dirname, '../../../../deploy/Dockerfile'), 'utf8')).toMatch(/^ENV .*\bBEACON_HOST=0\.0\.0\.0\b/m);
  });

  it("reads the Elasticsearch read model's address and index prefix", () => {
    const config = loadConfig(
      { BEACON_ELASTICSEARCH_URL: 'http://127.0.0.1:9250', BEACON_ELASTICSEARCH_INDEX_PREFIX: 'fleet-eu' },
      defaults,
    );
    expect(config.elasticsearchUrl).toBe('http://127.0.0.1:9250');
    expect(config.elasticsearchIndexPrefix).toBe('fleet-eu');
  });

  it('reads a retention period in days', () => {
    expect(loadConfig({ BEACON_RETENTION_DAYS: '30' }, defaults).retentionDays).toBe(30);
  });

  it('accepts heartbeats as old as the retention keeps, 30 days without one, or as BEACON_HEARTBEAT_MAX_AGE_DAYS says', () => {
    expect(loadConfig({}, defaults).heartbeatMaxAgeDays).toBe(30);
    expect(loadConfig({ BEACON_RETENTION_DAYS: '7' }, defaults).heartbeatMaxAgeDays).toBe(7);
    expect(loadConfig({ BEACON_RETENTION_DAYS: '7', BEACON_HEARTBEAT_MAX_AGE_DAYS: '2' }, defaults).heartbeatMaxAgeDays).toBe(2);
  });

  it('reads a secret from the file named by *_FILE', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'beacon-config-')), 'key');
    writeFileSync(file, 'a-very-long-admin-key\n');
    expect(loadConfig({ BEACON_ADMIN_KEY_FILE: file }, defaults).adminKey).toBe('a-very-long-admin-key');
  });

  it('remembers the file an admin key came from, to read it again when the key is rotated', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'beacon-config-')), 'key');
    writeFileSync(file, 'a-very-long-admin-key\n');
    expect(loadConfig({ BEACON_ADMIN_KEY_FILE: file }, defaults).adminKeyFile).toBe(file);
    expect(loadConfig({ BEACON_ADMIN_KEY: 'a-very-long-admin-key' }, defaults).adminKeyFile).toBeNull();
  });

  it('puts BEACON_DATABASE_PASSWORD(_FILE) into the database URL, escaped', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'beacon-config-')), 'password');
    writeFileSync(file, 'p@ss:/word%\n');
    const config = loadConfig(
      { BEACON_DATABASE_URL: 'postgres://beacon@postgres:5432/beacon', BEACON_DATABASE_PASSWORD_FILE: file },
      defaults,
    );
    expect(config.databaseUrl).toBe('postgres://beacon:p%40ss%3A%2Fword%25@postgres:5432/beacon');
    expect(decodeURIComponent(new URL(config.databaseUrl ?? '').password)).toBe('p@ss:/word%');
  });

  it('keeps the URL as it is without a separate password, and drains for BEACON_DRAIN_SECONDS', () => {
    const config = loadConfig({ BEACON_DATABASE_URL: 'postgres://u:pw@db/beacon', BEACON_DRAIN_SECONDS: '2.5' }, defaults);
    expect(config.databaseUrl).toBe('postgres://u:pw@db/beacon');
    expect(config.drainSeconds).toBe(2.5);
    expect(loadConfig({}, defaults).drainSeconds).toBe(0);
  });

  it('keeps the projector on the request thread when BEACON_PROJECTOR is inline', () => {
    expect(loadConfig({ BEACON_PROJECTOR: 'inline' }, defaults).projector).toBe('inline');
  });

  it('waits up to 2 s for the read model after a command, or BEACON_READ_YOUR_WRITES_MS', () => {
    expect(loadConfig({}, defaults).readYourWritesMs).toBe(2000);
    expect(loadConfig({ BEACON_READ_YOUR_WRITES_MS: '0' }, defaults).readYourWritesMs).toBe(0);
  });

  it('trusts no proxy unless BEACON_TRUST_PROXY lists them, and allows 30 invalid keys a minute per address', () => {
    expect(loadConfig({}, defaults)).toMatchObject({ trustProxy: false, authFailuresPerMinute: 30 });
    expect(loadConfig({ BEACON_TRUST_PROXY: '10.0.0.0/8, 192.168.1.7' }, defaults).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7']);
  });

  it('bounds statements to 15 s and the heartbeat queue to 50,000 rows unless told otherwise', () => {
    expect(loadConfig({}, defaults)).toMatchObject({ databaseStatementTimeoutMs: 15_000, heartbeatQueueRows: 50_000 });
    const config = loadConfig({ BEACON_DATABASE_STATEMENT_TIMEOUT_MS: '500', BEACON_HEARTBEAT_QUEUE_ROWS: '10' }, defaults);
    expect(config).toMatchObject({ databaseStatementTimeoutMs: 500, heartbeatQueueRows: 10 });
  });

  it('sets an event aside after 3 refusals, or BEACON_PROJECTION_DEAD_LETTER_AFTER', () => {
    expect(loadConfig({}, defaults).deadLetterAfter).toBe(3);
    expect(loadConfig({ BEACON_PROJECTION_DEAD_LETTER_AFTER: '5' }, defaults).deadLetterAfter).toBe(5);
  });

  it.each([
    [{ BEACON_PORT: 'abc' }, /BEACON_PORT/],
    [{ BEACON_DATABASE_PASSWORD: 'secret' }, /BEACON_DATABASE_PASSWORD needs BEACON_DATABASE_URL/],
    [{ BEACON_DATABASE_URL: 'not a url', BEACON_DATABASE_PASSWORD: 'secret' }, /BEACON_DATABASE_URL/],
    [{ BEACON_DRAIN_SECONDS: '-1' }, /BEACON_DRAIN_SECONDS/],
    [{ BEACON_PROJECTION_DEAD_LETTER_AFTER: '0' }, /BEACON_PROJECTION_DEAD_LETTER_AFTER/],
    [{ BEACON_HEARTBEAT_MAX_AGE_DAYS: '0' }, /BEACON_HEARTBEAT_MAX_AGE_DAYS/],
    [{ BEACON_DRAIN_SECONDS: 'soon' }, /BEACON_DRAIN_SECONDS/],
    [{ BEACON_READ_YOUR_WRITES_MS: '-5' }, /BEACON_READ_YOUR_WRITES_MS/],
    [{ BEACON_READ_YOUR_WRITES_MS: '2s' }, /BEACON_READ_YOUR_WRITES_MS/],
    [{ BEACON_DATABASE_STATEMENT_TIMEOUT_MS: '0' }, /BEACON_DATABASE_STATEMENT_TIMEOUT_MS/],
    [{ BEACON_HEARTBEAT_QUEUE_ROWS: 'many' }, /BEACON_HEARTBEAT_QUEUE_ROWS/],
    [{ BEACON_AUTH_FAILURES_PER_MINUTE: '0' }, /BEACON_AUTH_FAILURES_PER_MINUTE/],
    [{ BEACON_TRUST_PROXY: 'the proxy' }, /BEACON_TRUST_PROXY/],
    [{ BEACON_CORS_ORIGINS: 'ops.example.com' }, /BEACON_CORS_ORIGINS/],
    [{ BEACON_METRICS_KEY: 'short' }, /BEACON_METRICS_KEY/],
    [{ BEACON_LOG_LEVEL: 'loud' }, /BEACON_LOG_LEVEL/],
    [{ BEACON_LOG_FORMAT: 'xml' }, /BEACON_LOG_FORMAT/],
    [{ BEACON_ACCESS_SUMMARY_SECONDS: '0' }, /BEACON_ACCESS_SUMMARY_SECONDS/],
    [{ BEACON_PORT: '70000' }, /BEACON_PORT/],
    [{ BEACON_ROLES: 'ingest,reporting' }, /BEACON_ROLES/],
    [{ BEACON_PROJECTOR: 'thread' }, /BEACON_PROJECTOR/],
    [{ BEACON_DEMO: 'maybe' }, /BEACON_DEMO/],
    [{ BEACON_ADMIN_KEY: 'short' }, /BEACON_ADMIN_KEY/],
    [{ BEACON_ADMIN_KEY_FILE: '/nonexistent/key' }, /BEACON_ADMIN_KEY_FILE/],
    [{ BEACON_RETENTION_DAYS: '0' }, /BEACON_RETENTION_DAYS/],
    [{ BEACON_RETENTION_DAYS: '1.5' }, /BEACON_RETENTION_DAYS/],
    [{ BEACON_RATE_LIMIT_PER_SECOND: '0' }, /BEACON_RATE_LIMIT_PER_SECOND/],
    [{ BEACON_ELASTICSEARCH_URL: 'localhost:9200' }, /BEACON_ELASTICSEARCH_URL/],
    [{ BEACON_ELASTICSEARCH_INDEX_PREFIX: 'Fleet' }, /BEACON_ELASTICSEARCH_INDEX_PREFIX/],
  ])('fails fast with a message naming the variable: %j', (env, message) => {
    expect(() => loadConfig(env, defaults)).toThrow(ConfigError);
    expect(() => loadConfig(env, defaults)).toThrow(message);
  });
});
