import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { alwaysExits, isFunction, keyName, unwrap, type Node } from '../syntax/ast.js';

/**
 * Checks that confine a value to the project's own values: `x === 'pirate'`, `TONES.includes(x)`,
 * `ALLOWED.has(x)`. Where such a check holds (inside its branch, or after `if (!check) return`),
 * a read of `x` is one of your values, whatever the client sent.
 */

/** Ancestors looked at for a guard around a read (statements and expressions, within its function). */
const MAX_GUARD_DEPTH = 24;

/** `x === 'lit'` or `'lit' !== x` (also numbers): the side that is compared and whether the test asks for equality. */
export function literalComparison(test: Node): { compared: Node; equal: boolean } | null {
  const value = test.type === T.ChainExpression ? test.expression : test;
  if (value.type !== T.BinaryExpression) return null;
  const equal = value.operator === '===' || value.operator === '==';
  if (!equal && value.operator !== '!==' && value.operator !== '!=') return null;
  const literal = (side: Node) => side.type === T.Literal && (typeof side.value === 'string' || typeof side.value === 'number');
  if (literal(value.right) && !literal(value.left as Node)) return { compared: value.left as Node, equal };
  if (literal(value.left as Node) && !literal(value.right)) return { compared: value.right, equal };
  return null;
}

/** `x === 'lit'` or `'lit' == x`: the side that is compared, or null. */
export function comparedToLiteral(test: Node): Node | null {
  const comparison = literalComparison(test);
  return comparison?.equal ? comparison.compared : null;
}

/** The conjuncts of a test (`a && b === 'x'`). */
export function conjuncts(test: Node, out: Node[] = []): Node[] {
  if (test.type === T.LogicalExpression && test.operator === '&&') {
    conjuncts(test.left, out);
    conjuncts(test.right, out);
  } else out.push(test);
  return out;
}

/** The list and the value of a `LIST.includes(value)` or `SET.has(value)` test. */
export function allowlistChecked(test: Node): { list: Node; value: Node } | null {
  const call = unwrap(test);
  if (call.type !== T.CallExpression || call.arguments.length !== 1) return null;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  const name = keyName(callee);
  if (name !== 'includes' && name !== 'has') return null;
  const argument = call.arguments[0];
  return argument.type === T.SpreadElement ? null : { list: callee.object, value: unwrap(argument) };
}

/** A value a test confines: its text, and the node compared (for the variable it reads and where). */
interface Checked {
  readonly text: string;
  readonly node: Node;
}

/** The values a test confines to your own values when it is true (`yes`) and when it is false (`no`). */
interface Confined {
  readonly yes: readonly Checked[];
  readonly no: readonly Checked[];
}

const NONE: readonly Checked[] = [];
const both = (a: readonly Checked[], b: readonly Checked[]) => (a.length === 0 ? a : a.filter((x) => b.some((y) => y.text === x.text)));
const either = (a: readonly Checked[], b: readonly Checked[]) => (a.length === 0 ? b : b.length === 0 ? a : [...a, ...b]);

/** The name a member chain starts from (`body` of `body.tone`), or null. */
function rootName(node: Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  while (current.type === T.MemberExpression) current = unwrap(current.object);
  return current.type === T.Identifier ? current : null;
}


/** What a test says of flags (`result.success`) when it holds (`yes`) and when it fails (`no`), by source text. */
interface Flags {
  readonly yes: ReadonlyMap<string, Flag>;
  readonly no: ReadonlyMap<string, Flag>;
}

interface Flag {
  readonly value: boolean;
  readonly node: Node;
}

const NO_FLAGS: ReadonlyMap<string, Flag> = new Map();
const merged = (a: ReadonlyMap<string, Flag>, b: ReadonlyMap<string, Flag>) => (a.size === 0 ? b : b.size === 0 ? a : new Map([...a, ...b]));

export class ValueGuards {
  private readonly tests = new WeakMap<Node, Confined>();
  private readonly flagTests = new WeakMap<Node, Flags>();
  private readonly blocks = new WeakMap<Node, readonly { readonly end: number; readonly checked: readonly Checked[] }[]>();

