/**
 * customer: the customer 360 for the owning salesperson and the boss — profile (stage, tags,
 * spend, notes), timeline, manual tags, follow-up notes with reminders, and the workbench's today
 * list. No action here is open to customers: tags and notes about a customer never reach them.
 * See docs/briefcase.md.
 */
import { defineFunction } from '../_platform';
import { note } from './note';
import { profile } from './profile';
import { tag } from './tag';
import { timeline } from './timeline';
import { today } from './today';

export const main = defineFunction('customer', { profile, timeline, tag, note, today });
