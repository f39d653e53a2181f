/**
 * The brand's Official Account (公众号) on the local cloud: the HTTP API that `wechat-api` calls
 * (https://api.weixin.qq.com in production; here the local cloud's origin), with WeChat's checks
 * and an outbox instead of phones:
 *   GET  /cgi-bin/token?grant_type=client_credential&appid=…&secret=…   → {access_token, expires_in}
 *   POST /cgi-bin/message/template/send?access_token=…                  → {errcode:0, errmsg:'ok', msgid}
 *   GET  /cgi-bin/user/info?access_token=…&openid=…&lang=…              → {subscribe, openid, …}
 * Errors as WeChat answers them (HTTP 200 with errcode): 40002 grant_type, 40013 appid, 40125
 * secret, 40001 token, 40003 openid, 40037 template_id, 43004 the receiver does not follow the
 * account, 47001 body is not JSON, 47003 a template keyword missing or not a string.
 * Departure: token lifetimes run on the real clock (tokens are a credential, not business time, and
 * `wechat-api` judges their expiry by the real clock); a test that moves the local clock past two
 * hours does not expire them.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store';

interface AccountConfig {
  appId: string;
  appSecret: string;
  templates: Record<string, { title: string; keywords: string[] }>;
  users: Record<string, { subscribe: 0 | 1; nickname?: string }>;
}

/** A template message the account sent. */
export interface OaOutboxDoc {
  [k: string]: unknown;
  _id: string; // msgid
  touser: string;
  templateId: string;
  title: string;
  url: string | null;
  miniprogram: { appid: string; pagepath: string } | null;
  data: Record<string, string>;
  sentAt: number;
}

const TOKEN_TTL_S = 7200;

export interface OfficialAccountDeps {
  dir: string;
  store: Store;
  /** The local clock (messages are stamped with it). */
  now(): number;
}

export class OfficialAccount {
  constructor(private deps: OfficialAccountDeps) {}

  private config(): AccountConfig {
    return JSON.parse(readFileSync(join(this.deps.dir, 'official-account.json'), 'utf8')) as AccountConfig;
  }

  /** Answers one `/cgi-bin/...` request (`path` without the prefix). */
  handle(method: string, path: string, query: URLSearchParams, body: string): Record<string, unknown> {
    if (path === 'token' && method === 'GET') return this.token(query);
    const problem = this.checkToken(query.get('access_token'));
    if (problem) return problem;
    if (path === 'message/template/send' && method === 'POST') return this.sendTemplate(body);
    if (path === 'user/info' && method === 'GET') return this.userInfo(query.get('openid') ?? '');
    return { errcode: 48001, errmsg: `api unauthorized: the local cloud does not serve /cgi-bin/${path}` };
  }

  private token(q: URLSearchParams): Record<string, unknown> {
    const config = this.config();
    if (q.get('grant_type') !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    if (q.get('appid') !== config.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (q.get('secret') !== config.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    const token = randomBytes(24).toString('base64url');
    this.deps.store.put('wx_oa_tokens', token, { _id: token, expiresAt: Date.now() + TOKEN_TTL_S * 1000 });
    return { access_token: token, expires_in: TOKEN_TTL_S };
  }

  private checkToken(token: string | null): Record<string, unknown> | undefined {
    const doc = token ? (this.deps.store.get('wx_oa_tokens', token) as { expiresAt: number } | undefined) : undefined;
    if (!doc) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (doc.expiresAt <= Date.now()) return { errcode: 42001, errmsg: 'access_token expired' };
    return undefined;
  }

  private subscribed(openid: string): 0 | 1 | undefined {
    const override = this.deps.store.get('wx_oa_users', openid) as { subscribe: 0 | 1 } | undefined;
    return override?.subscribe ?? this.config().users[openid]?.subscribe;
  }

  private userInfo(openid: string): Record<string, unknown> {
    const subscribe = this.subscribed(openid);
    if (subscribe === undefined) return { errcode: 40003, errmsg: 'invalid openid' };
    if (subscribe === 0) return { subscribe: 0, openid };
    return { subscribe: 1, openid, nickname: this.config().users[openid]?.nickname ?? '', language: 'zh_CN', subscribe_time: Math.floor(this.deps.now() / 1000) };
  }

  private sendTemplate(body: string): Record<string, unknown> {
    let req: { touser?: unknown; template_id?: unknown; url?: unknown; miniprogram?: unknown; data?: unknown };
    try {
      req = JSON.parse(body) as typeof req;
    } catch {
      return { errcode: 47001, errmsg: 'data format error' };
    }
    const config = this.config();
    if (typeof req.touser !== 'string' || this.subscribed(req.touser) === undefined) return { errcode: 40003, errmsg: 'invalid openid' };
    if (this.subscribed(req.touser) !== 1) return { errcode: 43004, errmsg: 'require subscribe' };
    const template = typeof req.template_id === 'string' ? config.templates[req.template_id] : undefined;
    if (!template) return { errcode: 40037, errmsg: 'invalid template_id' };
    const data = (req.data && typeof req.data === 'object' ? req.data : {}) as Record<string, { value?: unknown }>;
    for (const k of template.keywords) if (typeof data[k]?.value !== 'string') return { errcode: 47003, errmsg: `argument invalid! data.${k}.value` };
    const mp = req.miniprogram as { appid?: unknown; pagepath?: unknown } | undefined;
    const msgid = BigInt(`0x${randomBytes(6).toString('hex')}`).toString();
    const doc: OaOutboxDoc = {
      _id: msgid,
      touser: req.touser,
      templateId: String(req.template_id),
      title: template.title,
      url: typeof req.url === 'string' ? req.url : null,
      miniprogram: mp && typeof mp.appid === 'string' && typeof mp.pagepath === 'string' ? { appid: mp.appid, pagepath: mp.pagepath } : null,
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v?.value ?? '')])),
      sentAt: this.deps.now(),
    };
    this.deps.store.put('wx_oa_outbox', msgid, doc);
    return { errcode: 0, errmsg: 'ok', msgid: Number(msgid) };
  }

  /** Sent template messages, oldest first. */
  outbox(): OaOutboxDoc[] {
    return (this.deps.store.docs('wx_oa_outbox') as OaOutboxDoc[]).slice().sort((a, b) => a.sentAt - b.sentAt || a._id.localeCompare(b._id));
  }

  /** Follows (1) or unfollows (0) the account. */
  setSubscribe(openid: string, subscribe: 0 | 1): void {
    this.deps.store.put('wx_oa_users', openid, { _id: openid, subscribe });
  }
}
