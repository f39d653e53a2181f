/**
 * The contract (shared/contract) is the one source of every action's event and reply:
 *   - every deployed function implements exactly the actions its contract declares, each with
 *     the contract's input and reply schemas (so the app's types describe what runs);
 *   - a function without a reply schema for an action does not even start;
 *   - a reply that drifts from its schema (a missing, extra or mistyped field) leaves as INTERNAL,
 *     logged with the field — so every function test checks the contract for free.
 */
import { z } from 'zod';
import { action, defineFunction } from '../../cloudfunctions/_platform';
import { contract, defineContract } from '../../shared/contract';
import { instant } from '../../shared/contract/fields';
import { codeOf, functionNames, loadMain } from '../support/functions';

it('declares a contract for exactly the deployed functions', () => {
  expect(Object.keys(contract).sort()).toEqual(functionNames());
});

it.each(functionNames())('%s implements exactly its contract: same actions, the contract\'s reply schemas', (fn) => {
  const declared = contract[fn as keyof typeof contract] as Record<string, { input: z.ZodRawShape; reply: z.ZodType }>;
  const actions = loadMain(fn).actions ?? {};
  expect(Object.keys(actions).sort()).toEqual(Object.keys(declared).sort());
  for (const [name, described] of Object.entries(actions)) {
    expect([name, described.reply === declared[name].reply]).toEqual([name, true]);
    expect([name, Object.keys((described.schema as z.ZodObject).shape).sort()]).toEqual([name, ['action', ...Object.keys(declared[name].input)].sort()]);
  }
});

describe('a reply is checked against its schema before it leaves', () => {
  const demo = defineContract({
    get: { input: { id: z.string() }, reply: z.strictObject({ id: z.string(), at: instant, n: z.number().int() }) },
  });
  // A system action called as another function (the platform's caller, no user): no database read
  // happens before the use case.
  const asFunction = { environment: JSON.stringify({ TCB_SOURCE: 'scf' }) };
  const mainReturning = (data: unknown) => {
    const main = defineFunction('demo', { get: action(demo.get)({ access: 'system', run: async () => data as z.output<typeof demo.get.reply> }) });
    return (event: unknown) => main(event, asFunction);
  };
  const at = new Date('2026-06-01T02:00:00.000Z');
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  it('a reply that matches leaves as it is', async () => {
    const reply = await mainReturning({ id: 'a', at, n: 1 })({ action: 'get', id: 'a' });
    expect(reply).toEqual({ ok: true, data: { id: 'a', at, n: 1 } });
    expect(errors).not.toHaveBeenCalled();
  });

  it.each([
    ['a missing field', { id: 'a', at }, 'n'],
    ['an extra field', { id: 'a', at, n: 1, secret: 'x' }, 'secret'],
    ['a mistyped field', { id: 'a', at, n: 1.5 }, 'n'],
    ['an instant that is not a Date', { id: 'a', at: '2026-06-01', n: 1 }, 'at'],
  ])('%s → INTERNAL, logged with the field', async (_what, data, field) => {
    const reply = await mainReturning(data)({ action: 'get', id: 'a' });
    expect(codeOf(reply)).toBe('INTERNAL');
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0][1])).toContain(`does not match shared/contract (demo.get): ${field}`);
  });

  it('an action without a reply schema is refused when the function is defined', () => {
    const { reply: _none, ...withoutReply } = demo.get;
    const spec = { ...withoutReply, access: 'system' as const, run: async () => ({}) };
    expect(() => defineFunction('demo', { get: spec as never })).toThrow(/no reply schema for get/);
  });
});
