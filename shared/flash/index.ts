/** Flash sales (秒杀): buy rules, phases and the per-customer key. */
export { decideFlashBuy, FlashRefusal, flashStartedMessage, flashBuyerKey, flashOrdersOf, flashPhaseOf } from './flash-sale';
export type { FlashBuyer, FlashReminder, FlashPhase, FlashTerms } from './flash-sale';
export { FLASH_TAKE_GRACE_MS, sortOldTakes } from './orphan-takes';
export type { FlashTake } from './orphan-takes';
