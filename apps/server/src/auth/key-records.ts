import { EventStore } from '@beacon/event-store';
import { Injectable } from '@nestjs/common';
import { RememberedLookups } from '../shared/remembered-lookups';
import { apiKeyStream, type ApiKeyEvent } from './api-key-events';
import type { Role } from './principal';

/** A record looked up is trusted for this long, as `ApiKeys` trusts a key (decision 028). */
const RECHECK_MS = 10_000;
const MAX_REMEMBERED = 10_000;

/** An issued key as its events tell it, by id: what a live ticket and `GET /api/v1/me` need. */
export interface KeyRecord {
  keyId: string;
  name: string;
  role: Role;
  customerId: string | null;
  /** The key's SHA-256 digest: the secret its live tickets are signed with. */
  digest: Buffer;
  expiresAt: number | null;
  revoked: boolean;
}

/**
 * Issued keys by id (a ticket names its key by id; a presented key is found by digest in `ApiKeys`).
 * A record is remembered for 10 s and dropped at once when a revocation is announced, so an open
 * stream's check every second costs one read of the key's stream per 10 s however many streams it
 * holds; copies of a lookup that arrive together share it.
 */
@Injectable()
export class KeyRecords {
  private readonly lookups = new RememberedLookups<KeyRecord | null>(RECHECK_MS, MAX_REMEMBERED);

  constructor(private readonly store: EventStore) {}

  /** The key with this id, or null for one never issued. */
  byId(keyId: string, now = Date.now()): Promise<KeyRecord | null> {
    return this.lookups.lookUp(keyId, (id) => this.lookUp(id), now);
  }

  /** A revocation of this key was announced. */
  forget(keyId: string): void {
    this.lookups.forget(keyId);
  }

  /** Announcements may have been missed. */
  forgetAll(): void {
    this.lookups.forgetAll();
  }

  private async lookUp(keyId: string): Promise<KeyRecord | null> {
    const events = await this.store.readStream<ApiKeyEvent>(apiKeyStream(keyId));
    const issued = events.find((e) => e.type === 'ApiKeyIssued');
    if (!issued) return null;
    const { name, role, customerId, keyHash, expiresAt } = issued.data;
    return {
      keyId,
      name,
      role,
      customerId,
      digest: Buffer.from(keyHash, 'hex'),
      expiresAt: expiresAt ? Date.parse(expiresAt) : null,
      revoked: events.some((e) => e.type === 'ApiKeyRevoked'),
    };
  }
}
