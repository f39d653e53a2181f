import type { CatalogProduct, ProductSave } from '../../services/api';
import { parseYuan } from '../../utils/money';

/** One SKU row of the form: prices and stock as typed (yuan, units). Existing SKUs carry their id and show stock, never edit it. */
export interface SkuRow {
  key: string;
  skuId?: string;
  name: string;
  price: string;
  listPrice: string;
  /** New SKUs only. */
  stock: string;
  /** Existing SKUs: what is left and what sold. */
  left?: number;
  sold?: number;
}

/** The form's state. */
export interface ProductForm {
  productId?: string;
  title: string;
  subtitle: string;
  category: string;
  images: Array<{ fileId: string; url: string }>;
  skus: SkuRow[];
}

let rowSeq = 0;
/** An empty SKU row. */
export function blankSku(): SkuRow {
  rowSeq += 1;
  return { key: `new-${rowSeq}`, name: '', price: '', listPrice: '', stock: '0' };
}

/** The form of a stored product (or an empty one). */
export function formOf(p?: CatalogProduct): ProductForm {
  if (!p) return { title: '', subtitle: '', category: '', images: [], skus: [blankSku()] };
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  return {
    productId: p.productId,
    title: p.title,
    subtitle: p.subtitle,
    category: p.category,
    images: p.images,
    skus: p.skus.map((s) => ({ key: s.skuId, skuId: s.skuId, name: s.name, price: yuan(s.priceFen), listPrice: yuan(s.listPriceFen), stock: '', left: s.stock, sold: s.sold })),
  };
}

/**
 * What catalog.save takes, or the first problem in Chinese (the server checks every field again
 * and names it in its refusal).
 */
export function toSave(form: ProductForm): { save: ProductSave } | { problem: string } {
  if (!form.title.trim()) return { problem: '请填写商品标题' };
  if (!form.category.trim()) return { problem: '请填写类目' };
  if (form.images.length === 0) return { problem: '请至少上传一张图片' };
  const skus: ProductSave['skus'] = [];
  for (const [i, row] of form.skus.entries()) {
    const n = i + 1;
    const priceFen = parseYuan(row.price);
    const listPriceFen = parseYuan(row.listPrice || row.price);
    if (!row.name.trim()) return { problem: `规格 ${n}：请填写名称` };
    if (!priceFen) return { problem: `规格 ${n}：售价应为大于 0 的金额，最多两位小数` };
    if (!listPriceFen || listPriceFen < priceFen) return { problem: `规格 ${n}：划线价不能低于售价` };
    if (row.skuId) skus.push({ skuId: row.skuId, name: row.name.trim(), priceFen, listPriceFen });
    else {
      const stock = Number(row.stock);
      if (!/^\d+$/.test(row.stock.trim()) || !Number.isSafeInteger(stock)) return { problem: `规格 ${n}：库存应为不小于 0 的整数` };
      skus.push({ name: row.name.trim(), priceFen, listPriceFen, stock });
    }
  }
  if (skus.length === 0) return { problem: '请至少添加一个规格' };
  return {
    save: {
      product: {
        ...(form.productId ? { productId: form.productId } : {}),
        title: form.title.trim(),
        ...(form.subtitle.trim() ? { subtitle: form.subtitle.trim() } : {}),
        category: form.category.trim(),
        images: form.images.map((i) => i.fileId),
      },
      skus,
    },
  };
}
