import fc from 'fast-check';
import { decideBinding, resolveSalesId, type BindingMode, type BindingPolicy, type CustomerBindingState } from './binding';

const NOW = new Date('2025-03-01T04:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const policy = (p: Partial<BindingPolicy>): BindingPolicy => ({ _id: 'default', status: 'active', mode: 'first_touch', protectionDays: 0, ...p });
const shareOf = (salesId: string | null, sharer = salesId ?? 'o_cust_9') => ({ _id: 'sh1', sharerOpenid: sharer, salesId });
const cust = (c: Partial<CustomerBindingState> = {}): CustomerBindingState => ({ openid: 'o_cust_1', role: 'customer', ...c });
const boundToLi = (extra: Partial<CustomerBindingState> = {}) => cust({ boundSalesId: 'o_sales_li', boundAt: at(-1), ...extra });

describe('decideBinding', () => {
  it.each([
    ['opening your own share binds nobody', policy({}), cust(), shareOf('o_sales_li', 'o_cust_1'), 'keep', 'self_share'],
    ['staff are never bound', policy({}), cust({ role: 'sales', openid: 'o_sales_wang' }), shareOf('o_sales_li'), 'keep', 'not_customer'],
    ['a share without salesperson binds nobody', policy({}), cust(), shareOf(null, 'o_cust_2'), 'keep', 'no_sales'],
    ['first touch binds an unbound customer', policy({}), cust(), shareOf('o_sales_li'), 'bind', 'first'],
    ['first touch keeps the first salesperson', policy({}), boundToLi(), shareOf('o_sales_wang'), 'keep', 'permanent'],
    ['same salesperson again changes nothing', policy({ mode: 'latest' }), boundToLi(), shareOf('o_sales_li'), 'keep', 'same_sales'],
    ['latest overrides outside protection', policy({ mode: 'latest' }), boundToLi(), shareOf('o_sales_wang'), 'bind', 'override'],
    ['latest inside protection keeps the first', policy({ mode: 'latest', protectionDays: 3 }), boundToLi({ protectedUntil: at(2) }), shareOf('o_sales_wang'), 'keep', 'protected'],
    ['n_days keeps an active binding', policy({ mode: 'n_days', validDays: 7 }), boundToLi({ bindingExpiresAt: at(6) }), shareOf('o_sales_wang'), 'keep', 'active'],
    ['n_days rebinds after expiry', policy({ mode: 'n_days', validDays: 7 }), boundToLi({ bindingExpiresAt: at(-1) }), shareOf('o_sales_wang'), 'bind', 'expired'],
    ['n_days protection outlives the binding', policy({ mode: 'n_days', validDays: 7, protectionDays: 30 }), boundToLi({ bindingExpiresAt: at(-1), protectedUntil: at(5) }), shareOf('o_sales_wang'), 'keep', 'protected'],
    ['new_only refuses a customer who already paid', policy({ mode: 'new_only' }), cust({ hasPaid: true }), shareOf('o_sales_li'), 'keep', 'not_new'],
    ['new_only binds a new customer', policy({ mode: 'new_only' }), cust(), shareOf('o_sales_li'), 'bind', 'first'],
  ] as const)('%s', (_title, p, c, s, kind, reason) => {
    const d = decideBinding(p, c, s, NOW);
    expect(d.kind).toBe(kind);
    expect(d.reason).toBe(reason);
  });

  it('n_days sets the expiry and protection from now', () => {
    const d = decideBinding(policy({ mode: 'n_days', validDays: 7, protectionDays: 2 }), cust(), shareOf('o_sales_li'), NOW);
    expect(d).toMatchObject({ kind: 'bind', bindingExpiresAt: at(7), protectedUntil: at(2), isNewCustomer: true, previousSalesId: null });
  });

  it('a customer is never bound to themselves or to nobody, whatever the state', () => {
    const arbDate = fc.integer({ min: -30, max: 30 }).map(at);
    fc.assert(
      fc.property(
        fc.constantFrom<BindingMode>('first_touch', 'n_days', 'latest', 'new_only'),
        fc.integer({ min: 0, max: 10 }),
        fc.option(fc.constantFrom('o_sales_li', 'o_sales_wang', 'o_cust_1'), { nil: null }),
        fc.option(arbDate, { nil: null }),
        fc.option(arbDate, { nil: null }),
        fc.constantFrom('o_sales_li', 'o_sales_wang', 'o_cust_1'),
        fc.boolean(),
        (mode, protectionDays, bound, expires, prot, salesId, hasPaid) => {
          const d = decideBinding(
            policy({ mode, protectionDays, validDays: 5 }),
            cust({ boundSalesId: bound, bindingExpiresAt: expires, protectedUntil: prot, hasPaid }),
            shareOf(salesId),
            NOW,
          );
          if (d.kind === 'bind') {
            expect(d.salesId).toBe(salesId);
            expect(d.salesId).not.toBe('o_cust_1');
            if (prot && NOW < prot && bound) throw new Error('bound inside protection');
          }
        },
      ),
    );
  });
});

describe("a deactivated salesperson's shares bind to their heir", () => {
  const gone = { role: 'former_sales', heirId: 'o_sales_wang' };
  const leaversShare = { ...shareOf('o_sales_gone'), owner: gone };

  it.each([
    ['a deactivated salesperson → their heir', 'o_sales_gone', gone, 'o_sales_wang'],
    ['an active salesperson → themself', 'o_sales_li', { role: 'sales' }, 'o_sales_li'],
    ['an owner not read → the share as stored', 'o_sales_li', undefined, 'o_sales_li'],
    ['a deactivation without heir → the share as stored', 'o_sales_gone', { role: 'former_sales', heirId: null }, 'o_sales_gone'],
    ['no salesperson on the share → nobody', null, gone, null],
  ] as const)('resolveSalesId: %s', (_title, salesId, owner, expected) => {
    expect(resolveSalesId(salesId, owner)).toBe(expected);
  });

  it("a new customer opening the leaver's old share is bound to the heir, with the leaver's share kept as the source", () => {
    const d = decideBinding(policy({}), cust(), leaversShare, NOW);
    expect(d).toMatchObject({ kind: 'bind', reason: 'first', salesId: 'o_sales_wang', previousSalesId: null, isNewCustomer: true });
  });

  it("a customer already moved to the heir opening the leaver's old share keeps the heir (same salesperson)", () => {
    const d = decideBinding(policy({ mode: 'latest' }), cust({ boundSalesId: 'o_sales_wang', boundAt: at(-1) }), leaversShare, NOW);
    expect(d).toEqual({ kind: 'keep', reason: 'same_sales' });
  });

  it('the heir opening the leaver\'s share is never bound to themself (staff), nor is a customer who became the heir', () => {
    expect(decideBinding(policy({}), cust({ openid: 'o_sales_wang', role: 'sales' }), leaversShare, NOW)).toEqual({ kind: 'keep', reason: 'not_customer' });
    expect(decideBinding(policy({}), cust({ openid: 'o_sales_wang' }), leaversShare, NOW)).toEqual({ kind: 'keep', reason: 'own_salesperson' });
  });
});
