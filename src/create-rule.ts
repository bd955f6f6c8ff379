import { ESLintUtils } from '@typescript-eslint/utils';

/** The measurement categories of DESIGN.md's rule catalogue. */
export type RuleCategory =
  | 'prompt-injection'
  | 'raw-llm-output'
  | 'sensitive-logging'
  | 'error-exposure'
  | 'hardcoded-secret'
  | 'insecure-key-handling'
  | 'unauthenticated-llm-route'
  | 'unbounded-llm-call'
  | 'llm-output-to-dangerous-sink';

export interface LlmSecurityDocs {
  readonly description: string;
  /** The smallest config that turns the rule on: 'recommended' (also in strict and all) or 'strict' (also in all). */
  readonly recommended?: 'recommended' | 'strict';
  readonly category: RuleCategory;
  /** Whether the rule needs type information. Every rule here works on syntax alone. */
  readonly requiresTypeChecking: boolean;
  /** Options the `strict` and `all` configs set (e.g. `{ requireSanitizer: true }`). */
  readonly strictOptions?: readonly unknown[];
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-llm-security/eslint-plugin-llm-security';

export const createRule = ESLintUtils.RuleCreator<LlmSecurityDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
