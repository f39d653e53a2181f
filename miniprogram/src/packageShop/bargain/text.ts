/** What a refused help or buy says on the bargain page (the codes' general text speaks of teams). */
export const BARGAIN_ERROR_TEXT: Record<string, string> = {
  NOT_ELIGIBLE: '发起人和店员不能帮砍',
  ALREADY_JOINED: '你已经帮砍过了',
  GROUP_FULL: '已经砍到底价啦',
  EXPIRED: '砍价已结束',
  FAILED_PRECONDITION: '这个砍价已下单',
};

/** Where a bargain is at, in words. */
export const BARGAIN_PHASE_TEXT: Record<string, string> = {
  open: '砍价中',
  done: '已砍到底价',
  expired: '砍价已结束',
  ordered: '已下单',
};
