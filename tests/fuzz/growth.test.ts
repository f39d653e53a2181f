import { defineFuzzSuite } from './harness';

// share.poster renders a QR PNG for a real share (costly): mostly missing ids there.
const missing = Array.from({ length: 12 }, (_, i) => `sMissing${i}`);
defineFuzzSuite(['share', 'sales'], { 'share.poster': (pools) => ({ shareId: [...(pools.shareId ?? []).slice(0, 1), ...missing] }) });
