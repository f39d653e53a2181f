/**
 * The named optional fields of a stored record, each as its value or `null` where the record
 * does not have it (replies say "unset" as null; stored documents leave the field out).
 * @example nullWhereAbsent({ a: 1 } as { a?: number; b?: string }, ['a', 'b']) // { a: 1, b: null }
 */
export function nullWhereAbsent<T extends object, K extends keyof T>(record: T, keys: readonly K[]): { [P in K]-?: Exclude<T[P], undefined> | null } {
  const out = {} as { [P in K]-?: Exclude<T[P], undefined> | null };
  for (const k of keys) out[k] = (record[k] ?? null) as Exclude<T[K], undefined> | null;
  return out;
}
