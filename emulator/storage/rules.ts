/**
 * Storage security rules (database/storage-rules.json), evaluated the way CloudBase documents
 * them: `{read, write}`, each a boolean or an expression over `auth` ({openid} or null) and
 * `resource` ({openid, path}) with ==, !=, &&, ||, ! and regex literals' `.test(...)`.
 * Expressions are parsed by jsep (with its regex plugin) and evaluated over that whitelist only;
 * anything else is a rule error, which denies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsep from 'jsep';
import jsepRegex from '@jsep-plugin/regex';

jsep.plugins.register(jsepRegex);

export interface StorageRules {
  read: boolean | string;
  write: boolean | string;
}

export interface RuleInput {
  auth: { openid: string } | null;
  resource: { openid: string; path: string };
}

export function loadStorageRules(repoRoot: string): StorageRules {
  const raw = JSON.parse(readFileSync(join(repoRoot, 'database', 'storage-rules.json'), 'utf8')) as Partial<StorageRules>;
  const rules = { read: raw.read ?? false, write: raw.write ?? false };
  for (const rule of Object.values(rules)) if (typeof rule === 'string') jsep(rule); // a syntax error fails at start-up
  return rules as StorageRules;
}

export function allows(rules: StorageRules, op: 'read' | 'write', input: RuleInput): boolean {
  const rule = rules[op];
  if (typeof rule === 'boolean') return rule;
  try {
    return evaluate(jsep(rule), input) === true;
  } catch (err) {
    console.error(`[storage rules] ${op}: ${(err as Error).message}`);
    return false;
  }
}

type Node = jsep.Expression;

function evaluate(node: Node, input: RuleInput): unknown {
  switch (node.type) {
    case 'Literal':
      return (node as jsep.Literal).value;
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (name === 'auth') return input.auth;
      if (name === 'resource') return input.resource;
      throw new Error(`unknown variable ${name}`);
    }
    case 'MemberExpression': {
      const m = node as jsep.MemberExpression;
      if (m.computed) throw new Error('computed member access is not allowed');
      const obj = evaluate(m.object, input);
      const key = (m.property as jsep.Identifier).name;
      return obj && typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      if (u.operator !== '!') throw new Error(`operator ${u.operator} is not allowed`);
      return !evaluate(u.argument, input);
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      if (b.operator === '&&') return evaluate(b.left, input) === true && evaluate(b.right, input) === true;
      if (b.operator === '||') return evaluate(b.left, input) === true || evaluate(b.right, input) === true;
      const left = evaluate(b.left, input) ?? null;
      const right = evaluate(b.right, input) ?? null;
      if (b.operator === '==') return left === right;
      if (b.operator === '!=') return left !== right;
      throw new Error(`operator ${b.operator} is not allowed`);
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      const callee = c.callee as jsep.MemberExpression;
      const target = callee.type === 'MemberExpression' ? evaluate(callee.object, input) : undefined;
      if (!(target instanceof RegExp) || (callee.property as jsep.Identifier).name !== 'test' || c.arguments.length !== 1) {
        throw new Error('only /regex/.test(value) calls are allowed');
      }
      return target.test(String(evaluate(c.arguments[0], input) ?? ''));
    }
    default:
      throw new Error(`${node.type} is not allowed in a storage rule`);
  }
}
