import { Client } from 'pg';
import { adminHeaders } from './test-app';

/** What became of every heartbeat a load run sent. */
export interface LoadOutcome {
  /** messageIds answered 202. */
  acknowledged: Set<string>;
  /** messageIds that got no answer (the connection broke): stored or not, nobody was told. */
  unanswered: Set<string>;
  /** Status codes of every answer, by code. */
  statuses: Map<number, number>;
  /** Answers that were not 202 or 503-with-Retry-After, with their bodies. */
  unexpected: string[];
}

export interface LoadOptions {
  url: string;
  assetIds: readonly string[];
  clients: number;
  /** Stops sending once this resolves. */
  until: Promise<unknown>;
  /** Tells each answer as it arrives (for timing). */
  onAnswer?: (status: number) => void;
}

/**
 * `clients` loops, each sending one ping at a time with a messageId of its own, until told to stop:
 * the load of many devices, each heartbeat identifiable afterwards in the log.
 */
export async function sendPings({ url, assetIds, clients, until, onAnswer }: LoadOptions): Promise<LoadOutcome> {
  const outcome: LoadOutcome = { acknowledged: new Set(), unanswered: new Set(), statuses: new Map(), unexpected: [] };
  let stopped = false;
  void until.then(() => (stopped = true));
  const loop = async (client: number): Promise<void> => {
    for (let n = 0; !stopped; n++) {
      const assetId = assetIds[(client + n) % assetIds.length] ?? '';
      const messageId = `c${client}-m${n}`;
      try {
        const response = await fetch(`${url}/api/v1/assets/${assetId}/heartbeats`, {
          method: 'POST',
          headers: { ...adminHeaders, 'content-type': 'application/json' },
          body: JSON.stringify({ lat: 59.3 + n / 1e5, lon: 18.1, messageId }),
        });
        const body = await response.text();
        onAnswer?.(response.status);
        outcome.statuses.set(response.status, (outcome.statuses.get(response.status) ?? 0) + 1);
        if (response.status === 202) outcome.acknowledged.add(`${assetId}/${messageId}`);
        else if (!(response.status === 503 && response.headers.get('retry-after'))) outcome.unexpected.push(`${response.status} ${body}`);
      } catch {
        outcome.unanswered.add(`${assetId}/${messageId}`);
        await new Promise((resolve) => setTimeout(resolve, 20)); // the server is away: do not spin
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));
  return outcome;
}

/** `assetId/messageId` → how many times the log holds it. */
export async function storedMessages(databaseUrl: string): Promise<Map<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ key: string; n: string }>(
      `SELECT asset_id || '/' || message_id AS key, count(*) AS n FROM heartbeats WHERE message_id IS NOT NULL GROUP BY 1`,
    );
    return new Map(result.rows.map(({ key, n }) => [key, Number(n)]));
  } finally {
    await client.end();
  }
}

/** Registers a customer and its vehicles through the API. */
export async function registerFleet(url: string, customerId: string, assetIds: readonly string[]): Promise<void> {
  const post = async (path: string, body: object): Promise<void> => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { ...adminHeaders, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  };
  await post('/api/v1/customers', { id: customerId, name: `${customerId} AB` });
  for (const id of assetIds) await post('/api/v1/assets', { id, kind: 'vehicle', customerId });
}
