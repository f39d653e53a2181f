import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from './collections';

it('the store’s collection names are exactly database/collections.json', () => {
  const file = join(__dirname, '..', '..', 'database', 'collections.json');
  const declared = (JSON.parse(readFileSync(file, 'utf8')) as { collections: string[] }).collections;
  expect([...COLLECTIONS].sort()).toEqual([...declared].sort());
  expect(new Set(COLLECTIONS).size).toBe(COLLECTIONS.length);
});
