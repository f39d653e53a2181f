import { action, AppError, store } from '../_platform';
import { card as contract } from '../../shared/contract';
import { isOwnImage, type Card } from '../../shared/card/card';

/**
 * card.save {card}: the caller's own card, whole (one write on their user document). Images must
 * be the caller's own uploads, app assets, their avatar or what their card already shows: a card
 * can never show another user's file.
 * Round trips: caller + 1 write.
 */
export const saveCard = action(contract.save)({
  access: ['sales'],
  async run(input, ctx) {
    const me = ctx.user as { avatarFileId?: string | null; card?: Partial<Card> | null };
    for (const field of ['photo', 'wechatQr'] as const) {
      const ref = input.card[field];
      const kept = ref === me.card?.[field] || ref === me.avatarFileId;
      if (ref && !kept && !isOwnImage(ref, ctx.openid)) throw new AppError('INVALID_ARGUMENT', `card.${field}: not one of your uploads`);
    }
    const _ = store.command();
    await store.updateById('users', ctx.openid, { card: _.set({ ...input.card, updatedAt: ctx.now }) });
    return { salesId: ctx.openid, updatedAt: ctx.now };
  },
});
