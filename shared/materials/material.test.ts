import { materialFiles, materialInputSchema, parseMaterial } from './material';
import { boundProgress, elapsedSeconds } from './progress';

const base = { _id: 'm1', title: 'T', cover: '/assets/materials/leaf.svg', tags: ['案例'], status: 'active' };

describe('material documents', () => {
  const valid: Array<[string, unknown]> = [
    ['an article of blocks', { kind: 'article', blocks: [{ type: 'heading', text: 'h' }, { type: 'paragraph', text: 'p' }, { type: 'image', src: 'cloud://env.b/materials/x.png' }, { type: 'quote', text: 'q' }] }],
    ['a brochure of pages', { kind: 'brochure', pages: ['/assets/materials/page-1.svg'], pdf: null }],
    ['a brochure as a PDF', { kind: 'brochure', pages: [], pdf: 'cloud://env.b/materials/x.pdf' }],
    ['a customer case', { kind: 'case', customer: '杭州 王女士', blocks: [{ type: 'paragraph', text: 'p' }] }],
    ['a video from storage', { kind: 'video', video: 'cloud://env.b/v.mp4' }],
    ['a video by https URL', { kind: 'video', video: 'https://media.example/v.mp4', durationS: 90 }],
    ['a testimonial', { kind: 'testimonial', quote: '好', by: '刘先生' }],
    ['a poster', { kind: 'poster', image: '/assets/materials/poster-618.svg' }],
  ];
  it.each(valid)('%s is valid', (_n, content) => {
    expect(parseMaterial({ ...base, content })).toMatchObject({ ok: true });
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['raw HTML is no block type', { content: { kind: 'article', blocks: [{ type: 'html', html: '<b>x</b>' }] } }, 'content.blocks.0'],
    ['an empty article', { content: { kind: 'article', blocks: [] } }, 'content.blocks'],
    ['a brochure with neither pages nor PDF', { content: { kind: 'brochure', pages: [], pdf: null } }, 'content'],
    ['a video over plain http', { content: { kind: 'video', video: 'http://media.example/v.mp4' } }, 'content.video'],
    ['a cover from another site', { cover: 'https://evil.example/x.png', content: { kind: 'poster', image: '/assets/x.svg' } }, 'cover'],
    ['an image path escaping assets', { content: { kind: 'poster', image: '/etc/passwd' } }, 'content.image'],
    ['an unknown kind', { content: { kind: 'podcast' } }, 'content.kind'],
    ['an unknown status', { status: 'published', content: { kind: 'poster', image: '/assets/x.svg' } }, 'status'],
    ['a tag with punctuation', { tags: ['a b!'], content: { kind: 'poster', image: '/assets/x.svg' } }, 'tags.0'],
  ];
  it.each(invalid)('%s is refused, naming the field', (_n, fields, field) => {
    const r = parseMaterial({ ...base, ...fields });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.some((p) => p.startsWith(field))).toBe(true);
  });

  it('what ops save has no status (setStatus sets it)', () => {
    expect(materialInputSchema.safeParse({ ...base, content: { kind: 'poster', image: '/assets/x.svg' } }).success).toBe(false);
  });

  it('lists every file a material refers to', () => {
    const r = parseMaterial({ ...base, content: { kind: 'article', blocks: [{ type: 'paragraph', text: 'p' }, { type: 'image', src: '/assets/a.svg' }] } });
    expect(r.ok && materialFiles(r.material)).toEqual(['/assets/materials/leaf.svg', '/assets/a.svg']);
  });
});

describe('read progress bounds', () => {
  const opened = new Date('2026-06-01T02:00:00Z');
  const later = (ms: number) => new Date(opened.getTime() + ms);
  it.each([
    [{ seconds: 30, depth: 50 }, 40_999, { seconds: 30, depth: 50 }],
    [{ seconds: 90, depth: 80 }, 40_999, { seconds: 40, depth: 80 }],
    [{ seconds: 5, depth: 10 }, -5_000, { seconds: 0, depth: 10 }],
  ])('report %j at +%d ms stores %j', (report, ms, stored) => {
    expect(boundProgress(report, opened, later(ms))).toEqual(stored);
  });
  it('elapsed time is whole seconds, never negative', () => {
    expect([elapsedSeconds(opened, later(999)), elapsedSeconds(opened, later(1000)), elapsedSeconds(opened, later(-1))]).toEqual([0, 1, 0]);
  });
});
