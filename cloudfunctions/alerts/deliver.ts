import { action, AppError, sendSubscribeMessage, store, type ActionContext } from '../_platform';
import { followsOfficialAccount, sendOaTemplate } from '../_platform/official-account';
import { alerts as contract } from '../../shared/contract';
import { alertSettingsSchema, clip, DEFAULT_ALERT_SETTINGS, type AlertSettings, type AlertSpec } from '../../shared/alerts/alerts';
import { chinaDayKey } from '../../shared/china-day';

/** A queued alert (`alerts/{id}`, written by _customers/record-event.ts). */
interface AlertDoc extends AlertSpec {
  _id: string;
  customerName: string | null;
  status: 'pending' | 'sent' | 'opted_out' | 'capped' | 'failed';
  channel?: 'oa' | 'subscribe' | null;
  leaseUntil?: Date | null;
}

/** The salesperson fields alerts read: their opt-out and their Official Account openid. */
interface SalesAlertFields {
  _id: string;
  role: string;
  alertsOff?: boolean;
  oaOpenid?: string | null;
}

/** A delivery holds its alert this long; a delivery that died is taken over after it. */
const LEASE_MS = 60_000;

async function loadSettings(): Promise<AlertSettings> {
  const doc = await store.getById<unknown>('settings', 'alerts');
  const parsed = alertSettingsSchema.safeParse(doc);
  return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
}

/**
 * Takes this alert's slot in the salesperson's daily cap (`counters/ac:<day>:<salesId>`: a count
 * and the alert ids holding a slot), once per alert: a retried delivery finds its slot taken.
 * 1 round trip; up to 3 for the first alert of the day.
 */
async function takeSlot(salesId: string, alertId: string, day: string, cap: number): Promise<boolean> {
  if (cap <= 0) return false;
  const _ = store.command();
  const id = `ac:${day}:${salesId}`;
  const take = () => store.guardedUpdate('counters', { _id: id, n: _.lt(cap), ids: _.neq(alertId) }, { n: _.inc(1), ids: _.push(alertId) });
  if (await take()) return true;
  if (await store.insertOnce('counters', { _id: id, n: 1, ids: [alertId] })) return true;
  if (await take()) return true;
  const doc = await store.getById<{ ids?: string[] }>('counters', id);
  return !!doc?.ids?.includes(alertId);
}

const two = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD HH:mm` in China time (a subscribe message's `time` value). */
function chinaTime(at: Date): string {
  const t = new Date(new Date(at).getTime() + 8 * 3_600_000);
  return `${chinaDayKey(at)} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}

/** Sends by the Official Account when the salesperson follows it, else a subscribe message. */
async function send(alert: AlertDoc, sales: SalesAlertFields, settings: AlertSettings): Promise<{ channel: 'oa' | 'subscribe'; sent: boolean; errcode?: number }> {
  const customer = clip(alert.customerName || `客户${alert.customerOpenid.slice(-4)}`, 20);
  const time = chinaTime(alert.at);
  if (sales.oaOpenid && (await followsOfficialAccount(sales.oaOpenid))) {
    const r = await sendOaTemplate({
      touser: sales.oaOpenid,
      templateId: settings.oaTemplateId,
      page: alert.page,
      data: { first: '客户动态', keyword1: customer, keyword2: alert.what, keyword3: time, remark: '点击查看客户详情' },
    });
    return { channel: 'oa', sent: r.sent, errcode: r.sent ? undefined : r.errcode };
  }
  const r = await sendSubscribeMessage({ touser: sales._id, templateId: settings.subscribeTemplateId, page: alert.page, data: { thing1: customer, thing2: alert.what, time3: time } });
  return { channel: 'subscribe', sent: r.sent, errcode: r.sent ? undefined : r.errcode };
}

async function finish(alertId: string, set: Record<string, unknown>): Promise<void> {
  await store.guardedUpdate('alerts', { _id: alertId, status: 'pending' }, set);
}

/**
 * alerts.deliver {alertId}: takes the alert's lease (two deliveries at once: one sends), then
 * opt-out → daily cap → channel → send, and records how it ended. A transport failure releases
 * the lease and leaves the alert pending for the sweep. Round trips: alert + lease + settings and
 * salesperson + cap slot + the Official Account's token (when following) + the outcome ≈ 6.
 */
export const deliver = action(contract.deliver)({
  access: 'system',
  async run(input, ctx: ActionContext) {
    const alert = await store.getById<AlertDoc>('alerts', input.alertId);
    if (!alert) throw new AppError('NOT_FOUND', `alertId: no alert ${input.alertId}`);
    const stands = { alertId: alert._id, status: alert.status, channel: alert.channel ?? null };
    if (alert.status !== 'pending') return stands;
    const _ = store.command();
    const leased = await store.guardedUpdate('alerts', { _id: alert._id, status: 'pending', leaseUntil: _.lt(ctx.now) }, { leaseUntil: new Date(ctx.now.getTime() + LEASE_MS) });
    if (!leased) return stands;

    const [settings, sales] = await Promise.all([loadSettings(), store.getById<SalesAlertFields>('users', alert.salesId)]);
    if (!sales || sales.role !== 'sales' || sales.alertsOff === true) {
      await finish(alert._id, { status: 'opted_out', doneAt: ctx.now });
      return { alertId: alert._id, status: 'opted_out' as const, channel: null };
    }
    if (!(await takeSlot(sales._id, alert._id, chinaDayKey(ctx.now), settings.dailyCap))) {
      await finish(alert._id, { status: 'capped', doneAt: ctx.now });
      return { alertId: alert._id, status: 'capped' as const, channel: null };
    }
    try {
      const r = await send(alert, sales, settings);
      const status = r.sent ? ('sent' as const) : ('failed' as const);
      await finish(alert._id, { status, channel: r.channel, errcode: r.errcode ?? null, doneAt: ctx.now });
      return { alertId: alert._id, status, channel: r.channel };
    } catch (err) {
      console.warn(`[alerts] request ${ctx.requestId}: alert ${alert._id} not sent yet`, err);
      await store.guardedUpdate('alerts', { _id: alert._id, status: 'pending' }, { leaseUntil: ctx.now });
      return { alertId: alert._id, status: 'pending' as const, channel: null };
    }
  },
});
