import type { Client } from '@elastic/elasticsearch';
import type { estypes } from '@elastic/elasticsearch';

/**
 * Where the read model lives in Elasticsearch. Queries go through aliases (`<prefix>-assets`,
 * `<prefix>-customers`); each alias points at one concrete index of a *generation*
 * (`<prefix>-assets-<generation>`), so a rebuild can fill a new generation and swap the aliases
 * at once. Positions for tracks go to daily indices (`<prefix>-positions-YYYY.MM.DD`, UTC), so
 * retention deletes whole indices.
 */
export class ElasticsearchIndices {
  constructor(readonly prefix: string) {}

  get assetsAlias(): string {
    return `${this.prefix}-assets`;
  }

  get customersAlias(): string {
    return `${this.prefix}-customers`;
  }

  get positionsPattern(): string {
    return `${this.prefix}-positions-*`;
  }

  assetsIndex(generation: string): string {
    return `${this.assetsAlias}-${generation}`;
  }

  customersIndex(generation: string): string {
    return `${this.customersAlias}-${generation}`;
  }

  /** The daily positions index of an instant, by its UTC date. */
  positionsIndex(timestamp: string): string {
    return `${this.prefix}-positions-${timestamp.slice(0, 10).replaceAll('-', '.')}`;
  }

  /** The UTC day of a positions index name, or null for a name that is not one. */
  positionsDay(index: string): string | null {
    const match = new RegExp(`^${escapeRegExp(this.prefix)}-positions-(\\d{4})\\.(\\d{2})\\.(\\d{2})$`).exec(index);
    return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
  }
}

/**
 * Where a projection writes: one generation's indices (a rebuild filling them), or, with a null
 * `generation`, the aliases themselves — the live read model, wherever a rebuild last moved it.
 */
export interface WriteTarget {
  generation: string | null;
  assets: string;
  customers: string;
}

/**
 * The live read model's target: the aliases. Elasticsearch resolves them on every request, so
 * every process writes where queries read, whichever process moved them (decision 024).
 */
export function aliasesOf(indices: ElasticsearchIndices): WriteTarget {
  return { generation: null, assets: indices.assetsAlias, customers: indices.customersAlias };
}

/** A generation name that sorts by creation time: a rebuild's indices sort after the live ones. */
export function newGeneration(now = new Date()): string {
  return now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17);
}

/**
 * The generation created when there is none: one fixed name, so that processes starting together
 * (the replicas of a deployment) race to create the same indices, and all end up using them,
 * instead of each creating a generation of its own behind the same alias.
 */
export const FIRST_GENERATION = '00000000000000000';

const SINGLE_NODE_SETTINGS = { number_of_shards: 1, number_of_replicas: 0 } as const;

/** Lower-cased keywords: filters and sorts ignore case, `_source` keeps what was sent. */
const ANALYSIS: estypes.IndicesIndexSettingsAnalysis = {
  normalizer: { lowercase: { type: 'custom', filter: ['lowercase'] } },
};

/** Returned and copied into `search`, but neither filtered nor sorted on: not indexed itself. */
const SEARCHED_ONLY = { type: 'keyword', index: false, doc_values: false, copy_to: 'search' } as const;

/**
 * Every heartbeat re-indexes its asset's document, so the mapping indexes only what queries use.
 * Text search runs on `search`, a text field every searchable field is copied into; prefixes of
 * up to 4 characters are indexed, so short "starts with" terms — the ones that would expand to
 * many words — are term lookups; longer ones expand over few words anyway. What a rewrite cost with
 * every field indexed and longer prefixes: docs/performance-history.md "Projections".
 */
export const ASSET_MAPPINGS: estypes.MappingTypeMapping = {
  // A view field not listed here is kept in `_source` and returned, not indexed: a field the API
  // only shows needs no mapping, and an index made before it was added takes it (decision 033).
  dynamic: false,
  properties: {
    id: { type: 'keyword', copy_to: 'search' },
    kind: { type: 'keyword' },
    customerId: { type: 'keyword' },
    customerName: SEARCHED_ONLY,
    registration: { type: 'keyword', normalizer: 'lowercase', copy_to: 'search' },
    label: SEARCHED_ONLY,
    callsign: SEARCHED_ONLY,
    icao24: SEARCHED_ONLY,
    search: { type: 'text', index_prefixes: { min_chars: 1, max_chars: 4 } },
    timeoutSeconds: { type: 'integer' },
    lastSeenAt: { type: 'date' },
    offlineAt: { type: 'date' },
    location: { type: 'geo_point' },
    // `position` and `version` are returned as stored; `location` is the indexed copy of lat/lon.
    decommissioned: { type: 'boolean' },
  },
};

export const CUSTOMER_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    name: { type: 'keyword' },
    address: { type: 'keyword', index: false },
  },
};

/** Tracks read positions by asset and time; the measurements are only returned, never searched. */
export const POSITION_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    assetId: { type: 'keyword' },
    timestamp: { type: 'date' },
    lat: { type: 'double', index: false },
    lon: { type: 'double', index: false },
    altitude: { type: 'double', index: false },
    speed: { type: 'double', index: false },
    heading: { type: 'double', index: false },
  },
};

