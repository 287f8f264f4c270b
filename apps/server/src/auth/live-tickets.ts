import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { BeaconConfig } from '../config/beacon-config';
import { BEACON_CONFIG } from '../config/config.tokens';
import { ApiKeyUsage } from './api-key-usage';
import { BootstrapAdminKey } from './bootstrap-admin-key';
import { KeyRecords } from './key-records';
import { LIVE_TICKET_TTL_MS, parseLiveTicket, signLiveTicket, signedWith } from './live-ticket';
import { ANONYMOUS_READER, BOOTSTRAP_ADMIN, type Principal } from './principal';

/**
 * The anonymous reader (`BEACON_AUTH=off`) has no key to sign with; its tickets are accepted only
 * while reads need no key anyway, so a fixed secret gives nothing away.
 */
const ANONYMOUS_SECRET = createHash('sha256').update('beacon anonymous reader').digest();

/** Whether a ticket must still be within its 60 s: when it opens a stream, not while the stream stays open. */
export type TicketCheck = 'open' | 'recheck';

/**
 * Live tickets (decision 034): issued to a caller whose key came in a header, accepted by the live
 * stream as that key. Nothing is stored: a ticket carries its key's id and expiry, signed with the
 * key's digest, so any process checks it against the key as it stands now — revoked, expired or
 * (the bootstrap admin key) rotated away, and the ticket opens nothing.
 */
@Injectable()
export class LiveTickets {
  constructor(
    private readonly records: KeyRecords,
    private readonly adminKey: BootstrapAdminKey,
    private readonly usage: ApiKeyUsage,
    @Inject(BEACON_CONFIG) private readonly config: BeaconConfig,
  ) {}

  /** A ticket for this caller, or null when its key can sign none (it is no longer valid). */
  async issue(caller: Principal, now = Date.now()): Promise<{ ticket: string; expiresAt: Date } | null> {
    const key = await this.keyOf(caller.keyId, now);
    if (key === null) return null;
    const expiresAt = now + LIVE_TICKET_TTL_MS;
    return { ticket: signLiveTicket(caller.keyId, expiresAt, key.secret), expiresAt: new Date(expiresAt) };
  }

  /** The caller a ticket stands for, or null for one that is malformed, altered, expired or whose key no longer counts. */
  async holderOf(text: string, check: TicketCheck, now = Date.now()): Promise<Principal | null> {
    const ticket = parseLiveTicket(text);
    if (ticket === null || (check === 'open' && now >= ticket.expiresAt)) return null;
    const key = await this.keyOf(ticket.keyId, now);
    if (key === null || !signedWith(ticket, key.secret)) return null;
    if (key.issued) this.usage.used(key.principal.keyId, now);
    return key.principal;
  }

  /** The key with this id as it stands now, and the secret its tickets are signed with; null when it opens nothing. */
  private async keyOf(keyId: string, now: number): Promise<{ principal: Principal; secret: Buffer; issued: boolean } | null> {
    if (keyId === BOOTSTRAP_ADMIN.keyId) {
      const secret = this.adminKey.digestInForce();
      return secret && { principal: BOOTSTRAP_ADMIN, secret, issued: false };
    }
    if (keyId === ANONYMOUS_READER.keyId)
      return this.config.auth ? null : { principal: ANONYMOUS_READER, secret: ANONYMOUS_SECRET, issued: false };
    const record = await this.records.byId(keyId, now);
    if (!record || record.revoked || (record.expiresAt !== null && now >= record.expiresAt)) return null;
    return { principal: { keyId, role: record.role, customerId: record.customerId }, secret: record.digest, issued: true };
  }
}
