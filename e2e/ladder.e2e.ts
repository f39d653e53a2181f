/**
 * Ladder group (阶梯团) in the browser: 老刘 opens a team of the seeded ladder deal (2 people ¥99,
 * 5 people ¥89, 10 people ¥79) and pays at the cashier; 婷婷 joins from the team page and pays;
 * three more customers join; the team expires at 5 paid, the sweep makes it succeed at tier 2 and
 * both see the difference (¥10) refunded: the team page shows the tier reached and the refund,
 * the order page the refunded amount, and the stored refunds are one per member.
 */
import { AS_FUNCTION } from '../emulator/testing';
import { docs, giveAddresses, HOME } from '../tests/support/commerce';
import { payOrder } from '../tests/support/pay';
import { formatIssues, payAtCashier, startE2E, type E2E, type Person } from './harness';

const DEAL = 'gd_p09_ladder';
const LEADER = 'o_cust_1';
const JOINER = 'o_cust_2';
const OTHERS = ['o_ladder_e2e_1', 'o_ladder_e2e_2', 'o_ladder_e2e_3'];

describe('h5: a ladder team reaches tier 2 and its members see the difference refunded', () => {
  let e2e: E2E;
  let leader: Person;
  let joiner: Person;
  let teamId = '';

  beforeAll(async () => {
    e2e = await startE2E('ladder');
    leader = await e2e.person('leader', LEADER);
    joiner = await e2e.person('joiner', JOINER);
  });

  afterAll(async () => {
    if (e2e) console.log(`ladder screenshots:\n  ${e2e.shots.join('\n  ')}`);
    await e2e?.close();
  });

  it('the leader opens the ladder team at the first tier price and pays at the cashier; the team page shows the tiers', async () => {
    await leader.open('/packageShop/checkout/index', { productId: 'p09', skuId: 'p09-s1', qty: '1', mode: 'open', dealId: DEAL });
    await leader.page.locator('[data-testid=price-total][data-fen="9900"]:visible').first().waitFor({ timeout: 20000 });
    await leader.page.locator('[data-testid=submit-order]:visible').first().click();
    await leader.page.waitForURL(/\/cashier\?/, { timeout: 30000 });
    expect(await payAtCashier(leader.page)).toBe('SUCCESS');
    await leader.page.waitForURL(/packageShop\/team\/index\?id=.*payResult=ok/, { timeout: 30000 });
    teamId = new URL(leader.page.url().replace('#/', '')).searchParams.get('id') ?? '';
    expect(teamId).not.toBe('');
    await leader.page.locator('[data-testid=ladder-tiers]:visible').first().waitFor({ timeout: 20000 });
    expect(await leader.page.locator('[data-testid=ladder-tier]:visible').count()).toBe(3);
    // The rule line says the team forms at the first tier (2) and the price falls per tier, not "10人成团".
    const rule = await leader.page.locator('[data-testid=team-rules]:visible').first().innerText();
    expect(rule).toContain('满2人即成团');
    expect(rule).toContain('2人¥99.00 → 5人¥89.00 → 10人¥79.00');
    await e2e.shot(leader.page, 'leader-team-tiers');
  });

  it('a friend joins from the team page and pays; three more join; the team reaches 5 paid', async () => {
    await joiner.open('/packageShop/team/index', { id: teamId });
    await joiner.page.locator('[data-testid=team-join]:visible').first().click();
    await joiner.page.locator('[data-testid=price-total][data-fen="9900"]:visible').first().waitFor({ timeout: 20000 });
    await joiner.page.locator('[data-testid=submit-order]:visible').first().click();
    await joiner.page.waitForURL(/\/cashier\?/, { timeout: 30000 });
    expect(await payAtCashier(joiner.page)).toBe('SUCCESS');
    await joiner.page.waitForURL(/packageShop\/team\/index\?id=.*payResult=ok/, { timeout: 30000 });

    await giveAddresses(e2e.cloud, OTHERS);
    for (const openid of OTHERS) {
      const joined = await e2e.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, teamId, idempotencyKey: `ladder-e2e-${openid}` }, openid);
      await payOrder(e2e.cloud, joined.orderId, openid);
    }
    await joiner.page.reload();
    await joiner.page.locator('[data-testid=ladder-tier-reached]:visible').getByText('5').first().waitFor({ timeout: 20000 });
    await e2e.shot(joiner.page, 'joiner-team-tier-2-reached');
  });

  it('at expiry the team succeeds at tier 2 (¥89): each member is refunded ¥10 once, and both see it on the team page and the order page', async () => {
    e2e.cloud.advanceClock(25 * 3600 * 1000);
    await e2e.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    const [team] = await docs(e2e.cloud, 'teams', { _id: teamId });
    expect(team).toMatchObject({ status: 'succeeded', paidCount: 5, tier: { size: 5, priceFen: 8900 } });
    const orders = await docs(e2e.cloud, 'orders', { teamId });
    expect(orders).toHaveLength(5);
    const refunds = await docs(e2e.cloud, 'refunds', { reason: 'tier_rebate' });
    expect(refunds.map((r) => r.orderId).sort()).toEqual(orders.map((o) => o._id).sort());
    expect(refunds.every((r) => r.refundFen === 1000)).toBe(true);

    for (const [who, openid] of [[leader, LEADER], [joiner, JOINER]] as const) {
      await who.open('/packageShop/team/index', { id: teamId });
      await who.page.locator('[data-testid=ladder-refund-note]:visible').first().waitFor({ timeout: 20000 });
      expect(await who.page.locator('[data-testid=ladder-refund-note]:visible').first().textContent()).toContain('¥10.00');
      await e2e.shot(who.page, `${who.name}-team-difference-refunded`);
      const order = orders.find((o) => o.buyerOpenid === openid);
      expect(order).toMatchObject({ status: 'to_ship', paidFen: 9900, refundedFen: 1000 });
      await who.open('/packageShop/order/index', { id: String(order?._id) });
      await who.page.getByText('¥10.00').first().waitFor({ timeout: 20000 });
      await e2e.shot(who.page, `${who.name}-order-difference-refunded`);
    }
  });

  it('had no browser console errors or page errors', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
