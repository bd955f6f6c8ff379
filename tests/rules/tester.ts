import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';

/** One invalid test case whose report carries an autofix or a suggestion, as the fix-safety test needs it. */
export interface FixCase {
  rule: string;
  ruleModule: RuleModule<string, readonly unknown[]>;
  /** The case's `name`, or `#<index>` among the rule's invalid cases. */
  name: string;
  code: string;
  /** The final autofix output (the last pass when `output` lists several), or undefined when the case has none. */
  output?: string;
  /** Every suggestion output, with the index of the error (in report order) that offered it. */
  suggestions: { error: number; messageId: string; output: string }[];
  /** The messageIds of the case's errors, in report order. */
  messageIds: string[];
  options?: readonly unknown[];
  filename?: string;
  settings?: Record<string, unknown>;
}

/**
 * Every invalid case with a fix, recorded as each rule test file calls `ruleTester().run(...)`,
 * so `tests/e2e/fix-safety.test.ts` checks the same cases without a second copy of them.
 */
export const fixCases: FixCase[] = [];

/*
 * Vitest gives each test file its own module graph, so this registry only sees the rule test
 * files imported by the same test file. The fix-safety test therefore calls `recordFixCasesOnly()`
 * and then dynamically imports the rule test files: their `run(...)` calls only record, and never
 * reach RuleTester's describe/it, so no rule test is registered (or run) a second time there.
 * A module-level flag rather than an environment variable: `process.env` is shared by every file
 * a worker runs, this module is not.
 */
let recordOnly = false;

/** Makes every later `run(...)` record its fix cases instead of defining tests. */
export function recordFixCasesOnly(): void {
  recordOnly = true;
}

function record(ruleName: string, rule: RuleModule<string, readonly unknown[]>, tests: RunTests<string, readonly unknown[]>): void {
  tests.invalid.forEach((test, index) => {
    if (test.skip) return;
    const output = Array.isArray(test.output) ? test.output.at(-1) : (test.output ?? undefined);
    const suggestions = test.errors.flatMap((error, errorIndex) =>
      (error.suggestions ?? []).map((s) => ({ error: errorIndex, messageId: s.messageId, output: s.output })),
    );
    if (output === undefined && suggestions.length === 0) return;
    fixCases.push({
      rule: ruleName,
      ruleModule: rule,
      name: test.name ?? `#${index}`,
      code: test.code,
      output,
      suggestions,
      messageIds: test.errors.map((e) => e.messageId),
      options: test.options,
      filename: test.filename,
      settings: test.settings as Record<string, unknown> | undefined,
    });
  });
}

class RecordingRuleTester extends RuleTester {
  override run<MessageIds extends string, Options extends readonly unknown[]>(
    ruleName: string,
    rule: RuleModule<MessageIds, Options>,
    tests: RunTests<NoInfer<MessageIds>, NoInfer<Options>>,
  ): void {
    record(ruleName, rule as never, tests as never);
    if (!recordOnly) super.run(ruleName, rule, tests);
  }
}

/** One RuleTester for every rule test: TypeScript parser, modules, JSX on. */
export function ruleTester(): RuleTester {
  return new RecordingRuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

/** Joins lines, so cases read like files and report lines are easy to count. */
export const lines = (...text: string[]): string => text.join('\n');
