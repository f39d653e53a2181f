import { defineFuzzSuite } from './harness';

defineFuzzSuite(['cart', 'address']);
