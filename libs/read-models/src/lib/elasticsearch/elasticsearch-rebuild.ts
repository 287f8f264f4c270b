import type { Client } from '@elastic/elasticsearch';
import type { ReadModelRebuild, ReadModelRebuilds } from '../read-model.port';
import { createGeneration, newGeneration, swapAliases, writeTargetOf, type ElasticsearchIndices, type WriteTarget } from './elasticsearch-indices';
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
    await this.dropOrphans();
    const next = writeTargetOf(this.indices, newGeneration());
    await createGeneration(this.client, next);
    const projection = new ElasticsearchAssetsProjection(this.client, this.indices, next);
    return {
      projection,
      complete: async () => {
        const previous = this.live.writeTarget;
        await this.client.indices.refresh({ index: [next.assets, next.customers] });
        await swapAliases(this.client, this.indices, next);
        this.live.retarget(next);
        await this.drop(previous);
      },
      abandon: () => this.drop(next),
    };
  }

  /** Generations of a rebuild that never completed (its leader died): only the leader rebuilds. */
  private async dropOrphans(): Promise<void> {
    const live = this.live.writeTarget;
    const existing = await this.client.indices.get({ index: [`${this.indices.assetsAlias}-*`, `${this.indices.customersAlias}-*`] });
    const orphans = Object.keys(existing).filter((index) => index !== live.assets && index !== live.customers);
    if (orphans.length > 0) await this.client.indices.delete({ index: orphans, ignore_unavailable: true });
  }

  private async drop(target: WriteTarget): Promise<void> {
    await this.client.indices.delete({ index: [target.assets, target.customers], ignore_unavailable: true });
  }
}
