import { action, AppError, store, withFileUrls } from '../_platform';
import { card as contract } from '../../shared/contract';
import { cardFieldsOf, defaultCard, type Card, type StoredCard } from '../../shared/card/card';
import { activeSalesId, type GrowthUserFields } from '../../shared/growth';
import { parseMaterial } from '../../shared/materials/material';
import type { ProductDoc } from '../../shared/shelf/present';
import { lookupByIds } from '../_commerce/product-lookups';
import { openVisit } from '../_customers/visits';

interface OwnerRow {
  _id: string;
  role: string;
  name?: string;
  title?: string;
  avatarFileId?: string | null;
  card?: StoredCard;
  _products: ProductDoc[];
  _materials: unknown[];
  _brand: Array<{ name?: string }>;
}

/**
 * One aggregate: the card's owner (their user document holds the card), the featured products on
 * sale with their SKUs, the featured materials, and the brand's name.
 */
async function loadCard(salesId: string): Promise<OwnerRow | undefined> {
  const $ = store.command().aggregate;
  const res = await store
    .aggregate('users')
    .match({ _id: salesId })
    .limit(1)
    .lookup(lookupByIds('products', '$card.featuredProductIds', '_products', { limit: 6 }))
    .lookup(lookupByIds('materials', '$card.featuredMaterialIds', '_materials', { limit: 6 }))
    .lookup({ from: 'settings', pipeline: $.pipeline().match({ _id: 'brand' }).limit(1).done(), as: '_brand' })
    .end();
  return store.aggregateRows<OwnerRow>(res)[0];
}

/**
 * card.get {salesId?}: a salesperson's card with its featured products (on sale) and materials
 * (active). A customer's open is a visit (one per half hour) recorded in their event stream.
 * Round trips: caller + one aggregate (+ the visit's event and summary writes for a customer); the
 * featured products' images: one storage call.
 */
export const getCard = action(contract.get)({
  async run(input, ctx) {
    const salesId = input.salesId ?? ctx.openid;
    const row = await loadCard(salesId);
    if (!row || row.role !== 'sales') throw new AppError('NOT_FOUND', `salesId: no salesperson ${salesId}`);
    const saved = row.card ?? null;
    const c = saved ?? defaultCard(row);
    const byId = <T extends { _id: string }>(ids: string[], rows: T[]) => ids.map((id) => rows.find((r) => r._id === id)).filter((r): r is T => !!r);
    const products = byId(c.featuredProductIds, row._products ?? []).filter((p) => p.status === 'on');
    const materials = byId(c.featuredMaterialIds, (row._materials ?? []).map((m) => parseMaterial(m)).flatMap((r) => (r.ok && r.material.status === 'active' ? [r.material] : [])));
    const mine = ctx.openid === salesId;
    let visitId: string | null = null;
    if (!mine && ctx.user.role === 'customer') {
      visitId = await openVisit(ctx, {
        type: 'card_viewed',
        openid: ctx.openid,
        salesId: activeSalesId(ctx.user as GrowthUserFields, ctx.now),
        targetId: salesId,
        data: { cardSalesId: salesId },
        customerName: ctx.user.name,
      });
    }
    return {
      card: {
        salesId,
        ...cardFieldsOf(c),
        brandName: row._brand?.[0]?.name ?? null,
        // Product images as temporary URLs (one storage call); the card's own images stay file ids,
        // which the editor saves back as they are.
        featuredProducts: await withFileUrls(
          products.map((p) => ({
            productId: p._id,
            title: p.title,
            imageUrl: p.images?.[0] ?? null,
            priceFen: lowestPriceFen(p),
          })),
        ),
        featuredMaterials: materials.map((m) => ({ materialId: m._id, title: m.title, kind: m.content.kind, cover: m.cover })),
        updatedAt: saved?.updatedAt ?? null,
      },
      visitId,
      mine,
      saved: mine && saved ? withoutUpdatedAt(saved) : null,
    };
  },
});

function lowestPriceFen(p: ProductDoc): number {
  const prices = (p.skus ?? []).map((s) => s.priceFen);
  return prices.length ? Math.min(...prices) : 0;
}

function withoutUpdatedAt(card: StoredCard): Card {
  const { updatedAt: _at, ...fields } = card;
  return fields;
}
