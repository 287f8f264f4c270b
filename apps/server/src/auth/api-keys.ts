import { EventStore } from '@beacon/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { PG_POOL } from '../config/config.tokens';
import { ApiError } from '../http/api-error';
import type { RequestMetadata } from '../http/request-metadata';
import { BeaconMetrics } from '../metrics/beacon-metrics';
import { API_KEY_REVOKED_CHANNEL, apiKeyStream, type ApiKeyEvent, type ApiKeyIssued, type ApiKeyRevoked } from './api-key-events';
import { ApiKeyUsage } from './api-key-usage';
import { keyDigest, newApiKey, sameDigest } from './api-key';
import { BootstrapAdminKey } from './bootstrap-admin-key';
import { KeyRecords } from './key-records';
import { BOOTSTRAP_ADMIN, type Principal, type Role } from './principal';

/**
 * A key found valid is trusted from memory for this long, then looked up again: the safety net
 * for a revocation whose notification this process missed (its listening connection was down).
 */
const RECHECK_MS = 10_000;
/** A key found unknown (or revoked, or expired) is refused from memory for this long. */
const UNKNOWN_FOR_MS = 60_000;
/** Bounds on what is remembered; both maps are forgotten wholesale when full. */
const MAX_REMEMBERED = 10_000;

interface KnownKey {
  principal: Principal;
  expiresAt: number | null;
  checkedAt: number;
}

/** An issued key as an admin sees it: never the key, never its digest. */
export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  customerId: string | null;
  issuedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/**
 * API keys are events (`ApiKeyIssued`, `ApiKeyRevoked` in stream `apikey-<id>`), so who was given
 * access when, and who took it away, is in the audit trail. Lookups go by digest through an index
 * on the log. Valid keys are remembered for a few seconds and dropped at once when a revocation is
 * announced (LISTEN/NOTIFY); unknown keys are remembered too, and copies of a key that arrive while
 * it is being looked up wait for that lookup, so a flood of made-up keys costs one lookup per
 * distinct key.
 */
@Injectable()
export class ApiKeys {
  private readonly known = new Map<string, KnownKey>();
  private readonly unknown = new Map<string, number>();
  /** Lookups under way, by digest: copies of a key that arrive together share one. */
  private readonly lookingUp = new Map<string, Promise<Principal | null>>();

  constructor(
    private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly adminKey: BootstrapAdminKey,
    private readonly records: KeyRecords,
    private readonly usage: ApiKeyUsage,
    private readonly metrics: BeaconMetrics,
  ) {}

  async issue(
    request: { role: Role; name: string; customerId: string | null; expiresAt: string | null },
    metadata: RequestMetadata,
  ): Promise<{ id: string; key: string }> {
    const key = newApiKey();
    const keyId = randomUUID();
    const data: ApiKeyIssued = { keyId, ...request, keyHash: keyDigest(key).hex, issuedAt: metadata.receivedAt };
    await this.store.append(apiKeyStream(keyId), [{ type: 'ApiKeyIssued', data, metadata }], { expectedVersion: 'no_stream' });
    return { id: keyId, key };
  }

  /**
   * Revokes a key: an event, announced to every process. Revoking a revoked key changes nothing.
   * Throws `not_found` for a key that was never issued.
   */
  async revoke(keyId: string, metadata: RequestMetadata): Promise<void> {
    const events = await this.store.readStream<ApiKeyEvent>(apiKeyStream(keyId));
    if (!events.some((e) => e.type === 'ApiKeyIssued')) throw new ApiError('not_found', `API key ${keyId} is not known`);
    if (!events.some((e) => e.type === 'ApiKeyRevoked')) {
      const data: ApiKeyRevoked = { keyId, revokedAt: metadata.receivedAt };
      await this.store.append(apiKeyStream(keyId), [{ type: 'ApiKeyRevoked', data, metadata }], { expectedVersion: events.length });
    }
    this.forget(keyId);
    await this.pool.query('SELECT pg_notify($1, $2)', [API_KEY_REVOKED_CHANNEL, keyId]);
  }

  /** Drops what this process remembers of a key (a revocation was announced), by digest and by id. */
  forget(keyId: string): void {
    for (const [hash, entry] of this.known) if (entry.principal.keyId === keyId) this.known.delete(hash);
    this.records.forget(keyId);
  }

  /** Drops every remembered key: notifications may have been missed (the listener reconnected). */
  forgetAll(): void {
    this.known.clear();
    this.records.forgetAll();
  }

