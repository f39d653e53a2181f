/**
 * team: the sales team in the back office.
 *   invite {uses, expiresInDays, idempotencyKey}  (boss) a code and its QR (wxacode.getUnlimited)
 *   invites {cursor?}                              (boss) invitations with uses left
 *   acceptInvite {code, name, title}               (anyone) a customer becomes a salesperson
 *   members {cursor?}                              (boss) salespeople, active and former
 *   deactivate {salesId, heirId}                   (boss) role → former_sales, customers → heir
 */
import { action, defineFunction } from '../_platform';
import { team } from '../../shared/contract';
import { acceptInvite } from './accept-invite';
import { deactivateSalesperson } from './deactivate';
import { createInvite, listInvites } from './invite';
import { listMembers } from './members';

const boss = ['boss'] as const;

export const main = defineFunction('team', {
  invite: action(team.invite)({ access: boss, run: createInvite }),
  invites: action(team.invites)({ access: boss, run: listInvites }),
  acceptInvite: action(team.acceptInvite)({ run: acceptInvite }),
  members: action(team.members)({ access: boss, run: listMembers }),
  deactivate: action(team.deactivate)({ access: boss, users: (i) => [i.salesId, i.heirId], run: deactivateSalesperson }),
});
