import { action, store } from '../_platform';
import { material as contract } from '../../shared/contract';
import { STAGES, type Stage } from '../../shared/customers';
import { parseMaterial } from '../../shared/materials/material';

type StageCounts = Record<Stage, number>;
const noStages = (): StageCounts => Object.fromEntries(STAGES.map((s) => [s, 0])) as StageCounts;
const isStage = (s: unknown): s is Stage => (STAGES as readonly unknown[]).includes(s);

interface ShareSums {
  _id: string;
  shares: number;
  opens: number;
  binds: number;
  newCustomers: number;
  paidOrders: number;
  gmvFen: number;
}

/**
 * material.report: for every material, what its shares brought (opens, binds, new customers,
 * attributed paid orders and GMV: the share nodes' own counts, summed per material) and how it was
 * read (visits, average seconds and depth); and the customers' AIPL stages, overall and per
 * salesperson (the stored stage of each summary). Five reads in parallel, each one aggregate or
 * query whatever the number of events. Round trips: caller + 5.
 */
export const report = action(contract.report)({
  access: ['boss', 'ops'],
  async run() {
    const $ = store.command().aggregate;
    const [materials, shares, reads, stages, salespeople] = await Promise.all([
      store.find<unknown>('materials', {}, { limit: 500 }),
      store
        .aggregate('shares')
        .match({ 'target.type': 'material' })
        .group({
          _id: '$target.id',
          shares: $.sum(1),
          opens: $.sum('$opens'),
          binds: $.sum('$binds'),
          newCustomers: $.sum('$newCustomers'),
          paidOrders: $.sum('$paidOrders'),
          gmvFen: $.sum('$gmvFen'),
        })
        .limit(500)
        .end(),
      store
        .aggregate('customer_events')
        .match({ type: 'material_read' })
        .group({ _id: '$data.materialId', reads: $.sum(1), seconds: $.avg('$seconds'), depth: $.avg('$depth') })
        .limit(500)
        .end(),
      store
        .aggregate('customer_summaries')
        .group({ _id: { salesId: '$salesId', stage: '$stage' }, n: $.sum(1) })
        .limit(1000)
        .end(),
      store.find<{ _id: string; name?: string }>('users', { role: 'sales' }, { limit: 1000 }),
    ]);
    const shareBy = new Map(store.aggregateRows<ShareSums>(shares).map((r) => [r._id, r]));
    const readBy = new Map(store.aggregateRows<{ _id: string; reads: number; seconds: number | null; depth: number | null }>(reads).map((r) => [r._id, r]));
    const rows = materials
      .map((m) => parseMaterial(m))
      .flatMap((r) => (r.ok ? [r.material] : []))
      .map((m) => {
        const s = shareBy.get(m._id);
        const r = readBy.get(m._id);
        return {
          materialId: m._id,
          title: m.title,
          kind: m.content.kind,
          shares: s?.shares ?? 0,
          opens: s?.opens ?? 0,
          binds: s?.binds ?? 0,
          newCustomers: s?.newCustomers ?? 0,
          paidOrders: s?.paidOrders ?? 0,
          gmvFen: s?.gmvFen ?? 0,
          reads: r?.reads ?? 0,
          avgSeconds: Math.round(r?.seconds ?? 0),
          avgDepth: Math.round(r?.depth ?? 0),
        };
      })
      .sort((a, b) => b.paidOrders - a.paidOrders || b.binds - a.binds || b.opens - a.opens || b.reads - a.reads || a.materialId.localeCompare(b.materialId));

    const overall = noStages();
    const bySales = new Map<string, StageCounts>();
    for (const g of store.aggregateRows<{ _id: { salesId?: string | null; stage?: string | null }; n: number }>(stages)) {
      if (!isStage(g._id.stage)) continue;
      overall[g._id.stage] += g.n;
      const sid = g._id.salesId;
      if (!sid) continue;
      const counts = bySales.get(sid) ?? noStages();
      counts[g._id.stage] += g.n;
      bySales.set(sid, counts);
    }
    const names = new Map(salespeople.map((u) => [u._id, u.name ?? u._id]));
    return {
      materials: rows,
      stages: {
        overall,
        bySales: [...new Set([...names.keys(), ...bySales.keys()])].sort().map((salesId) => ({ salesId, name: names.get(salesId) ?? salesId, counts: bySales.get(salesId) ?? noStages() })),
      },
    };
  },
});
