import type { Role } from './principal';

/** Each key's events live in stream `apikey-<id>`. */
export const apiKeyStream = (keyId: string): string => `apikey-${keyId}`;

/** Tells every process that a key was revoked (payload: its id), so cached principals go at once. */
export const API_KEY_REVOKED_CHANNEL = 'beacon_api_key_revoked';

/** What the log keeps of an issued key: never the key, only its digest. */
export interface ApiKeyIssued {
  keyId: string;
  name: string;
  role: Role;
  customerId: string | null;
  keyHash: string;
  issuedAt: string;
  /** After this instant the key is refused; absent or null: it does not expire. */
  expiresAt?: string | null;
}

export interface ApiKeyRevoked {
  keyId: string;
  revokedAt: string;
}

/** The events of a key's stream, as `readStream<ApiKeyEvent>` returns them. */
export type ApiKeyEvent = { type: 'ApiKeyIssued'; data: ApiKeyIssued } | { type: 'ApiKeyRevoked'; data: ApiKeyRevoked };
