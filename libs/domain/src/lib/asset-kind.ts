export type AssetKind = 'vehicle' | 'aircraft';

/** The seed's rule: a vehicle is online while its last heartbeat is younger than 60 s. */
export const DEFAULT_TIMEOUT_SECONDS: Record<AssetKind, number> = {
  vehicle: 60,
  aircraft: 60,
};
