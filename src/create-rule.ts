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

const namedRule = ESLintUtils.RuleCreator<LlmSecurityDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

/**
 * typescript-eslint's rule creator, with the defaulted options remembered per distinct set of
 * options: its `create` deep-clones the defaults for every file and rule, which shows in the
 * benchmark. The remembered options are frozen, since every file shares them.
 */
export const createRule: typeof namedRule = (rule) => {
  const created = namedRule(rule);
  const defaults = rule.meta.defaultOptions ?? rule.defaultOptions ?? [];
  type Options = Parameters<typeof rule.create>[1];
  const remembered = new Map<string, Options>();
  return {
    ...created,
    create(context) {
      const key = context.options.length === 0 ? '' : JSON.stringify(context.options);
      let options = remembered.get(key);
      if (options === undefined) {
        options = deepFreeze(ESLintUtils.applyDefault(defaults, context.options)) as Options;
        // A handful of option sets per rule in practice; the bound only guards against misuse.
        if (remembered.size < 64) remembered.set(key, options);
      }
      return rule.create(context, options);
    },
  };
};

function deepFreeze<V>(value: V): V {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
