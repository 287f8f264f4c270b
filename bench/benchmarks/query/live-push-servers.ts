import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBeaconServer } from '../ingest/beacon-server';
import { childError, supervise, type Child } from '../ingest/child';
import { assetIds, registerFleet } from '../ingest/fleet';
import { freeLoopbackPort } from '../ingest/free-port';
import { ensureServerBuilt } from '../ingest/server-build';
import { adminKeyOf, serverEnv } from '../ingest/server-env';
import type { SendHeartbeat } from './live-push-load';

/** A server with a live stream, as the live-push scenarios drive it. */
export interface PushServer {
  name: string;
  child: Child;
  streamUrl: string;
  streamHeaders: Record<string, string>;
  send: SendHeartbeat;
  assetIds: readonly string[];
}

/**
 * The built Beacon server on `databaseUrl`, all roles in one process as `npm start` runs it; the
 * first start registers a 1,000-vehicle fleet, later ones (`fleet: 'registered'`) find it there.
 */
export async function startBeaconPushServer(
  databaseUrl: string,
  log: (line: string) => void,
  fleet: 'register' | 'registered' = 'register',
): Promise<PushServer> {
  await ensureServerBuilt(log);
  const env = serverEnv(databaseUrl);
  const server = await startBeaconServer(env.env, await freeLoopbackPort());
  const key = adminKeyOf(env);
  const ids = assetIds();
  if (fleet === 'register') await registerFleet(server.url, key, ids);
  const headers = { authorization: `Bearer ${key}` };
  return {
    name: 'Beacon',
    child: server.child,
    streamUrl: `${server.url}/api/v1/live`,
    streamHeaders: headers,
    assetIds: ids,
    send: async (assetId, body) => {
      const response = await fetch(`${server.url}/api/v1/assets/${assetId}/heartbeats`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 202) throw new Error(`heartbeat answered ${response.status}: ${await response.text()}`);
    },
  };
}

/** The baseline: `live-push-bare-server.ts`, forked; it inherits the harness's way of running TypeScript (`--require`). */
export async function startBarePushServer(): Promise<PushServer> {
  const forked = fork(join(__dirname, 'live-push-bare-server.ts'), [], {
    env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const child = supervise('bare push server', forked);
  const port = await new Promise<number>((resolve, reject) => {
    forked.once('message', (message: { port?: number }) =>
      message.port ? resolve(message.port) : reject(childError(child, 'reported no port')),
    );
    void child.exited.then((code) => reject(childError(child, `exited with code ${code} while starting`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    name: 'bare node:http fan-out',
    child,
    streamUrl: `${url}/live`,
    streamHeaders: {},
    assetIds: assetIds(),
    send: async (assetId, body) => {
      const response = await fetch(`${url}/ping/${assetId}`, { method: 'POST', body: JSON.stringify(body) });
      if (response.status !== 202) throw new Error(`bare ping answered ${response.status}`);
      await response.arrayBuffer();
    },
  };
}

/** Resident memory of a process, in bytes (Linux). */
export function residentBytes(pid: number): number {
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kilobytes) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kilobytes) * 1024;
}
