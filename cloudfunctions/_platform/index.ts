/**
 * The only door to CloudBase. Functions import from here, never from @cloudbase/node-sdk.
 */
export { action, defineFunction, describeZodError } from './handler';
export type { ActionContext, ActionSpec, Access, CloudMain } from './handler';
export { getApp, getDb, getCommand } from './sdk';
export type { Database } from './sdk';
export { randomId, stableId } from './ids';
export { isDuplicateWrite, isTransactionConflict, errorCode, newCustomerDoc } from './users';
export type { UserDoc } from './users';
export { runTransaction, callFunction } from './tx';
export { AppError } from '../../shared/errors';
