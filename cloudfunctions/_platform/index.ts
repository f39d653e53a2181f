/**
 * The only door to CloudBase. Functions import from here, never from @cloudbase/node-sdk.
 */
export { action, defineFunction, describeZodError } from './handler';
export type { ActionContext, ActionImpl, ActionSpec, Access, CloudMain, DescribedAction } from './handler';
export { getApp, getDb, getCommand } from './sdk';
export type { Database } from './sdk';
export { randomId, stableId } from './ids';
export { isDuplicateWrite, isTransactionConflict, errorCode, newCustomerDoc } from './users';
export type { UserDoc } from './users';
export { runTransaction, callFunction } from './tx';
export { callWxPay, callOpenApi, readImageReply, WxApiError } from './wechat';
export type { WxReply } from './wechat';
export { uploadFile, getTempFileUrls, downloadFile, deleteFiles } from './storage';
export { sendSubscribeMessage } from './messaging';
export type { SubscribeMessage, SendResult } from './messaging';
export { AppError } from '../../shared/errors';
