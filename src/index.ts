import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { makeConfig } from './configs.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from './version.js';

const PREFIX = 'llm-security';

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: PREFIX },
  rules,
  configs: {} as Record<'recommended' | 'strict' | 'all', TSESLint.FlatConfig.Config>,
};

const asPlugin = plugin as unknown as TSESLint.FlatConfig.Plugin;
plugin.configs.recommended = makeConfig('recommended', asPlugin, rules, PREFIX);
plugin.configs.strict = makeConfig('strict', asPlugin, rules, PREFIX);
plugin.configs.all = makeConfig('all', asPlugin, rules, PREFIX);

export default plugin;
export type { LlmSecuritySettings, LlmWrapperSetting } from './settings.js';
