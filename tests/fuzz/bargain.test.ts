import { defineFuzzSuite } from './harness';

// bargain (issue 14): offer, start, help, get, buy.
defineFuzzSuite(['bargain']);
