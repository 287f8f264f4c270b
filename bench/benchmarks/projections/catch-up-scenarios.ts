import type { EventStore } from '@beacon/event-store';
import { projectAssets } from '@beacon/read-models';
import type { Client } from '@elastic/elasticsearch';
import type { ClientBase, Pool } from 'pg';
import { perSecond, type Scenario } from '../../lib/repeat';
import type { Target } from '../../lib/types';
import { catchUpFrom0, catchUpInTransactions, catchUpReadingAhead } from './catch-up';
import { freshElasticsearchReadModel, verifyElasticsearchReadModel, type ElasticsearchReadModel } from './elasticsearch-read-model';
import type { LogFacts } from './log-facts';
import { resetPostgresReadModel, verifyPostgresReadModel } from './postgres-read-model';

const READ_ONLY = 'readAll only';
const UNIT = 'events/s';

export interface CatchUpScenarioOptions {
  pool: Pool;
  /** Set-up and checks, never a timed connection. */
  admin: ClientBase;
  store: EventStore;
  elasticsearch: Client;
  /** The log as it stands: each run must project all of it. */
  facts: LogFacts;
  customers: number;
  batchSize: number;
  elasticsearchTarget?: Target;
}

export interface CatchUpScenarios {
  scenarios: Scenario[];
  /** The read model of the last Elasticsearch run: complete up to the log's head. */
  lastElasticsearch(): ElasticsearchReadModel | null;
}

/**
 * A projector rebuilding from position 0: reading the log alone (the baseline, nothing written),
 * into PostgreSQL, and into Elasticsearch. Each run checks afterwards that the read model holds
 * the whole log, so a run that wrote nothing fails instead of reporting a great rate.
 */
export function catchUpScenarios(options: CatchUpScenarioOptions): CatchUpScenarios {
  const { pool, admin, store, elasticsearch, facts, batchSize } = options;
  const assertAll = (read: number): void => {
    if (read !== facts.events) throw new Error(`catch-up handled ${read} events, the log holds ${facts.events}`);
  };
  let elasticsearchRuns = 0;
  let readModel: ElasticsearchReadModel | null = null;
  const current = (): ElasticsearchReadModel => {
    if (!readModel) throw new Error('the Elasticsearch scenario measured before it was prepared');
    return readModel;
  };
  const elasticsearchScenario = (
    scenario: string,
    projectionOptions: { concurrentBulks?: number },
    target?: Target,
    follow: typeof catchUpFrom0 = catchUpFrom0,
  ): Scenario => ({
    scenario,
    unit: UNIT,
    baseline: READ_ONLY,
    ...(target ? { target } : {}),
    prepare: async () => {
      readModel = await freshElasticsearchReadModel(elasticsearch, `catch-up-${++elasticsearchRuns}`, projectionOptions);
    },
    measure: async () => {
      const { projection } = current();
      const rate = await perSecond(facts.events, async () =>
        assertAll(await follow(store, batchSize, (events, after) => projection.apply(events, undefined, after))),
      );
      await verifyElasticsearchReadModel(elasticsearch, current(), facts, {
        customers: options.customers,
        positions: facts.heartbeats,
      });
      return rate;
    },
  });
  const scenarios: Scenario[] = [
    {
      scenario: READ_ONLY,
      unit: UNIT,
      baseline: READ_ONLY,
      measure: () => perSecond(facts.events, async () => assertAll(await catchUpFrom0(store, batchSize, async () => undefined))),
    },
    {
      scenario: 'readAll + PostgreSQL projection',
      unit: UNIT,
      baseline: READ_ONLY,
      prepare: () => resetPostgresReadModel(admin),
      measure: async () => {
        const rate = await perSecond(facts.events, async () =>
          assertAll(await catchUpInTransactions(pool, store, batchSize, (events, client) => projectAssets(events, client))),
        );
        await verifyPostgresReadModel(admin, facts, options.customers);
        return rate;
      },
    },
    // The projection as it was before it split its writes, to show what the second bulk buys.
    elasticsearchScenario('readAll + Elasticsearch projection, one bulk at a time', { concurrentBulks: 1 }),
    // How a rebuild reads: the next batch while this one is written.
    elasticsearchScenario('readAllPages + Elasticsearch projection (rebuild)', {}, undefined, catchUpReadingAhead),
    // Last, so the lag runs that follow the catch-up continue on the projection as the server runs it.
    elasticsearchScenario('readAll + Elasticsearch projection', {}, options.elasticsearchTarget),
  ];
  return { scenarios, lastElasticsearch: () => readModel };
}
