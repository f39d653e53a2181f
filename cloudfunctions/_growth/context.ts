import type { ActionContext } from '../_platform';

/** What the growth loop needs of a call: its time, request id (for logs) and fresh ids. */
export type GrowthCtx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;
