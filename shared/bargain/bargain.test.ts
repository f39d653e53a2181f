/** Given/when/then for the bargain's decisions (no database). */
import { anOrder, NOW } from '../../tests/support/fixtures';
import { isAppError, type ErrorCode } from '../errors';
import { changesOf, type Effect } from '../lifecycle/effects';
import { decideOrder as decideOrderMove } from '../lifecycle/order';
import { LifecycleWorld } from '../../tests/support/lifecycle-world';
import { bargainDealSchema, type BargainDeal } from './deal.schema';
import { cutsOf } from './cuts';
import { decideHelp, decideOrder, decideStart, explainLostHelp, releaseChange, viewBargain, type Bargain } from './bargain';

const HOUR = 3_600_000;
const deal: BargainDeal = bargainDealSchema.parse({
  _id: 'bd_p06',
  title: '砍到 ¥9.90',
  status: 'active',
  startAt: new Date(NOW.getTime() - HOUR),
  endAt: new Date(NOW.getTime() + 100 * HOUR),
  productId: 'p06',
  skuId: 'p06-s1',
  floorPriceFen: 990,
  helpersNeeded: 3,
  validHours: 24,
});

function started(over: Partial<Bargain> = {}): Bargain {
  return { ...decideStart({ bargainId: 'b1', deal, skuPriceFen: 3990, starterOpenid: 'o_a', starterName: 'A', mine: [], now: NOW }).bargain, ...over };
}

function refusal(fn: () => unknown): ErrorCode | unknown {
  try {
    fn();
  } catch (err) {
    return isAppError(err) ? err.code : err;
  }
  return 'no refusal';
}

describe('start', () => {
  it('given a live deal, a new bargain starts at the SKU price and ends after validHours', () => {
    const b = started();
    expect(b).toMatchObject({ status: 'open', startPriceFen: 3990, floorPriceFen: 990, helpersNeeded: 3, helpers: [], helpCount: 0, orderId: null });
    expect(b.expiresAt).toEqual(new Date(NOW.getTime() + 24 * HOUR));
  });
  it('given an open bargain of mine, a start answers it; past the limit it is refused', () => {
    const mine = [started()];
    expect(decideStart({ bargainId: 'b2', deal, skuPriceFen: 3990, starterOpenid: 'o_a', starterName: 'A', mine, now: NOW })).toMatchObject({ kind: 'existing', bargain: { _id: 'b1' } });
    const ended = [started({ status: 'ordered' })];
    expect(refusal(() => decideStart({ bargainId: 'b2', deal, skuPriceFen: 3990, starterOpenid: 'o_a', starterName: 'A', mine: ended, now: NOW }))).toBe('LIMIT_REACHED');
  });
  it('a deal not live, or a floor without a fen per helper, is refused', () => {
    expect(refusal(() => decideStart({ bargainId: 'b', deal: { ...deal, status: 'paused' }, skuPriceFen: 3990, starterOpenid: 'o_a', starterName: 'A', mine: [], now: NOW }))).toBe('NOT_FOUND');
    expect(refusal(() => decideStart({ bargainId: 'b', deal, skuPriceFen: 992, starterOpenid: 'o_a', starterName: 'A', mine: [], now: NOW }))).toBe('FAILED_PRECONDITION');
  });
  it('a bargain ends with its deal when the deal ends first', () => {
    const short = { ...deal, endAt: new Date(NOW.getTime() + 2 * HOUR) };
    expect(decideStart({ bargainId: 'b', deal: short, skuPriceFen: 3990, starterOpenid: 'o_a', starterName: 'A', mine: [], now: NOW }).bargain.expiresAt).toEqual(short.endAt);
  });
});

