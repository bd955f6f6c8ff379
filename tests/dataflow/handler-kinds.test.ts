import { describe, expect, it } from 'vitest';
import { sinkOrigins } from './harness.js';

/** Handler kinds found from how a framework registers or exports them, each with a near-miss twin. */
describe('handler kinds', () => {
  it('Remix and React Router actions and loaders: the request and the params', () => {
    const action = `import { json } from '@remix-run/node';
      export async function action({ request, params }) { const form = await request.formData(); sink([form.get('tone'), params.id]); }`;
    expect(sinkOrigins(action, { filename: 'app/routes/chat.tsx' })).toEqual(['args.request.formData() -> form', 'args.params.id']);
    expect(sinkOrigins(`export const loader = async ({ request }) => sink(new URL(request.url).searchParams.get('q'));`, { filename: 'app/routes/search.ts' })).toEqual([
      "args.request.url.searchParams.get('q')",
    ]);
    // The same export outside a route folder, in a module that is not a Remix or React Router module.
    expect(sinkOrigins(`export async function action({ request }) { sink(await request.json()); }`, { filename: 'src/lib/jobs.ts' })).toEqual([]);
    // `context` is the server's own.
    expect(sinkOrigins(`export async function loader({ context }) { sink(context.user.name); }`, { filename: 'app/routes/me.ts' })).toEqual([]);
  });

  it('SvelteKit: +server method exports, load, and form actions', () => {
    expect(sinkOrigins(`export const POST = async ({ request }) => { const { tone } = await request.json(); sink(tone); };`, { filename: 'src/routes/api/chat/+server.ts' })).toEqual([
      'event.request.json().tone',
    ]);
    expect(sinkOrigins(`export async function load({ url }) { sink(url.searchParams.get('q')); }`, { filename: 'src/routes/+page.server.ts' })).toEqual(["event.url.searchParams.get('q')"]);
    expect(
      sinkOrigins(`export const actions = { default: async ({ request }) => { const data = await request.formData(); sink(data.get('topic')); } };`, {
        filename: 'src/routes/+page.server.ts',
      }),
    ).toEqual(['event.request.formData() -> data']);
    // `+page.ts` runs in the browser too: not a server handler.
    expect(sinkOrigins(`export async function load({ url }) { sink(url.searchParams.get('q')); }`, { filename: 'src/routes/+page.ts' })).toEqual([]);
  });

  it('tRPC procedures: the input', () => {
    expect(sinkOrigins(`export const r = router({ ask: publicProcedure.input(z.object({ q: z.string() })).mutation(async ({ input, ctx }) => sink([input.q, ctx.user])) });`)).toEqual([
      'opts.input.q',
    ]);
    expect(sinkOrigins(`t.procedure.query((opts) => sink(opts.input));`)).toEqual(['opts.input']);
    // A resolver the procedure forwards its destructured input to is a handler too; `ctx` is not request data.
    expect(sinkOrigins(`async function resolve(ctx, input) { sink([input.q, ctx.user]); }
      t.procedure.input(schema).mutation(async ({ ctx, input }) => resolve(ctx, input));`)).toEqual(['input.q']);
    expect(sinkOrigins(`async function resolve(ctx, input) { sink(input.q); }
      t.procedure.input(schema).mutation(async ({ ctx, input }) => resolve(ctx, { q: 'fixed' }));`)).toEqual([]);
    // A query builder's `.query()` is not a procedure.
    expect(sinkOrigins(`db.select().from(users).query((rows) => sink(rows.input));`)).toEqual([]);
  });

  it('Fastify hooks: the request', () => {
    expect(sinkOrigins(`fastify.addHook('preHandler', async (request, reply) => { sink(request.headers.authorization); });`)).toEqual([
      'request.headers.authorization',
    ]);
    // An application-lifecycle hook gets no request.
    expect(sinkOrigins(`fastify.addHook('onReady', async (instance) => { sink(instance.body); });`)).toEqual([]);
  });

  it('NestJS guards and interceptors: the request behind the execution context', () => {
    const guard = `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
      @Injectable() export class KeyGuard implements CanActivate {
        canActivate(context: ExecutionContext) { const request = context.switchToHttp().getRequest(); sink(request.headers['x-api-key']); return true; } }`;
    expect(sinkOrigins(guard)).toEqual(['context.switchToHttp().getRequest().headers -> request.x-api-key']);
    const interceptor = `import { NestInterceptor, ExecutionContext, CallHandler } from '@nestjs/common';
      export class LogInterceptor implements NestInterceptor { intercept(context: ExecutionContext, next: CallHandler) { sink(context.switchToHttp().getRequest().body); return next.handle(); } }`;
    expect(sinkOrigins(interceptor)).toEqual(['context.switchToHttp().getRequest().body']);
    // A class with the same method that implements neither interface.
    expect(sinkOrigins(`import { Injectable } from '@nestjs/common';
      @Injectable() export class Rules { canActivate(context: ExecutionContext) { sink(context.switchToHttp().getRequest().body); return true; } }`)).toEqual([]);
  });
});
