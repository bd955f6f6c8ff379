import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { objectParam, type ParamSource, type SourceModel } from './types.js';

/** `settings['llm-security'].sources.requestParams`: parameter names that are request objects anywhere. */
export const settingsParamsModel: SourceModel = {
  framework: 'settings',
  *find(context) {
    const names = new Set(context.settings.sources.requestParams);
    if (names.size === 0) return;
    for (const fn of context.index.functions) {
      const params = new Map<number, ParamSource>();
      fn.params.forEach((param, i) => {
        if (param.type === T.Identifier && names.has(param.name)) params.set(i, objectParam('express'));
      });
      if (params.size > 0) yield { fn, framework: 'settings', params };
    }
  },
};
