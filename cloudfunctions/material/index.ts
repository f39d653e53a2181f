/**
 * material: the materials library (素材). Ops publish (save, setStatus; the console edits the same
 * documents); salespeople browse (list) and forward them as shares; customers read (get) and the
 * page reports time and depth (progress); the owning salesperson sees the radar; the boss the
 * report. See docs/briefcase.md.
 */
import { defineFunction } from '../_platform';
import { get } from './get';
import { list } from './list';
import { progress } from './progress';
import { radar } from './radar';
import { report } from './report';
import { save } from './save';
import { setStatus } from './set-status';

export const main = defineFunction('material', { list, get, progress, save, setStatus, radar, report });