  /**
   * `clean(list)`: whether an allowlist holds only the project's own values (never what the client
   * sent); `variableOf` tells the variable a name reads, so that a check counts only for the same
   * variable, not written again between the check and the read.
   */
  constructor(
    private readonly sourceCode: TSESLint.SourceCode,
    private readonly clean: (list: Node) => boolean,
    private readonly variableOf: (identifier: TSESTree.Identifier) => TSESLint.Scope.Variable | null,
  ) {}

  /** Whether a check of `checked` covers a read of `node` with source text `text`. */
  private covers(checked: Checked, node: Node, text: string): boolean {
    if (checked.text !== text) return false;
    const root = rootName(node);
    const checkedRoot = rootName(checked.node);
    if (!root || !checkedRoot) return root === checkedRoot;
    const variable = this.variableOf(root);
    if (variable !== this.variableOf(checkedRoot)) return false;
    if (!variable) return true;
    const from = checked.node.range[1];
    const to = node.range[0];
    return !this.writesOf(variable).some((at) => at > from && at < to);
  }

  private readonly writes = new Map<TSESLint.Scope.Variable, readonly number[]>();

  /** Where a variable is written, read once per variable (reads after a check ask it each time). */
  private writesOf(variable: TSESLint.Scope.Variable): readonly number[] {
    let found = this.writes.get(variable);
    if (!found) {
      found = variable.references.filter((reference) => reference.isWrite()).map((reference) => reference.identifier.range[0]);
      this.writes.set(variable, found);
    }
    return found;
  }

  /**
   * Whether a read of `node` (a name or a member chain) sits where a check confines it: in the
   * branch of an `if`, a `?:`, an `&&` or an `||` where the check holds, or after an earlier
   * `if (…) return|throw` of an enclosing block that exits when it fails. Compared by source
   * text, within the enclosing function.
   */
  known(node: Node): boolean {
    let text: string | null = null;
    const matches = (checked: readonly Checked[]) =>
      checked.length > 0 && checked.some((check) => this.covers(check, node, (text ??= this.sourceCode.getText(node))));
    let child: Node = node;
    let parent = node.parent;
    for (let depth = 0; parent && depth < MAX_GUARD_DEPTH && !isFunction(parent); depth++) {
      if (parent.type === T.IfStatement || parent.type === T.ConditionalExpression) {
        if (parent.consequent === child && matches(this.confined(parent.test).yes)) return true;
        if (parent.alternate === child && matches(this.confined(parent.test).no)) return true;
      } else if (parent.type === T.LogicalExpression && parent.right === child) {
        if (parent.operator === '&&' && matches(this.confined(parent.left).yes)) return true;
        if (parent.operator === '||' && matches(this.confined(parent.left).no)) return true;
      } else if (parent.type === T.BlockStatement || parent.type === T.Program) {
        for (const exit of this.exitsOf(parent)) {
          if (exit.end <= child.range[0] && matches(exit.checked)) return true;
        }
      }
      child = parent;
      parent = parent.parent;
    }
    return false;
  }

  /**
   * What the checks around a read of `object` say of the flag `object.key` (`if (result.success)`,
   * `result.ok ? … : …`, after `if (!result.success) return`): true, false, or null when nothing
   * is known. Same rules as `known`: same variable, not written again since the check.
   */
  flagKnown(object: Node, key: string): boolean | null {
    // Only a name written once (its declaration) whose flag is never written: what the check saw is what the read gets.
    const root = unwrap(object);
    if (root.type !== T.Identifier) return null;
    const variable = this.variableOf(root);
    if (!variable || !this.flagSettled(variable, key)) return null;
    const text = `${this.flagText(object)}.${key}`;
    const told = (flags: ReadonlyMap<string, Flag>): boolean | null => {
      const flag = flags.get(text);
      return flag && this.covers({ text, node: flag.node }, object, text) ? flag.value : null;
    };
    return this.flagAround(object, told);
  }

