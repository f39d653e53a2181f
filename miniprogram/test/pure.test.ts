import { shareIdFromQuery } from '../src/utils/share-query';
import { inviteCodeOf } from '../src/packageShop/join/invite-code';
import { parseYuan } from '../src/utils/money';
import { curateItems, moveItem, shelfIds } from '../src/packageSales/curate/items';
import type { Catalog } from '../src/services/api';
import { answersOf, toggleOption, unanswered, type AnswerSheet } from '../src/packageSales/quiz/answer-sheet';

const product = (id: string, onShelf: boolean): Catalog['products'][number] => ({
  id,
  title: id,
  subtitle: '',
  images: [],
  category: '',
  priceFen: 100,
  listPriceFen: 100,
  stock: 1,
  skus: [],
  badges: [],
  onShelf,
});

describe('curate', () => {
  const catalog: Catalog = {
    products: [product('p01', false), product('p02', true), product('p03', false), product('p04', true)],
    shelfProductIds: ['p04', 'p02', 'gone'],
  };
  it('puts the shelf first in the shelf order, then the rest in catalogue order; ignores ids no longer on sale', () => {
    const items = curateItems(catalog);
    expect(items.map((p) => [p.id, p.on])).toEqual([
      ['p04', true],
      ['p02', true],
      ['p01', false],
      ['p03', false],
    ]);
    expect(items[0]).not.toHaveProperty('onShelf');
    expect(shelfIds(items)).toEqual(['p04', 'p02']);
  });
  it('moves an item and saves the switched-on ones in list order', () => {
    let items = curateItems(catalog);
    items = items.map((p) => (p.id === 'p03' ? { ...p, on: true } : p));
    items = moveItem(items, 3, -1);
    items = moveItem(items, 2, -1);
    expect(shelfIds(items)).toEqual(['p04', 'p03', 'p02']);
    expect(moveItem(items, 0, -1)).toBe(items);
    expect(moveItem(items, 3, 1)).toBe(items);
  });
});

describe('parseYuan: the payout amount a person types', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.01', 1],
    [' 8 ', 800],
    ['1.234', null],
    ['-1', null],
    ['abc', null],
    ['', null],
    ['1e3', null],
  ])('%s → %s', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });
});

describe('parseYuan (prices typed in the back office)', () => {
  it.each([
    ['128', 12800],
    ['12.9', 1290],
    ['0.05', 5],
    [' 99.00 ', 9900],
  ])('%s → %i fen', (text, fen) => expect(parseYuan(text)).toBe(fen));
  it.each(['', '1.234', '-1', 'abc', '1e3', '¥12'])('%s → null', (text) => expect(parseYuan(text)).toBeNull());
});

describe('inviteCodeOf (the join page)', () => {
  it.each([
    [{ code: 'JoinTeamDemo' }, 'JoinTeamDemo'],
    [{ scene: 'JoinTeamDemo' }, 'JoinTeamDemo'],
    [{ scene: encodeURIComponent('JoinTeamDemo') }, 'JoinTeamDemo'],
    [{ code: 'short' }, ''],
    [{ scene: 's=abc' }, ''],
    [{}, ''],
  ])('%j → %s', (params, code) => expect(inviteCodeOf(params)).toBe(code));

  it('a 12-character invitation scene is never read as a share id', () => {
    expect(shareIdFromQuery({ scene: 'JoinTeamDemo' })).toBeUndefined();
    expect(shareIdFromQuery({ scene: 'k3Vq9ZtA' })).toBe('k3Vq9ZtA');
  });
});

describe('the quiz answer sheet', () => {
  const single = { questionId: 's', kind: 'single' as const };
  const multiple = { questionId: 'm', kind: 'multiple' as const };
  it('keeps one option for a single-choice question, toggles options of a multiple-choice one', () => {
    let sheet: AnswerSheet = {};
    sheet = toggleOption(sheet, single, 'a');
    sheet = toggleOption(sheet, single, 'b');
    sheet = toggleOption(sheet, multiple, 'x');
    sheet = toggleOption(sheet, multiple, 'y');
    sheet = toggleOption(sheet, multiple, 'x');
    expect(sheet).toEqual({ s: ['b'], m: ['y'] });
  });
  it('names the questions still unanswered, and submits answers in the quiz order', () => {
    const sheet: AnswerSheet = { m: [], s: ['a'] };
    expect(unanswered(sheet, [single, multiple]).map((q) => q.questionId)).toEqual(['m']);
    expect(answersOf({ m: ['y'], s: ['a'] }, [single, multiple])).toEqual([
      { questionId: 's', optionIds: ['a'] },
      { questionId: 'm', optionIds: ['y'] },
    ]);
  });
});
