/**
 * The only door to CloudBase. Functions import from here, never from @cloudbase/node-sdk; all data
 * access goes through the store.
 */
export { action, defineFunction, describeZodError } from './handler';
export type { ActionContext, ActionImpl, ActionSpec, Access, CloudMain, DescribedAction } from './handler';
export { getApp } from './sdk';
export * as store from './store';
export type { Fields, Page, PageSpec, SortKey } from './store';
export type { CollectionName } from './collections';
export { randomId, seededBytes, stableId } from './ids';
export { newCustomerDoc } from './users';
export type { UserDoc } from './users';
export { runTransaction, callFunction } from './tx';
export type { Transaction } from './tx';
export { callWxPay, callOpenApi, readImageReply, WxApiError } from './wechat';
export type { WxReply } from './wechat';
export { uploadFile, getTempFileUrls, downloadFile, deleteFiles, withFileUrls, TEMP_URL_MAX_AGE_S } from './storage';
export { sendSubscribeMessage } from './messaging';
export type { SubscribeMessage, SendResult } from './messaging';
export { AppError } from '../../shared/errors';
