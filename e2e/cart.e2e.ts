/**
 * Cart to delivery address to paid order, in the h5 build: a customer adds two products to the
 * cloud cart (one on the shelf, one on the product page, both through the SKU picker), adds an
 * address with the h5 form (a bad phone shows its error first), checks out with the shipping the
 * server quotes, pays, and the order shows its address and shipping; the ordered lines leave the cart.
 */
import type { Page } from 'playwright-core';
import type { Reply } from '../shared/contract';
import { formatIssues, payAtCashier, startE2E, type E2E, type Person } from './harness';
import { see, storySteps } from './story';

type Quote = Reply<'order', 'quote'>;
type Stored = Record<string, unknown>;

const BUYER = 'o_cust_4';
const SHELF_OF = 'o_sales_zhao'; // 枸杞 (two SKUs) and 茶巾 are on her shelf
const GOJI_250G = { productId: 'p07', skuId: 'p07-s1' }; // ¥39.00
const TOWEL = { productId: 'p12', skuId: 'p12-s1' }; // ¥19.90: ¥58.90 of goods, under ¥59 → ¥6 shipping

const click = (page: Page, testid: string) => page.locator(`[data-testid=${testid}]:visible`).first().click();

async function fill(page: Page, testid: string, value: string): Promise<void> {
  const input = page.locator(`[data-testid=${testid}]:visible input, input[data-testid=${testid}]:visible`).first();
  await input.fill(value);
}

/** Submits the checkout, pays at the cashier the app opens, and lands on the paid order. */
async function submitAndPay(page: Page): Promise<string> {
  await click(page, 'submit-order');
  expect(await payAtCashier(page)).toBe('SUCCESS');
  await page.waitForURL(/packageShop\/order\/index\?id=.*payResult=ok/, { timeout: 30000 });
  return new URL(page.url().replace('#/', '')).searchParams.get('id') ?? '';
}

describe('h5: cart → address → shipping → paid order', () => {
  let e2e: E2E;
  let buyer: Person;
  let orderId = '';
  const { step, timings } = storySteps(() => e2e);
  const stored = async (collection: string, id: string) => ((await e2e.cloud.db.collection(collection).doc(id).get()) as { data: Stored[] }).data[0];

  beforeAll(async () => {
    e2e = await startE2E('cart');
    // This customer starts with an empty address book (the seed gives every demo customer one).
    await e2e.cloud.db.collection('addresses').doc(BUYER).remove();
    buyer = await e2e.person('buyer', BUYER);
  });

  afterAll(async () => {
    if (e2e) console.log(`cart: ${timings.join(', ')}\nscreenshots:\n  ${e2e.shots.join('\n  ')}`);
    await e2e?.close();
  });

  step('adds 枸杞 250g on the shelf through the SKU picker', async () => {
    await buyer.open('/pages/shelf/index', { salesId: SHELF_OF });
    await click(buyer.page, `add-${GOJI_250G.productId}`);
    await click(buyer.page, `sku-${GOJI_250G.skuId}`);
    await e2e.shot(buyer.page, 'shelf-sku-picker');
    await click(buyer.page, 'sku-confirm');
    await see(buyer.page, '已加入购物车');
    expect((await stored('carts', BUYER)).items).toEqual([expect.objectContaining({ skuId: GOJI_250G.skuId, qty: 1 })]);
  });

  step('adds 茶巾 on the product page and opens the cart: both lines at live prices', async () => {
    await buyer.open('/packageShop/product/index', { id: TOWEL.productId });
    await click(buyer.page, 'add-to-cart');
    await click(buyer.page, 'sku-confirm');
    await see(buyer.page, '已加入购物车');
    await click(buyer.page, 'open-cart');
    await see(buyer.page, '竹纤维茶巾');
    await see(buyer.page, '宁夏枸杞 特级');
    await see(buyer.page, '¥58.90');
    await e2e.shot(buyer.page, 'cart');
    await click(buyer.page, 'cart-checkout');
    await see(buyer.page, '添加收货地址');
  });

  step('adds an address with the h5 form: a bad phone is named first, then it is saved and chosen', async () => {
    await click(buyer.page, 'checkout-address');
    await click(buyer.page, 'address-add');
    await fill(buyer.page, 'address-name', '婷婷');
    await fill(buyer.page, 'address-phone', '12345678901');
    await fill(buyer.page, 'address-province', '四川省');
    await fill(buyer.page, 'address-city', '成都市');
    await fill(buyer.page, 'address-district', '武侯区');
    await fill(buyer.page, 'address-detail', '人民南路四段12号');
    await click(buyer.page, 'address-save');
    await see(buyer.page, '请填写正确的手机号（1开头的11位数字）');
    await e2e.shot(buyer.page, 'address-bad-phone');
    expect(await stored('addresses', BUYER)).toBeUndefined();
    await fill(buyer.page, 'address-phone', '13800000004');
    await click(buyer.page, 'address-save');
    // Back on the checkout with the new address chosen.
    await see(buyer.page, /四川省成都市武侯区 人民南路四段12号/);
  });

  step('checkout shows the quoted shipping; paying makes an order with the address and the shipping', async () => {
    const book = await stored('addresses', BUYER);
    const addressId = (book.items as Array<{ addressId: string }>)[0].addressId;
    const q = await e2e.cloud.ok<Quote>('order', { action: 'quote', items: [{ ...GOJI_250G, qty: 1 }, { ...TOWEL, qty: 1 }], addressId }, BUYER);
    expect(q.shippingFen).toBe(600);
    const shipping = buyer.page.locator('[data-testid=price-shipping]:visible').first();
    await shipping.waitFor({ timeout: 20000 });
    expect(Number(await shipping.getAttribute('data-fen'))).toBe(q.shippingFen);
    expect(Number(await buyer.page.locator('[data-testid=price-total]:visible').first().getAttribute('data-fen'))).toBe(q.totalFen);
    await e2e.shot(buyer.page, 'checkout-shipping');

    orderId = await submitAndPay(buyer.page);
    await see(buyer.page, '人民南路四段12号');
    const shownShipping = buyer.page.locator('[data-testid=price-shipping]:visible').first();
    expect(Number(await shownShipping.getAttribute('data-fen'))).toBe(600);
    await e2e.shot(buyer.page, 'order-paid');
    expect(await stored('orders', orderId)).toMatchObject({
      status: 'to_ship', // paid, waiting for the warehouse (issue 12)
      shippingFen: 600,
      totalFen: q.totalFen,
      paidFen: q.totalFen,
      address: { addressId, name: '婷婷', phone: '13800000004', province: '四川省', city: '成都市', district: '武侯区', detail: '人民南路四段12号' },
    });
  });

  step('the ordered lines have left the cart', async () => {
    expect((await stored('carts', BUYER)).items).toEqual([]);
    await buyer.open('/packageShop/cart/index');
    await see(buyer.page, '购物车是空的');
  });

  it('had no browser console errors or page errors', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
