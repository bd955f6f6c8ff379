import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../syntax/ast.js';
import { dataParam, objectParam, type ParamSource, type SourceModel } from './types.js';

/**
 * NestJS: controller and resolver parameters decorated with `@Body()`, `@Query()`,
 * `@Param()`, `@Headers()`, `@UploadedFile()`, GraphQL `@Args()`, gateway `@MessageBody()`
 * are request data; `@Req()`/`@Request()` are the Express request object. Guards'
 * `canActivate(context)` and interceptors' `intercept(context, next)` get the execution context,
 * whose `switchToHttp().getRequest()` is the request.
 */
const DATA_DECORATORS = new Set(['Body', 'Query', 'Param', 'Headers', 'UploadedFile', 'UploadedFiles', 'Args', 'MessageBody']);
const REQUEST_DECORATORS = new Set(['Req', 'Request']);
const RESPONSE_DECORATORS = new Set(['Res', 'Response']);
/** Methods of guards and interceptors, by the interface their class implements. */
const CONTEXT_METHODS: ReadonlyMap<string, string> = new Map([
  ['canActivate', 'CanActivate'],
  ['intercept', 'NestInterceptor'],
]);
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Sse', 'Query', 'Mutation', 'SubscribeMessage']);

function decoratorName(decorator: TSESTree.Decorator): string | null {
  const expression = decorator.expression;
  if (expression.type === T.CallExpression && expression.callee.type === T.Identifier) return expression.callee.name;
  return null;
}

function decoratorsOf(param: TSESTree.Parameter): readonly TSESTree.Decorator[] {
  if (param.type === T.TSParameterProperty) return param.decorators ?? [];
  return 'decorators' in param ? (param.decorators ?? []) : [];
}

export const nestjsModel: SourceModel = {
  framework: 'nestjs',
  // A controller method that forwards to a method of an injected service makes that method a handler.
  registers: /@(?:Body|Query|Param|Headers|Req|Request|Res|Get|Post|Put|Patch|Delete|All|Sse|Args|MessageBody)\s*\(/u,
  *find(context) {
    if (!context.imports('@nestjs/')) return;
    for (const fn of context.index.functions) {
      const method = fn.parent;
      if (method?.type !== T.MethodDefinition) continue;
      const params = new Map<number, ParamSource>();
      const responses = new Map<number, 'express-res'>();
      fn.params.forEach((param, i) => {
        for (const decorator of decoratorsOf(param)) {
          const name = decoratorName(decorator);
          if (name && DATA_DECORATORS.has(name)) params.set(i, dataParam(name.charAt(0).toLowerCase() + name.slice(1)));
          if (name && REQUEST_DECORATORS.has(name)) params.set(i, objectParam('express'));
          if (name && RESPONSE_DECORATORS.has(name)) responses.set(i, 'express-res');
        }
      });
      // `canActivate(context)` of a class that implements CanActivate, `intercept(context, next)` of a NestInterceptor.
      const contextMethod = CONTEXT_METHODS.get(method.key.type === T.Identifier ? method.key.name : '');
      const classNode = method.parent.parent;
      const implementsIt =
        contextMethod !== undefined &&
        (classNode.type === T.ClassDeclaration || classNode.type === T.ClassExpression) &&
        (classNode.implements ?? []).some((heritage) => heritage.expression.type === T.Identifier && heritage.expression.name === contextMethod);
      if (implementsIt && fn.params.length > 0) {
        yield { fn: fn as FunctionNode, framework: 'nestjs', params: new Map([[0, objectParam('nest-execution-context')]]) };
        continue;
      }
      // A route method's return value is the response body.
      const route = (method.decorators ?? []).some((d) => ROUTE_DECORATORS.has(decoratorName(d) ?? ''));
      if (params.size > 0 || responses.size > 0 || route) {
        yield { fn: fn as FunctionNode, framework: 'nestjs', params, responses, returnsToClient: route && responses.size === 0 };
      }
    }
  },
};