describe('help', () => {
  it('given an open bargain, a friend is counted by a guarded increment (below N, before the deadline, once)', () => {
    expect(decideHelp(started(), { openid: 'o_f1', role: 'customer', name: 'F' }, NOW)).toEqual({
      entity: 'bargain',
      id: 'b1',
      move: 'help',
      requires: [
        { field: 'helpCount', op: 'lt', value: 3 },
        { field: 'expiresAt', op: 'gt', value: NOW },
        { field: 'helpers', op: 'lacks', value: 'o_f1' },
      ],
      set: { updatedAt: NOW },
      inc: { helpCount: 1 },
      push: { helpers: 'o_f1', helperNames: 'F' },
    });
  });
  it.each<[string, Partial<Bargain>, { openid: string; role: string; name: string }, ErrorCode]>([
    ['the starter', {}, { openid: 'o_a', role: 'customer', name: 'F' }, 'NOT_ELIGIBLE'],
    ['staff', {}, { openid: 'o_sales_li', role: 'sales', name: 'S' }, 'NOT_ELIGIBLE'],
    ['a friend twice', { helpers: ['o_f1'], helpCount: 1 }, { openid: 'o_f1', role: 'customer', name: 'F' }, 'ALREADY_JOINED'],
    ['past the deadline', { expiresAt: NOW }, { openid: 'o_f1', role: 'customer', name: 'F' }, 'EXPIRED'],
    ['after N helpers', { helpers: ['x', 'y', 'z'], helpCount: 3 }, { openid: 'o_f1', role: 'customer', name: 'F' }, 'GROUP_FULL'],
    ['an ordered bargain', { status: 'ordered', orderId: 'o1' }, { openid: 'o_f1', role: 'customer', name: 'F' }, 'FAILED_PRECONDITION'],
  ])('%s is refused', (_name, over, helper, code) => {
    expect(refusal(() => decideHelp(started(over), helper, NOW))).toBe(code);
  });
  it('a help that lost its write: counted when the helper is among the helpers, else the refusal of now', () => {
    expect(explainLostHelp(started({ helpers: ['o_f1'], helpCount: 1 }), { openid: 'o_f1', role: 'customer', name: 'F' }, NOW)).toBe('counted');
    expect(refusal(() => explainLostHelp(started({ helpers: ['x', 'y', 'z'], helpCount: 3 }), { openid: 'o_f1', role: 'customer', name: 'F' }, NOW))).toBe('GROUP_FULL');
    expect(refusal(() => explainLostHelp(started(), { openid: 'o_f1', role: 'customer', name: 'F' }, NOW))).toBe('CONFLICT');
  });
});

describe('view and order', () => {
  it('the reached price is start minus the cuts counted; the Nth help lands on the floor', () => {
    const cuts = cutsOf({ bargainId: 'b1', totalFen: 3000, helpersNeeded: 3 });
    const two = viewBargain(started({ helpers: ['f1', 'f2'], helperNames: ['一', '二'], helpCount: 2 }), NOW);
    expect(two).toMatchObject({ phase: 'open', reachedPriceFen: 3990 - cuts[0] - cuts[1], cutFen: cuts[0] + cuts[1], helpsLeft: 1 });
    expect(two.helps).toEqual([{ openid: 'f1', name: '一', index: 1, cutFen: cuts[0] }, { openid: 'f2', name: '二', index: 2, cutFen: cuts[1] }]);
    expect(viewBargain(started({ helpers: ['f1', 'f2', 'f3'], helpCount: 3 }), NOW)).toMatchObject({ phase: 'done', reachedPriceFen: 990, helpsLeft: 0 });
    expect(viewBargain(started({ expiresAt: NOW }), NOW).phase).toBe('expired');
  });
  it('the starter orders at the reached price, guarded on the helpers counted; a repeat with the same order passes', () => {
    const b = started({ helpers: ['f1'], helpCount: 1 });
    const d = decideOrder(b, 'o_a', 'oX', NOW);
    expect(d.priceFen).toBe(viewBargain(b, NOW).reachedPriceFen);
    expect(d.change).toMatchObject({ move: 'order', set: { status: 'ordered', orderId: 'oX' }, requires: [{ field: 'expiresAt', op: 'gt', value: NOW }, { field: 'helpCount', op: 'eq', value: 1 }] });
    expect(decideOrder(started({ status: 'ordered', orderId: 'oX' }), 'o_a', 'oX', NOW).change).toBeNull();
  });
  it.each<[string, Partial<Bargain>, string, ErrorCode]>([
    ['someone else', {}, 'o_b', 'NOT_FOUND'],
    ['an expired bargain', { expiresAt: NOW }, 'o_a', 'EXPIRED'],
    ['a second order', { status: 'ordered', orderId: 'oOther' }, 'o_a', 'FAILED_PRECONDITION'],
  ])('%s is refused', (_name, over, buyer, code) => {
    expect(refusal(() => decideOrder(started(over), buyer, 'oX', NOW))).toBe(code);
  });
  it('an order that could not be made gives the bargain back, only while it holds that order', () => {
    expect(releaseChange({ _id: 'b1' }, 'oX', NOW)).toMatchObject({ move: 'release', requires: [{ field: 'orderId', op: 'eq', value: 'oX' }], set: { status: 'open', orderId: null } });
  });
});

