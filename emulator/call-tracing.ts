/**
 * Attributes each database request to the function call that made it, for /_emulator/stats.
 * Functions run in-process; the call id lives in an AsyncLocalStorage, and every outgoing HTTP
 * request made inside a call gets an `x-emulator-call` header. Local-cloud-only instrumentation:
 * production has no such header and the functions do not know it exists.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';

export interface CallScope {
  callId: string;
}

export const callScope = new AsyncLocalStorage<CallScope>();
export const CALL_HEADER = 'x-emulator-call';

let installed = false;

/** Patches http.Agent#addRequest once per process (headers are still settable at that point). */
export function installCallTracing(): void {
  if (installed) return;
  installed = true;
  // addRequest is internal to Node's http.Agent (not in its typings) but stable since Node 0.x.
  const proto = http.Agent.prototype as unknown as { addRequest: (this: http.Agent, req: http.ClientRequest, options: unknown) => void };
  const original = proto.addRequest;
  proto.addRequest = function addRequest(
    this: http.Agent,
    req: http.ClientRequest,
    options: unknown,
  ) {
    const scope = callScope.getStore();
    if (scope && !req.headersSent) req.setHeader(CALL_HEADER, scope.callId);
    return original.call(this, req, options);
  };
}
