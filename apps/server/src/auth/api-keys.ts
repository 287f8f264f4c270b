import { EventStore } from '@beacon/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG, PG_POOL } from '../config/config.tokens';
import type { RequestMetadata } from '../http/request-metadata';
import { keyDigest, newApiKey, sameDigest } from './api-key';
import { BOOTSTRAP_ADMIN, type Principal, type Role } from './principal';

/** What the log keeps of an issued key: never the key, only its digest. */
export interface ApiKeyIssued {
  keyId: string;
  name: string;
  role: Role;
  customerId: string | null;
  keyHash: string;
  issuedAt: string;
}

/**
 * API keys are events (`ApiKeyIssued` in stream `apikey-<id>`), so who was given access when is in
 * the audit trail. Lookups go by digest through an index on the log, and found keys are cached:
 * a key issued on one replica works on every other at once.
 */
@Injectable()
export class ApiKeys {
  private readonly adminDigest: Buffer | null;
  private readonly cache = new Map<string, Principal>();

  constructor(
    private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(BEACON_CONFIG) config: BeaconConfig,
  ) {
    this.adminDigest = config.adminKey ? keyDigest(config.adminKey).bytes : null;
  }

  async issue(request: { role: Role; name: string; customerId: string | null }, metadata: RequestMetadata): Promise<{ id: string; key: string }> {
    const key = newApiKey();
    const keyId = randomUUID();
    const data: ApiKeyIssued = { keyId, ...request, keyHash: keyDigest(key).hex, issuedAt: metadata.receivedAt };
    await this.store.append(`apikey-${keyId}`, [{ type: 'ApiKeyIssued', data, metadata }], { expectedVersion: 'no_stream' });
    return { id: keyId, key };
  }

  /**
   * The principal of the bootstrap admin key or of a key seen before, without a promise (the guard
   * runs on every request); undefined when only `authenticate` can tell.
   */
  knownPrincipal(key: string): Principal | undefined {
    const { bytes: digest, hex: hash } = keyDigest(key);
    if (this.adminDigest && sameDigest(digest, this.adminDigest)) return BOOTSTRAP_ADMIN;
    return this.cache.get(hash);
  }

  /** The principal a presented key stands for, or null for an unknown key. */
  async authenticate(key: string): Promise<Principal | null> {
    const known = this.knownPrincipal(key);
    if (known) return known;
    const { bytes: digest, hex: hash } = keyDigest(key);
    const result = await this.pool.query<{ data: ApiKeyIssued }>(
      `SELECT data FROM events WHERE type = 'ApiKeyIssued' AND data->>'keyHash' = $1 LIMIT 1`,
      [hash],
    );
    const issued = result.rows[0]?.data;
    if (!issued || !sameDigest(Buffer.from(issued.keyHash, 'hex'), digest)) return null;
    const principal: Principal = { keyId: issued.keyId, role: issued.role, customerId: issued.customerId };
    this.cache.set(hash, principal);
    return principal;
  }
}
