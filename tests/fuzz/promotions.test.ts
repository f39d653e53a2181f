import { defineFuzzSuite } from './harness';

// coupon and groupbuy (get), plus the system functions (payment callback, timer).
defineFuzzSuite(['coupon', 'groupbuy', 'payNotify', 'sweep']);
