import { createHash } from 'node:crypto';

/**
 * The session advisory-lock key of a leader election: the first 64 bits of SHA-256 over a
 * namespaced name. Stable across processes, Node and PostgreSQL versions (unlike `hashtext`, which
 * is internal and 32-bit), and in the bigint key space, apart from the two-int4 keys and the
 * constants the event store's own locks use.
 */
export function advisoryLockKey(name: string): bigint {
  return createHash('sha256').update(`beacon.leader:${name}`).digest().readBigInt64BE(0);
}
