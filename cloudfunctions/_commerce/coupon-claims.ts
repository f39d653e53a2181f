/**
 * Per-customer claim counts of coupon templates, kept on the customer's own `users/{openid}`
 * document so that the platform's caller lookup (already one read of every call) brings them, and
 * one guarded update takes a slot of both the per-user and the per-day limit:
 *
 *   couponClaims: { <templateKey>: n }                  claims ever (per-user limit)
 *   couponDays:   { d<YYYYMMDD>: { <templateKey>: n } }  claims on a China calendar day (per-day limit);
 *                                                        older days are removed by the next claim
 *   recentClaims: [couponId, …]                         the latest claims (at most RECENT): a slot
 *                                                        taken by a write whose reply was lost is
 *                                                        given back once, guarded on its claim
 *
 * `users` is ADMINONLY (database/security-rules.json): customers cannot rewrite their counts.
 */
import { stableId, store, type UserDoc } from '../_platform';
import { chinaDayKey } from '../../shared/china-day';
import type { HeldClaims } from '../../shared/coupons';
import { splitTemplateRow, TEMPLATE_EXPERIMENTS } from './coupon-amount';

type Query = Record<string, unknown>;

const SAFE_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * How many recent claims a template and a user document remember (their coupon ids): enough for a
 * claim to learn, right after a write whose reply was lost, whether that write was applied — the
 * marker its undo is guarded on. Kept short: both documents are read on every shelf and claim.
 */
export const RECENT_CLAIMS = 64;

/** Pushes a claim's coupon id onto a recent-claims list, keeping the latest {@link RECENT_CLAIMS}. */
export function rememberClaim(couponId: string): unknown {
  return store.command().push({ each: [couponId], slice: -RECENT_CLAIMS });
}

/** The template's unit of claim `couponId` back: once, while the template remembers the take. */
export function putBackTake(templateId: string, couponId: string): Promise<boolean> {
  const _ = store.command();
  return store.guardedUpdate('coupon_templates', { _id: templateId, recentTakes: couponId }, { stock: _.inc(1), issuedCount: _.inc(-1), recentTakes: _.pull(couponId) });
}

/** The field name of a template in the count maps: its id, or a hash when the id is not a safe field name. */
export function claimKey(templateId: string): string {
  return SAFE_KEY.test(templateId) ? templateId : `h_${stableId('claim', templateId)}`;
}

/** The day map's key for `now` (China calendar day): `d20260601`. */
export function claimDayKey(now: Date): string {
  return `d${chinaDayKey(now).replace(/-/g, '')}`;
}

/** A stored date as the SDK gives it back (a Date; tolerate a string or epoch ms). */
function dateOf(value: unknown): Date {
  const d = value instanceof Date ? value : new Date(typeof value === 'string' || typeof value === 'number' ? value : 0);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

function countOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function mapOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The id of the one coupon a customer can hold of a one-per-customer template (`perUserLimit` 1):
 * deterministic, so inserting it IS the customer's slot — a second claim, however concurrent, is a
 * duplicate key. Such a claim writes nothing on the customer's document (no registration, no
 * counts): one write fewer on the claim's hot path (issue 9).
 */
export function onlyCouponId(templateId: string, openid: string): string {
  return `c1${stableId('only-coupon', templateId, openid)}`;
}

/** What a claim decides on, read in one round trip (see {@link readClaimTarget}). */
export interface ClaimTarget {
  /** The stored template; undefined for an unknown id. */
  template: unknown;
  /** The caller's claim counts; undefined for a caller without a user document. */
  caller: UserDoc | undefined;
  /** When the caller already holds the template's one-per-customer coupon: its claim time. */
  onlyClaimedAt: Date | undefined;
  /** The template's experiments as stored (coupon-amount arms: `_commerce/coupon-amount.ts`). */
  experiments: unknown[];
}

/**
 * What a claim decides on before its first write, in ONE read: the template, the caller's own
 * document (its claim counts) and the caller's one-per-customer coupon of this template, both
 * looked up by id in the same aggregate, and the template's experiments (its coupon-amount arms).
 * `template` is undefined for an unknown id.
 */
