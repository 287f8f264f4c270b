import type { BeaconConfig, Role } from '../config/beacon-config';

/**
 * The argument a server passes to the projector process it starts: that process projects, serves no
 * port, and exits when its parent goes away. Only a Beacon server sets it (decision 036).
 */
export const PROJECTOR_PROCESS_FLAG = '--projector-process';

/** This process is the projector process of a server that started it. */
export function isProjectorProcess(argv: readonly string[] = process.argv): boolean {
  return argv.includes(PROJECTOR_PROCESS_FLAG);
}

/**
 * Whether this server keeps its request thread for requests and runs its projector in a child
 * process: it runs the projector beside ingest or query, and `BEACON_PROJECTOR` is `separate`.
 */
export function runsProjectorApart(config: BeaconConfig): boolean {
  const serves = config.roles.has('ingest') || config.roles.has('query');
  return config.projector === 'separate' && serves && config.roles.has('projector');
}

/** The configuration of the request thread's app when the projector runs apart: every role but it. */
export function withoutProjector(config: BeaconConfig): BeaconConfig {
  return { ...config, roles: new Set<Role>([...config.roles].filter((role) => role !== 'projector')) };
}

/**
 * The projector process's environment: the server's own, with the projector as its only role, the
 * database the server opened (the embedded PostgreSQL is started once, by the server) and the
 * server's log format and level, so that its lines read like the server's. A variable set here
 * replaces its `_FILE` form too, which `loadConfig` would otherwise prefer; the database password
 * is already in the URL.
 */
export function projectorEnv(env: NodeJS.ProcessEnv, config: BeaconConfig, databaseUrl: string): NodeJS.ProcessEnv {
  const set: Record<string, string> = {
    BEACON_ROLES: 'projector',
    BEACON_DATABASE_URL: databaseUrl,
    BEACON_LOG_FORMAT: config.logFormat,
    BEACON_LOG_LEVEL: config.logLevel,
    // It serves no requests: nothing to drain when it stops.
    BEACON_DRAIN_SECONDS: '0',
  };
  const replaced = (name: string): boolean => name.replace(/_FILE$/, '') in set || name.startsWith('BEACON_DATABASE_PASSWORD');
  const kept = Object.entries(env).filter(([name]) => !replaced(name));
  return { ...Object.fromEntries(kept), ...set };
}
