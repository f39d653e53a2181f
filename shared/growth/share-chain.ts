import { z } from 'zod';
import { isSafeKey } from './counters';

/**
 * The share chain: every share is a node with its parent, root and depth, so the brand can see
 * who brought whom hop by hop.
 */

/** What a share points at (`card`: a salesperson's business card, id = their openid; `material`: a material's id). */
export const SHARE_TARGET_TYPES = ['shelf', 'product', 'group', 'coupon', 'card', 'material', 'bargain'] as const;
/** Where a share is sent (`link`: a copied h5 link, local/browser only). */
export const SHARE_CHANNELS = ['card', 'poster', 'moments', 'link'] as const;

/** A share's target, e.g. `{type:'product', id:'p01'}` (shelf id = the salesperson's openid). */
export const shareTargetSchema = z
  .object({ type: z.enum(SHARE_TARGET_TYPES), id: z.string().min(1).max(64) })
  .strict();
export type ShareTarget = z.infer<typeof shareTargetSchema>;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

/** A campaign tag on a share (also a counter key, so map-key safe). */
export const campaignSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,24}$/)
  .refine((c) => isSafeKey(c), { message: 'reserved name' });

/** A stored share, `shares/{_id}`. */
export interface ShareDoc {
  _id: string;
  sharerOpenid: string;
  sharerRole: string;
  /** The salesperson who owns customers brought by this share (null if the sharer has none). */
  salesId: string | null;
  parentShareId: string | null;
  rootShareId: string;
  /** 1 for a share made without a parent, parent.depth + 1 otherwise. */
  depth: number;
  /** Ancestor share ids, root first (for subtree queries). */
  ancestors: string[];
  target: ShareTarget;
  channel: ShareChannel;
  campaign: string | null;
  /** Experiment exposures of the sharer, `{key: variant}`. */
  experiments: Record<string, string>;
  createdAt: Date;
  /** Per-node counts, incremented as events happen. */
  opens: number;
  binds: number;
  newCustomers: number;
  children: number;
  paidOrders: number;
  gmvFen: number;
  /** The share's mini-program code in storage (`cloud://…/posters/<id>.png`), once a poster was made. */
  posterFileId?: string;
}

/** What the chain needs to know about the sharer. */
export interface Sharer {
  openid: string;
  role: string;
  /** The sharer's current salesperson (customers), if any. */
  boundSalesId?: string | null;
  /** The share that brought/bound the sharer (their parent in the chain), if any. */
  via?: { shareId: string; rootShareId: string; depth: number; ancestors: string[] } | null;
  /**
   * For an unbound customer sharing a salesperson's shelf: that salesperson (verified by the
   * caller to be one), so the customers the share brings still belong to someone.
   */
  shelfOwnerSalesId?: string | null;
}

/**
 * Builds a new share node. A salesperson's share is a root owned by themselves; a customer's
 * share hangs below the share that brought them and belongs to their salesperson.
 * @example buildShare({id:'k3Vq9ZtA', sharer:{openid:'o_sales_li', role:'sales'}, target:{type:'shelf', id:'o_sales_li'}, channel:'card', campaign:null, experiments:{}, now})
 *   // { _id:'k3Vq9ZtA', salesId:'o_sales_li', parentShareId:null, rootShareId:'k3Vq9ZtA', depth:1, ... }
 */
export function buildShare(args: {
  id: string;
  sharer: Sharer;
  target: ShareTarget;
  channel: ShareChannel;
  campaign: string | null;
  experiments: Record<string, string>;
  now: Date;
}): ShareDoc {
  const { id, sharer } = args;
  const isSales = sharer.role === 'sales';
  const via = isSales ? null : sharer.via ?? null;
  return {
    _id: id,
    sharerOpenid: sharer.openid,
    sharerRole: sharer.role,
    salesId: isSales ? sharer.openid : sharer.boundSalesId ?? sharer.shelfOwnerSalesId ?? null,
    parentShareId: via ? via.shareId : null,
    rootShareId: via ? via.rootShareId : id,
    depth: via ? via.depth + 1 : 1,
    ancestors: via ? [...via.ancestors, via.shareId] : [],
    target: args.target,
    channel: args.channel,
    campaign: args.campaign,
    experiments: args.experiments,
    createdAt: args.now,
    opens: 0,
    binds: 0,
    newCustomers: 0,
    children: 0,
    paidOrders: 0,
    gmvFen: 0,
  };
}

/** The landing page every share path opens (reads `s` in onLoad and App.onShow). */
export const SHARE_LANDING_PAGE = 'pages/landing/index';

/**
 * The mini-program path of a share: it carries only the share id (the page resolves the rest).
 * @example sharePath('k3Vq9ZtA') // '/pages/landing/index?s=k3Vq9ZtA'
 */
export function sharePath(shareId: string): string {
  return `/${SHARE_LANDING_PAGE}?s=${shareId}`;
}

/** A node of a share tree with its subtree below. */
export interface ShareTreeNode {
  shareId: string;
  sharerOpenid: string;
  depth: number;
  channel: ShareChannel;
  counts: { opens: number; binds: number; newCustomers: number; children: number; paidOrders: number; gmvFen: number };
  /** Totals of this node and everything below it. */
  subtree: { shares: number; opens: number; binds: number; newCustomers: number; paidOrders: number; gmvFen: number };
  children: ShareTreeNode[];
}

/**
 * Assembles the tree below `rootId` from share documents (any order; unrelated ones ignored).
 * @example buildShareTree('a', [shareA, shareB]).children[0].shareId // 'b'
 */
export function buildShareTree(rootId: string, shares: readonly ShareDoc[]): ShareTreeNode | null {
  const byParent = new Map<string, ShareDoc[]>();
  let root: ShareDoc | undefined;
  for (const s of shares) {
    if (s._id === rootId) root = s;
    if (s.parentShareId) {
      const list = byParent.get(s.parentShareId) ?? [];
      list.push(s);
      byParent.set(s.parentShareId, list);
    }
  }
  if (!root) return null;
  const build = (s: ShareDoc): ShareTreeNode => {
    const kids = (byParent.get(s._id) ?? [])
      .slice()
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a._id.localeCompare(b._id))
      .map(build);
    const counts = {
      opens: s.opens ?? 0,
      binds: s.binds ?? 0,
      newCustomers: s.newCustomers ?? 0,
      children: s.children ?? 0,
      paidOrders: s.paidOrders ?? 0,
      gmvFen: s.gmvFen ?? 0,
    };
    const subtree = { shares: 1, opens: counts.opens, binds: counts.binds, newCustomers: counts.newCustomers, paidOrders: counts.paidOrders, gmvFen: counts.gmvFen };
    for (const k of kids) {
      subtree.shares += k.subtree.shares;
      subtree.opens += k.subtree.opens;
      subtree.binds += k.subtree.binds;
      subtree.newCustomers += k.subtree.newCustomers;
      subtree.paidOrders += k.subtree.paidOrders;
      subtree.gmvFen += k.subtree.gmvFen;
    }
    return { shareId: s._id, sharerOpenid: s.sharerOpenid, depth: s.depth, channel: s.channel, counts, subtree, children: kids };
  };
  return build(root);
}
