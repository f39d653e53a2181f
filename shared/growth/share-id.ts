/**
 * Share ids: short, random, QR-scene safe. The random source is passed in (no I/O here).
 */

/** Base-58 alphabet (no 0/O/I/l confusion); every character is allowed in a WeChat QR `scene`. */
export const SHARE_ID_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Length of a minted share id: 58^8 ≈ 1.3e14 ids, far below the 32-char scene limit. */
export const SHARE_ID_LENGTH = 8;

/** A source of random bytes, e.g. `(n) => crypto.randomBytes(n)`. */
export type RandomBytes = (count: number) => Uint8Array;

/**
 * Mints a share id of `length` characters from `random`. Rejection sampling keeps the
 * distribution uniform (bytes ≥ 232 are redrawn).
 * @example mintShareId((n) => crypto.randomBytes(n)) // 'k3Vq9ZtA'
 */
export function mintShareId(random: RandomBytes, length: number = SHARE_ID_LENGTH): string {
  const limit = 256 - (256 % SHARE_ID_ALPHABET.length);
  let out = '';
  while (out.length < length) {
    const bytes = random(length * 2);
    for (let i = 0; i < bytes.length && out.length < length; i++) {
      if (bytes[i] < limit) out += SHARE_ID_ALPHABET[bytes[i] % SHARE_ID_ALPHABET.length];
    }
  }
  return out;
}

/** True when `s` looks like a share id (1–10 alphabet characters); used to refuse junk early. */
export function isShareId(s: string): boolean {
  return /^[1-9A-HJ-NP-Za-km-z]{1,10}$/.test(s);
}
