import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { headLoc } from './syntax/ast.js';

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
  | 'llm-output-to-dangerous-sink'
  | 'prompt-leakage';

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
 * typescript-eslint's rule creator without its per-file option defaulting: ESLint (9.15 and
 * later, the supported range) already merges `meta.defaultOptions` into `context.options`, and
 * the creator's deep clone of the defaults for every file and rule shows in the benchmark. Should
 * a runner not merge them (fewer options than defaults), they are merged here.
 */
export const createRule: typeof namedRule = (rule) => {
  const created = namedRule(rule);
  const defaults = rule.meta.defaultOptions ?? rule.defaultOptions ?? [];
  type Options = Parameters<typeof rule.create>[1];
  return {
    ...created,
    create(context) {
      const options = context.options.length >= defaults.length ? context.options : ESLintUtils.applyDefault(defaults, context.options);
      return rule.create(reportingAtHeads(context), options as Options);
    },
  };
};

/**
 * Every report on a node is drawn where DESIGN.md says ("Where each rule reports"): the node
 * when it fits on one line, otherwise its head (`res.status(500).json` of a multi-line call), never
 * a whole multi-line call. One place for every rule; a report that gives its own `loc` keeps it.
 */
function reportingAtHeads<C extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(context: C): C {
  const report = (descriptor: TSESLint.ReportDescriptor<string>) =>
    context.report('node' in descriptor && descriptor.node && !descriptor.loc ? { ...descriptor, loc: headLoc(descriptor.node as Parameters<typeof headLoc>[0]) } : descriptor);
  return Object.create(context, { report: { value: report } }) as C;
}
