import { Client } from '@elastic/elasticsearch';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'tools', 'elasticsearch', 'elasticsearch.sh');
/** As root the script may move a node dir that its user cannot reach here (tools/elasticsearch/README.md). */
const RELOCATED_NODES = '/var/lib/beacon/elasticsearch/nodes';

export interface BenchElasticsearchOptions {
  /** A port for benchmarks only (the tests use 9271, a developer's node 9200/9250); transport takes port + 100. */
  port: number;
  /** The JVM heap, as the script takes it (`512m`, `1g`); the script's default when absent. */
  heap?: string;
}

/** What a figure measured against this node depends on; recorded with the results. */
export interface ElasticsearchSettings {
  version: string;
  heapMaxBytes: number;
  processors: number;
}

export interface BenchElasticsearch {
  url: string;
  /** Configured as the server configures its own (apps/server read-model.module.ts). */
  client: Client;
  settings: ElasticsearchSettings;
}

/**
 * Runs `work` against a fresh single-node Elasticsearch 8 started by tools/elasticsearch on
 * 127.0.0.1, then stops it and removes its data whatever happened, Ctrl-C included.
 */
export async function withBenchElasticsearch<T>(
  options: BenchElasticsearchOptions,
  work: (elasticsearch: BenchElasticsearch) => Promise<T>,
): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'beacon-bench-es-'));
  // mkdtemp makes 0700; as root the node runs as user beacon-es, which must get into its folder.
  await chmod(dataDir, 0o755);
  const stopSync = (): void => {
    execFileSync('bash', [SCRIPT, 'stop', '--data', dataDir], { stdio: ['ignore', 'ignore', 'inherit'] });
    removeNodeDirSync(dataDir);
  };
  // Synchronous on purpose: withBenchPostgres's handler exits the process once PostgreSQL is down,
  // which would cut an asynchronous stop short and leave the node running.
  const onInterrupt = (): void => {
    console.error('interrupted: stopping Elasticsearch and removing its data');
    stopSync();
    // Alone, this listener would have disabled Node's exit on Ctrl-C; with others, the last one exits.
    if (process.listenerCount('SIGINT') === 0) process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  let client: Client | null = null;
  try {
    const url = await startNode(dataDir, options);
    client = new Client({ node: url, requestTimeout: 30_000, maxRetries: 3 });
    return await work({ url, client, settings: await readSettings(client) });
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    await client?.close();
    await stopNode(dataDir);
  }
}

function startNode(dataDir: string, options: BenchElasticsearchOptions): Promise<string> {
  const args = [SCRIPT, 'start', '--port', String(options.port), '--data', dataDir, ...(options.heap ? ['--heap', options.heap] : [])];
  return new Promise((resolvePromise, reject) => {
    const child = execFile('bash', args, { encoding: 'utf8' }, (error, stdout) => {
      const url = stdout.trim().split('\n').pop() ?? '';
      if (error) reject(new Error(`tools/elasticsearch could not start a node on port ${options.port}: ${error.message}`));
      else if (!url.startsWith('http://')) reject(new Error(`tools/elasticsearch printed no URL: ${JSON.stringify(stdout)}`));
      else resolvePromise(url);
    });
    // Its progress (a first run fetches the distribution, minutes) and, on failure, the node's log.
    child.stderr?.pipe(process.stderr);
  });
}

async function stopNode(dataDir: string): Promise<void> {
  await new Promise<void>((resolvePromise) => {
    const child = execFile('bash', [SCRIPT, 'stop', '--data', dataDir], () => resolvePromise());
    child.stderr?.pipe(process.stderr);
  });
  await rm(dataDir, { recursive: true, force: true });
  removeRelocatedSync(dataDir);
}

function removeNodeDirSync(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
  removeRelocatedSync(dataDir);
}

/** The script's stand-in for a dir its user could not reach, named by a hash of the dir's path. */
function removeRelocatedSync(dataDir: string): void {
  const requested = resolve(dataDir);
  const relocated = join(RELOCATED_NODES, createHash('sha256').update(requested).digest('hex').slice(0, 12));
  const origin = join(relocated, '.origin');
  if (existsSync(origin) && readFileSync(origin, 'utf8').trim() === requested) rmSync(relocated, { recursive: true, force: true });
}

async function readSettings(client: Client): Promise<ElasticsearchSettings> {
  const info = await client.nodes.info({ node_id: '_local', metric: ['jvm', 'os'] });
  const node = Object.values(info.nodes)[0];
  if (!node) throw new Error('Elasticsearch answered _nodes/_local without a node');
  return {
    version: node.version,
    heapMaxBytes: Number(node.jvm?.mem?.heap_max_in_bytes ?? 0),
    processors: node.os?.allocated_processors ?? node.os?.available_processors ?? 0,
  };
}
