/**
 * payout: a salesperson withdraws settled commission (request, cancel, mine); the boss reviews
 * the requests and marks approved ones paid after the bank transfer (review, markPaid, queue).
 * The request's moves are the payout table of shared/lifecycle; the balance rule is shared/payouts.
 */
import { defineFunction } from '../_platform';
import { cancel } from './cancel';
import { mine, queue } from './lists';
import { markPaid } from './mark-paid';
import { request } from './request';
import { review } from './review';

export const main = defineFunction('payout', { request, cancel, mine, review, markPaid, queue });
