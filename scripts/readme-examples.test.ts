/** The README's ops-document examples stay valid: each is checked with the functions' own schemas. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPS_COLLECTIONS, checkOpsDocument, isOpsCollection } from '../shared/ops-documents';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Ops documents'), readme.indexOf('## Payments'));
const examples = [...section.matchAll(/^`(\w+)` —[^\n]*\n```json\n([\s\S]*?)```/gm)].map((m) => [m[1], m[2]] as const);
const ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

/** Content, not promotions: written from the back office and documented in docs/training.md and docs/briefcase.md. */
const CONTENT = ['courses', 'materials'];

it('shows an example of every ops collection but the content ones', () => {
  expect([...new Set(examples.map(([c]) => c))].sort()).toEqual(OPS_COLLECTIONS.filter((c) => !CONTENT.includes(c)).sort());
});

it.each(examples)('the %s example passes the schema the functions use', (collection, text) => {
  // Dates are typed as Date fields in the console; the example writes them as ISO strings.
  const doc = JSON.parse(text, (_k, v) => (typeof v === 'string' && ISO.test(v) ? new Date(v) : v));
  expect(isOpsCollection(collection)).toBe(true);
  if (isOpsCollection(collection)) expect(checkOpsDocument(collection, doc)).toEqual([]);
});
