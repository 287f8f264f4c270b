import type { ClientBase, PoolClient } from 'pg';

/**
 * Stands in for a transaction's client while a batch goes to a store of its own over the network
 * (Elasticsearch): the statements the batch's handler would run in PostgreSQL (a dead letter,
 * savepoints around it) are kept, and run in order in the short transaction that then stores the
 * checkpoint. So no PostgreSQL transaction, nor the checkpoint's row lock, is held while the other
 * store takes its time. Statements whose results are read cannot be deferred: this answers none.
 */
export class DeferredStatements {
  private readonly statements: Array<{ text: string; values?: unknown[] }> = [];

  /** The client to hand to the handler. Only `query` is there to call. */
  asClient(): PoolClient {
    const query = (text: string, values?: unknown[]): Promise<{ rows: never[]; rowCount: 0 }> => {
      this.statements.push({ text, values });
      return Promise.resolve({ rows: [], rowCount: 0 });
    };
    return { query } as unknown as PoolClient;
  }

  async runIn(client: Pick<ClientBase, 'query'>): Promise<void> {
    for (const { text, values } of this.statements) await client.query(text, values);
  }
}
