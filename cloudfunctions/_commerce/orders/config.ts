/** How long an unpaid order holds its stock, seat and coupon: ORDER_PAY_TTL_MINUTES, default 15. */
export function orderPayTtlMs(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.ORDER_PAY_TTL_MINUTES ?? 15);
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : 15) * 60 * 1000;
}
