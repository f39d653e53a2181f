import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// One config for both targets; outputRoot differs per TARO_ENV so weapp and h5 builds coexist:
// miniprogram/dist/weapp (project.config.json's miniprogramRoot) and miniprogram/dist/h5
// (served by the local cloud).
// The pure domain in ../shared (pricing, coupons) is compiled into the app: one pricing code path.
const sharedDir = path.resolve(__dirname, '..', '..', 'shared');

const target = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';

// CloudBase env for Taro.cloud.init in the weapp build; set LINKSHELF_CLOUD_ENV at build time.
const cloudEnv = process.env.LINKSHELF_CLOUD_ENV || 'linkshelf-dev';

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'linkshelf',
    date: '2025-01-01',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
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
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return config;
});
