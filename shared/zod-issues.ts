import type { z } from 'zod';

/** One validation problem: the field (dotted path) and what is wrong with it. */
export interface IssueText {
  field: string;
  message: string;
}

/**
 * A zod issue as a person reads it: unknown keys are named with their path ("items.0.price:
 * unknown field"), other problems by their path, or `root` for the whole value.
 * @example describeIssue(issue, '(document)') // { field: 'groupSize', message: 'Too small: expected number to be >=2' }
 */
export function describeIssue(issue: z.core.$ZodIssue, root: string): IssueText {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (path ? `${path}.${k}` : k));
    return { field: keys.join(', '), message: `unknown field${keys.length > 1 ? 's' : ''}` };
  }
  return { field: path || root, message: issue.message };
}

/** Every issue as `"field: what is wrong"`. @example describeIssues(error.issues, '(event)') // ['items.0.qty: Too small: ...'] */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: string): string[] {
  return issues.map((issue) => {
    const { field, message } = describeIssue(issue, root);
    return `${field}: ${message}`;
  });
}
