/** Given/when/then for the team and member deciders and what follows a payment (no database). */
import { decider } from '../../tests/support/decider';
import { aMember, aTeam, at, NOW } from '../../tests/support/fixtures';
import { decideJoin } from '../groupbuy';
import { changesOf } from './effects';
import { decideMember } from './member';
import { decideAfterPayment, decideTeam, teamChange } from './team';

const team = decider(decideTeam);
const member = decider(decideMember);

describe('team', () => {
  it('given a forming team, a payment is counted before it expires, refused after (EXPIRED)', () => {
    team
      .given(aTeam())
      .when({ type: 'countPayment', orderId: 'o1' }, NOW)
      .then({
        next: 'forming',
        change: {
          move: 'countPayment',
          inc: { paidCount: 1 },
          push: { paidOrders: 'o1' },
          requires: [
            { field: 'expiresAt', op: 'gt', value: NOW },
            { field: 'paidOrders', op: 'lacks', value: 'o1' },
          ],
        },
      });
    team.given(aTeam({ expiresAt: NOW })).when({ type: 'countPayment', orderId: 'o1' }, NOW).thenRefused('EXPIRED');
  });

  it('given every seat paid, the team succeeds; short of it, it may not', () => {
    team.given(aTeam({ paidCount: 2 })).when({ type: 'succeed' }, NOW).then({ next: 'succeeded', change: { set: { status: 'succeeded', succeededAt: NOW }, requires: [{ field: 'paidCount', op: 'eq', value: 2 }] } });
    team.given(aTeam({ paidCount: 1 })).when({ type: 'succeed' }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('given an expired forming team, it fails; before expiresAt, or once succeeded, it may not', () => {
    team.given(aTeam()).when({ type: 'fail' }, at(24 * 60)).then({ next: 'failed', change: { set: { status: 'failed' } } });
    team.given(aTeam()).when({ type: 'fail' }, NOW).thenRefused('FAILED_PRECONDITION');
    team.given(aTeam({ status: 'succeeded' })).when({ type: 'fail' }, at(24 * 60)).thenRefused('FAILED_PRECONDITION');
  });

  it('given a failed team, it is settled once', () => {
    team.given(aTeam({ status: 'failed' })).when({ type: 'settle' }, NOW).then({ next: 'failed', change: { set: { refundsDoneAt: NOW }, requires: [{ field: 'refundsDoneAt', op: 'eq', value: null }] } });
    team.given(aTeam({ status: 'failed', refundsDoneAt: NOW })).when({ type: 'settle' }, NOW).thenRefused('FAILED_PRECONDITION');
    team.given(aTeam()).when({ type: 'settle' }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('teamChange is the same write without reading the team', () => {
    expect(teamChange('t1', 2, { type: 'countPayment', orderId: 'o1' }, NOW)).toEqual(decideTeam(aTeam(), { type: 'countPayment', orderId: 'o1' }, NOW).change);
  });
});

describe('after a member paid', () => {
  it('the last seat paid → the team succeeds; seats left → wait; a team that never counted the order, or failed → the payer is refunded', () => {
    expect(decideAfterPayment(aTeam({ paidCount: 2, paidOrders: ['o0', 'o1'] }), 'o1', NOW)).toMatchObject({ type: 'succeed', decision: { next: 'succeeded' } });
    expect(decideAfterPayment(aTeam({ paidCount: 1, paidOrders: ['o1'] }), 'o1', NOW)).toEqual({ type: 'wait' });
    expect(decideAfterPayment(aTeam({ status: 'succeeded', paidCount: 2, paidOrders: ['o0', 'o1'] }), 'o1', NOW)).toEqual({ type: 'wait' });
    expect(decideAfterPayment(aTeam({ paidCount: 1, paidOrders: ['o0'] }), 'o1', NOW)).toEqual({ type: 'reject' });
    expect(decideAfterPayment(aTeam({ status: 'failed', paidCount: 1, paidOrders: ['o1'] }), 'o1', NOW)).toEqual({ type: 'reject' });
    expect(decideAfterPayment(undefined, 'o1', NOW)).toEqual({ type: 'reject' });
  });
});

describe('member', () => {
  it('given an unpaid member: paid with its order, or released (removed) with it', () => {
    member.given(aMember()).when('pay', NOW).then({ next: 'paid', change: { set: { status: 'paid', paidAt: NOW } } });
    member.given(aMember()).when('release', NOW).then({ next: 'released', change: { remove: true } });
  });

  it('given an unpaid member, a refund is refused: a member is refunded only after it was paid', () => {
    member.given(aMember()).when('refund', NOW).thenRefused('FAILED_PRECONDITION');
    member.given(aMember({ status: 'paid' })).when('refund', NOW).then({ next: 'refunded', change: { set: { status: 'refunded', refundedAt: NOW } } });
  });

  it('given a paid member, it is never released nor paid again', () => {
    member.given(aMember({ status: 'paid' })).when('release', NOW).thenRefused('FAILED_PRECONDITION');
    member.given(aMember({ status: 'paid' })).when('pay', NOW).thenRefused('FAILED_PRECONDITION');
  });
});

describe('joining a team whose product was taken off the brand pool', () => {
  const joiner = { openid: 'o_cust_2', salesId: null, isNewCustomer: true };

  it('given joins open, a customer may join; given them closed (product off), the join is refused NOT_FOUND', () => {
    expect(() => decideJoin(aTeam({ joinsClosedAt: null }), joiner, NOW)).not.toThrow();
    expect(() => decideJoin(aTeam(), joiner, NOW)).not.toThrow();
    expect(() => decideJoin(aTeam({ joinsClosedAt: NOW }), joiner, NOW)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it("the seat's guarded write requires joins open, so a join decided before the product went off still loses", () => {
    const [seat] = changesOf({ type: 'takeSeat', member: aMember(), size: 2, expiresAt: at(60) }, NOW);
    expect(seat).toMatchObject({ entity: 'team', move: 'seat' });
    expect(seat.requires).toContainEqual({ field: 'joinsClosedAt', op: 'eq', value: null });
  });
});
