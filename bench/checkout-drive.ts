/**
 * Drives a flash-sale checkout against a running local cloud (e.g. `npm start`):
 *   node --import tsx bench/checkout-drive.ts http://127.0.0.1:8787 1000
 * arranges a fresh sale (SKU stock 100, coupon stock 50, 1 per user), sends that many new
 * shoppers at once through view → claim → create → pay (order.pay, then the cashier), waits for
 * WeChat Pay's pay notices to be delivered, prints the figures and the stored outcome,
 * and exits 1 unless every call was answered and exactly 100 orders were paid.
 */
import { arrangeFlashSale, checkSale, probe, runShoppers, SALE_COUPONS, SALE_STOCK, sdkDb, settlePayNotices, summarize } from './checkout-flow';

async function main(): Promise<void> {
  const url = (process.argv[2] ?? 'http://127.0.0.1:8787').replace(/\/$/, '');
  const shoppers = Number(process.argv[3] ?? 1000);
  const db = sdkDb(url);
  const sale = await arrangeFlashSale(db, `d${Date.now().toString(36)}`, shoppers);
  console.log(`${shoppers} shoppers on ${url}: product ${sale.productId} (stock ${SALE_STOCK}), coupon ${sale.templateId} (stock ${SALE_COUPONS}, 1 per user)`);
  const { wallMs, outcomes } = await runShoppers(url, sale, shoppers);
  const figures = summarize(wallMs, outcomes);
  const noticesLeft = await settlePayNotices(url);
  const stored = await checkSale(db, sale);
  const answers = await probe(url);
  console.log(JSON.stringify({ ...figures, stored, noticesLeft, probeAnswered: answers }, null, 2));
  const good =
    figures.unanswered === 0 &&
    noticesLeft === 0 &&
    stored.paidOrders === SALE_STOCK &&
    stored.stock + stored.sold === SALE_STOCK &&
    stored.couponsUsed <= SALE_COUPONS &&
    stored.couponsOnTwoOrders === 0 &&
    answers;
  console.log(good ? 'OK: every call answered, exactly 100 paid orders' : 'FAILED');
  process.exit(good ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
