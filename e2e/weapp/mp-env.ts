/**
 * The small WeChat environment miniprogram-simulate needs to run a page of the Taro weapp build
 * in Node (see /work/shared/toolchain.md): a DOM (jsdom), `wx`, `App`, `getApp`,
 * `getCurrentPages`, and a `Page()` → `Component()` adapter whose `attached` calls
 * onLoad/onShow and `ready` calls onReady. `wx.cloud.callFunction` POSTs to a real local cloud
 * as the given persona, so the page renders real data.
 */
import { join } from 'node:path';

type Fn = (...args: unknown[]) => unknown;
type Dict = Record<string, unknown>;

export interface CloudCall {
  name: string;
  data: unknown;
  ok: boolean;
  ms: number;
}

export interface MpEnv {
  calls: CloudCall[];
  /** wx APIs the app called that the shim only stubs (for the report). */
  stubbed: Set<string>;
  /** Errors thrown inside wx callbacks or reported by the app (console.error). */
  errors: string[];
  loadPage(route: string, query?: Record<string, string>): unknown;
  /** Closes the jsdom window (its timers) once the pages are detached. */
  dispose(): void;
}

const g = globalThis as unknown as Dict;

function installDom(): void {
  // jsdom ships with jest; there is no jest-environment-jsdom here, so the globals are set by hand.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, opts: Dict) => { window: Dict } };
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true, url: 'https://servicewechat.com/' });
  const win = dom.window;
  g.window = win;
  for (const key of ['document', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame', 'DocumentFragment', 'Text', 'Comment']) {
    if (g[key] === undefined) g[key] = typeof win[key] === 'function' && /^[a-z]/.test(key) ? (win[key] as Fn).bind(win) : win[key];
  }
}

export function installMiniProgramEnv(options: { cloudUrl: string; openid: string; distDir: string }): MpEnv {
  installDom();
  const calls: CloudCall[] = [];
  const stubbed = new Set<string>();
  const errors: string[] = [];
  const storage = new Map<string, unknown>();

  const callFunction = (opts: { name: string; data?: unknown; success?: Fn; fail?: Fn; complete?: Fn }) => {
    const t0 = Date.now();
    const p = fetch(`${options.cloudUrl}/functions/${opts.name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': options.openid },
      body: JSON.stringify(opts.data ?? {}),
    })
      .then(async (res) => {
        const result = (await res.json()) as { ok?: boolean };
        calls.push({ name: opts.name, data: opts.data, ok: result?.ok === true, ms: Date.now() - t0 });
        // The shape wx.cloud.callFunction resolves with.
        return { result, errMsg: 'cloud.callFunction:ok', requestID: `local-${calls.length}` };
      })
      .catch((err: unknown) => {
        calls.push({ name: opts.name, data: opts.data, ok: false, ms: Date.now() - t0 });
        throw { errMsg: `cloud.callFunction:fail ${String(err)}` };
      });
    if (opts.success || opts.fail || opts.complete) {
      p.then((r) => opts.success?.(r), (e) => opts.fail?.(e)).finally(() => opts.complete?.());
      return undefined;
    }
    return p;
  };

  const systemInfo = {
    brand: 'devtools', model: 'iPhone 12', pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390,
    windowHeight: 760, statusBarHeight: 47, language: 'zh_CN', version: '8.0.50', system: 'iOS 16.0', platform: 'devtools',
    SDKVersion: '3.5.0', safeArea: { top: 47, bottom: 810, left: 0, right: 390, width: 390, height: 763 },
  };

  const impl: Dict = {
    cloud: { init: () => undefined, callFunction },
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getSystemInfo: (o: { success?: Fn } = {}) => (o.success ? o.success(systemInfo) : Promise.resolve(systemInfo)),
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    getMenuButtonBoundingClientRect: () => ({ top: 51, bottom: 83, left: 281, right: 368, width: 87, height: 32 }),
    canIUse: () => true,
    getLaunchOptionsSync: () => ({ path: 'pages/shelf/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/shelf/index', query: {}, scene: 1001 }),
    nextTick: (cb: Fn) => setTimeout(cb, 0),
    env: { USER_DATA_PATH: 'wxfile://usr' },
  };
  const wx = new Proxy(impl, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (key in target) return target[key];
      if (key === 'webpackJsonp') return undefined;
      // Any other API: a no-op that completes successfully (navigation, toast, share menu...).
      return (opts?: { success?: Fn; complete?: Fn }) => {
        stubbed.add(key);
        if (opts && typeof opts === 'object') {
          opts.success?.({ errMsg: `${key}:ok` });
          opts.complete?.({ errMsg: `${key}:ok` });
        }
        return key.endsWith('Sync') ? undefined : Promise.resolve({ errMsg: `${key}:ok` });
      };
    },
    set(target, key, value) {
      target[key as string] = value;
      return true;
    },
  });
  g.wx = wx;

  let app: Dict = {};
  const pages: Dict[] = [];
  g.App = (config: Dict) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;

  let pendingQuery: Record<string, string> = {};
  let pendingRoute = '';
  // Page() → Component(): Taro's page config goes in as methods; lifetimes drive the page hooks.
  g.Page = (config: Dict) => {
    const methods: Record<string, Fn> = {};
    const rest: Dict = {};
    for (const [k, v] of Object.entries(config)) {
      if (typeof v === 'function') methods[k] = v as Fn;
      else if (k !== 'data' && k !== 'options' && k !== 'behaviors') rest[k] = v;
    }
    const route = pendingRoute;
    const query = pendingQuery;
    (g.Component as Fn)({
      data: config.data,
      options: config.options,
      behaviors: config.behaviors,
      methods,
      lifetimes: {
        attached(this: Dict) {
          Object.assign(this, rest, { route, __route__: route, options: query });
          pages.push(this);
          try {
            (this.onLoad as Fn | undefined)?.call(this, query);
            (this.onShow as Fn | undefined)?.call(this);
          } catch (e) {
            errors.push(`page lifecycle: ${String((e as Error)?.stack || e)}`);
          }
        },
        // A closed page: Taro's onUnload unmounts the React tree (stops its timers).
        detached(this: Dict) {
          try {
            (this.onUnload as Fn | undefined)?.call(this);
          } catch (e) {
            errors.push(`page onUnload: ${String((e as Error)?.stack || e)}`);
          }
          const i = pages.indexOf(this);
          if (i >= 0) pages.splice(i, 1);
        },
        ready(this: Dict) {
          try {
            (this.onReady as Fn | undefined)?.call(this);
          } catch (e) {
            errors.push(`page onReady: ${String((e as Error)?.stack || e)}`);
          }
        },
      },
    });
  };

  // The app's own bootstrap: runtime, taro, vendors, common, then App({...}).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(options.distDir, 'app.js'));
  const launch = app.onLaunch as Fn | undefined;
  launch?.call(app, { path: 'pages/shelf/index', query: {}, scene: 1001 });
  (app.onShow as Fn | undefined)?.call(app, { path: 'pages/shelf/index', query: {}, scene: 1001 });

  return {
    calls,
    stubbed,
    errors,
    loadPage(route: string, query: Record<string, string> = {}) {
      pendingRoute = route;
      pendingQuery = query;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const simulate = require('miniprogram-simulate') as { load: Fn; render: Fn };
      const id = simulate.load(join(options.distDir, route), { compiler: 'official', rootPath: options.distDir });
      return simulate.render(id);
    },
    dispose() {
      (g.window as { close?: () => void } | undefined)?.close?.();
    },
  };
}