  /**
   * What the checks around `at` say of a boolean variable (`if (healthy)`, `ok ? … : …`, after
   * `if (!healthy) return`): true, false, or null when nothing is known or it is written between
   * the check and `at`.
   */
  variableKnown(at: Node, variable: TSESLint.Scope.Variable): boolean | null {
    const told = (flags: ReadonlyMap<string, Flag>): boolean | null => {
      const flag = flags.get(variable.name);
      if (flag?.node.type !== T.Identifier || this.variableOf(flag.node) !== variable) return null;
      const from = flag.node.range[1];
      return this.writesOf(variable).some((write) => write > from && write < at.range[0]) ? null : flag.value;
    };
    return this.flagAround(at, told);
  }

  /**
   * Whether a check around `start` satisfies `accepts`, given whether the check holds there (the
   * test of an `if`, `?:`, `&&` or `||` it sits under) or fails there (an `else`, or an earlier
   * `if (…) return|throw` of an enclosing block), within its function.
   */
  someCheckAround(start: Node, accepts: (test: Node, holds: boolean) => boolean): boolean {
    let child: Node = start;
    let parent = start.parent;
    for (let depth = 0; parent && depth < MAX_GUARD_DEPTH && !isFunction(parent); depth++) {
      if (parent.type === T.IfStatement || parent.type === T.ConditionalExpression) {
        if (parent.consequent === child && accepts(parent.test, true)) return true;
        if (parent.alternate === child && accepts(parent.test, false)) return true;
      } else if (parent.type === T.LogicalExpression && parent.right === child) {
        if (parent.operator === '&&' && accepts(parent.left, true)) return true;
        if (parent.operator === '||' && accepts(parent.left, false)) return true;
      } else if (parent.type === T.BlockStatement || parent.type === T.Program) {
        for (const exit of this.earlyExits(parent)) {
          if (exit.range[1] > child.range[0]) break;
          if (accepts(exit.test, false)) return true;
        }
      }
      child = parent;
      parent = parent.parent;
    }
    return false;
  }

  /** The first thing the checks around `start` tell (`told`), walking out to its function. */
  private flagAround(start: Node, told: (flags: ReadonlyMap<string, Flag>) => boolean | null): boolean | null {
    let child: Node = start;
    let parent = start.parent;
    for (let depth = 0; parent && depth < MAX_GUARD_DEPTH && !isFunction(parent); depth++) {
      let found: boolean | null = null;
      if (parent.type === T.IfStatement || parent.type === T.ConditionalExpression) {
        if (parent.consequent === child) found = told(this.flags(parent.test).yes);
        else if (parent.alternate === child) found = told(this.flags(parent.test).no);
      } else if (parent.type === T.LogicalExpression && parent.right === child) {
        if (parent.operator === '&&') found = told(this.flags(parent.left).yes);
        if (parent.operator === '||') found = told(this.flags(parent.left).no);
      } else if (parent.type === T.BlockStatement || parent.type === T.Program) {
        for (const exit of this.earlyExits(parent)) {
          if (exit.range[1] > child.range[0]) break;
          found ??= told(this.flags(exit.test).no);
        }
      }
      if (found !== null) return found;
      child = parent;
      parent = parent.parent;
    }
    return null;
  }

  /** Whether a variable is written only where it is declared, and its field `key` never (`result.success = true`). */
  private flagSettled(variable: TSESLint.Scope.Variable, key: string): boolean {
    let writes = 0;
    for (const reference of variable.references) {
      if (reference.isWrite() && ++writes > 1) return false;
      const member = reference.identifier.parent;
      if (member?.type !== T.MemberExpression || member.object !== reference.identifier) continue;
      const assigned = member.parent;
      const target = (assigned?.type === T.AssignmentExpression && assigned.left === member) || (assigned?.type === T.UpdateExpression && assigned.argument === member);
      if (target && (member.computed || keyName(member) === key)) return false;
    }
    return true;
  }

  private readonly exitBlocks = new WeakMap<Node, readonly TSESTree.IfStatement[]>();

  /** The `if (…) return|throw` statements of a block (no else), in order, read once per block. */
  private earlyExits(block: TSESTree.BlockStatement | TSESTree.Program): readonly TSESTree.IfStatement[] {
    let found = this.exitBlocks.get(block);
    if (!found) {
      found = (block.body as TSESTree.Statement[]).filter((s): s is TSESTree.IfStatement => s.type === T.IfStatement && !s.alternate && alwaysExits(s.consequent));
      this.exitBlocks.set(block, found);
    }
    return found;
  }

