import type { ReadModelProjection, ReadModelRebuilds } from '@beacon/read-models';
import type { BeaconConfig } from '../config/beacon-config';

/** The projection that keeps the asset read model, as configured: what the projector runs. */
export interface AssetsProjection {
  /** Names the leader election and the checkpoint: each store keeps its own place in the log. */
  name: string;
  projection: ReadModelProjection;
  /** Zero-downtime rebuilds, where the store supports them (Elasticsearch). */
  rebuilds: ReadModelRebuilds | null;
}

export const ASSETS_PROJECTION = Symbol('AssetsProjection');

/** The PostgreSQL projection's name predates the Elasticsearch one: existing checkpoints carry on. */
export const POSTGRES_ASSETS_PROJECTION = 'assets-read-model';

export function elasticsearchAssetsProjectionName(indexPrefix: string): string {
  return `assets-elasticsearch:${indexPrefix}`;
}

/** The name of the asset projection this deployment runs: its checkpoint row, its leader election. */
export function assetsProjectionName({ elasticsearchUrl, elasticsearchIndexPrefix }: BeaconConfig): string {
  return elasticsearchUrl === null ? POSTGRES_ASSETS_PROJECTION : elasticsearchAssetsProjectionName(elasticsearchIndexPrefix);
}
