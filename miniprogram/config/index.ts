import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// One config for both targets; outputRoot differs per TARO_ENV so weapp and h5 builds coexist:
// miniprogram/dist/weapp (project.config.json's miniprogramRoot) and miniprogram/dist/h5
// (served by the local cloud).
// The pure domain in ../shared (pricing, coupons) is compiled into the app: one pricing code path.
const sharedDir = path.resolve(__dirname, '..', '..', 'shared');

const target = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';

// LINKSHELF_OUTPUT_ROOT builds elsewhere (e.g. /tmp) without touching dist/, which other suites read.
const outputRoot = process.env.LINKSHELF_OUTPUT_ROOT || `dist/${target}`;

// CloudBase env for Taro.cloud.init in the weapp build; set LINKSHELF_CLOUD_ENV at build time.
const cloudEnv = process.env.LINKSHELF_CLOUD_ENV || 'linkshelf-dev';

// h5 code splitting. Taro's default splits only *initial* chunks, and every page is an async chunk,
// so each page chunk carried its own copy of the Taro H5 components (~250 KB each, 4.5 MB in all).
// Here shared code lives once: `taro` (@tarojs/* incl. the components and their deps) and
// `vendors` (other node_modules) are named shared chunks; app code used by 2+ pages goes to
// deterministic shared chunks.
const nodeModules = /[\\/]node_modules[\\/]/;
const taroPackages = /[\\/]node_modules[\\/](@tarojs|@stencil|swiper|classnames|tslib)[\\/]/;
const h5SplitChunks = {
  chunks: 'all' as const,
  hidePathInfo: true,
  minSize: 0,
  cacheGroups: {
    default: false as const,
    defaultVendors: false as const,
    taro: { name: 'taro', test: taroPackages, chunks: 'all' as const, priority: 100, enforce: true },
    vendors: { name: 'vendors', test: nodeModules, chunks: 'all' as const, priority: 10, enforce: true },
    common: { minChunks: 2, chunks: 'async' as const, priority: 1, minSize: 8000, reuseExistingChunk: true },
  },
};

/** LINKSHELF_STATS=<file>: writes webpack's chunk/module stats (for measuring what each page loads). */
class StatsDump {
  constructor(private file: string) {}
  apply(compiler: { hooks: { done: { tap(name: string, fn: (stats: { toJson(o: object): unknown }) => void): void } } }) {
    compiler.hooks.done.tap('linkshelf-stats', (stats) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('node:fs').writeFileSync(this.file, JSON.stringify(stats.toJson({ all: false, chunks: true, chunkModules: true, assets: true, chunkGroups: true })));
    });
  }
}

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'linkshelf',
    date: '2025-01-01',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(cloudEnv),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      compile: { include: [sharedDir] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        chain.optimization.splitChunks(h5SplitChunks);
        if (process.env.LINKSHELF_STATS) chain.plugin('linkshelf-stats').use(StatsDump, [process.env.LINKSHELF_STATS]);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return config;
});
