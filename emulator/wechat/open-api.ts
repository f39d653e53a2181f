/**
 * Cloud calls (云调用) on the local cloud, for both SDK doors:
 * - `wx.api` (callWxOpenApi, JSON): the reply's `responseData` is WeChat's JSON reply as a string;
 *   for an image (wxacode) it is the image's bytes in base64 (the SDK then returns that string as
 *   `result`, its JSON.parse having failed).
 * - `wx.openApi` (callCompatibleWxOpenApi, multipart): the image's bytes as the raw reply, or
 *   WeChat's JSON reply (which the SDK parses, as it carries no `code`).
 * Unknown API names answer WeChat's error shape with -604101, the code the platform gives a
 * function that has no permission for an API.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store';
import { acceptanceId, checkAcceptRequest, checkSubscribeMessage, type SubscribeRequest } from './subscribe';
import { checkGetUnlimited, renderWxacode, type GetUnlimitedRequest, type WxError } from './wxacode';

export type OpenApiResult = { kind: 'json'; value: Record<string, unknown> } | { kind: 'image'; bytes: Buffer; contentType: string };

export interface OutboxDoc {
  [k: string]: unknown;
  _id: string; // msgid
  touser: string;
  templateId: string;
  title: string;
  page?: string;
  data: Record<string, string>;
  miniprogramState: string;
  lang: string;
  sentAt: number;
  /** Send order: the local clock may stand still in tests, so sentAt alone does not order sends. */
  seq: number;
}

export interface OpenApiDeps {
  now(): number;
  pages(): string[];
  templates(): Record<string, { title: string; keywords: Record<string, string> }>;
  store: Store;
}

const err = (e: WxError): OpenApiResult => ({ kind: 'json', value: { ...e } });

export class OpenApi {
  constructor(private deps: OpenApiDeps) {}

  async call(apiName: string, request: unknown): Promise<OpenApiResult> {
    const data = (request && typeof request === 'object' ? request : {}) as Record<string, unknown>;
    if (apiName === 'wxacode.getUnlimited') {
      const checked = checkGetUnlimited(data as GetUnlimitedRequest, this.deps.pages());
      if ('errcode' in checked) return err(checked);
      return { kind: 'image', bytes: await renderWxacode(checked.page, checked.scene, checked.width), contentType: 'image/png' };
    }
    if (apiName === 'subscribeMessage.send') return this.send(data as SubscribeRequest);
    return err({ errcode: -604101, errmsg: `function has no permission to call this API (${apiName} is not a cloud call the local cloud knows)` });
  }

  /**
   * The user `openid` accepted `tmplIds` (the local wx.requestSubscribeMessage): each allows one
   * more send. Answers wx.requestSubscribeMessage's success `{errMsg, [id]: 'accept'}` or its fail.
   */
  accept(openid: string, tmplIds: unknown): { ok: boolean; body: Record<string, unknown> } {
    if (!openid) return { ok: false, body: { errCode: -1, errMsg: 'requestSubscribeMessage:fail no user (x-wx-openid)' } };
    const problem = checkAcceptRequest(tmplIds, this.deps.templates());
    if (problem) return { ok: false, body: problem };
    const body: Record<string, unknown> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of new Set(tmplIds as string[])) {
      const key = acceptanceId(openid, id);
      const current = this.deps.store.get('wx_subscriptions', key) as { remaining?: number } | undefined;
      this.deps.store.put('wx_subscriptions', key, { _id: key, openid, templateId: id, remaining: (current?.remaining ?? 0) + 1, acceptedAt: this.deps.now() });
      body[id] = 'accept';
    }
    return { ok: true, body };
  }

  /** Every user's acceptances not yet used. */
  subscriptions(): Array<Record<string, unknown>> {
    return this.deps.store.docs('wx_subscriptions') as Array<Record<string, unknown>>;
  }

  outbox(): OutboxDoc[] {
    return (this.deps.store.docs('wx_outbox') as OutboxDoc[]).slice().sort((a, b) => a.sentAt - b.sentAt || a.seq - b.seq || a._id.localeCompare(b._id));
  }

  private send(req: SubscribeRequest): OpenApiResult {
    const templates = this.deps.templates();
    const problem = checkSubscribeMessage(req, templates, this.deps.pages());
    if (problem) return err(problem);
    // One send per acceptance: none left (or never accepted) → 43101.
    const key = acceptanceId(String(req.touser), String(req.template_id));
    const accepted = this.deps.store.get('wx_subscriptions', key) as { remaining?: number } | undefined;
    if (!accepted || (accepted.remaining ?? 0) < 1) return err({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
    this.deps.store.put('wx_subscriptions', key, { ...accepted, remaining: (accepted.remaining ?? 0) - 1 });
    const msgid = BigInt(`0x${randomBytes(6).toString('hex')}`).toString();
    const template = templates[String(req.template_id)];
    const values = Object.fromEntries(Object.entries(req.data as Record<string, { value: string }>).map(([k, v]) => [k, v.value]));
    const doc: OutboxDoc = {
      _id: msgid,
      touser: String(req.touser),
      templateId: String(req.template_id),
      title: template.title,
      ...(typeof req.page === 'string' ? { page: req.page } : {}),
      data: values,
      miniprogramState: typeof req.miniprogram_state === 'string' ? req.miniprogram_state : 'formal',
      lang: typeof req.lang === 'string' ? req.lang : 'zh_CN',
      sentAt: this.deps.now(),
      seq: this.deps.store.docs('wx_outbox').length + 1,
    };
    this.deps.store.put('wx_outbox', msgid, doc);
    return { kind: 'json', value: { errcode: 0, errmsg: 'ok', msgid: Number(msgid) } };
  }
}
