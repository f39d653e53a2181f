import { action, AppError, getTempFileUrls, store, uploadFile, type CollectionName } from '../_platform';
import { chinaDayRange } from '../../shared/china-day';
import { admin } from '../../shared/contract';
import { encodeCsv, type CsvCell } from '../../shared/csv';
import { COMMISSION_COLUMNS, commissionRow, EXPORT_CAP, ORDER_COLUMNS, orderRow, type ExportLedgerEntry, type ExportOrder, type ExportKind } from '../../shared/exports';

const PAGE = 1000; // the service's largest page
const URL_TTL_S = 3600;
const MAX_DAYS = 366;

/** Which documents an export reads, sorted on `field` then `_id`. */
function sourceOf(kind: ExportKind, startAt: Date, endAt: Date, salesId: string | undefined): { collection: CollectionName; where: Record<string, unknown>; field: string } {
  const _ = store.command();
  const range = _.gte(startAt).and(_.lt(endAt));
  if (kind === 'orders') return { collection: 'orders', where: { paidAt: range }, field: 'paidAt' };
  return { collection: 'commission_ledger', where: salesId ? { salesId, createdAt: range } : { createdAt: range }, field: 'createdAt' };
}

/** Names of people and products the rows mention (2 reads per page at most). */
async function namesFor(kind: ExportKind, docs: Array<Record<string, unknown>>): Promise<Map<string, string>> {
  const _ = store.command();
  const people = new Set<string>();
  const products = new Set<string>();
  for (const d of docs) {
    if (kind === 'orders') {
      people.add(String(d.buyerOpenid));
      const salesId = (d.attribution as { salesId?: string } | undefined)?.salesId;
      if (salesId) people.add(salesId);
    } else {
      people.add(String(d.salesId));
      if (d.kind !== 'paid') products.add(String(d.productId));
    }
  }
  const [users, items] = await Promise.all([
    people.size ? store.find<{ _id: string; name?: string }>('users', { _id: _.in([...people]) }, { limit: people.size }) : [],
    products.size ? store.find<{ _id: string; title?: string }>('products', { _id: _.in([...products]) }, { limit: products.size }) : [],
  ]);
  return new Map([...users.map((u): [string, string] => [u._id, u.name ?? '']), ...items.map((p): [string, string] => [p._id, p.title ?? ''])].filter(([, v]) => v));
}

/**
 * admin.export {kind, from, to, salesId?} (boss/ops): a CSV of the period (China days, both
 * included; at most a year) — `orders`: every order paid in it, one row per order;
 * `commission`: every ledger entry (pending, settleable, reversed, paid) of one salesperson or
 * all — in UTF-8 with BOM and CRLF, so Excel and WPS open it with Chinese text. At most
 * EXPORT_CAP (5,000) rows, oldest first: `truncated` says when the period had more. Stored at
 * `exports/<kind>-<from>-<to>-<random>.csv` and answered with a temporary URL (1 hour).
 * Round trips: caller + count + 1 page per 1000 rows (+ 1–2 name reads per page) + upload + URL.
 */
export const exportCsv = action(admin.export)({
  access: ['boss', 'ops'],
  async run(input, ctx) {
    if (input.from > input.to) throw new AppError('INVALID_ARGUMENT', 'from: must not be after to');
    const { startAt, endAt } = chinaDayRange(input.from, input.to);
    if (endAt.getTime() - startAt.getTime() > MAX_DAYS * 86_400_000) throw new AppError('INVALID_ARGUMENT', `to: a period of at most ${MAX_DAYS} days`);
    const source = sourceOf(input.kind, startAt, endAt, input.kind === 'commission' ? input.salesId : undefined);
    const total = await store.count(source.collection, source.where);
    const rows: CsvCell[][] = [];
    for (let skip = 0; skip < Math.min(total, EXPORT_CAP); skip += PAGE) {
      const docs = await store.find<Record<string, unknown>>(source.collection, source.where, { orderBy: [[source.field, 'asc']], limit: Math.min(PAGE, EXPORT_CAP - skip), skip });
      const names = await namesFor(input.kind, docs);
      for (const d of docs) rows.push(input.kind === 'orders' ? orderRow(d as unknown as ExportOrder, names) : commissionRow(d as unknown as ExportLedgerEntry, names));
      if (docs.length < PAGE) break;
    }
    const columns = input.kind === 'orders' ? [...ORDER_COLUMNS] : [...COMMISSION_COLUMNS];
    const who = input.kind === 'commission' && input.salesId ? `-${input.salesId.replace(/[^A-Za-z0-9_-]/g, '_')}` : '';
    const fileName = `${input.kind}-${input.from}-${input.to}${who}.csv`;
    const fileId = await uploadFile(`exports/${ctx.newId(16)}/${fileName}`, Buffer.from(encodeCsv(columns, rows), 'utf8'));
    const url = (await getTempFileUrls([fileId], URL_TTL_S)).get(fileId);
    if (!url) throw new Error(`no temporary URL for ${fileId}`);
    return { kind: input.kind, from: input.from, to: input.to, fileId, url, fileName, columns, rows: rows.length, total, truncated: total > rows.length, cap: EXPORT_CAP };
  },
});
