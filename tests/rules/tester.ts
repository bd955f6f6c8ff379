import { RuleTester } from '@typescript-eslint/rule-tester';

/** One RuleTester for every rule test: TypeScript parser, modules, JSX on. */
export function ruleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

/** Joins lines, so cases read like files and report lines are easy to count. */
export const lines = (...text: string[]): string => text.join('\n');
