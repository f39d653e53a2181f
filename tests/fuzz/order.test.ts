import { defineFuzzSuite } from './harness';

defineFuzzSuite(['order']);
