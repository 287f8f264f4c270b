import { EventStore } from '@beacon/event-store';
import { Injectable } from '@nestjs/common';
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
  private readonly remembered = new Map<string, { record: KeyRecord | null; checkedAt: number }>();
  private readonly lookingUp = new Map<string, Promise<KeyRecord | null>>();
  /** Counts forgettings: a lookup that began before one must not remember what it read. */
  private generation = 0;

  constructor(private readonly store: EventStore) {}

  /** The key with this id, or null for one never issued. */
  byId(keyId: string, now = Date.now()): Promise<KeyRecord | null> {
    const entry = this.remembered.get(keyId);
    if (entry && now - entry.checkedAt < RECHECK_MS) return Promise.resolve(entry.record);
    let lookup = this.lookingUp.get(keyId);
    if (!lookup) {
      const generation = this.generation;
      lookup = this.lookUp(keyId)
        .then((record) => {
          if (generation === this.generation) this.remember(keyId, record, now);
          return record;
        })
        .finally(() => this.lookingUp.delete(keyId));
      this.lookingUp.set(keyId, lookup);
    }
    return lookup;
  }

  /** A revocation of this key was announced. */
  forget(keyId: string): void {
    this.generation++;
    this.remembered.delete(keyId);
  }

  /** Announcements may have been missed. */
  forgetAll(): void {
    this.generation++;
    this.remembered.clear();
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

  private remember(keyId: string, record: KeyRecord | null, now: number): void {
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(keyId, { record, checkedAt: now });
  }
}
