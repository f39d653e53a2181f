import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * Random bytes drawn 4 KiB at a time: one system call per few hundred ids instead of one per id
 * (a claim mints ids on its hot path; see issue 9's claim bench). The pool is consumed once.
 */
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

function poolBytes(count: number): Buffer {
  if (count > POOL_SIZE) return randomBytes(count);
  if (poolOffset + count > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const out = pool.subarray(poolOffset, poolOffset + count);
  poolOffset += count;
  return out;
}

/** A random id of `length` base-58 characters (short enough for a QR scene). */
export function randomId(length = 16): string {
  const bytes = poolBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % ALPHABET.length];
  return out;
}

/** A deterministic id from its parts: the same parts give the same id (used for uniqueness). */
export function stableId(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 24);
}

/**
 * A deterministic byte source from its parts (SHA-256 in counter mode): for ids that must come out
 * the same when a request is repeated, minted with a generator that takes random bytes.
 * @example mintInviteCode(seededBytes('invite', openid, idempotencyKey))
 */
export function seededBytes(...parts: string[]): (count: number) => Uint8Array {
  let block = 0;
  return (count) => {
    const out = Buffer.alloc(count);
    for (let filled = 0; filled < count; filled += 32) {
      createHash('sha256').update(parts.join('\u0000')).update(`#${block++}`).digest().copy(out, filled, 0, Math.min(32, count - filled));
    }
    return out;
  };
}