  /** Source text with optional chaining read as plain member access (`result?.ok` is `result.ok`). */
  private flagText(node: Node): string {
    return this.sourceCode.getText(node).replace(/\?\./gu, '.');
  }

  private flags(test: Node): Flags {
    let found = this.flagTests.get(test);
    if (!found) {
      found = this.computeFlags(unwrap(test));
      this.flagTests.set(test, found);
    }
    return found;
  }

  private computeFlags(test: Node): Flags {
    if (test.type === T.UnaryExpression && test.operator === '!') {
      const inner = this.flags(test.argument);
      return { yes: inner.no, no: inner.yes };
    }
    if (test.type === T.LogicalExpression && test.operator === '&&') return { yes: merged(this.flags(test.left).yes, this.flags(test.right).yes), no: NO_FLAGS };
    if (test.type === T.LogicalExpression && test.operator === '||') return { yes: NO_FLAGS, no: merged(this.flags(test.left).no, this.flags(test.right).no) };
    const flag = (node: Node, value: boolean): Flags => {
      const text = this.flagText(node);
      return { yes: new Map([[text, { value, node }]]), no: new Map([[text, { value: !value, node }]]) };
    };
    const value = test.type === T.ChainExpression ? test.expression : test;
    if (value.type === T.MemberExpression || value.type === T.Identifier) return flag(value, true);
    if (value.type === T.BinaryExpression && ['===', '==', '!==', '!='].includes(value.operator)) {
      const literal = [value.left, value.right].find((side) => side.type === T.Literal && typeof side.value === 'boolean') as TSESTree.BooleanLiteral | undefined;
      const other = literal === value.left ? value.right : value.left;
      if (literal && (other.type === T.MemberExpression || other.type === T.Identifier || other.type === T.ChainExpression)) {
        const equal = value.operator === '===' || value.operator === '==';
        return flag(other as Node, literal.value === equal);
      }
    }
    return { yes: NO_FLAGS, no: NO_FLAGS };
  }

  /** The `if (…) return` statements of a block whose failing test confines a value, read once per block. */
  private exitsOf(block: TSESTree.BlockStatement | TSESTree.Program): readonly { readonly end: number; readonly checked: readonly Checked[] }[] {
    let found = this.blocks.get(block);
    if (!found) {
      const list: { end: number; checked: readonly Checked[] }[] = [];
      for (const statement of this.earlyExits(block)) {
        const checked = this.confined(statement.test).no;
        if (checked.length > 0) list.push({ end: statement.range[1], checked });
      }
      found = list;
      this.blocks.set(block, found);
    }
    return found;
  }

  private confined(test: Node): Confined {
    let found = this.tests.get(test);
    if (!found) {
      found = this.compute(unwrap(test));
      this.tests.set(test, found);
    }
    return found;
  }

  private compute(test: Node): Confined {
    if (test.type === T.UnaryExpression && test.operator === '!') {
      const inner = this.confined(test.argument);
      return { yes: inner.no, no: inner.yes };
    }
    if (test.type === T.LogicalExpression && (test.operator === '&&' || test.operator === '||')) {
      const left = this.confined(test.left);
      const right = this.confined(test.right);
      // `a && b` holds: both hold; fails: one of them fails. `a || b` the other way round.
      return test.operator === '&&'
        ? { yes: either(left.yes, right.yes), no: both(left.no, right.no) }
        : { yes: both(left.yes, right.yes), no: either(left.no, right.no) };
    }
    const comparison = literalComparison(test);
    if (comparison) {
      const compared = unwrap(comparison.compared);
      const checked = [{ text: this.sourceCode.getText(compared), node: compared }];
      return comparison.equal ? { yes: checked, no: NONE } : { yes: NONE, no: checked };
    }
    const check = allowlistChecked(test);
    if (check && this.clean(check.list)) return { yes: [{ text: this.sourceCode.getText(check.value), node: check.value }], no: NONE };
    return { yes: NONE, no: NONE };
  }
}
