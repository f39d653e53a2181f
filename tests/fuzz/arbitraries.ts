/**
 * fast-check arbitraries for function events, derived from each action's zod schema (through
 * `z.toJSONSchema`, so a new field is fuzzed without touching this file):
 *   - valid-shaped events whose ids come mostly from pools of real documents (so the use case runs
 *     and touches the database), otherwise generic strings/numbers inside the schema's bounds;
 *   - near-valid events: one field (at any depth) replaced with garbage of another type, a required
 *     field removed, or an extra field added (forged identities, prototype-pollution keys, Mongo
 *     operators, huge strings);
 *   - garbage events: anything with the right action.
 */
import fc from 'fast-check';
import { z } from 'zod';

interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  /** A discriminated union (zod's `discriminatedUnion`). */
  oneOf?: JsonSchema[];
}

/** Real ids by field name (the last key of the path), e.g. `{productId: ['p01', …]}`. */
export type Pools = Record<string, readonly unknown[]>;

export function jsonSchemaOf(schema: z.ZodTypeAny): JsonSchema {
  return z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
}

const HUGE = 'x'.repeat(100_000);

/** Values of every JSON type (and then some) that a field might wrongly receive. */
export function garbage(): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.constantFrom<unknown>(
      null,
      undefined,
      NaN,
      Infinity,
      -Infinity,
      -0,
      0,
      -1,
      1.5,
      -1.5,
      1e308,
      2 ** 53 + 1,
      Number.MIN_SAFE_INTEGER,
      '',
      ' ',
      HUGE,
      '__proto__',
      'constructor',
      'o_boss',
      '.*',
      '$where',
      '😀'.repeat(40),
      '\u0000',
      'true',
      '1',
      '-1',
      'NaN',
      true,
      false,
    ),
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
  );
  const special = fc.constantFrom<() => unknown>(
    () => JSON.parse('{"__proto__": {"polluted": "yes", "role": "boss"}}'),
    () => ({ constructor: { prototype: { polluted: 'yes' } } }),
    () => ({ $ne: null }),
    () => ({ $gt: '' }),
    () => ({ $regex: '.*' }),
    () => [{ $in: ['o_boss'] }],
    () => ({ toString: 'x', valueOf: 1 }),
    () => deep(30),
    () => [],
    () => ({}),
    () => new Array(1000).fill('p01'),
  );
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: special.map((f) => f()) },
    { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), leaf, { maxKeys: 3 }) },
  );
}

function deep(n: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Keys a forged or malicious event might add. */
const EXTRA_KEYS = [
  'openid',
  'OPENID',
  'openId',
  'buyerOpenid',
  'ownerOpenid',
  'salesId',
  'role',
  'userInfo',
  '_id',
  '$set',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'priceFen',
  'paidFen',
  'status',
  'Type',
  'TriggerName',
];

/** A value the schema accepts (mostly; pools may hold ids that do not exist, which is the point). */
export function validArb(s: JsonSchema, key: string, pools: Pools): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((x) => validArb(x, key, pools)));
  const pool = pools[key];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const generic = genericArb(s, type, key, pools);
  if (pool && pool.length > 0 && type !== 'object') {
    return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: generic });
  }
  return generic;
}

