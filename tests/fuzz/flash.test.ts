import { FLASH_IDS } from '../../emulator/seed';
import { defineFuzzSuite } from './harness';

// Flash sales (issue 14): the seeded live and upcoming sales and a missing one, so buys reach the
// sale's guarded write (taken, limit, not started) and reminders both sides of the start.
const flashIds = () => ({ flashId: [FLASH_IDS.live, FLASH_IDS.upcoming, 'fs_missing'] });
defineFuzzSuite(['flash'], { 'flash.buy': flashIds, 'flash.remind': flashIds });
