/**
 * The deployed functions as the tests see them: every folder of cloudfunctions/ without a leading
 * `_`, its `main`, and the actions `main.actions` describes (the platform's defineFunction fills
 * it). Used by the fuzz and access suites; never deployed.
 */
import { readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import type { DescribedAction } from '../../cloudfunctions/_platform';
import type { Envelope } from '../../shared/errors';
import { ERROR_CODES } from '../../shared/errors';

export const REPO = resolve(__dirname, '..', '..');

export type { Access, DescribedAction } from '../../cloudfunctions/_platform';
export type Main = ((event: unknown, context?: unknown) => Promise<unknown>) & {
  functionName?: string;
  actions?: Record<string, DescribedAction>;
};

/** Names of the deployed functions (folders with an index.ts, not starting with `_`). */
export function functionNames(): string[] {
  const root = join(REPO, 'cloudfunctions');
  return readdirSync(root)
    .filter((n) => !n.startsWith('_') && !n.startsWith('.'))
    .filter((n) => statSync(join(root, n)).isDirectory() && existsSync(join(root, n, 'index.ts')))
    .sort();
}

/** `main` of one function (the same module instance the local cloud loads in this process). */
export function loadMain(name: string): Main {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(REPO, 'cloudfunctions', name, 'index.ts')) as { main?: Main };
  if (typeof mod.main !== 'function') throw new Error(`cloudfunctions/${name}/index.ts does not export main`);
  return mod.main;
}

/** Database operations that change something (the local cloud's /admin action names). */
export const WRITE_OPS = [
  'insertDocument',
  'modifyDocument',
  'modifyAndReturnDoc',
  'removeDocument',
  'addCollection',
  'startTransaction',
  'commitTransaction',
] as const;

export function writeOpsOf(ops: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(ops).filter(([op, n]) => (WRITE_OPS as readonly string[]).includes(op) && n > 0));
}

/**
 * Why an ok reply's `data`, as the app receives it (JSON), does not decode with the action's reply
 * schema of shared/contract — or '' when it does. The function checked the same data on the way out.
 */
export function wireProblem(reply: z.ZodTypeAny, data: unknown): string {
  const decoded = reply.safeDecode(JSON.parse(JSON.stringify(data)));
  return decoded.success ? '' : decoded.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ');
}

/** Why `reply` is not a well-formed envelope, or '' when it is. */
export function envelopeProblem(reply: unknown): string {
  if (!reply || typeof reply !== 'object' || Array.isArray(reply)) return `not an object: ${safeJson(reply)}`;
  const r = reply as Record<string, unknown>;
  if (r.ok === true) return 'data' in r ? '' : 'ok:true without data';
  if (r.ok !== false) return `ok is ${safeJson(r.ok)}`;
  const e = r.error as Record<string, unknown> | undefined;
  if (!e || typeof e !== 'object') return 'ok:false without error';
  if (!(ERROR_CODES as readonly string[]).includes(String(e.code))) return `unknown code ${safeJson(e.code)}`;
  if (typeof e.message !== 'string') return 'error.message is not a string';
  return '';
}

export function codeOf(reply: unknown): string {
  const r = reply as Envelope<unknown>;
  return r && r.ok === false ? r.error.code : r && r.ok === true ? 'OK' : '?';
}

export function safeJson(x: unknown, max = 300): string {
  try {
    const s = JSON.stringify(x, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v));
    return s === undefined ? String(x) : s.length > max ? `${s.slice(0, max)}…` : s;
  } catch {
    return String(x);
  }
}
