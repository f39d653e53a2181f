/**
 * Issue 15, training and the customer's profile, in Chromium on the h5 build:
 *   ops publish a course with a quiz, required before the shelf goes live, in the console and
 *   assign it (training.assign) → the salesperson's shelf is not live (customers are told it is
 *   being prepared; the share centre says which course) → the salesperson studies a lesson,
 *   leaves, comes back to "continue" at the next lesson, finishes, fails the quiz once and passes
 *   it the second time → the shelf is live →
 *   the boss's training report shows the pass →
 *   a customer sets a nickname and an avatar (uploaded to storage) and the profile shows them.
 * Screenshots: e2e/screenshots/training-*.png. No browser console errors in any context.
 */
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { seedFileId } from '../emulator/seed/files';
import type { Reply } from '../shared/contract';
import { formatIssues, startE2E, type E2E, type Person } from './harness';

const COURSE = 'course_e2e';
const SALES = { name: 'zhao', openid: 'o_sales_zhao' };
const BOSS = { name: 'boss', openid: 'o_boss' };
const OPS = { name: 'ops', openid: 'o_ops' };
const CUSTOMER = { name: 'customer', openid: 'o_cust_2' };
const NICKNAME = '阿杰爱喝茶';

/** The course ops type into the console: two lessons, a two-question quiz that needs both right. */
function courseDoc(template: Record<string, unknown>): Record<string, unknown> {
  const { assignAll: _assignedToAllInTheDemo, ...rest } = template;
  return {
    ...rest,
    _id: COURSE,
    title: '销售话术入门',
    summary: '两节课 + 两道题，全对才算通过；学完货架才上线',
    status: 'published',
    requiredBeforeLive: true,
    lessons: [
      { lessonId: 'open', title: '开场白', minutes: 2, blocks: [{ kind: 'text', text: '先问候，再提产地：「这款龙井是今年明前的头采。」' }, { kind: 'image', src: seedFileId('products/p01.svg'), caption: '明前龙井' }] },
      { lessonId: 'close', title: '促成下单', minutes: 2, blocks: [{ kind: 'text', text: '用拼团和优惠券帮客户算一笔账，再发商品卡片。' }] },
    ],
    quiz: {
      passPercent: 100,
      questions: [
        { questionId: 'first', kind: 'single', text: '开场先讲什么？', options: [{ optionId: 'price', text: '价格', correct: false }, { optionId: 'origin', text: '产地', correct: true }] },
        {
          questionId: 'tools',
          kind: 'multiple',
          text: '促成下单可以用哪些工具？',
          options: [{ optionId: 'group', text: '拼团', correct: true }, { optionId: 'coupon', text: '优惠券', correct: true }, { optionId: 'nag', text: '反复催促', correct: false }],
        },
      ],
    },
  };
}

