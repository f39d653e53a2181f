/**
 * alerts: delivers the alerts the customer stream queues (_customers/record-event.ts) to their
 * salesperson — the Official Account's template message through `wechat-api`, or a subscribe
 * message. The one function that carries `wechat-api` and the account's secret.
 */
import { defineFunction } from '../_platform';
import { deliver } from './deliver';

export const main = defineFunction('alerts', { deliver });