function genericArb(s: JsonSchema, type: string | undefined, key: string, pools: Pools): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string': {
      const minLength = s.minLength ?? 0;
      const maxLength = Math.min(s.maxLength ?? 40, 70);
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        return fc
          .stringMatching(re)
          .map((x) => (x.length < minLength ? x + 'a'.repeat(minLength - x.length) : x.slice(0, Math.max(minLength, maxLength))))
          .filter((x) => re.test(x) && x.length >= minLength && x.length <= (s.maxLength ?? Infinity));
      }
      return fc.string({ minLength, maxLength });
    }
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100_000);
      return fc.integer({ min, max });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = validArb(s.items ?? {}, key, pools);
      return fc.array(item, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, 5) });
    }
    case 'object': {
      const props = s.properties ?? {};
      const names = Object.keys(props);
      if (names.length === 0) {
        // A record (e.g. payNotify's cloudpay payload): string keys, any JSON values.
        return fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
      }
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const name of names) model[name] = validArb(props[name], name, pools);
      return fc.record(model, { requiredKeys: (s.required ?? []) as never[] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Sets an own property, even `__proto__` (plain assignment would change the prototype instead). */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `value` with `fix` applied at `path` (copies only along the path). */
function updateAt(value: unknown, path: Array<string | number>, fix: (parent: Record<string, unknown> | unknown[], key: string | number) => void): unknown {
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  if (path.length === 1) {
    fix(copy, path[0]);
    return copy;
  }
  const [head, ...rest] = path;
  const child = (copy as Record<string | number, unknown>)[head];
  const next = updateAt(child, rest, fix);
  if (Array.isArray(copy)) copy[head as number] = next;
  else defineOwn(copy, String(head), next);
  return copy;
}

/** Paths to every object property and array element (depth-first), the root's `action` excluded. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([...prefix, i]);
      out.push(...pathsOf(v, [...prefix, i]));
    });
  } else if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      if (prefix.length === 0 && k === 'action') continue;
      out.push([...prefix, k]);
      out.push(...pathsOf((value as Record<string, unknown>)[k], [...prefix, k]));
    }
  }
  return out;
}

/** Containers (objects/arrays) inside a value, the root included. */
function containersOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  if (value && typeof value === 'object') {
    out.push(prefix);
    for (const [k, v] of Object.entries(value)) out.push(...containersOf(v, [...prefix, Array.isArray(value) ? Number(k) : k]));
  }
  return out;
}

type Mutation = 'replace' | 'remove' | 'extra' | 'action';

function mutate(event: Record<string, unknown>, kind: Mutation, pick: number, junk: unknown, extraKey: string): unknown {
  if (kind === 'action') {
    const copy = { ...event };
    copy.action = junk;
    return copy;
  }
  if (kind === 'extra') {
    const containers = containersOf(event);
    const at = containers[pick % containers.length];
    if (at.length === 0) {
      const copy = { ...event };
      defineOwn(copy, extraKey, junk);
      return copy;
    }
    return updateAt(event, at, (parent, key) => {
      const target = (parent as Record<string | number, unknown>)[key];
      if (Array.isArray(target)) (parent as Record<string | number, unknown>)[key] = [...target, junk];
      else {
        const copy = { ...(target as Record<string, unknown>) };
        defineOwn(copy, extraKey, junk);
        (parent as Record<string | number, unknown>)[key] = copy;
      }
    });
  }
  const paths = pathsOf(event);
  if (paths.length === 0) {
    const copy = { ...event };
    defineOwn(copy, extraKey, junk);
    return copy;
  }
  const path = paths[pick % paths.length];
  return updateAt(event, path, (parent, key) => {
    if (kind === 'remove') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else if (Array.isArray(parent)) parent[key as number] = junk;
    else defineOwn(parent, String(key), junk);
  });
}

/**
 * Events for one action: ~10% valid-shaped, ~70% near-valid (one mutation), ~20% garbage with
 * the right action. Valid ones are the ones the use case actually runs (and the slow ones: each
 * makes real database round trips), so their share is what keeps 1,000 runs per action quick.
 */
export function eventArb(schema: z.ZodTypeAny, pools: Pools): fc.Arbitrary<unknown> {
  const js = jsonSchemaOf(schema);
  const valid = validArb(js, '', pools) as fc.Arbitrary<Record<string, unknown>>;
  const action = (js.properties?.action?.const ?? '?') as string;
  const near = fc
    .tuple(
      valid,
      fc.constantFrom<Mutation>('replace', 'replace', 'replace', 'remove', 'extra', 'extra', 'action'),
      fc.nat(),
      garbage(),
      fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ minLength: 1, maxLength: 8 })),
    )
    .map(([ev, kind, pick, junk, key]) => mutate(ev, kind, pick, junk, key));
  const junkEvent = fc
    .dictionary(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 8 })), garbage(), { maxKeys: 4 })
    .map((d) => ({ ...d, action }));
  return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 14, arbitrary: near }, { weight: 4, arbitrary: junkEvent });
}
