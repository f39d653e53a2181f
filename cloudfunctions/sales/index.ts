/**
 * `sales`: a salesperson's workbench (the boss may look at anyone's): bound customers, one
 * customer's interest, orders, commission ledger, leaderboard; and their own avatar. Customers are refused.
 */
import { defineFunction } from '../_platform';
import { customer } from './customer';
import { customers } from './customers';
import { leaderboard } from './leaderboard';
import { ledger } from './ledger';
import { orders } from './orders';
import { setAvatar } from './set-avatar';

export const main = defineFunction('sales', { customers, customer, orders, ledger, leaderboard, setAvatar });
