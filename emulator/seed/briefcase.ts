/**
 * The salesperson's briefcase in the demo data: a business card for each salesperson (and their
 * Official Account openid for alerts), materials of every kind, the brand's alert settings, and —
 * for `npm start` only (`seed({ demo: true })`) — a few customers of each salesperson with some activity,
 * so the radar, the timeline and the today list are not empty. The activity is left out of test
 * clouds: it would add bound customers to every test's world.
 */
import { createHash } from 'node:crypto';
import { summarize, stageOf, stageRank, type CustomerEvent } from '../../shared/customers';
import type { Card } from '../../shared/card/card';
import { seedFileId } from './files';
import { DAY, type SeedDoc } from './window';

/** Fixed ids of the demo materials (one per kind, plus a draft). */
export const MATERIAL_IDS = {
  article: 'm_tea_guide',
  brochure: 'm_brochure_2026',
  case: 'm_case_hangzhou',
  video: 'm_video_farm',
  testimonial: 'm_voice_wang',
  poster: 'm_poster_618',
  draft: 'm_draft_autumn',
} as const;

type SalesBriefcase = { oaOpenid: string; card: Omit<Card, 'photo' | 'name' | 'title'> };

/** A seeded salesperson's briefcase: their Official Account openid (`oa_…` for `o_…`) and their card, without a WeChat QR. */
function briefcaseOf(salesId: string, phone: string, intro: string, featuredProductIds: string[], featuredMaterialIds: string[]): SalesBriefcase {
  return { oaOpenid: salesId.replace(/^o_/, 'oa_'), card: { phone, wechatQr: null, intro, featuredProductIds, featuredMaterialIds } };
}

/** What each salesperson's seeded card says and features, and their Official Account openid. */
export const SALES_BRIEFCASE: Record<string, SalesBriefcase> = {
  o_sales_li: briefcaseOf('o_sales_li', '138 0013 8001', '十年茶饮顾问，帮你挑到合口味的好茶。春茶季每周上新，欢迎来聊。', ['p01', 'p02', 'p03'], [MATERIAL_IDS.article, MATERIAL_IDS.case]),
  o_sales_wang: briefcaseOf('o_sales_wang', '138 0013 8002', '家里的米面粮油，我来包。产地直发，按月配送。', ['p05', 'p09'], [MATERIAL_IDS.brochure, MATERIAL_IDS.video]),
  o_sales_zhao: briefcaseOf('o_sales_zhao', '138 0013 8003', '生活方式买手，一杯茶的讲究，从器到叶。', ['p04', 'p11'], [MATERIAL_IDS.testimonial, MATERIAL_IDS.poster]),
};

/** The card fields a seeded salesperson document carries (added in people.ts). */
export function seededSalesFields(id: string, user: { name: string; title: string; photo: string }, now: Date): Record<string, unknown> {
  const b = SALES_BRIEFCASE[id];
  if (!b) return {};
  const card: Card = { photo: user.photo, name: user.name, title: user.title, ...b.card };
  return { oaOpenid: b.oaOpenid, card: { ...card, updatedAt: now } };
}

/** A seeded material image: a file in storage (uploaded at seed time from emulator/assets/materials). */
const asset = (name: string) => seedFileId(`materials/${name}.svg`);

type Block = { type: 'heading' | 'paragraph' | 'quote'; text: string } | { type: 'image'; src: string; caption: string };
/** An article's image block: a seeded material image and its caption. */
const figure = (name: string, caption: string): Block => ({ type: 'image', src: asset(name), caption });
/** An article's quote block. */
const quote = (text: string): Block => ({ type: 'quote', text });
/** Paragraph blocks for plain strings; blocks (figures) pass as they are. */
const paragraphs = (...body: Array<string | Block>): Block[] => body.map((b) => (typeof b === 'string' ? { type: 'paragraph', text: b } : b));
/** An article's section: its heading, then its paragraphs and figures in order. */
const section = (heading: string, ...body: Array<string | Block>): Block[] => [{ type: 'heading', text: heading }, ...paragraphs(...body)];