export async function readClaimTarget(templateId: string, openid: string): Promise<ClaimTarget> {
  const $ = store.command().aggregate;
  const res = await store
    .aggregate('coupon_templates')
    .match({ _id: templateId })
    .limit(1)
    // Only what the claim decides on: not the template's recent takes, only the caller's counts.
    .project({ recentTakes: 0 })
    .lookup({ from: 'users', pipeline: $.pipeline().match({ _id: openid }).limit(1).project({ couponClaims: 1, couponDays: 1 }).done(), as: '_caller' })
    .lookup({ from: 'coupons', pipeline: $.pipeline().match({ _id: onlyCouponId(templateId, openid) }).limit(1).project({ claimedAt: 1 }).done(), as: '_only' })
    .lookup(TEMPLATE_EXPERIMENTS) // its coupon-amount experiments, in the same read
    .end();
  const row = store.aggregateRows<Record<string, unknown> & { _caller?: UserDoc[]; _only?: Array<{ claimedAt?: unknown }> }>(res)[0];
  if (!row) return { template: undefined, caller: undefined, onlyClaimedAt: undefined, experiments: [] };
  const { _caller, _only, ...joined } = row;
  const { template, experiments } = splitTemplateRow(joined);
  const only = _only?.[0];
  return { template, caller: _caller?.[0], onlyClaimedAt: only ? dateOf(only.claimedAt) : undefined, experiments };
}

/**
 * The claims the one-per-customer coupon adds to the caller's counts (the template's limit may
 * have been raised since it was issued: it still counts, ever and on its day).
 */
export function onlyCouponClaims(onlyClaimedAt: Date | undefined, now: Date): HeldClaims {
  if (!onlyClaimedAt) return { total: 0, today: 0 };
  return { total: 1, today: claimDayKey(onlyClaimedAt) === claimDayKey(now) ? 1 : 0 };
}

/** The claims a loaded user document shows for a template (may be stale: the guard decides). */
export function heldClaims(user: UserDoc, templateId: string, now: Date): HeldClaims {
  const key = claimKey(templateId);
  return {
    total: countOf(mapOf(user.couponClaims)[key]),
    today: countOf(mapOf(mapOf(user.couponDays)[claimDayKey(now)])[key]),
  };
}

/** Claims ever per template id, for the given templates. */
export function claimedByTemplate(user: UserDoc, templateIds: string[]): Map<string, number> {
  const counts = mapOf(user.couponClaims);
  return new Map(templateIds.map((id) => [id, countOf(counts[claimKey(id)])]));
}

/**
 * A first visit's claim: the caller's registration document carrying its first slot, inserted in
 * one write (the insert is the guard: a duplicate means a concurrent call registered the caller,
 * whose document then takes the slot with {@link takeSlotQuery}).
 */
export function firstClaimDoc(newUser: UserDoc, templateId: string, now: Date, couponId: string): UserDoc {
  const key = claimKey(templateId);
  return { ...newUser, couponClaims: { [key]: 1 }, couponDays: { [claimDayKey(now)]: { [key]: 1 } }, recentClaims: [couponId] };
}

/**
 * The guarded update that takes one slot for claim `couponId`: `where` matches the user only while
 * both counts are under their limits, `update` increments them, remembers the claim and drops stale
 * day maps seen on `user`; `undoWhere`/`undo` give the slot back once (while the user remembers it).
 * `_.not(_.gte(limit))` also matches a missing count (0). Not `_.or(_.exists(false), _.lt(limit))`:
 * the SDK merges two field-level `_.or` of one `where` object into a single `$or` (a wrong query),
 * and wrapping them in `_.and` would hide the `_id` from the primary-key lookup.
 */
export function takeSlotQuery(
  user: UserDoc,
  templateId: string,
  limits: { perUserLimit: number; perDayLimit?: number },
  now: Date,
  couponId: string,
  elsewhere: HeldClaims = { total: 0, today: 0 },
): { where: Query; update: Query; undoWhere: Query; undo: Query } {
  const _ = store.command();
  const key = claimKey(templateId);
  const day = claimDayKey(now);
  const totalPath = `couponClaims.${key}`;
  const dayPath = `couponDays.${day}.${key}`;
  // Claims counted elsewhere (a one-per-customer coupon issued before the limit was raised) use
  // up part of the limits the counts on this document are guarded against.
  const where: Query = { _id: user._id, [totalPath]: _.not(_.gte(limits.perUserLimit - elsewhere.total)) };
  // The day count is kept for every template, so a per-day limit added mid-day counts today's claims.
  const update: Query = { [totalPath]: _.inc(1), [dayPath]: _.inc(1), recentClaims: rememberClaim(couponId) };
  const undoWhere: Query = { _id: user._id, recentClaims: couponId };
  const undo: Query = { [totalPath]: _.inc(-1), [dayPath]: _.inc(-1), recentClaims: _.pull(couponId) };
  if (limits.perDayLimit !== undefined) where[dayPath] = _.not(_.gte(limits.perDayLimit - elsewhere.today));
  for (const stale of Object.keys(mapOf(user.couponDays))) {
    if (stale !== day) update[`couponDays.${stale}`] = _.remove();
  }
  return { where, update, undoWhere, undo };
}
