/**
 * Demo sales-team data for the back office: a pending invitation (code `JoinTeamDemo`, 5 uses, a
 * week), and a salesperson who left — 孙磊, deactivated with 王强 as heir — with one old share
 * that now binds new customers to 王强. Ids are fixed so tests and demos can name them.
 */
import { buildShare } from '../../shared/growth/share-chain';
import { seedFileId } from './files';
import { DAY, type SeedDoc } from './window';

export const TEAM_IDS = {
  invite: 'JoinTeamDemo',
  formerSales: 'o_sales_sun',
  formerHeir: 'o_sales_wang',
  formerShare: 'sunShare1',
} as const;

export function seedTeam(now: Date): Record<string, SeedDoc[]> {
  const left = new Date(now.getTime() - 3 * DAY);
  const deactivationId = 'deact_seed_sun';
  return {
    invites: [
      { _id: TEAM_IDS.invite, createdBy: 'o_boss', createdAt: now, expiresAt: new Date(now.getTime() + 7 * DAY), uses: 5, usesLeft: 5, acceptedBy: [], qrFileId: null },
    ],
    users: [
      {
        _id: TEAM_IDS.formerSales,
        role: 'former_sales',
        name: '孙磊',
        title: '前 华东区销售',
        slogan: '',
        avatarFileId: seedFileId('avatars/wang.svg'),
        shelfProductIds: ['p01', 'p05'],
        heirId: TEAM_IDS.formerHeir,
        deactivationId,
        deactivatedAt: left,
        deactivatedBy: 'o_boss',
        createdAt: new Date(now.getTime() - 90 * DAY),
      },
    ],
    shares: [
      buildShare({
        id: TEAM_IDS.formerShare,
        sharer: { openid: TEAM_IDS.formerSales, role: 'sales' },
        target: { type: 'shelf', id: TEAM_IDS.formerSales },
        channel: 'card',
        campaign: null,
        experiments: {},
        now: new Date(now.getTime() - 30 * DAY),
      }) as unknown as SeedDoc,
    ],
    audit_log: [
      { _id: deactivationId, type: 'deactivate', by: 'o_boss', at: left, salesId: TEAM_IDS.formerSales, heirId: TEAM_IDS.formerHeir, moved: 0, heirsRepointed: 0, doneAt: left },
    ],
  };
}