  /**
   * The principal of the bootstrap admin key or of a key recently found valid, without a promise
   * (the guard runs on every request); undefined when only `authenticate` can tell.
   */
  knownPrincipal(key: string, now = Date.now()): Principal | undefined {
    const { bytes: digest, hex: hash } = keyDigest(key);
    if (this.adminKey.matches(digest)) return BOOTSTRAP_ADMIN;
    const entry = this.known.get(hash);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && now >= entry.expiresAt) {
      this.known.delete(hash);
      return undefined;
    }
    // Due for its recheck: kept until the lookup answers, so that `dueForRecheck` can tell.
    if (now - entry.checkedAt >= RECHECK_MS) return undefined;
    this.usage.used(entry.principal.keyId, now);
    return entry.principal;
  }

  /**
   * True for a key that was valid at its last lookup and is only due for another (revoked keys are
   * forgotten at once): not a guess, so the invalid keys its client address sent must not hold it up.
   */
  dueForRecheck(key: string, now = Date.now()): boolean {
    const entry = this.known.get(keyDigest(key).hex);
    return entry !== undefined && (entry.expiresAt === null || now < entry.expiresAt);
  }

  /** True when the key was found unknown, revoked or expired moments ago: no lookup needed. */
  knownInvalid(key: string, now = Date.now()): boolean {
    const since = this.unknown.get(keyDigest(key).hex);
    return since !== undefined && now - since < UNKNOWN_FOR_MS;
  }

  /** The principal a presented key stands for, or null for a key that is unknown, revoked or expired. */
  async authenticate(key: string, now = Date.now()): Promise<Principal | null> {
    const known = this.knownPrincipal(key, now);
    if (known) return known;
    if (this.knownInvalid(key, now)) return null;
    const { hex: hash } = keyDigest(key);
    let lookup = this.lookingUp.get(hash);
    if (!lookup) {
      lookup = this.lookUpAndRemember(key, now).finally(() => this.lookingUp.delete(hash));
      this.lookingUp.set(hash, lookup);
    }
    return lookup;
  }

  private async lookUpAndRemember(key: string, now: number): Promise<Principal | null> {
    const { bytes: digest, hex: hash } = keyDigest(key);
    const row = await this.lookUp(hash);
    const expiresAt = row?.data.expiresAt ? Date.parse(row.data.expiresAt) : null;
    if (!row || row.revoked || (expiresAt !== null && now >= expiresAt) || !sameDigest(Buffer.from(row.data.keyHash, 'hex'), digest)) {
      this.metrics.apiKeyLookups.inc({ result: 'invalid' });
      this.known.delete(hash); // revoked (the announcement was missed) or expired since its last check
      remember(this.unknown, hash, now);
      return null;
    }
    this.metrics.apiKeyLookups.inc({ result: 'valid' });
    const principal: Principal = { keyId: row.data.keyId, role: row.data.role, customerId: row.data.customerId };
    remember(this.known, hash, { principal, expiresAt, checkedAt: now });
    this.usage.used(principal.keyId, now);
    return principal;
  }

  /** The issue of the key with this digest, and whether it was revoked; undefined for a key never issued. */
  private async lookUp(hash: string): Promise<{ data: ApiKeyIssued; revoked: boolean } | undefined> {
    try {
      const result = await this.pool.query<{ data: ApiKeyIssued; revoked: boolean }>(
        `SELECT i.data, EXISTS (SELECT 1 FROM events r WHERE r.stream_id = i.stream_id AND r.type = 'ApiKeyRevoked') AS revoked
           FROM events i WHERE i.type = 'ApiKeyIssued' AND i.data->>'keyHash' = $1 LIMIT 1`,
        [hash],
      );
      return result.rows[0];
    } catch (error) {
      this.metrics.apiKeyLookups.inc({ result: 'failed' });
      throw error;
    }
  }

  /** Every key ever issued, oldest first, with its state. */
  async list(): Promise<ApiKeyView[]> {
    await this.usage.flush();
    const result = await this.pool.query<{ type: string; data: ApiKeyIssued & ApiKeyRevoked; last_used_at: Date | null }>(
      `SELECT e.type, e.data, u.last_used_at
         FROM events e LEFT JOIN api_key_usage u ON u.key_id = e.data->>'keyId'
        WHERE e.type IN ('ApiKeyIssued', 'ApiKeyRevoked') ORDER BY e.global_position`,
    );
    const keys = new Map<string, ApiKeyView>();
    for (const { type, data, last_used_at } of result.rows) {
      if (type === 'ApiKeyIssued') {
        keys.set(data.keyId, {
          id: data.keyId,
          name: data.name,
          role: data.role,
          customerId: data.customerId,
          issuedAt: data.issuedAt,
          expiresAt: data.expiresAt ?? null,
          revokedAt: null,
          lastUsedAt: last_used_at?.toISOString() ?? null,
        });
      } else {
        const key = keys.get(data.keyId);
        if (key) key.revokedAt = data.revokedAt;
      }
    }
    return [...keys.values()];
  }
}

function remember<T>(map: Map<string, T>, hash: string, value: T): void {
  if (map.size >= MAX_REMEMBERED) map.clear();
  map.set(hash, value);
}
