/**
 * Ids of the local cloud's requests and function calls: unique per process, 16 hex characters
 * like the random ones CloudBase shows. A random prefix drawn once plus a counter: drawing 8
 * random bytes per request cost a system call on every database request and every call, a
 * noticeable share of a burst's CPU (issue 9's claim bench).
 */
import { randomBytes } from 'node:crypto';

const prefix = randomBytes(3).toString('hex');
let counter = 0;

/** A fresh id: `<6 random hex><10 hex counter>`. */
export function nextRequestId(): string {
  counter = (counter + 1) % 0x10000000000;
  return prefix + counter.toString(16).padStart(10, '0');
}
