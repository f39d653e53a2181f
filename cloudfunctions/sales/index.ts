/**
 * `sales`: a salesperson's workbench (the boss may look at anyone's): bound customers, one
 * customer's interest, orders, commission ledger, leaderboard. Customers are refused.
 */
import { defineFunction } from '../_platform';
import { customer } from './customer';
import { customers } from './customers';
import { leaderboard } from './leaderboard';
import { ledger } from './ledger';
import { orders } from './orders';

export const main = defineFunction('sales', { customers, customer, orders, ledger, leaderboard });
