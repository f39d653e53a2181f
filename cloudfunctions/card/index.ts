/**
 * card: a salesperson's business card (名片). get → the card (a customer's open is a visit);
 * save → the owner's edit; tap → "save phone" / "add my WeChat" counted per visit; setAlerts →
 * the owner's alert opt-out. See docs/briefcase.md.
 */
import { action, defineFunction, store } from '../_platform';
import { card as contract } from '../../shared/contract';
import { getCard } from './get-card';
import { saveCard } from './save-card';
import { tap } from './tap';

export const main = defineFunction('card', {
  get: getCard,
  save: saveCard,
  tap,
  setAlerts: action(contract.setAlerts)({
    access: ['sales'],
    async run(input, ctx) {
      await store.updateById('users', ctx.openid, { alertsOff: !input.enabled });
      return { enabled: input.enabled };
    },
  }),
});
