import type { Client } from '@elastic/elasticsearch';
import type { ReadModelRebuild, ReadModelRebuilds } from '../read-model.port';
import {
  createGeneration,
  newGeneration,
  swapAliases,
  unaliasedGenerations,
  writeTargetOf,
  type ElasticsearchIndices,
  type WriteTarget,
} from './elasticsearch-indices';
import { ElasticsearchAssetsProjection } from './elasticsearch-projection';

/**
 * Zero-downtime rebuilds on Elasticsearch: a new generation of the assets and customers indices
 * is filled from the log while queries keep reading the old one through the aliases; one atomic
 * alias update swaps them. Positions are not rebuilt: their daily indices are written with the
 * event's global position as id and version, so replaying them is a no-op anyway.
 */
export class ElasticsearchRebuilds implements ReadModelRebuilds {
  constructor(
    private readonly client: Client,
    private readonly indices: ElasticsearchIndices,
    private readonly live: ElasticsearchAssetsProjection,
  ) {}

  async begin(): Promise<ReadModelRebuild> {
    const next = writeTargetOf(this.indices, newGeneration());
    await this.dropOrphans(next);
    await createGeneration(this.client, next);
    const projection = new ElasticsearchAssetsProjection(this.client, this.indices, next);
    return {
      projection,
      complete: async () => {
        await this.client.indices.refresh({ index: [next.assets, next.customers] });
        await swapAliases(this.client, this.indices, next);
        // The live projection writes through the aliases, so it now writes to `next`; what it
        // remembers of the documents came from the old generation.
        this.live.reset();
        await this.dropOrphans(next);
      },
      abandon: () => this.drop(next),
    };
  }

  /**
   * Generations no alias points at: the one a completed rebuild moved the aliases away from, or
   * one left by a rebuild whose leader died. Never what the aliases point at, whoever moved them,
   * and never `current`, the generation this rebuild fills.
   */
  private async dropOrphans(current: WriteTarget): Promise<void> {
    const orphans = await unaliasedGenerations(this.client, this.indices, current);
    if (orphans.length > 0) await this.client.indices.delete({ index: orphans, ignore_unavailable: true });
  }

  private async drop(target: WriteTarget): Promise<void> {
    await this.client.indices.delete({ index: [target.assets, target.customers], ignore_unavailable: true });
  }
}
