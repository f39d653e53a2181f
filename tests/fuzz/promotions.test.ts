import { defineFuzzSuite } from './harness';

// coupon and groupbuy, plus the system functions (payment callback, timer).
defineFuzzSuite(['coupon', 'groupbuy', 'payNotify', 'sweep']);
