import type { AssetDto } from '@beacon/contracts';
import { notYetSeen, statusAt, type AssetView } from '@beacon/domain';

/** The asset view as a read model keeps it: `offlineAt` is the store's own (a column, an indexed field). */
export type StoredAssetView = Omit<AssetView, 'offlineAt'>;

/**
 * Every field of the view is part of the API's asset: adding one to the view and not to `AssetDto`
 * fails to compile here, rather than reaching clients undeclared.
 */
type MissingFromDto = Exclude<keyof StoredAssetView, keyof AssetDto>;
const everyViewFieldInDto: [MissingFromDto] extends [never] ? true : MissingFromDto = true;
void everyViewFieldInDto;

/**
 * The asset as the API answers it, from either read model: its view, its customer's name and its
 * status at `now`. A view stored before a field was added to the domain's rule lacks it: it reads
 * as an asset not yet seen has it (null) until the asset's next heartbeat or a rebuild rewrites it.
 */
export function assetDtoOf(view: StoredAssetView, customerName: string, now: Date): AssetDto {
  return { ...notYetSeen(), ...view, customerName, status: statusAt(view, now) };
}
