import { createHmac } from 'node:crypto';
import { sameDigest } from './api-key';

/** How long a ticket opens the live stream after it is issued (docs/API.md "Live stream"). */
export const LIVE_TICKET_TTL_MS = 60_000;

/** `lt1.<key id>.<expiry, epoch ms>.<HMAC-SHA256, base64url>` (decision 034). */
const TICKET = /^lt1\.([A-Za-z0-9-]{1,64})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

/** A ticket as it was read from a URL: whose key it names, until when, and the tag that vouches for both. */
export interface LiveTicket {
  keyId: string;
  expiresAt: number;
  tag: Buffer;
}

/**
 * Signs (key id, expiry) with a secret that every server process already holds for that key: the
 * SHA-256 digest of the key, which the log keeps (the bootstrap admin key's is in memory). So any
 * replica checks a ticket another issued, no new secret is configured, and a key rotated away takes
 * its tickets with it.
 */
export function signLiveTicket(keyId: string, expiresAt: number, secret: Buffer): string {
  return `lt1.${keyId}.${expiresAt}.${tagOf(keyId, expiresAt, secret).toString('base64url')}`;
}

/** The ticket, or null for text that is not one (no lookup is worth making for it). */
export function parseLiveTicket(text: string): LiveTicket | null {
  const match = TICKET.exec(text);
  if (!match) return null;
  const [, keyId = '', expiresAt = '', tag = ''] = match;
  return { keyId, expiresAt: Number(expiresAt), tag: Buffer.from(tag, 'base64url') };
}

/** True when `secret` signed this ticket's key id and expiry (constant-time). */
export function signedWith(ticket: LiveTicket, secret: Buffer): boolean {
  return sameDigest(tagOf(ticket.keyId, ticket.expiresAt, secret), ticket.tag);
}

function tagOf(keyId: string, expiresAt: number, secret: Buffer): Buffer {
  // The purpose is part of what is signed, so a tag made with a key's digest means "live ticket" only.
  return createHmac('sha256', secret).update(`beacon live ticket\n${keyId}\n${expiresAt}`).digest();
}
