import type { z } from 'zod';
import { describeIssue } from '../zod-issues';

/**
 * Validation of ops-editable growth documents (binding_policy, commission_plans,
 * referral_programs, experiments). A bad document is reported with its id and field and skipped;
 * it never breaks the caller.
 */

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
    for (const issue of parsed.error.issues) problems.push({ collection, docId, ...describeIssue(issue, '(document)') });
  }
  return { valid, problems };
}
