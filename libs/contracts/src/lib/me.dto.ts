import type { ApiKeyRole } from './commands.dto';

/**
 * `GET /api/v1/me`: who the presented key is, so that a client (the dashboard after sign-in) can
 * show it and offer what its role may do. Without a key on a server with `BEACON_AUTH=off`, the
 * anonymous reader: an unscoped viewer with no key name.
 */
export interface MeResponse {
  /** Only readers ask: a device key is refused with 403. */
  role: Extract<ApiKeyRole, 'admin' | 'viewer'>;
  /** The one customer the key may read; null for every customer. */
  customerId: string | null;
  /** That customer's name in the read model; null when unscoped (or not yet in the read model). */
  customerName: string | null;
  /** The name the key was issued with; null for the bootstrap admin key and the anonymous reader. */
  keyName: string | null;
}
