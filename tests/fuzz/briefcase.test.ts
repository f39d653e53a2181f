import { defineFuzzSuite } from './harness';

// The briefcase (issue 15): card, materials, the customer 360, alerts.
defineFuzzSuite(['card', 'material', 'customer', 'alerts']);