/**
 * Creates what is missing: the positions template and, when the aliases do not exist yet, a
 * first generation of the assets and customers indices behind them. Safe to run at every start
 * and from several processes (a lost race to create the same index is not an error).
 */
export async function ensureElasticsearchSchema(client: Client, indices: ElasticsearchIndices): Promise<WriteTarget> {
  await client.indices.putIndexTemplate({
    name: `${indices.prefix}-positions`,
    index_patterns: [indices.positionsPattern],
    template: {
      settings: { ...SINGLE_NODE_SETTINGS, refresh_interval: '1s' },
      mappings: POSITION_MAPPINGS,
    },
  });
  const current = await currentWriteTarget(client, indices);
  if (current) {
    await takeCurrentMappings(client, current);
    return current;
  }
  const target = writeTargetOf(indices, FIRST_GENERATION);
  await createGeneration(client, target, { withAliases: indices });
  return (await currentWriteTarget(client, indices)) ?? target;
}

/**
 * Brings an existing generation's mappings up to this version's: new fields and settings are added
 * in place (Elasticsearch merges mappings), so an index made by an earlier version keeps taking
 * documents. A change Elasticsearch cannot merge, such as a field's type, needs a new generation.
 */
async function takeCurrentMappings(client: Client, target: WriteTarget): Promise<void> {
  try {
    await client.indices.putMapping({ index: target.assets, ...ASSET_MAPPINGS });
    await client.indices.putMapping({ index: target.customers, ...CUSTOMER_MAPPINGS });
  } catch (error) {
    throw new Error(
      `The read model's indices (${target.assets}, ${target.customers}) cannot take this version's mappings: ${String(error)}. ` +
        'Such a change needs a new generation: start with another BEACON_ELASTICSEARCH_INDEX_PREFIX, which projects the log into new indices.',
      { cause: error },
    );
  }
}

export function writeTargetOf(indices: ElasticsearchIndices, generation: string): WriteTarget {
  return { generation, assets: indices.assetsIndex(generation), customers: indices.customersIndex(generation) };
}

/** Creates the empty indices of a generation; with `withAliases`, the aliases point at them. */
export async function createGeneration(
  client: Client,
  target: WriteTarget,
  options: { withAliases?: ElasticsearchIndices } = {},
): Promise<void> {
  const create = async (index: string, mappings: estypes.MappingTypeMapping, alias?: string): Promise<void> => {
    try {
      await client.indices.create({
        index,
        settings: { ...SINGLE_NODE_SETTINGS, analysis: ANALYSIS },
        mappings,
        ...(alias ? { aliases: { [alias]: {} } } : {}),
      });
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  };
  await create(target.assets, ASSET_MAPPINGS, options.withAliases?.assetsAlias);
  await create(target.customers, CUSTOMER_MAPPINGS, options.withAliases?.customersAlias);
}

/** The generation the aliases point at, or null before the first start. */
export async function currentWriteTarget(client: Client, indices: ElasticsearchIndices): Promise<WriteTarget | null> {
  const aliased = await client.indices.getAlias({ name: indices.assetsAlias }, { ignore: [404] });
  const index = Object.keys(aliased).find((name) => name.startsWith(`${indices.assetsAlias}-`));
  if (!index) return null;
  return writeTargetOf(indices, index.slice(indices.assetsAlias.length + 1));
}

/**
 * The indices of any generation that no alias points at, `except` those named: what a rebuild that
 * never completed (its leader died) left behind. One request lists each index with its aliases.
 */
export async function unaliasedGenerations(client: Client, indices: ElasticsearchIndices, except: WriteTarget): Promise<string[]> {
  const listed = await client.indices.getAlias(
    { index: [`${indices.assetsAlias}-*`, `${indices.customersAlias}-*`], allow_no_indices: true },
    { ignore: [404] },
  );
  return Object.entries(listed)
    .filter(([index, { aliases }]) => Object.keys(aliases ?? {}).length === 0 && index !== except.assets && index !== except.customers)
    .map(([index]) => index);
}

/** Points both aliases at `next` in one atomic request, and away from every other generation. */
export async function swapAliases(client: Client, indices: ElasticsearchIndices, next: WriteTarget): Promise<void> {
  await client.indices.updateAliases({
    actions: [
      { remove: { index: `${indices.assetsAlias}-*`, alias: indices.assetsAlias, must_exist: false } },
      { remove: { index: `${indices.customersAlias}-*`, alias: indices.customersAlias, must_exist: false } },
      { add: { index: next.assets, alias: indices.assetsAlias } },
      { add: { index: next.customers, alias: indices.customersAlias } },
    ],
  });
}

function isAlreadyExists(error: unknown): boolean {
  const type = (error as { body?: { error?: { type?: string } } }).body?.error?.type;
  return type === 'resource_already_exists_exception';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
