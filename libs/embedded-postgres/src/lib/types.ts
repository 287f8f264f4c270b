/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Where the cluster should live; created (and initdb'd) on first start. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 or undefined picks a free one. */
  port?: number;
  /** Extra `-c name=value` server settings, e.g. `{ fsync: 'off' }`. */
  settings?: Record<string, string>;
  /**
   * Receives our own notices and every server log line. When omitted, notices
   * go to console.log and server output is only kept for error messages.
   */
  log?: (line: string) => void;
  /** Override the native folder (bin/lib/share); mainly for tests. */
  binarySource?: string;
  /** How long to wait for the first successful connection (default 60 s). */
  readyTimeoutMs?: number;
}

/** A running cluster. */
export interface EmbeddedPostgresHandle {
  /** postgres://postgres:postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Where the cluster really lives (may differ from the requested dataDir). */
  dataDir: string;
  /** Fast shutdown (SIGINT); resolves once the server process has exited. */
  stop(): Promise<void>;
}

/** The unprivileged account the server runs as when we are root. */
export interface RunAs {
  uid: number;
  gid: number;
}

export const PG_USER = 'postgres';
export const PG_PASSWORD = 'postgres';
