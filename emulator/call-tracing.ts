/**
 * Each function call the local cloud runs is a scope (AsyncLocalStorage) that the outgoing HTTP
 * requests made inside it belong to. Two uses:
 * - stats: every such request gets an `x-emulator-call` header, so /admin can count database
 *   operations per function call (local-cloud-only instrumentation; the functions do not know);
 * - ending a call: when a call outlives its time limit the local cloud ends it as CloudBase ends a
 *   timed-out instance — its in-flight requests are aborted (their sockets freed) and any request
 *   it makes afterwards fails at once, so a stuck call holds nothing and changes nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';

export interface CallScope {
  callId: string;
  /** Requests of this call not yet closed. */
  inFlight: Set<http.ClientRequest>;
  /** Set when the call was ended: why (requests made after that fail with it). */
  endedBecause?: string;
}

export const callScope = new AsyncLocalStorage<CallScope>();
export const CALL_HEADER = 'x-emulator-call';

export function newCallScope(callId: string): CallScope {
  return { callId, inFlight: new Set() };
}

/** Ends a call: aborts its in-flight requests and refuses its later ones. */
export function endCall(scope: CallScope, reason: string): void {
  scope.endedBecause = reason;
  for (const req of scope.inFlight) req.destroy(new Error(reason));
  scope.inFlight.clear();
}

let installed = false;

/** Patches http.Agent#addRequest once per process (headers are still settable at that point). */
export function installCallTracing(): void {
  if (installed) return;
  installed = true;
  // addRequest is internal to Node's http.Agent (not in its typings) but stable since Node 0.x;
  // every agent the SDK can use (Node's global agent, agentkeepalive) goes through it.
  const proto = http.Agent.prototype as unknown as { addRequest: (this: http.Agent, req: http.ClientRequest, options: unknown) => void };
  const original = proto.addRequest;
  proto.addRequest = function addRequest(this: http.Agent, req: http.ClientRequest, options: unknown) {
    const scope = callScope.getStore();
    if (scope?.endedBecause) {
      // Destroyed before it is sent; the agent then completes the destroy (the caller's 'error'
      // handler gets the reason, a socket it was given goes straight back unused).
      req.destroy(new Error(scope.endedBecause));
      return original.call(this, req, options);
    }
    if (scope) {
      if (!req.headersSent) req.setHeader(CALL_HEADER, scope.callId);
      scope.inFlight.add(req);
      req.once('close', () => scope.inFlight.delete(req));
    }
    return original.call(this, req, options);
  };
}
