/**
 * Demo catalogue: a tea-and-pantry brand, 12 products on the brand pool with SKUs and stock, and 3
 * drafts off the pool without stock (the back office's restock work), images in storage (`images`:
 * file ids, uploaded from emulator/assets at seed time: seed/files.ts). Prices in fen. Ids are fixed
 * so tests can name them.
 */
import { seedFileId } from './files';
import type { SeedDoc } from './window';

interface ProductSeed {
  id: string;
  title: string;
  subtitle: string;
  category: string;
  skus: Array<[name: string, priceFen: number, listPriceFen: number, stock: number]>;
  /** Default `on` (on the brand pool). */
  status?: 'on' | 'off';
}

const PRODUCTS: ProductSeed[] = [
  { id: 'p01', title: '明前龙井 特级', subtitle: '西湖产区 · 当季新茶', category: '茶叶', skus: [['250g 罐装', 16800, 19800, 120], ['500g 礼盒', 31800, 36800, 40]] },
  { id: 'p02', title: '云南普洱熟茶饼', subtitle: '勐海古树 · 357g', category: '茶叶', skus: [['357g 单饼', 12800, 15800, 80], ['七子饼 整提', 79800, 88800, 10]] },
  { id: 'p03', title: '福鼎白茶 寿眉', subtitle: '三年陈 · 枣香', category: '茶叶', skus: [['200g 饼', 9800, 12800, 60]] },
  { id: 'p04', title: '手工红糖姜茶', subtitle: '云南甘蔗 · 老姜熬制', category: '冲饮', skus: [['12 块装', 3900, 4900, 200], ['24 块装', 6900, 8900, 100]] },
  { id: 'p05', title: '五常稻花香大米', subtitle: '当季新米 · 5kg', category: '粮油', skus: [['5kg', 8900, 9900, 150]] },
  { id: 'p06', title: '东北秋木耳', subtitle: '小碗耳 · 250g', category: '干货', skus: [['250g', 4500, 5900, 90]] },
  { id: 'p07', title: '宁夏枸杞 特级', subtitle: '中宁头茬 · 500g', category: '干货', skus: [['250g', 3900, 4900, 100], ['500g', 6800, 8800, 60]] },
  { id: 'p08', title: '野生土蜂蜜', subtitle: '秦岭百花 · 500g', category: '冲饮', skus: [['500g', 8800, 10800, 70]] },
  { id: 'p09', title: '每日坚果礼盒', subtitle: '30 包 · 六种坚果果干', category: '零食', skus: [['30 包', 12900, 15900, 50]] },
  { id: 'p10', title: '桂花酒酿', subtitle: '低糖 · 6 瓶装', category: '冲饮', skus: [['6 瓶', 4800, 5900, 80]] },
  { id: 'p11', title: '紫砂茶具套装', subtitle: '宜兴原矿 · 一壶四杯', category: '茶具', skus: [['朱泥', 39800, 45800, 12], ['紫泥', 36800, 42800, 15]] },
  { id: 'p12', title: '竹纤维茶巾', subtitle: '吸水不掉毛 · 3 条装', category: '茶具', skus: [['3 条', 1990, 2990, 30]] },
  // Drafts waiting for stock: off the brand pool, so no shelf shows them.
  { id: 'p13', title: '武夷大红袍', subtitle: '岩骨花香 · 待到货', category: '茶叶', skus: [['250g 罐装', 25800, 29800, 0]], status: 'off' },
  { id: 'p14', title: '黑苦荞茶', subtitle: '大凉山 · 待到货', category: '冲饮', skus: [['500g 袋装', 3900, 4900, 0]], status: 'off' },
  { id: 'p15', title: '新会陈皮', subtitle: '十年陈 · 待到货', category: '干货', skus: [['100g', 8800, 9800, 0], ['250g', 19800, 21800, 0]], status: 'off' },
];

export function seedCatalog(now: Date): { products: SeedDoc[]; skus: SeedDoc[] } {
  const products: SeedDoc[] = [];
  const skus: SeedDoc[] = [];
  PRODUCTS.forEach((p, index) => {
    products.push({
      _id: p.id,
      title: p.title,
      subtitle: p.subtitle,
      category: p.category,
      images: [seedFileId(`products/${p.id}.svg`)],
      status: p.status ?? 'on',
      sort: index + 1,
      createdAt: now,
    });
    p.skus.forEach(([name, priceFen, listPriceFen, stock], i) => {
      skus.push({ _id: `${p.id}-s${i + 1}`, productId: p.id, name, priceFen, listPriceFen, stock, sold: 0, sort: i + 1 });
    });
  });
  return { products, skus };
}

/** Titles by product id, for tests and the e2e. */
export const PRODUCT_TITLES: Record<string, string> = Object.fromEntries(PRODUCTS.map((p) => [p.id, p.title]));
