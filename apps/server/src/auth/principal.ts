/** API roles (docs/API.md "Auth"): admin does everything, viewer reads, device sends heartbeats. */
export type Role = 'admin' | 'viewer' | 'device';

/** Who is calling: the key's id, its role and, for scoped keys, the one customer it may touch. */
export interface Principal {
  keyId: string;
  role: Role;
  customerId: string | null;
}

/** Reads without a key when `BEACON_AUTH=off` (the local demo): an unscoped viewer. */
export const ANONYMOUS_READER: Principal = { keyId: 'anonymous', role: 'viewer', customerId: null };

/** Beacon's own commands (the demo fleet), with the rights of an admin. */
export const SYSTEM: Principal = { keyId: 'system', role: 'admin', customerId: null };

/** The admin key of `BEACON_ADMIN_KEY`. */
export const BOOTSTRAP_ADMIN: Principal = { keyId: 'bootstrap-admin', role: 'admin', customerId: null };

/** Heartbeats of an asset may come from an admin, or a device key of the asset's customer. */
export function mayWriteFor(principal: Principal, customerId: string): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'device' && (principal.customerId === null || principal.customerId === customerId);
}

/** The customer a reader is confined to, or null when it may see every customer. */
export function readScope(principal: Principal): string | null {
  return principal.role === 'admin' ? null : principal.customerId;
}