function avatarPng(): Buffer {
  const png = new PNG({ width: 64, height: 64 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([7, 193, 96, 255], i);
  return PNG.sync.write(png);
}

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();

describe('h5: training (publish → study → resume → quiz fail/pass → report) and the customer profile', () => {
  let e2e: E2E;
  let ops: Person;
  let sales: Person;
  let boss: Person;
  let customer: Person;

  beforeAll(async () => {
    e2e = await startE2E('training');
    ops = await e2e.person(OPS.name, OPS.openid, { desktop: true });
    sales = await e2e.person(SALES.name, SALES.openid);
    boss = await e2e.person(BOSS.name, BOSS.openid);
    customer = await e2e.person(CUSTOMER.name, CUSTOMER.openid);
  });

  afterAll(async () => {
    if (e2e) console.log(`training screenshots:\n  ${e2e.shots.join('\n  ')}`);
    await e2e?.close();
  });

  it('ops publish a required course with a quiz in the console and assign it: the shelf is not live yet', async () => {
    await ops.page.goto(`${e2e.cloud.url}/console`, { waitUntil: 'domcontentloaded' });
    // The console asks who you are: ops and boss personas only.
    await ops.page.locator(`[data-testid="console-signin-${OPS.openid}"]`).click();
    await ops.page.locator('[data-testid=console-who]').filter({ hasText: '运营' }).waitFor();
    await ops.page.locator('#collections li[data-collection=courses]').click();
    await ops.page.locator('#new-btn:not([disabled])').click();
    await ops.page.waitForFunction(() => (document.getElementById('editor') as HTMLTextAreaElement).value.includes('lessons'));
    const template = JSON.parse(await ops.page.locator('#editor').inputValue()) as Record<string, unknown>;
    await ops.page.locator('#editor').fill(JSON.stringify(courseDoc(template), null, 2));
    const [saved] = await Promise.all([
      ops.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/_emulator/console/docs/courses'), { timeout: 15000 }),
      ops.page.locator('#save').click(),
    ]);
    expect({ status: saved.status(), body: await saved.json() }).toMatchObject({ status: 200, body: { saved: true, id: COURSE, problems: [] } });
    await ops.page.locator(`#docs li[data-doc-id=${COURSE}]`).waitFor({ timeout: 15000 });
    await e2e.shot(ops.page, 'ops-console-course');

    const dueAt = new Date(e2e.cloud.now().getTime() + 7 * 86_400_000).toISOString();
    const assigned = await e2e.cloud.ok<Reply<'training', 'assign'>>('training', { action: 'assign', courseId: COURSE, salesIds: [SALES.openid], dueAt }, OPS.openid);
    expect(assigned).toMatchObject({ audience: 'list', assigned: 1, skipped: [] });

    // Customers opening the salesperson's shelf are told it is being prepared.
    expect(await e2e.cloud.call('shelf', { action: 'view', salesId: SALES.openid }, CUSTOMER.openid)).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    await customer.open('/pages/shelf/index', { salesId: SALES.openid });
    await customer.page.getByText('货架还在准备中').filter({ visible: true }).first().waitFor({ timeout: 20000 });
    await e2e.shot(customer.page, 'customer-shelf-not-live');
  });

  it('the salesperson studies the first lesson, leaves, and continues at the second', async () => {
    await sales.open('/packageSales/workbench/index');
    // The share centre says why the shelf is not live, and which course to finish.
    await visible(sales.page, '[data-testid=wb-share-centre][data-shelf-live="0"]').waitFor({ timeout: 20000 });
    const banner = visible(sales.page, '[data-testid=shelf-not-live]');
    await banner.waitFor({ timeout: 20000 });
    expect(await banner.textContent()).toContain('销售话术入门');
    await e2e.shot(sales.page, 'sales-workbench-not-live');
    await visible(sales.page, '[data-testid=wb-link-training]').click();
    const card = visible(sales.page, `[data-testid=course-card][data-course=${COURSE}]`);
    await card.waitFor({ timeout: 20000 });
    expect(await card.getAttribute('data-state')).toBe('not_started');
    await e2e.shot(sales.page, 'sales-course-list');
    await card.click();

    const resume = visible(sales.page, '[data-testid=course-resume]');
    await resume.waitFor({ timeout: 20000 });
    expect(await resume.getAttribute('data-lesson')).toBe('open');
    await resume.click();
    await visible(sales.page, '[data-testid=lesson][data-lesson=open]').waitFor({ timeout: 20000 });
    await sales.page.getByText('先问候，再提产地').filter({ visible: true }).first().waitFor();
    await e2e.shot(sales.page, 'sales-lesson-1');
    await visible(sales.page, '[data-testid=lesson-done]').click();
    // Marked done, on to the second lesson.
    await visible(sales.page, '[data-testid=lesson][data-lesson=close]').waitFor({ timeout: 20000 });

    // Leave, come back later: the course continues where they stopped.
    await sales.open('/pages/me/index');
    await sales.open('/packageSales/course/index', { id: COURSE });
    // A later visit starts the app again (a hash change alone may bring back the page it kept).
    await sales.page.reload({ waitUntil: 'domcontentloaded' });
    const again = visible(sales.page, '[data-testid=course-resume]');
    await again.waitFor({ timeout: 20000 });
    expect(await again.getAttribute('data-lesson')).toBe('close');
    expect(await visible(sales.page, '[data-testid=course-lesson][data-lesson=open]').getAttribute('data-done')).toBe('1');
    await e2e.shot(sales.page, 'sales-course-resume');
    await again.click();
    await visible(sales.page, '[data-testid=lesson][data-lesson=close]').waitFor({ timeout: 20000 });
    await visible(sales.page, '[data-testid=lesson-done]').click();
    // The last lesson goes back to the course: every lesson done, the quiz next.
    await visible(sales.page, '[data-testid=course-take-quiz]').waitFor({ timeout: 20000 });
    const { data } = await e2e.cloud.db.collection('training_progress').doc(`${COURSE}:${SALES.openid}`).get();
    expect(data[0]).toMatchObject({ doneLessonIds: ['open', 'close'], attemptCount: 0 });
  });

  it('fails the quiz once, passes it the second time', async () => {
    await visible(sales.page, '[data-testid=course-take-quiz]').click();
    const answer = async (questionId: string, ...optionIds: string[]) => {
      for (const o of optionIds) await visible(sales.page, `[data-testid=quiz-option-${questionId}-${o}]`).click();
    };
    await visible(sales.page, '[data-testid=quiz-question][data-question=first]').waitFor({ timeout: 20000 });
    await answer('first', 'origin');
    await answer('tools', 'group'); // one of two: wrong
    await visible(sales.page, '[data-testid=quiz-submit]').click();
    const result = visible(sales.page, '[data-testid=quiz-result]');
    await result.waitFor({ timeout: 20000 });
    expect([await result.getAttribute('data-passed'), await result.getAttribute('data-score')]).toEqual(['0', '50']);
    await e2e.shot(sales.page, 'sales-quiz-failed');

    await visible(sales.page, '[data-testid=quiz-retry]').click();
    await answer('first', 'origin');
    await answer('tools', 'group', 'coupon');
    await visible(sales.page, '[data-testid=quiz-submit]').click();
    await sales.page.waitForFunction(() => document.querySelector('[data-testid=quiz-result]')?.getAttribute('data-passed') === '1', undefined, { timeout: 20000 });
    expect(await visible(sales.page, '[data-testid=quiz-result]').getAttribute('data-score')).toBe('100');
    await e2e.shot(sales.page, 'sales-quiz-passed');

    const { data } = await e2e.cloud.db.collection('training_progress').doc(`${COURSE}:${SALES.openid}`).get();
    expect(data[0]).toMatchObject({ attemptCount: 2, bestScorePercent: 100, passedAt: expect.any(Date), completedAt: expect.any(Date) });
    expect(data[0].attempts.map((a: { scorePercent: number; passed: boolean }) => [a.scorePercent, a.passed])).toEqual([
      [50, false],
      [100, true],
    ]);
  });

  it('the course passed, the shelf is live: the customer sees it and the share centre no longer warns', async () => {
    expect(await e2e.cloud.call('shelf', { action: 'view', salesId: SALES.openid }, CUSTOMER.openid)).toMatchObject({ ok: true });
    await customer.open('/pages/shelf/index', { salesId: SALES.openid });
    await customer.page.reload({ waitUntil: 'domcontentloaded' });
    await customer.page.getByText('赵敏').filter({ visible: true }).first().waitFor({ timeout: 20000 });
    expect(await customer.page.getByText('货架还在准备中').filter({ visible: true }).count()).toBe(0);
    await e2e.shot(customer.page, 'customer-shelf-live');
    await sales.open('/packageSales/workbench/index');
    await sales.page.reload({ waitUntil: 'domcontentloaded' });
    await visible(sales.page, '[data-testid=wb-share-centre][data-shelf-live="1"]').waitFor({ timeout: 20000 });
    expect(await sales.page.locator('[data-testid=shelf-not-live]').count()).toBe(0);
  });

  it("the boss's training report shows the pass", async () => {
    const report = await e2e.cloud.ok<Reply<'training', 'report'>>('training', { action: 'report', courseId: COURSE }, BOSS.openid);
    expect(report.courses[0]).toMatchObject({ courseId: COURSE, assigned: 1, completed: 1, passed: 1, attempts: 2, averageBestScorePercent: 100 });
    await boss.open('/packageBoss/training-report/index');
    const row = visible(boss.page, `[data-testid=report-course][data-course=${COURSE}]`);
    await row.waitFor({ timeout: 20000 });
    expect([await row.getAttribute('data-assigned'), await row.getAttribute('data-completed'), await row.getAttribute('data-passed')]).toEqual(['1', '1', '1']);
    await row.click();
    const person = visible(boss.page, `[data-testid=report-person][data-sales=${SALES.openid}]`);
    await person.waitFor({ timeout: 20000 });
    expect([await person.getAttribute('data-passed'), await person.getAttribute('data-score'), await person.getAttribute('data-state')]).toEqual(['1', '100', 'completed']);
    await boss.page.getByText('已通过').filter({ visible: true }).first().waitFor();
    await e2e.shot(boss.page, 'boss-training-report');
  });

  it('a customer sets a nickname and an avatar (uploaded) and the profile shows them', async () => {
    await customer.open('/pages/me/index');
    await customer.page.reload({ waitUntil: 'domcontentloaded' });
    await visible(customer.page, '[data-testid=profile-edit]').click();
    await visible(customer.page, '[data-testid=profile-sheet]').waitFor({ timeout: 20000 });
    const chooser = customer.page.waitForEvent('filechooser', { timeout: 15000 });
    await visible(customer.page, '[data-testid=profile-avatar]').click();
    // On a phone, Taro's h5 picker first asks camera or album.
    const album = customer.page.getByText('从相册选择').filter({ visible: true }).first();
    if (await album.isVisible().catch(() => false)) await album.click();
    await (await chooser).setFiles({ name: 'avatar.png', mimeType: 'image/png', buffer: avatarPng() });
    // The picked image is uploaded to the customer's own folder and shown from storage.
    await customer.page.waitForFunction(() => !!(document.querySelector('[data-testid=profile-avatar-img] img, img[data-testid=profile-avatar-img]') as HTMLImageElement | null)?.src.includes('/_storage/'), undefined, { timeout: 20000 });
    await customer.page.locator('[data-testid=profile-nickname] input:visible').fill(NICKNAME);
    await visible(customer.page, '[data-testid=profile-save]').click();
    await customer.page.waitForFunction((name) => document.querySelector('[data-testid=me-nickname]')?.textContent?.includes(name), NICKNAME, { timeout: 20000 });

    const { data } = await e2e.cloud.db.collection('users').doc(CUSTOMER.openid).get();
    expect(data[0]).toMatchObject({ nickname: NICKNAME, avatarFileId: expect.stringMatching(new RegExp(`^cloud://.+/uploads/${CUSTOMER.openid}/avatar/`)) });

    // Reloaded, the profile shows them: the nickname, and the avatar from storage, loaded.
    await customer.page.reload({ waitUntil: 'domcontentloaded' });
    await customer.page.waitForFunction((name) => document.querySelector('[data-testid=me-nickname]')?.textContent?.includes(name), NICKNAME, { timeout: 20000 });
    await customer.page.waitForFunction(
      () => {
        const img = document.querySelector('[data-testid=me-avatar] img, img[data-testid=me-avatar]') as HTMLImageElement | null;
        return !!img && img.src.includes('/_storage/') && img.complete && img.naturalWidth === 64;
      },
      undefined,
      { timeout: 20000 },
    );
    await e2e.shot(customer.page, 'customer-profile');
  });

  it('had no browser console errors or page errors', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