export function seedBriefcase(now: Date): Record<string, SeedDoc[]> {
  /** A material published `daysAgo` days ago (the draft overrides that): its face (the cover is a material image's name) and its content. */
  const material = (_id: string, face: { title: string; summary?: string; cover: string; tags: string[]; productId: string | null }, content: Record<string, unknown>, daysAgo: number): SeedDoc => ({
    _id,
    ...face,
    cover: asset(face.cover),
    content,
    status: 'active',
    publishedAt: new Date(now.getTime() - daysAgo * DAY),
    createdAt: now,
    updatedAt: now,
  });
  const materials: SeedDoc[] = [
    material(
      MATERIAL_IDS.article,
      { title: '龙井怎么泡才不苦：三步冲泡法', summary: '水温、投茶量、出汤时间，一篇讲清楚', cover: 'article-tea', tags: ['冲泡', '绿茶'], productId: 'p01' },
      {
        kind: 'article',
        blocks: [
          ...section('第一步：水温 80–85℃', '明前龙井芽叶细嫩，沸水会烫熟茶叶，苦涩味就出来了。烧开后静置两三分钟再冲。', figure('leaf', '芽叶舒展的样子')),
          ...section('第二步：投茶 3 克，上投法', '先注水七分满，再把茶叶轻轻投入，看它慢慢沉下去。'),
          ...section('第三步：一分钟出汤', '第一泡一分钟，之后每泡多十秒。留三分之一茶汤续水，滋味更稳定。'),
          quote('好茶不贵，喝得放心。'),
        ],
      },
      6,
    ),
    material(MATERIAL_IDS.brochure, { title: '山野良品 2026 产品手册', summary: '全系产品、产地与规格一览', cover: 'brochure', tags: ['手册'], productId: null }, { kind: 'brochure', pages: [asset('page-1'), asset('page-2')], pdf: null }, 5),
    material(
      MATERIAL_IDS.case,
      { title: '客户案例：杭州王女士的办公室茶水间', summary: '从速溶咖啡到每日一壶好茶，团队下午茶的改变', cover: 'case-hz', tags: ['案例', '企业'], productId: 'p03' },
      {
        kind: 'case',
        customer: '杭州 王女士',
        blocks: [
          ...section('起因：下午三点的困', '王女士的设计工作室有 20 位同事，过去下午全靠速溶咖啡提神。咖啡喝多了心慌、睡不好，茶水间里堆满了空杯子，大家却还是一到下午就没精神。'),
          ...section(
            '选茶：一饼喝一个月',
            '我们推荐了三年陈的寿眉，煮着喝、泡着喝都行，一饼能喝一个月。第一周我们上门教了两次：一次大壶煮，一次盖碗泡，同事们自己选喜欢的喝法。',
            figure('leaf', '茶水间的新角落'),
            '茶水间添了一把电陶炉和两只大壶，每天午饭后煮上一壶，下午三点正好温热。不爱喝热茶的同事，就用冷泡瓶泡一整晚，第二天早上拿来就喝。',
          ),
          ...section('结果：复购和转介绍', '三个月后，团队每月固定复购两饼，还带来了隔壁两家公司。现在三家公司每月一起拼单，享受团购价，由王女士的助理统一收货。'),
          quote('同事们说，下午三点的那壶茶是一天里最放松的时候。'),
          ...paragraphs('如果你的团队也想试试，可以先从一饼寿眉开始：我们提供一次上门冲泡教学，喝得惯再长期订。'),
        ],
      },
      4,
    ),
    material(MATERIAL_IDS.video, { title: '走进茶园：春茶采摘实拍', summary: '3 分钟看一片叶子怎么变成一杯茶', cover: 'video-farm', tags: ['产地', '视频'], productId: 'p01' }, { kind: 'video', video: 'https://media.linkshelf.example/videos/spring-harvest.mp4', durationS: 180 }, 3),
    material(MATERIAL_IDS.testimonial, { title: '老客户说：枸杞泡水喝了一整年', cover: 'testimonial', tags: ['口碑'], productId: 'p07' }, { kind: 'testimonial', quote: '颗粒饱满、不粘手，泡出来的水是淡淡的甜。已经推荐给爸妈了。', by: '北京 刘先生' }, 2),
    material(MATERIAL_IDS.poster, { title: '618 茶礼季海报', cover: 'poster-618', tags: ['活动', '海报'], productId: null }, { kind: 'poster', image: asset('poster-618') }, 1),
    { ...material(MATERIAL_IDS.draft, { title: '秋季养生茶饮（草稿）', cover: 'leaf', tags: ['养生'], productId: null }, { kind: 'article', blocks: paragraphs('待补充。') }, 0), status: 'draft', publishedAt: null },
  ];
  return {
    materials,
    settings: [{ _id: 'alerts', dailyCap: 20, oaTemplateId: 'oa_tmpl_customer_activity', subscribeTemplateId: 'tmpl_customer_alert' }],
  };
}

