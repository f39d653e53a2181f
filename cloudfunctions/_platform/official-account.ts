/**
 * The brand's Official Account (公众号) through `wechat-api`: template messages (模板消息) and
 * whether a user follows the account. Its access token is shared by every instance through the
 * database (`wechat_tokens/oa`: one token for the account, refreshed by whoever finds it expired),
 * as WeChat requires — a token fetched per instance would invalidate the others'.
 * The only "local vs cloud" switch is the base URL (`readOfficialAccountConfig`): the local cloud
 * serves the same `/cgi-bin/...` endpoints with an outbox.
 * Imported only by the `alerts` function (not re-exported from index.ts): `wechat-api` and its
 * HTTP client weigh hundreds of KB that no other function bundle should carry.
 * `wechat-api`'s index mixes in all of its ~30 API groups (media, cards, shop… with `formstream`
 * and `mime`); LinkShelf takes its base client and mixes in only the groups it needs: templates
 * and users, which it calls, and JS-SDK tickets, whose handle the client's constructor registers.
 * The same library through a lighter import path (docs/bench.md, "Function bundles").
 */
import WechatAPI from 'wechat-api/lib/api_common';
import jsTicketApi from 'wechat-api/lib/api_js';
import templateApi from 'wechat-api/lib/api_template';
import userApi from 'wechat-api/lib/api_user';
import { getById, setById } from './store';

// mixin() refuses to override a method: a group already mixed into this module instance is skipped.
for (const [group, method] of [[jsTicketApi, 'registerTicketHandle'], [templateApi, 'sendTemplate'], [userApi, 'getUser']] as const) {
  if (!(method in WechatAPI.prototype)) WechatAPI.mixin(group);
}

/** Where and as whom the Official Account API is called. */
export interface OfficialAccountConfig {
  endpoint: string;
  appId: string;
  appSecret: string;
  /** The mini-program a template message opens. */
  miniProgramAppId: string;
}

/**
 * CloudBase: WeChat's API with the account's id and secret from the function's environment
 * (cloudbaserc.json: `OA_APPID`, `OA_APPSECRET`, `MP_APPID`). Locally: the local cloud (the origin
 * of `CLOUDBASE_SERVICE_URL`) with its own account.
 */
export function readOfficialAccountConfig(env: NodeJS.ProcessEnv = process.env): OfficialAccountConfig {
  const local = env.CLOUDBASE_SERVICE_URL ? new URL(env.CLOUDBASE_SERVICE_URL).origin : undefined;
  return {
    endpoint: local ?? 'https://api.weixin.qq.com',
    appId: env.OA_APPID || (local ? 'wx_local_official_account' : ''),
    appSecret: env.OA_APPSECRET || (local ? 'local-official-account-secret' : ''),
    miniProgramAppId: env.MP_APPID || 'wx0000000000000000',
  };
}

const TOKEN_DOC = 'oa';
let api: WechatAPI | undefined;
let configuredFor = '';

function officialAccount(): { api: WechatAPI; config: OfficialAccountConfig } {
  const config = readOfficialAccountConfig();
  const key = `${config.endpoint}|${config.appId}`;
  if (!api || configuredFor !== key) {
    if (!config.appId || !config.appSecret) throw new Error('the Official Account is not configured (OA_APPID, OA_APPSECRET)');
    api = new WechatAPI(
      config.appId,
      config.appSecret,
      (cb) => {
        getById<{ accessToken: string; expireTime: number }>('wechat_tokens', TOKEN_DOC).then(
          (doc) => cb(null, doc ? { accessToken: doc.accessToken, expireTime: doc.expireTime } : null),
          (err: Error) => cb(err, null),
        );
      },
      (token, cb) => {
        setById('wechat_tokens', TOKEN_DOC, { accessToken: token.accessToken, expireTime: token.expireTime }).then(
          () => cb(null),
          (err: Error) => cb(err),
        );
      },
    );
    // setEndpoint() forces https://; the base URL is the one configuration point.
    api.endpoint = config.endpoint;
    api.setOpts({ timeout: 5000 });
    configuredFor = key;
  }
  return { api, config };
}

/** WeChat's refusal of an Official Account call (`errcode` ≠ 0), or -1 for a transport failure. */
export type OaResult = { sent: true; msgid: number } | { sent: false; errcode: number; errmsg: string };

/**
 * Sends a template message that opens a mini-program page. A refusal by WeChat is returned as a
 * value (an alert must never fail what triggered it); transport errors are thrown (retry later).
 */
export function sendOaTemplate(msg: { touser: string; templateId: string; page: string; data: Record<string, string> }): Promise<OaResult> {
  const { api: oa, config } = officialAccount();
  const data = Object.fromEntries(Object.entries(msg.data).map(([k, value]) => [k, { value }]));
  return new Promise((resolve, reject) => {
    oa.sendTemplate(msg.touser, msg.templateId, { miniprogram: { appid: config.miniProgramAppId, pagepath: msg.page } }, data, (err, result) => {
      if (err && typeof err.code === 'number') resolve({ sent: false, errcode: err.code, errmsg: err.message });
      else if (err) reject(err);
      else resolve({ sent: true, msgid: Number(result?.msgid ?? 0) });
    });
  });
}

/** Whether `oaOpenid` follows the Official Account (`/cgi-bin/user/info` → `subscribe: 1`). */
export function followsOfficialAccount(oaOpenid: string): Promise<boolean> {
  const { api: oa } = officialAccount();
  return new Promise((resolve, reject) => {
    oa.getUser({ openid: oaOpenid, lang: 'zh_CN' }, (err, result) => {
      if (err && typeof err.code === 'number') resolve(false);
      else if (err) reject(err);
      else resolve(result?.subscribe === 1);
    });
  });
}
