import { defineFuzzSuite } from './harness';

// Fulfilment and after-sale (issue 12): shipping the pool's orders (mostly not to ship: every
// refusal path), after-sale requests on them, and requests that do not exist.
const trackingNo = () => ({ trackingNo: ['SF1234567890123', 'yt 9000-1234-5678', '73100098765432', 'JT0001234567890', 'SF9000000000001', '12'] });
// `lineIds` is an array here: no pool (the shared pool holds single line ids), so the arrays are
// generated from the schema (mostly L1…L9-like short ids, some of them real).
const lines = () => ({ lineIds: [] });
defineFuzzSuite(['fulfil', 'aftersale'], {
  'fulfil.ship': () => ({ ...trackingNo(), ...lines() }),
  'aftersale.request': lines,
  'fulfil.shipMany': trackingNo,
  'aftersale.cancel': () => ({ requestId: ['asMissing', 'as_seed_return'] }),
  'aftersale.get': () => ({ requestId: ['asMissing', 'as_seed_return'] }),
  'aftersale.review': () => ({ requestId: ['asMissing', 'as_seed_return'] }),
  'aftersale.receiveReturn': () => ({ requestId: ['asMissing', 'as_seed_return'] }),
  'aftersale.returnShipped': () => ({ requestId: ['asMissing', 'as_seed_return'], ...trackingNo() }),
});