describe('a bargain order released unpaid', () => {
  const releaseOf = (effects: Effect[]) => effects.filter((e) => e.type === 'releaseBargain');

  it.each([
    ['cancelled by the buyer', { type: 'cancel' } as const],
    ['closed by the sweep at its pay deadline', { type: 'close', reason: 'pay_timeout' } as const],
  ])('given an unpaid order of bargain b1, when %s, then its effects give b1 back (guarded on b1 ordered with this order)', (_name, command) => {
    const d = decideOrderMove(anOrder({ bargainId: 'b1' }), command, NOW);
    expect(releaseOf(d.effects)).toEqual([{ type: 'releaseBargain', bargainId: 'b1', orderId: 'o1' }]);
    expect(changesOf(releaseOf(d.effects)[0], NOW)).toEqual([releaseChange({ _id: 'b1' }, 'o1', NOW)]);
    expect(releaseOf(decideOrderMove(anOrder(), command, NOW).effects)).toEqual([]);
  });

  it('given b1 ordered with o1, the release before its deadline opens it again; after it, it is open but expired; once only; another order’s release moves nothing', () => {
    const release: Effect = { type: 'releaseBargain', bargainId: 'b1', orderId: 'o1' };
    const world = (now: Date) => {
      const w = new LifecycleWorld(now);
      w.bargains.set('b1', started({ helpers: ['f1'], helperNames: ['F'], helpCount: 1, status: 'ordered', orderId: 'o1', orderedAt: NOW }));
      return w;
    };
    const before = world(NOW);
    expect(before.apply({ ...release, orderId: 'o2' })).toBe(false);
    expect(before.bargains.get('b1')).toMatchObject({ status: 'ordered', orderId: 'o1' });
    expect(before.apply(release)).toBe(true);
    expect(before.apply(release)).toBe(false);
    const reopened = before.bargains.get('b1') as Bargain;
    expect(reopened).toMatchObject({ status: 'open', orderId: null, orderedAt: null, helpCount: 1 });
    expect(viewBargain(reopened, NOW).phase).toBe('open');
    expect(decideOrder(reopened, 'o_a', 'o3', NOW).change).toMatchObject({ move: 'order', set: { orderId: 'o3' } });

    const late = new Date(NOW.getTime() + 25 * HOUR);
    const after = world(late);
    expect(after.apply(release)).toBe(true);
    const lapsed = after.bargains.get('b1') as Bargain;
    expect(viewBargain(lapsed, late).phase).toBe('expired');
    expect(refusal(() => decideOrder(lapsed, 'o_a', 'o3', late))).toBe('EXPIRED');
  });
});
