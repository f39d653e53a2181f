/**
 * 砍价: the `bargain_deals` ops document, the seeded cuts (exactly N helpers bring the price to the
 * floor) and the bargain's decisions. See docs/growth.md, "Bargain".
 */
export { bargainDealSchema, type BargainDeal } from './deal.schema';
export { cutsOf, priceAfter, seededDraw, type CutPlan } from './cuts';
export { decideHelp, decideOrder, decideStart, explainLostHelp, planOf, releaseChange, viewBargain } from './bargain';
export type { Bargain, BargainView, Helper, StartInput } from './bargain';
