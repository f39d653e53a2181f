/**
 * The part of `wechat-api` 1.35 (no bundled types) LinkShelf uses: its base client
 * (`lib/api_common`) with the JS-ticket, template-message and user-info groups mixed in.
 */
declare module 'wechat-api/lib/api_common' {
  type Callback<T> = (err: (Error & { code?: number }) | null, result: T) => void;
  interface StoredToken {
    accessToken: string;
    expireTime: number;
  }
  class WechatAPI {
    constructor(
      appid: string,
      appsecret: string,
      getToken?: (callback: Callback<StoredToken | null>) => void,
      saveToken?: (token: StoredToken, callback: (err: Error | null) => void) => void,
    );
    /** Base URL every call is built on (`https://api.weixin.qq.com` by default). */
    endpoint: string;
    setOpts(opts: { timeout?: number }): void;
    /** Adds an API group's methods to the prototype (throws if one already exists). */
    static mixin(group: object): void;
    sendTemplate(
      openid: string,
      templateId: string,
      dest: string | { url?: string; miniprogram?: { appid: string; pagepath: string } },
      data: Record<string, { value: string; color?: string }>,
      callback: Callback<{ errcode: number; errmsg: string; msgid?: number }>,
    ): void;
    getUser(options: { openid: string; lang?: string }, callback: Callback<{ subscribe: number; openid: string; [k: string]: unknown }>): void;
  }
  export = WechatAPI;
}

/** JS-SDK tickets (`registerTicketHandle`, which the base client's constructor calls): mixed into the base client. */
declare module 'wechat-api/lib/api_js' {
  const group: Record<string, unknown>;
  export = group;
}

/** Template messages (`sendTemplate`, …): mixed into the base client. */
declare module 'wechat-api/lib/api_template' {
  const group: Record<string, unknown>;
  export = group;
}

/** User info (`getUser`, …): mixed into the base client. */
declare module 'wechat-api/lib/api_user' {
  const group: Record<string, unknown>;
  export = group;
}
