/**
 * aftersale (售后): the buyer asks (refund, or return and refund) on lines of a paid order, cancels,
 * sends the goods back; ops and the boss review, confirm the goods came back and work the queue.
 * Every move is a decision of shared/lifecycle (the after-sale machine and the order's lines),
 * written with its order in one transaction (see _commerce/aftersale).
 */
import { action, defineFunction, store } from '../_platform';
import { aftersale as contract } from '../../shared/contract';
import { normalizeTrackingNo } from '../../shared/fulfil/carriers';
import type { Order } from '../../shared/orders';
import { loadRequest, moveAfterSale, shipBack } from '../_commerce/aftersale/move';
import { requestAfterSale } from '../_commerce/aftersale/request';
import { requestPage, viewsOf } from './view';

const STAFF = ['ops', 'boss'] as const;
const PAGE = 20;

async function viewOne(request: Parameters<typeof viewsOf>[0][number]['request'], order?: Pick<Order, 'lines'>) {
  const o = order ?? (await store.getById<Order>('orders', request.orderId));
  return (await viewsOf([{ request, order: o }]))[0];
}

export const main = defineFunction('aftersale', {
  request: action(contract.request)({
    run: async (input, ctx) => {
      const r = await requestAfterSale(ctx, input);
      return viewOne(r.request, r.order);
    },
  }),

  cancel: action(contract.cancel)({
    run: async (input, ctx) => {
      const r = await moveAfterSale(ctx, await loadRequest(ctx, input.requestId, true), { type: 'cancel' });
      return viewOne(r.request, r.order);
    },
  }),

  returnShipped: action(contract.returnShipped)({
    run: async (input, ctx) => {
      const request = await loadRequest(ctx, input.requestId, true);
      return viewOne(await shipBack(ctx, request, { carrier: input.carrier, trackingNo: normalizeTrackingNo(input.trackingNo) as string }));
    },
  }),

  list: action(contract.list)({
    run: async (input, ctx) => requestPage({ buyerOpenid: ctx.openid }, { orderBy: ['createdAt', 'desc'], limit: PAGE, cursor: input.cursor }),
  }),

  get: action(contract.get)({
    run: async (input, ctx) => viewOne(await loadRequest(ctx, input.requestId, false)),
  }),

  review: action(contract.review)({
    access: STAFF,
    run: async (input, ctx) => {
      const request = await loadRequest(ctx, input.requestId, false);
      const r = await moveAfterSale(ctx, request, input.approve ? { type: 'approve', note: input.note } : { type: 'reject', note: input.note });
      return viewOne(r.request, r.order);
    },
  }),

  receiveReturn: action(contract.receiveReturn)({
    access: STAFF,
    run: async (input, ctx) => {
      const r = await moveAfterSale(ctx, await loadRequest(ctx, input.requestId, false), { type: 'receiveReturn' });
      return viewOne(r.request, r.order);
    },
  }),

  queue: action(contract.queue)({
    access: STAFF,
    run: async (input) => requestPage(input.status ? { status: input.status } : {}, { orderBy: ['createdAt', 'asc'], limit: PAGE, cursor: input.cursor }),
  }),
});
