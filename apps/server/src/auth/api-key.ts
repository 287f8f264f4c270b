import { createHash, timingSafeEqual } from 'node:crypto';

/** Keys are compared as SHA-256 digests in constant time, so timing reveals nothing of the key. */
export function keyDigest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function sameKey(presented: string, expectedDigest: Buffer): boolean {
  return timingSafeEqual(keyDigest(presented), expectedDigest);
}

/** `Authorization: Bearer <key>` or `X-Api-Key: <key>` (API.md "Auth"). */
export function presentedKey(headers: Record<string, string | string[] | undefined>): string | null {
  const authorization = headers['authorization'];
  if (typeof authorization === 'string' && /^Bearer\s+/i.test(authorization)) {
    return authorization.replace(/^Bearer\s+/i, '').trim() || null;
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.trim() ? apiKey.trim() : null;
}
