import { defineFuzzSuite } from './harness';

// setRole runs last and only on people the other actions do not call as.
defineFuzzSuite(['shelf', 'admin'], { 'admin.setRole': () => ({ openid: ['o_cust_4', 'o_nobody', 'o_fuzz_new'] }) });
