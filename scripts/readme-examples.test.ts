/** The README's ops-document examples stay valid: each is checked with the functions' own schemas. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOpsDocument, isOpsCollection } from '../shared/ops-documents';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Ops documents'), readme.indexOf('## Payments'));
const examples = [...section.matchAll(/^`(\w+)` —[^\n]*\n```json\n([\s\S]*?)```/gm)].map((m) => [m[1], m[2]] as const);
const ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

it('shows an example of every ops collection', () => {
  expect(examples.map(([c]) => c).sort()).toEqual(['binding_policy', 'commission_plans', 'coupon_templates', 'experiments', 'group_deals', 'referral_programs']);
});

it.each(examples)('the %s example passes the schema the functions use', (collection, text) => {
  // Dates are typed as Date fields in the console; the example writes them as ISO strings.
  const doc = JSON.parse(text, (_k, v) => (typeof v === 'string' && ISO.test(v) ? new Date(v) : v));
  expect(isOpsCollection(collection)).toBe(true);
  if (isOpsCollection(collection)) expect(checkOpsDocument(collection, doc)).toEqual([]);
});
