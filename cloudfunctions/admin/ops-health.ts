/**
 * Every ops document (each ops collection, and the ops documents of `settings`) read in one
 * aggregate, checked with the schemas the functions apply (shared/ops-documents.ts).
 */
import { action, store, type CollectionName } from '../_platform';
import { admin } from '../../shared/contract';
import { checkOpsDocument, checkOpsSetting, OPS_COLLECTIONS, OPS_SETTINGS, type HealthCollection } from '../../shared/ops-documents';
import { couponAmountProblems, experimentSchema } from '../../shared/growth';
import { checkPromotion } from '../../shared/promotions';

type Doc = Record<string, unknown>;

/** A `$lookup` of `as` from `from` with its own pipeline (an uncorrelated join on the one row). */
export interface Join {
  as: string;
  from: CollectionName;
  pipeline: unknown;
}

/** The `$lookup`s that bring every ops document. */
export function opsDocumentJoins(): Join[] {
  const _ = store.command();
  const $ = _.aggregate;
  return [
    ...OPS_COLLECTIONS.map((c) => ({ as: c, from: c, pipeline: $.pipeline().limit(1000).done() })),
    { as: 'settings', from: 'settings' as const, pipeline: $.pipeline().match({ _id: _.in(Object.keys(OPS_SETTINGS)) }).limit(100).done() },
  ];
}

/**
 * One round trip for several reads: an aggregate over one user document (the caller's exists) that
 * joins each read as its own uncorrelated pipeline — as the sweep reads its due work.
 */
export async function readJoined(joins: Join[]): Promise<Record<string, Doc[]>> {
  let agg = store.aggregate('users').limit(1).project({ _id: 1 });
  for (const j of joins) agg = agg.lookup({ from: j.from, pipeline: j.pipeline, as: j.as });
  const row = store.aggregateRows<Record<string, Doc[]>>(await agg.end())[0] ?? {};
  return Object.fromEntries(joins.map((j) => [j.as, row[j.as] ?? []]));
}

/** What a valid experiment cannot do with the documents it names (a coupon-amount one: its template). */
function experimentCrossProblems(doc: Doc, templates: Doc[]): string[] {
  const experiment = experimentSchema.parse(doc);
  if (experiment.varies !== 'couponAmount') return [];
  const stored = templates.find((t) => t._id === experiment.templateId);
  const template = stored ? checkPromotion('coupon_templates', stored) : undefined;
  // an invalid template is reported on its own; its experiment waits for it
  return template && !template.ok ? [] : couponAmountProblems(experiment, template?.value);
}

/** The problems of every ops document read by {@link opsDocumentJoins}. */
export function healthOf(read: Record<string, Doc[]>): { problems: Array<{ collection: HealthCollection; id: string; status: string | null; problems: string[] }>; checked: number } {
  const problems: Array<{ collection: HealthCollection; id: string; status: string | null; problems: string[] }> = [];
  let checked = 0;
  const report = (collection: HealthCollection, doc: Doc, found: string[]) => {
    checked++;
    if (found.length > 0) problems.push({ collection, id: String(doc._id), status: typeof doc.status === 'string' ? doc.status : null, problems: found });
  };
  for (const c of OPS_COLLECTIONS) {
    for (const doc of read[c] ?? []) {
      const found = checkOpsDocument(c, doc);
      report(c, doc, found.length === 0 && c === 'experiments' ? experimentCrossProblems(doc, read.coupon_templates ?? []) : found);
    }
  }
  for (const doc of read.settings ?? []) report('settings', doc, checkOpsSetting(doc));
  return { problems, checked };
}

/**
 * admin.promotionHealth (ops/boss): every ops document that fails its schema — coupon templates,
 * group deals, commission plans, referral programs, experiments, binding policy, materials, the
 * payout and alert settings — with the problems by field. Round trips: caller + 1 aggregate = 2.
 */
export const promotionHealth = action(admin.promotionHealth)({
  access: ['ops', 'boss'],
  run: async () => healthOf(await readJoined(opsDocumentJoins())),
});
