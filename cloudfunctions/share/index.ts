/**
 * `share`: the share chain. create → a short share id and its path; open → logs the open and
 * binds per policy; poster → the share's mini-program code (wxacode, kept in storage). See docs/growth.md.
 */
import { defineFunction } from '../_platform';
import { createShare } from './create-share';
import { openShare } from './open-share';
import { poster } from './poster';

export const main = defineFunction('share', { create: createShare, open: openShare, poster });
