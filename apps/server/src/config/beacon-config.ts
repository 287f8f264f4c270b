import { DEFAULT_MAX_AGE_DAYS } from '@beacon/domain';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Role = 'ingest' | 'query' | 'projector';
const ROLES: readonly Role[] = ['ingest', 'query', 'projector'];

/** Everything Beacon reads from its environment, validated once at start-up. */
export interface BeaconConfig {
  port: number;
  /** The address to listen on: 127.0.0.1 unless `BEACON_HOST` says otherwise. */
  host: string;
  /** Where the embedded PostgreSQL and the demo's admin key live (`BEACON_DATA_DIR`). */
  dataDir: string;
  /** An existing PostgreSQL; null starts the embedded one under `dataDir`. */
  databaseUrl: string | null;
  /** The Elasticsearch read model; null keeps the read model in PostgreSQL. */
  elasticsearchUrl: string | null;
  /** Names Beacon's indices and aliases (`<prefix>-assets`, …), so clusters can be shared. */
  elasticsearchIndexPrefix: string;
  roles: ReadonlySet<Role>;
  /**
   * Where a server that runs the projector beside ingest or query runs it (`BEACON_PROJECTOR`): in a
   * child process of its own, started and watched by this one (`separate`, decision 036), or on the
   * request thread (`inline`). A process whose only role is the projector runs it itself either way.
   */
  projector: 'inline' | 'separate';
  demo: boolean;
  /** When false, reads need no key (the local demo only); writes always do. */
  auth: boolean;
  adminKey: string | null;
  /**
   * The file the admin key came from (`BEACON_ADMIN_KEY_FILE`, or the demo's), read again while the
   * server runs so that the key can be rotated; null for a key given directly.
   */
  adminKeyFile: string | null;
  /** The built dashboard to serve at `/`; null serves none. */
  dashboardDir: string | null;
  /** Heartbeats older than this many days are dropped (whole daily partitions); null keeps all. */
  retentionDays: number | null;
  /** A heartbeat older than this many days when it arrives is refused (default: the retention, else 30). */
  heartbeatMaxAgeDays: number;
  /** Requests per second allowed to one API key (or, without a key, one client address). */
  rateLimitPerSecond: number;
  /** On SIGTERM, how long `/health/ready` fails before the server closes, so a proxy stops sending first. */
  drainSeconds: number;
  /** How long a command's answer waits for the read model to apply its event (0: it does not wait). */
  readYourWritesMs: number;
  /** How long the live stream still follows the log after its last client left. */
  liveIdleSeconds: number;
  /** PostgreSQL cancels a statement that runs (or waits for a lock) longer than this. */
  databaseStatementTimeoutMs: number;
  /** Heartbeats waiting for a group-commit flush beyond this many rows are refused with 503. */
  heartbeatQueueRows: number;
  /** Invalid keys one client address may present per minute before it gets 429 without a lookup. */
  authFailuresPerMinute: number;
  /**
   * Which proxies' `X-Forwarded-For` to believe for the client address: false (the socket's
   * address, the default), or addresses and CIDR ranges (`BEACON_TRUST_PROXY`).
   */
  trustProxy: false | string[];
  /** Origins whose pages may call the API from a browser (CORS); none by default. */
  corsOrigins: string[];
  /** A key that may read `/metrics` (for a Prometheus scraper) besides admin keys; null: admin keys only. */
  metricsKey: string | null;
  /** pino's level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** JSON lines for collectors, or readable lines for a terminal (the default when stdout is one). */
  logFormat: 'json' | 'pretty';
  /** How often the access log writes its line per device route instead of a line per request (decision 051). */
  accessSummarySeconds: number;
  /** Aircraft a customer's ADS-B feeds may register on their own; beyond it, unknown aircraft are refused. */
  feedAircraftPerCustomer: number;
  /** Times an event the read model refuses for its data is tried before it becomes a dead letter. */
  deadLetterAfter: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env, defaults: { dashboardDir: string | null }): BeaconConfig {
  const read = (name: string): string | undefined => readVariable(env, name);
  const retentionDays = parseRetentionDays(read('BEACON_RETENTION_DAYS'));
  return {
    port: parsePort(read('BEACON_PORT') ?? '3000'),
    // Only this machine, unless said otherwise: the image says 0.0.0.0, as a container must (deploy/Dockerfile).
    host: read('BEACON_HOST') ?? '127.0.0.1',
    dataDir: resolve(read('BEACON_DATA_DIR') ?? '.beacon'),
    databaseUrl: withPassword(read('BEACON_DATABASE_URL'), read('BEACON_DATABASE_PASSWORD')),
    elasticsearchUrl: parseElasticsearchUrl(read('BEACON_ELASTICSEARCH_URL')),
    elasticsearchIndexPrefix: parseIndexPrefix(read('BEACON_ELASTICSEARCH_INDEX_PREFIX') ?? 'beacon'),
    roles: parseRoles(read('BEACON_ROLES') ?? ROLES.join(',')),
    projector: parseProjector(read('BEACON_PROJECTOR') ?? 'separate'),
    demo: parseSwitch('BEACON_DEMO', read('BEACON_DEMO') ?? 'off'),
    auth: parseSwitch('BEACON_AUTH', read('BEACON_AUTH') ?? 'on'),
    adminKey: parseKey('BEACON_ADMIN_KEY', read('BEACON_ADMIN_KEY')),
    adminKeyFile: env['BEACON_ADMIN_KEY_FILE'] ? resolve(env['BEACON_ADMIN_KEY_FILE']) : null,
    dashboardDir: read('BEACON_DASHBOARD_DIR') ?? defaults.dashboardDir,
    retentionDays,
    heartbeatMaxAgeDays: parseMaxAgeDays(read('BEACON_HEARTBEAT_MAX_AGE_DAYS'), retentionDays ?? DEFAULT_MAX_AGE_DAYS),
    rateLimitPerSecond: parseRateLimit(read('BEACON_RATE_LIMIT_PER_SECOND') ?? '2000'),
    drainSeconds: parseDrainSeconds(read('BEACON_DRAIN_SECONDS') ?? '0'),
    readYourWritesMs: wholeNumber('BEACON_READ_YOUR_WRITES_MS', read('BEACON_READ_YOUR_WRITES_MS') ?? '2000', 0, 30_000),
    liveIdleSeconds: wholeNumber('BEACON_LIVE_IDLE_SECONDS', read('BEACON_LIVE_IDLE_SECONDS') ?? '60', 1, 86_400),
    databaseStatementTimeoutMs: wholeNumber(
      'BEACON_DATABASE_STATEMENT_TIMEOUT_MS',
      read('BEACON_DATABASE_STATEMENT_TIMEOUT_MS') ?? '15000',
      100,
      600_000,
    ),
    heartbeatQueueRows: wholeNumber('BEACON_HEARTBEAT_QUEUE_ROWS', read('BEACON_HEARTBEAT_QUEUE_ROWS') ?? '50000', 1),
    authFailuresPerMinute: wholeNumber('BEACON_AUTH_FAILURES_PER_MINUTE', read('BEACON_AUTH_FAILURES_PER_MINUTE') ?? '30', 1),
    trustProxy: parseTrustProxy(read('BEACON_TRUST_PROXY')),
    corsOrigins: parseCorsOrigins(read('BEACON_CORS_ORIGINS')),
    metricsKey: parseKey('BEACON_METRICS_KEY', read('BEACON_METRICS_KEY')),
    logLevel: parseLogLevel(read('BEACON_LOG_LEVEL') ?? 'info'),
    logFormat: parseLogFormat(read('BEACON_LOG_FORMAT') ?? (process.stdout.isTTY ? 'pretty' : 'json')),
    accessSummarySeconds: wholeNumber('BEACON_ACCESS_SUMMARY_SECONDS', read('BEACON_ACCESS_SUMMARY_SECONDS') ?? '60', 1, 3_600),
    feedAircraftPerCustomer: wholeNumber('BEACON_FEED_AIRCRAFT_PER_CUSTOMER', read('BEACON_FEED_AIRCRAFT_PER_CUSTOMER') ?? '50000', 0),
    deadLetterAfter: wholeNumber('BEACON_PROJECTION_DEAD_LETTER_AFTER', read('BEACON_PROJECTION_DEAD_LETTER_AFTER') ?? '3', 1, 100),
  };
}