const idOf = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 24);

/**
 * `npm start`'s demo activity: two customers of 李娜 and one each of 王强 and 赵敏, bound through a
 * share of their salesperson, each with a few visits (card, materials with time and depth,
 * products) over the last days; their summaries are the fold of those events (shared/customers).
 */
export function seedDemoActivity(now: Date): Record<string, SeedDoc[]> {
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const people = [
    { openid: 'o_demo_lin', name: '林小姐', salesId: 'o_sales_li', avatar: 'c2' },
    { openid: 'o_demo_zhou', name: '周先生', salesId: 'o_sales_li', avatar: 'c3' },
    { openid: 'o_demo_he', name: '何阿姨', salesId: 'o_sales_wang', avatar: 'c4' },
    { openid: 'o_demo_xu', name: '徐同学', salesId: 'o_sales_zhao', avatar: 'c1' },
  ];
  const users: SeedDoc[] = [];
  const events: SeedDoc[] = [];
  const summaries: SeedDoc[] = [];
  const notes: SeedDoc[] = [];
  people.forEach((p, i) => {
    const boundAt = ago(72 - i * 6);
    users.push({ _id: p.openid, role: 'customer', name: p.name, avatarFileId: seedFileId(`avatars/${p.avatar}.svg`), boundSalesId: p.salesId, boundAt, bindingRev: 1, bindingExpiresAt: null, protectedUntil: new Date(boundAt.getTime() + 7 * DAY), createdAt: boundAt });
    const base = { openid: p.openid, salesId: p.salesId };
    const visit = (type: 'card_viewed' | 'material_read' | 'product_viewed', hoursAgo: number, data: Record<string, unknown>, seconds: number, depth: number) =>
      ({ ...base, _id: idOf('demo', p.openid, type, String(hoursAgo)), type, at: ago(hoursAgo), data, seconds, depth, lastReportAt: ago(hoursAgo) }) as unknown as CustomerEvent;
    const mine: CustomerEvent[] = [
      { ...base, _id: idOf('demo', p.openid, 'share'), type: 'share_opened', at: boundAt, data: { shareId: `demo${i}`, targetType: 'card', targetId: p.salesId, bound: true } },
      visit('card_viewed', 70 - i * 6, { cardSalesId: p.salesId }, 35, 100),
      visit('material_read', 30 - i, { materialId: MATERIAL_IDS.case, title: '客户案例：杭州王女士的办公室茶水间', kind: 'case' }, 95 - i * 10, 100 - i * 15),
      visit('material_read', 5 + i, { materialId: MATERIAL_IDS.article, title: '龙井怎么泡才不苦：三步冲泡法', kind: 'article' }, 42 + i * 7, 80 - i * 10),
      visit('product_viewed', 4 + i, { productId: 'p01', title: '明前龙井 特级' }, 25, 60),
      visit('product_viewed', 2 + i, { productId: 'p01', title: '明前龙井 特级' }, 18, 40),
    ];
    const fold = summarize(mine);
    const stage = stageOf(fold);
    events.push(...(mine as unknown as SeedDoc[]).map((e) => ({ ...e, pending: false })));
    const reminder = i === 0 ? { salesId: p.salesId, noteId: idOf('demo-note', p.openid), text: '约周末去门店试茶', remindAt: ago(1) } : null;
    if (reminder) notes.push({ _id: reminder.noteId, openid: p.openid, salesId: p.salesId, text: reminder.text, remindAt: reminder.remindAt, at: ago(48) });
    summaries.push({
      _id: p.openid,
      openid: p.openid,
      salesId: p.salesId,
      ...fold,
      seen: mine.map((e) => e._id),
      stage,
      stageRank: stageRank(stage),
      manualTags: i === 0 ? ['茶友'] : [],
      reminder,
      ...(reminder ? { remindUntil: new Date(reminder.remindAt.getTime() + 7 * DAY) } : {}),
      createdAt: boundAt,
    });
  });
  return { users, customer_events: events, customer_summaries: summaries, customer_notes: notes };
}
