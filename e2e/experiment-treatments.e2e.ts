/**
 * Issue 14's other two treatments in a real browser: two customers in different arms open the same
 * product, which has a 2-person and a 3-person deal and a coupon whose amount is under test. The
 * group-size arm's deal is shown first (its price and size), the other size is one tap away, and the
 * coupon-amount arm's ticket shows and claims its amount (the stored coupon keeps it).
 * Screenshots: e2e/screenshots/treatments-*.png; the run has no browser console errors.
 */
import { formatIssues, startE2E, type E2E, type Person } from './harness';
import { storySteps } from './story';
import { bucketVariant } from '../shared/growth';

const PRODUCT = 'p01';
const SIZE_ARMS = [
  { name: 'duo', weight: 1 },
  { name: 'trio', weight: 1, value: { groupSize: 3 } },
];
const AMOUNT_ARMS = [
  { name: 'control', weight: 1 },
  { name: 'big', weight: 1, value: { amountOffFen: 800 } },
];
const candidates = Array.from({ length: 60 }, (_, i) => `o_treat_${i}`);
const inArms = (size: string, amount: string) =>
  candidates.find((o) => bucketVariant(o, 'dealSize', SIZE_ARMS) === size && bucketVariant(o, 'flatAmount', AMOUNT_ARMS) === amount)!;

/** The rule of the customer's ct_flat5 coupon once the claim has landed (waits up to 15 s). */
async function claimedRule(openid: string): Promise<unknown> {
  for (let i = 0; i < 30; i++) {
    const mine = (await e2e.cloud.db.collection('coupons').where({ ownerOpenid: openid }).get()).data as Array<{ templateId: string; rule: unknown }>;
    const coupon = mine.find((c) => c.templateId === 'ct_flat5');
    if (coupon) return coupon.rule;
    await new Promise((r) => setTimeout(r, 500));
  }
  return undefined;
}

let e2e: E2E;

describe('h5: group size shown first and coupon amount (issue 14)', () => {
  let trioBig: Person;
  let duoControl: Person;
  const { step, timings } = storySteps(() => e2e);

  beforeAll(async () => {
    e2e = await startE2E('treatments');
    const db = e2e.cloud.db;
    const duo = (await db.collection('group_deals').doc('gd_p01_duo').get()).data[0] as Record<string, unknown>;
    const { _id: _duoId, ...rest } = duo;
    await db.collection('group_deals').add({ ...rest, _id: 'gd_p01_trio', title: '三人团', groupSize: 3, groupPriceFen: Number(duo.groupPriceFen) - 1000 });
    await db.collection('experiments').add({ _id: 'exp_deal_size', name: '先展示几人团', key: 'dealSize', status: 'active', varies: 'groupSizeFirst', variants: SIZE_ARMS });
    await db.collection('experiments').add({ _id: 'exp_flat_amount', name: '无门槛券面额', key: 'flatAmount', status: 'active', varies: 'couponAmount', templateId: 'ct_flat5', variants: AMOUNT_ARMS });
    trioBig = await e2e.person('trio-big', inArms('trio', 'big'));
    duoControl = await e2e.person('duo-control', inArms('duo', 'control'));
  });

  afterAll(async () => {
    console.log(`treatments timings:\n  ${timings.join('\n  ')}\nscreenshots:\n  ${e2e?.shots.join('\n  ')}`);
    await e2e?.close();
  });

  step("each arm's product page shows its group size first; the other size is one tap away", async () => {
    for (const [p, first, other] of [
      [trioBig, 3, 2],
      [duoControl, 2, 3],
    ] as const) {
      await p.open('/packageShop/product/index', { id: PRODUCT });
      const tip = p.page.locator('.pd-group-tip:visible').first();
      await tip.waitFor({ timeout: 20000 });
      await expect(tip.textContent()).resolves.toMatch(new RegExp(`^${first}人成团价`));
      const sizes = await p.page.locator('[data-testid=deal-sizes]:visible [data-testid^=deal-size-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(sizes).toEqual([`deal-size-${first}`, `deal-size-${other}`]);
      await e2e.shot(p.page, `size-first-${first}`);
      await p.page.locator(`[data-testid=deal-size-${other}]:visible`).click();
      await expect(tip.textContent()).resolves.toMatch(new RegExp(`^${other}人成团价`));
    }
  });

  step("each arm's coupon ticket shows its amount, and the claimed coupon keeps it", async () => {
    for (const [p, fen] of [
      [trioBig, 800],
      [duoControl, 500],
    ] as const) {
      const claim = p.page.locator('[data-testid=claim-ct_flat5]:visible');
      await claim.waitFor({ timeout: 20000 });
      const ticket = p.page.locator('.ticket', { has: claim }).first();
      await expect(ticket.locator('.ticket-face').textContent()).resolves.toMatch(new RegExp(`(^|\\D)${fen / 100}$`));
      await claim.click();
      await expect(claimedRule(p.openid)).resolves.toEqual({ kind: 'flat_off', amountOffFen: fen });
      await e2e.shot(p.page, `coupon-${fen}`);
    }
  });

  it('no browser console errors', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
