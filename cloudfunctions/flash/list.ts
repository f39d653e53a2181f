/** flash.list: the sales on and coming, soonest first, as the caller sees them (one read). */
import { store, type ActionContext } from '../_platform';
import { flashOrdersOf, flashPhaseOf } from '../../shared/flash';
import { checkPromotion, type FlashSale } from '../../shared/promotions';

/** How many sales the shelf shows at most. */
const MAX_SALES = 20;

/** The caller's view of one sale. */
function viewOf(sale: FlashSale, openid: string, now: Date) {
  return {
    flashId: sale._id,
    title: sale.title,
    productId: sale.productId,
    skuId: sale.skuId,
    flashPriceFen: sale.flashPriceFen,
    listPriceFen: sale.listPriceFen,
    quantity: sale.quantity,
    remaining: Math.max(0, sale.quantity - sale.taken),
    perUserLimit: sale.perUserLimit,
    newCustomersOnly: sale.newCustomersOnly ?? false,
    startAt: sale.startAt,
    endAt: sale.endAt,
    phase: flashPhaseOf(sale, now),
    mine: flashOrdersOf(sale, openid).length,
  };
}

/** Active sales not ended yet; an invalid document is skipped (admin.promotionHealth names it). */
export async function listFlashSales(ctx: ActionContext) {
  const raw = await store.find<unknown>('flash_sales', { status: 'active', endAt: store.command().gt(ctx.now) }, { orderBy: [['startAt', 'asc']], limit: MAX_SALES });
  const sales = raw.flatMap((doc) => {
    const checked = checkPromotion('flash_sales', doc);
    return checked.ok ? [viewOf(checked.value, ctx.openid, ctx.now)] : [];
  });
  return { sales, now: ctx.now };
}