/** `NAME` or, as Docker secrets are mounted, the contents of the file named by `NAME_FILE`. */
function readVariable(env: Env, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new ConfigError(`${name}_FILE: cannot read ${file} (${(error as Error).message})`);
    }
  }
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`BEACON_PORT must be an integer between 0 and 65535, got "${value}"`);
  }
  return port;
}

/**
 * `BEACON_DATABASE_PASSWORD` (usually `_FILE`, a Docker secret that PostgreSQL's own image reads too)
 * replaces the password of `BEACON_DATABASE_URL`, so the URL itself holds no secret.
 */
function withPassword(url: string | undefined, password: string | undefined): string | null {
  if (url === undefined) {
    if (password !== undefined) throw new ConfigError('BEACON_DATABASE_PASSWORD needs BEACON_DATABASE_URL, the server it is for');
    return null;
  }
  if (password === undefined) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('BEACON_DATABASE_URL must be a URL such as postgres://user@host:5432/database');
  }
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

function parseElasticsearchUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!/^https?:\/\/[^/]/.test(value)) throw new ConfigError(`BEACON_ELASTICSEARCH_URL must be an http(s) URL, got "${value}"`);
  return value;
}

/** Elasticsearch index names: lower case, no leading `-`, `_` or `+`, none of its reserved characters. */
function parseIndexPrefix(value: string): string {
  if (!/^[a-z0-9][a-z0-9_.-]{0,40}$/.test(value)) {
    throw new ConfigError(`BEACON_ELASTICSEARCH_INDEX_PREFIX must be lower-case letters, digits, '.', '_' or '-', got "${value}"`);
  }
  return value;
}

