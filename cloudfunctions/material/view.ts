import type { Material } from '../../shared/materials/material';

/** A material as lists show it. */
export function materialItem(m: Material) {
  return {
    materialId: m._id,
    title: m.title,
    kind: m.content.kind,
    summary: m.summary ?? null,
    cover: m.cover,
    tags: m.tags,
    productId: m.productId ?? null,
    status: m.status,
  };
}
