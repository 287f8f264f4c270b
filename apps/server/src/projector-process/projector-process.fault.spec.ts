import { eventually, type TestDatabase, createTestDatabase } from '@beacon/testing';
import { readFileSync } from 'node:fs';
import { ServerProcess } from '../testing/server-process';
import { adminHeaders } from '../testing/test-app';

/**
 * The all-in-one server as `npm start` runs it keeps its request thread for requests: the projector
 * runs in a child process of its own (decision 036), which the server starts again when it dies and
 * stops before it stops itself, and which exits when the server goes away.
 */
/** The parent of `pid` from /proc, or null once the process is gone (and reaped). */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

const commandLineOf = (pid: number): string[] => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');

/** Every projector process the server has logged starting, in order. */
function projectorPids(log: string): number[] {
  return [...log.matchAll(/projector running in process (\d+)/g)].map((match) => Number(match[1]));
}

async function latestProjectorPid(running: ServerProcess, after: number | null = null): Promise<number> {
  return eventually(() => {
    const pid = projectorPids(running.log).at(-1);
    if (pid === undefined || pid === after || parentOf(pid) !== running.pid)
      throw new Error(`no new projector process yet:\n${running.log}`);
    return pid;
  }, 20_000);
}

const send = (running: ServerProcess, method: string, path: string, body: object) =>
  fetch(`${running.url}${path}`, { method, headers: { ...adminHeaders, 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function lastSeenAt(running: ServerProcess, assetId: string): Promise<string | null> {
  const response = await fetch(`${running.url}/api/v1/assets?q=${assetId}`, { headers: adminHeaders });
  const { items } = (await response.json()) as { items: Array<{ id: string; lastSeenAt: string | null }> };
  return items.find((asset) => asset.id === assetId)?.lastSeenAt ?? null;
}

async function heartbeatBecomesSearchable(running: ServerProcess, assetId: string, timestamp: string): Promise<void> {
  expect((await send(running, 'POST', `/api/v1/assets/${assetId}/heartbeats`, { lat: 59.3, lon: 18.1, timestamp })).status).toBe(202);
  await eventually(async () => expect(await lastSeenAt(running, assetId)).toBe(timestamp), 20_000);
}

const metrics = async (running: ServerProcess): Promise<string> =>
  (await fetch(`${running.url}/metrics`, { headers: adminHeaders })).text();

describe('the projector of the all-in-one server', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let first: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await ServerProcess.start(database.url);
  });
  afterAll(async () => {
    await server.kill('SIGKILL');
    await database.drop();
  });

  it('runs in a child process of its own, and what is ingested becomes searchable', async () => {
    first = await latestProjectorPid(server);
    expect(commandLineOf(first)).toContain('--projector-process');
    // Its lines are the server's format, and say which process wrote them.
    await eventually(() => expect(server.log).toMatch(/"name":"projector".*"msg":"leading projection assets-read-model"/), 60_000);
    // A command waits for the read model (decision 022): the checkpoint the child writes reaches it.
    const customer = await send(server, 'POST', '/api/v1/customers', { id: 'apart', name: 'Apart AB' });
    expect(customer.status).toBe(201);
    const asset = await send(server, 'POST', '/api/v1/assets', { id: 'APART-1', kind: 'vehicle', customerId: 'apart' });
    expect(asset.status).toBe(201);
    expect(asset.headers.get('beacon-read-model')).toBeNull();
    await heartbeatBecomesSearchable(server, 'APART-1', new Date(Date.now() - 60_000).toISOString());
    const scraped = await metrics(server);
    expect(scraped).toMatch(/^beacon_projection_lag_seconds\{projection="assets-read-model"\} \d/m);
    expect(scraped).toMatch(/^beacon_projector_process_restarts_total 0$/m);
  });

  it('is started again when it dies, and carries on projecting', async () => {
    process.kill(first, 'SIGKILL');
    const second = await latestProjectorPid(server, first);
    expect(parentOf(first)).toBeNull();
    await heartbeatBecomesSearchable(server, 'APART-1', new Date(Date.now() - 30_000).toISOString());
    expect(await metrics(server)).toMatch(/^beacon_projector_process_restarts_total 1$/m);
    first = second;
  });

  it('is stopped when the server stops', async () => {
    await server.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(parentOf(first)).toBeNull();
    expect(server.log).toContain('projector process stopped');
  });

  it('exits by itself when the server is killed', async () => {
    server = await ServerProcess.start(database.url);
    const projector = await latestProjectorPid(server);
    await server.kill('SIGKILL');
    await eventually(() => expect(parentOf(projector)).toBeNull(), 20_000);
  });
});
