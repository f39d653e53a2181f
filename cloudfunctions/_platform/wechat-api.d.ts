/** The part of `wechat-api` 1.35 (no bundled types) LinkShelf uses: Official Account template messages and user info. */
declare module 'wechat-api' {
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
