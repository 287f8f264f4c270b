import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from './beacon-server';
import { WORKSPACE } from './server-build';

const CONFIG_SOURCE = join(WORKSPACE, 'apps', 'server', 'src', 'config', 'beacon-config.ts');
/** Lets the benchmark read the server's /metrics (a key of its own: auth is on). */
export const BENCH_METRICS_KEY = randomBytes(16).toString('hex');

/** Far above anything one key can send here, per second or per minute. */
const UNREACHABLE_RATE_LIMIT = '1000000';

export interface ServerEnv {
  env: Record<string, string>;
  /** What the report says about the server's settings: the key itself stays out of it. */
  recorded: Record<string, unknown>;
}

/**
 * The real server's environment, with `BEACON_ROLES` when given (else every role in one process)
 * and any other `settings` (`BEACON_PROJECTOR=inline` for the all-in-one server of before decision 036).
 * The admin key is random (32 characters) for each benchmark. A per-key rate limit would turn the load into 429s, so any rate setting the server's config
 * reads (a `BEACON_…RATE…` variable in beacon-config.ts) is set out of reach and recorded.
 */
export function serverEnv(databaseUrl: string, roles?: string, settings: Record<string, string> = {}): ServerEnv {
  const adminKey = randomBytes(16).toString('hex');
  const rateSettings = [...new Set(readFileSync(CONFIG_SOURCE, 'utf8').match(/\bBEACON_(?:[A-Z0-9]+_)*RATE(?:_[A-Z0-9]+)*\b/g) ?? [])];
  const rateLimit = Object.fromEntries(rateSettings.map((name) => [name, UNREACHABLE_RATE_LIMIT]));
  const fixed = {
    BEACON_DEMO: 'off',
    BEACON_AUTH: 'on',
    BEACON_HOST: '127.0.0.1',
    ...(roles ? { BEACON_ROLES: roles } : {}),
    // A server without the projector role has no read model catching up here: the fleet's
    // registrations would each wait the whole read-your-writes time for nothing.
    ...(roles && !roles.includes('projector') ? { BEACON_READ_YOUR_WRITES_MS: '0' } : {}),
    ...settings,
  };
  return {
    env: { ...fixed, ...rateLimit, BEACON_DATABASE_URL: databaseUrl, BEACON_ADMIN_KEY: adminKey, BEACON_METRICS_KEY: BENCH_METRICS_KEY },
    recorded: {
      command: `node ${SERVER_NODE_FLAGS.join(' ')} dist/apps/server/main.js`,
      env: {
        BEACON_ROLES: '(unset: ingest,query,projector)',
        ...fixed,
        BEACON_ADMIN_KEY: '(random, 32 characters)',
        NODE_ENV: 'production',
      },
      rateLimit: rateSettings.length > 0 ? rateLimit : 'none: beacon-config.ts reads no BEACON_*RATE* variable',
    },
  };
}

export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(WORKSPACE, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

export function adminKeyOf(env: ServerEnv): string {
  return env.env['BEACON_ADMIN_KEY'] ?? '';
}
