import type { Catalog, ShelfProduct } from '../../services/api';

export type CurateItem = ShelfProduct & { on: boolean };

/** Max products on one shelf (shelf.curate accepts 1–60 ids). */
export const MAX_ON_SHELF = 60;

/** The shelf's products first, in the shelf's order, then the rest of the catalogue in its order. */
export function curateItems(c: Catalog): CurateItem[] {
  const byId = new Map(c.products.map((p) => [p.id, p]));
  const onShelf = new Set(c.shelfProductIds);
  const on = c.shelfProductIds.map((id) => byId.get(id)).filter((p): p is Catalog['products'][number] => !!p);
  const rest = c.products.filter((p) => !onShelf.has(p.id));
  const strip = ({ onShelf: _o, ...p }: Catalog['products'][number]) => p;
  return [...on.map((p) => ({ ...strip(p), on: true })), ...rest.map((p) => ({ ...strip(p), on: false }))];
}

/** The ids to save: switched-on products in list order. */
export function shelfIds(items: CurateItem[]): string[] {
  return items.filter((p) => p.on).map((p) => p.id);
}

/** Swaps item i with its neighbour i+d (no-op at the ends). */
export function moveItem<T>(items: T[], i: number, d: number): T[] {
  const j = i + d;
  if (j < 0 || j >= items.length || i < 0 || i >= items.length) return items;
  const next = items.slice();
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}
