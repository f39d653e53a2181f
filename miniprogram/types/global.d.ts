/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.png';

/** CloudBase env id for Taro.cloud.init (weapp), from config/index.ts defineConstants. */
declare const CLOUD_ENV: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn';
    NODE_ENV: 'development' | 'production' | 'test';
  }
}
