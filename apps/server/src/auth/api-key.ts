import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Keys are stored and compared as SHA-256 digests; a key itself is shown once and never kept. */
export function keyDigest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 192 random bits, URL-safe, with a prefix that makes a leaked key easy to recognise. */
export function newApiKey(): string {
  return `bcn_${randomBytes(24).toString('base64url')}`;
}

/**
 * `Authorization: Bearer <key>` or `X-Api-Key: <key>` (API.md "Auth"); phone apps that cannot set
 * headers may pass `?key=` where a route allows it.
 */
export function presentedKey(
  headers: Record<string, string | string[] | undefined>,
  query?: Record<string, unknown>,
): string | null {
  const authorization = headers['authorization'];
  if (typeof authorization === 'string' && /^Bearer\s+/i.test(authorization)) {
    return authorization.replace(/^Bearer\s+/i, '').trim() || null;
  }
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.trim()) return apiKey.trim();
  const fromQuery = query?.['key'];
  return typeof fromQuery === 'string' && fromQuery.trim() ? fromQuery.trim() : null;
}
