import { z } from 'zod';

/**
 * Validation of ops-editable growth documents (binding_policy, commission_plans,
 * referral_programs, experiments). A bad document is reported with its id and field and skipped;
 * it never breaks the caller.
 */

/** An instant in an ops document: a stored Date, or an ISO string / epoch ms typed in a console. */
export const when = z.coerce.date();

/** Lifecycle shared by every promotion-like document. */
export const docStatus = z.enum(['draft', 'active', 'paused', 'ended']);

/** One problem with one ops document: which document, which field, what is wrong. */
export interface DocProblem {
  collection: string;
  docId: string;
  field: string;
  message: string;
}

/**
 * Splits raw documents into the valid ones and problems (one per bad field).
 * @example parseDocs('experiments', experimentSchema, rawDocs) // { valid: [...], problems: [{docId:'exp1', field:'variants', ...}] }
 */
export function parseDocs<T>(
  collection: string,
  schema: z.ZodType<T>,
  docs: readonly unknown[],
): { valid: T[]; problems: DocProblem[] } {
  const valid: T[] = [];
  const problems: DocProblem[] = [];
  for (const raw of docs) {
    const docId = raw && typeof raw === 'object' && '_id' in raw ? String((raw as { _id: unknown })._id) : '?';
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      valid.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field =
        issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.map(String).join('.') || '(document)';
      problems.push({ collection, docId, field, message: issue.message });
    }
  }
  return { valid, problems };
}

/** True when a promotion-like document is live at `now`: status active and inside [startAt, endAt). */
export function isLive(doc: { status: string; startAt?: Date; endAt?: Date }, now: Date): boolean {
  return doc.status === 'active' && (!doc.startAt || doc.startAt <= now) && (!doc.endAt || now < doc.endAt);
}
