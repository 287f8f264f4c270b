import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const RECENT_DIGESTS_MAX = 10_000;

/** A key's SHA-256 digest, as bytes (for constant-time comparison) and as hex (for lookups). */
export interface KeyDigest {
  bytes: Buffer;
  hex: string;
}

const recentDigests = new Map<string, KeyDigest>();

/**
 * Keys are stored and compared as SHA-256 digests; a key itself is shown once and never stored.
 * Every request's key is hashed by the rate limiter and again by the guard, and a device sends the
 * same key all day: recent digests are remembered (bounded; forgotten wholesale when full).
 * Callers must not modify the returned digest.
 */
export function keyDigest(key: string): KeyDigest {
  const known = recentDigests.get(key);
  if (known) return known;
  if (recentDigests.size >= RECENT_DIGESTS_MAX) recentDigests.clear();
  const bytes = createHash('sha256').update(key, 'utf8').digest();
  const digest = { bytes, hex: bytes.toString('hex') };
  recentDigests.set(key, digest);
  return digest;
}

export function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 192 random bits, URL-safe, with a prefix that makes a leaked key easy to recognise. */
export function newApiKey(): string {
  return `bcn_${randomBytes(24).toString('base64url')}`;
}

/**
 * `Authorization: Bearer <key>` or `X-Api-Key: <key>` (docs/API.md "Auth"); phone apps that cannot set
 * headers may pass `?key=`, or the key as the last path segment, where a route allows it.
 */
export function presentedKey(
  headers: Record<string, string | string[] | undefined>,
  query?: Record<string, unknown>,
  params?: Record<string, unknown>,
): string | null {
  const authorization = headers['authorization'];
  if (typeof authorization === 'string' && /^Bearer\s+/i.test(authorization)) {
    return authorization.replace(/^Bearer\s+/i, '').trim() || null;
  }
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.trim()) return apiKey.trim();
  const fromPath = params?.['key'];
  if (typeof fromPath === 'string' && fromPath.trim()) return fromPath.trim();
  const fromQuery = query?.['key'];
  return typeof fromQuery === 'string' && fromQuery.trim() ? fromQuery.trim() : null;
}