function parseRoles(value: string): ReadonlySet<Role> {
  const roles = value
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !ROLES.includes(r as Role));
  if (unknown.length > 0 || roles.length === 0) {
    throw new ConfigError(`BEACON_ROLES must list some of ${ROLES.join(', ')}; got "${value}"`);
  }
  return new Set(roles as Role[]);
}

function parseProjector(value: string): 'inline' | 'separate' {
  if (value !== 'inline' && value !== 'separate') throw new ConfigError(`BEACON_PROJECTOR must be separate or inline, got "${value}"`);
  return value;
}

function parseSwitch(name: string, value: string): boolean {
  if (value === 'on' || value === 'true' || value === '1') return true;
  if (value === 'off' || value === 'false' || value === '0') return false;
  throw new ConfigError(`${name} must be "on" or "off", got "${value}"`);
}

/** A key given in the environment (the admin key, the metrics key): long enough not to be guessed. */
export function parseKey(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value.length < 16) throw new ConfigError(`${name} must be at least 16 characters long`);
  return value;
}

/** A whole number from `min` to `max` (no upper bound when not given). */
function wholeNumber(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
    throw new ConfigError(`${name} must be a whole number (${range}), got "${value}"`);
  }
  return number;
}

function parseRetentionDays(value: string | undefined): number | null {
  if (value === undefined) return null;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1) {
    throw new ConfigError(`BEACON_RETENTION_DAYS must be a whole number of days (1 or more), got "${value}"`);
  }
  return days;
}

function parseMaxAgeDays(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 1_000_000) {
    throw new ConfigError(`BEACON_HEARTBEAT_MAX_AGE_DAYS must be a whole number of days (1 or more), got "${value}"`);
  }
  return days;
}

function parseDrainSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 60) {
    throw new ConfigError(`BEACON_DRAIN_SECONDS must be a number of seconds from 0 to 60, got "${value}"`);
  }
  return seconds;
}

function parseRateLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ConfigError(`BEACON_RATE_LIMIT_PER_SECOND must be a whole number of requests (1 or more), got "${value}"`);
  }
  return limit;
}

const commaList = (value: string): string[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/** A comma-separated list of IPv4/IPv6 addresses or CIDR ranges; nothing trusts no proxy. */
function parseTrustProxy(value: string | undefined): false | string[] {
  if (value === undefined || value === 'off' || value === 'false') return false;
  const entries = commaList(value);
  const invalid = entries.filter((entry) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry));
  if (entries.length === 0 || invalid.length > 0) {
    throw new ConfigError(`BEACON_TRUST_PROXY must list proxy addresses or CIDR ranges (e.g. 10.0.0.0/8), got "${value}"`);
  }
  return entries;
}

/** Comma-separated origins such as `https://ops.example.com`. */
function parseCorsOrigins(value: string | undefined): string[] {
  if (value === undefined) return [];
  const origins = commaList(value);
  const invalid = origins.filter((origin) => !/^https?:\/\/[^/\s]+$/.test(origin));
  if (invalid.length > 0)
    throw new ConfigError(`BEACON_CORS_ORIGINS must list origins such as https://ops.example.com, got "${invalid.join(', ')}"`);
  return origins;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseLogLevel(value: string): string {
  if (!LOG_LEVELS.includes(value)) throw new ConfigError(`BEACON_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return value;
}

function parseLogFormat(value: string): 'json' | 'pretty' {
  if (value !== 'json' && value !== 'pretty') throw new ConfigError(`BEACON_LOG_FORMAT must be json or pretty, got "${value}"`);
  return value;
}
