import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearModuleAnalyses } from '../../src/dataflow/file-analysis.js';
import { clearModuleCache } from '../../src/program/modules.js';

/**
 * The whole-program model on fixture projects in tests/fixtures/program, linted through the
 * real ESLint class: handlers registered in another module are handlers in their own file, and
 * the flow is reported there once; near-miss twins (registered but safe, exported but never
 * registered, the same method name on an object no route registers) stay quiet.
 */
const root = path.resolve(import.meta.dirname, '../fixtures/program');

type Found = { at: string; rule: string; message: string };

// Workers take their options as JSON: a config file that loads the built plugin.
const work = mkdtempSync(path.join(tmpdir(), 'llm-program-'));
const configFile = path.join(work, 'eslint.config.mjs');
writeFileSync(configFile, `import plugin from ${JSON.stringify(pathToFileURL(path.resolve(import.meta.dirname, '../../dist/src/index.js')).href)};\nexport default [plugin.configs.recommended];\n`);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function lint(patterns: string[], options: { config?: Linter.Config; concurrency?: number } = {}): Promise<Found[]> {
  const eslint = options.concurrency
    ? new ESLint({ cwd: root, overrideConfigFile: configFile, concurrency: options.concurrency })
    : new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [(options.config ?? plugin.configs.recommended) as Linter.Config] });
  const results = await eslint.lintFiles(patterns);
  for (const result of results) expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return results.flatMap((r) =>
    r.messages.map((m) => ({ at: `${path.relative(root, r.filePath)}:${m.line}`, rule: m.ruleId!.replace('llm-security/', ''), message: m.message })),
  );
}

const where = (found: Found[]) => found.map((f) => `${f.at} ${f.rule}`).sort();

function forget(): void {
  clearModuleAnalyses();
  clearModuleCache();
}

const REGISTERED_ELSEWHERE = [
  'express-controllers/src/controllers/chat.ts:11 no-user-input-in-system-prompt',
  'express-controllers/src/controllers/coach.ts:9 no-user-input-in-system-prompt',
  'express-controllers/src/controllers/persona.ts:8 no-user-input-in-system-prompt',
  'express-controllers/src/controllers/reviews.ts:10 no-user-input-in-system-prompt',
  'express-controllers/src/controllers/typed.ts:15 no-user-input-in-system-prompt',
  'hono-routes/src/routes/alias.ts:13 no-user-input-in-system-prompt',
  'hono-routes/src/routes/ask.ts:12 no-user-input-in-system-prompt',
  'hono-routes/src/routes/summary.ts:11 no-user-input-in-system-prompt',
];

/** Shapes of calls through the project's own abstractions: lists passed to a wrapper, responses handed to a helper. */
const WRAPPERS = [
  'wrappers/src/relay.ts:31 no-raw-llm-response',
  'wrappers/src/server.ts:10 no-user-input-in-system-prompt',
  'wrappers/src/server.ts:18 no-user-input-in-system-prompt',
  'wrappers/src/server.ts:42 no-raw-llm-response',
  'wrappers/src/server.ts:46 no-raw-llm-response',
];

describe('handlers registered in another module, or typed with a project alias of a framework type', () => {
  it('reports the flow in the handler file, once, and keeps the twins quiet', async () => {
    forget();
    expect(where(await lint(['hono-routes/**/*.ts', 'express-controllers/**/*.ts']))).toEqual(REGISTERED_ELSEWHERE);
  });

  it('names the framework part the data came from', async () => {
    forget();
    const found = await lint(['hono-routes/src/routes/ask.ts', 'express-controllers/src/controllers/persona.ts']);
    expect(found.map((f) => f.message).sort()).toEqual([
      "Request data 'c.req.json().tone' (line 7) reaches the system message of openai chat.completions.create; send it as a separate user message.",
      "Request data 'req.query.character' (line 8) reaches the system prompt of ai generateText; send it as a separate user message.",
    ]);
  });

  it('finds the same flows whichever file is linted first, alone or in workers', async () => {
    forget();
    const handlersFirst = [];
    for (const file of REGISTERED_ELSEWHERE.map((line) => line.split(':')[0])) handlersFirst.push(...(await lint([file])));
    forget();
    const registrationsFirst = [...(await lint(['hono-routes/src/server.ts', 'express-controllers/src/app.ts'])), ...(await lint(['hono-routes/**/*.ts', 'express-controllers/**/*.ts']))];
    expect(where(handlersFirst)).toEqual(REGISTERED_ELSEWHERE);
    expect(where(registrationsFirst)).toEqual(REGISTERED_ELSEWHERE);
    forget();
    expect(where(await lint(['hono-routes/**/*.ts', 'express-controllers/**/*.ts'], { concurrency: 2 }))).toEqual(REGISTERED_ELSEWHERE);
  });

  it('finds nothing in those files with crossFile: false', async () => {
    forget();
    const config = { ...plugin.configs.recommended, settings: { 'llm-security': { crossFile: false } } } as Linter.Config;
    // A local interface that extends express's Request needs no other module.
    expect(where(await lint(['hono-routes/**/*.ts', 'express-controllers/**/*.ts'], { config }))).toEqual(['express-controllers/src/controllers/typed.ts:15 no-user-input-in-system-prompt']);
  });
});

describe('NestJS controllers that forward to an injected service', () => {
  const NEST = ['nest-services/src/chat.service.ts:19 no-user-input-in-system-prompt', 'nest-services/src/chat.service.ts:41 no-raw-llm-response'];

  it('makes the service method a handler and reports in the service, once, whichever file is linted', async () => {
    forget();
    expect(where(await lint(['nest-services/**/*.ts']))).toEqual(NEST);
    forget();
    expect(where(await lint(['nest-services/src/chat.service.ts']))).toEqual(NEST);
    forget();
    // The controller only forwards: its return of the service's value is not reported again.
    expect(where(await lint(['nest-services/src/chat.controller.ts']))).toEqual([]);
    forget();
    expect(where(await lint(['nest-services/**/*.ts'], { concurrency: 2 }))).toEqual(NEST);
  });
});

describe('instances kept in a Map or reached through an accessor', () => {
  const MAPS = [
    'provider-maps/src/drafters.ts:11 no-user-input-in-system-prompt',
    'provider-maps/src/drafters.ts:21 no-user-input-in-system-prompt',
    'provider-maps/src/hub.ts:10 no-user-input-in-system-prompt',
  ];
  // A singleton handed out by its static accessor (`TripCoordinator.getInstance()`): its error field reaches the response; its plan field is the twin.
  const SINGLETON = 'provider-maps/src/server.ts:31 no-error-details-in-response';

  it("follows map.get(k).method() to each class the Map holds, getHub().field.method() to the field's class, and a singleton's static accessor to its class", async () => {
    forget();
    const found = await lint(['provider-maps/**/*.ts']);
    expect(where(found)).toEqual([...MAPS, SINGLETON]);
    expect(found.find((f) => f.at === 'provider-maps/src/server.ts:31')?.message).toContain('via message -> TripCoordinator.planTrip() in provider-maps/src/coordinator.ts:13 -> result.warnings');
    expect(found.find((f) => f.at === 'provider-maps/src/hub.ts:10')?.message).toContain(
      "Request data 'req.body.topic' (line 20 of provider-maps/src/server.ts) reaches the system message of openai chat.completions.create via composeNote()",
    );
  });

  it('finds the same when only the modules with the SDK calls are linted, and in workers', async () => {
    forget();
    expect(where(await lint(['provider-maps/src/drafters.ts', 'provider-maps/src/hub.ts']))).toEqual(MAPS);
    forget();
    expect(where(await lint(['provider-maps/**/*.ts'], { concurrency: 2 }))).toEqual([...MAPS, SINGLETON]);
    forget();
    expect(where(await lint(['provider-maps/src/server.ts']))).toEqual([SINGLETON]);
  });
});

describe('fields of results made in another module', () => {
  // The success field (`out.record`), the upstream reply, the label and the request's method stay quiet; their twins are reported.
  const FIELDS = [
    'result-fields/src/assistant.ts:16 no-user-input-in-system-prompt',
    'result-fields/src/server.ts:15 no-sensitive-logging',
    'result-fields/src/server.ts:22 no-error-details-in-response',
    'result-fields/src/server.ts:8 no-error-details-in-response',
  ];

  it('a read of one field of a result gets only what the function put in that field, and a helper replays its method calls', async () => {
    forget();
    const found = await lint(['result-fields/**/*.ts']);
    expect(where(found)).toEqual(FIELDS);
    expect(found.find((f) => f.at === 'result-fields/src/assistant.ts:16')?.message).toContain("Request data 'c.req.json()' (line 9) reaches the system message");
    expect(found.find((f) => f.at === 'result-fields/src/server.ts:15')?.message).toContain("'req.body.question' (line 13) via forward() in result-fields/src/tasks.ts:14 -> meta.question");
  });

  it('finds the same with the server linted alone, in the other order, and in workers', async () => {
    forget();
    expect(where(await lint(['result-fields/src/server.ts', 'result-fields/src/assistant.ts']))).toEqual(FIELDS);
    forget();
    expect(where(await lint(['result-fields/src/tasks.ts', 'result-fields/src/db.ts', 'result-fields/src/context-reads.ts', 'result-fields/src/server.ts', 'result-fields/src/assistant.ts']))).toEqual(FIELDS);
    forget();
    expect(where(await lint(['result-fields/**/*.ts'], { concurrency: 2 }))).toEqual(FIELDS);
  });
});

describe('values through generators, piped streams and a promise body reader in other modules', () => {
  // Text deltas, a body's length and a constant persona stay quiet; raw chunks, the logged body and the client's persona are reported.
  const STEPS = [
    'value-steps/src/llm/stream.ts:12 no-user-input-in-system-prompt',
    'value-steps/src/server.ts:10 no-sensitive-logging',
    'value-steps/src/server.ts:12 no-raw-llm-response',
    'value-steps/src/server.ts:17 no-raw-llm-response',
  ];

  it('follows a body read by a promise helper into a generator, and the generator\'s chunks back to the response', async () => {
    forget();
    const found = await lint(['value-steps/**/*.ts']);
    expect(where(found)).toEqual(STEPS);
    expect(found.find((f) => f.at === 'value-steps/src/llm/stream.ts:12')?.message).toContain("Request data 'req body' (line 8 of value-steps/src/server.ts)");
    expect(found.find((f) => f.at === 'value-steps/src/server.ts:17')?.message).toContain('through pipe(res) via stream -> chunk -> answerChunks()');
  });

  it('finds the same with modules linted one at a time in either order, and in workers', async () => {
    forget();
    expect(where(await lint(['value-steps/src/server.ts', 'value-steps/src/llm/stream.ts']))).toEqual(STEPS);
    forget();
    expect(where(await lint(['value-steps/src/llm/stream.ts', 'value-steps/src/http/body.ts', 'value-steps/src/server.ts']))).toEqual(STEPS);
    forget();
    expect(where(await lint(['value-steps/**/*.ts'], { concurrency: 2 }))).toEqual(STEPS);
  });
});

describe('routes whose LLM call and whose evidence of auth sit in other modules', () => {
  const AUTH = [
    'route-auth-express-open/src/routes/assistant.ts:10 require-auth-on-llm-routes',
    'route-auth-express-open/src/routes/koa-assistant.ts:11 require-auth-on-llm-routes',
    'route-auth-fastify/src/routes/bot/root.ts:5 require-auth-on-llm-routes',
    'route-auth-nest-partial/src/digest/digest.controller.ts:8 require-auth-on-llm-routes',
    'route-auth-nest/src/digest/digest.controller.ts:8 require-auth-on-llm-routes',
  ];
  const authOnly = (found: Found[]) => where(found.filter((f) => f.rule === 'require-auth-on-llm-routes'));

  it('reports an unguarded route that reaches an LLM call in a service or an imported handler, where another module guards its routes', async () => {
    forget();
    const found = await lint(['route-auth-*/**/*.ts']);
    expect(authOnly(found)).toEqual(AUTH);
    // The message names the module of the LLM call and the guarded route it takes as evidence.
    expect(found.find((f) => f.at.startsWith('route-auth-nest/'))?.message).toContain(
      "reaches openai chat.completions.create (DigestService.digestText() at route-auth-nest/src/digest/digest.service.ts:9) with no auth step, while GET '/auth/profile' (route-auth-nest/src/auth/auth.controller.ts:12) is guarded",
    );
  });

  it('finds the same whichever file is linted, alone or in workers', async () => {
    for (const file of AUTH.map((line) => line.split(':')[0])) {
      forget();
      expect(authOnly(await lint([file]))).toEqual(AUTH.filter((line) => line.startsWith(file)));
    }
    forget();
    expect(authOnly(await lint(['route-auth-*/**/*.ts'], { concurrency: 2 }))).toEqual(AUTH);
  });

  it('stays quiet under a global guard, an app-level hook or a mount behind auth in another module, and with crossFile: false', async () => {
    forget();
    expect(authOnly(await lint(['route-auth-nest-global/**/*.ts', 'route-auth-nest-middleware/**/*.ts', 'route-auth-fastify-hooked/**/*.ts', 'route-auth-express-mounted/**/*.ts']))).toEqual([]);
    forget();
    // The router's own file, linted alone, still sees the module that mounts it.
    expect(authOnly(await lint(['route-auth-express-mounted/src/routes/assistant.ts', 'route-auth-express-mounted/src/routes/koa-assistant.ts']))).toEqual([]);
    forget();
    const config = { ...plugin.configs.recommended, settings: { 'llm-security': { crossFile: false } } } as Linter.Config;
    // Without other modules only a router's own evidence is read, and the module that mounts it behind auth is not.
    expect(authOnly(await lint(['route-auth-*/**/*.ts'], { config }))).toEqual([
      'route-auth-express-mounted/src/routes/assistant.ts:10 require-auth-on-llm-routes',
      'route-auth-express-mounted/src/routes/koa-assistant.ts:11 require-auth-on-llm-routes',
      'route-auth-express-open/src/routes/assistant.ts:10 require-auth-on-llm-routes',
      'route-auth-express-open/src/routes/koa-assistant.ts:11 require-auth-on-llm-routes',
    ]);
  });
});

describe('clients injected through a constructor', () => {
  it('take their SDK from the places that construct the class, and keep twins quiet', async () => {
    const found = 'injected-clients/src/assistant.ts:9 no-user-input-in-system-prompt';
    forget();
    // Quiet: fixed instructions (plain), and a class constructed with the project's own template engine (Renderer).
    expect(where(await lint(['injected-clients/**/*.ts']))).toEqual([found]);
    forget();
    expect(where(await lint(['injected-clients/src/assistant.ts']))).toEqual([found]);
    forget();
    expect(where(await lint(['injected-clients/**/*.ts'], { concurrency: 2 }))).toEqual([found]);
  });
});

describe('apps made in another module', () => {
  it('takes the framework from the module that makes the app: a factory, an imported router', async () => {
    forget();
    expect(where(await lint(['app-factories/**/*.ts']))).toEqual([
      'app-factories/src/routes/chat.ts:12 no-user-input-in-system-prompt',
      'app-factories/src/routes/notes.ts:11 no-user-input-in-system-prompt',
    ]);
  });
});

/** Calls on objects the engine cannot tell (decorated services, a parameter typed with an abstract class), linked by method name. */
const INJECTED = [
  'injected/src/routes/ask.ts:14 no-user-input-in-system-prompt',
  'injected/src/routes/ask.ts:23 no-user-input-in-system-prompt',
  'injected/src/routes/ask.ts:41 no-raw-llm-response',
];

describe('calls through the project\'s own abstractions', () => {
  it('reads the roles of a list that a wrapper passes on to the SDK where the caller writes it', async () => {
    forget();
    const found = await lint(['wrappers/**/*.ts']);
    expect(where(found)).toEqual(WRAPPERS);
    expect(found.find((f) => f.at === 'wrappers/src/server.ts:10')?.message).toBe(
      "Request data 'req.body.rules' (line 10) reaches the system message of openai chat.completions.create via ask() in wrappers/src/llm.ts:8; send it as a separate user message.",
    );
    expect(found.find((f) => f.at === 'wrappers/src/server.ts:18')?.message).toContain('via askWithRetry() in wrappers/src/llm.ts:13 -> ask() in wrappers/src/llm.ts:8');
  });

  it('follows a method called on what a factory returns to each class it may return', async () => {
    forget();
    const found = await lint(['providers/**/*.ts']);
    expect(where(found)).toEqual([
      'providers/src/providers/anthropic-provider.ts:10 no-user-input-in-system-prompt',
      'providers/src/providers/openai-provider.ts:11 no-user-input-in-system-prompt',
    ]);
    expect(found.find((f) => f.at === 'providers/src/providers/anthropic-provider.ts:10')?.message).toBe(
      "Request data 'req.body.persona' (line 9 of providers/src/server.ts) reaches the system prompt of anthropic messages.create via complete() at providers/src/server.ts:9; send it as a separate user message.",
    );
  });

  it('follows a provider kept in a field (initialized there or in the constructor) to its methods', async () => {
    forget();
    const found = await lint(['provider-fields/**/*.ts']);
    // Only ChatService.ask passes request data (into the system side); DraftService passes only the question.
    expect(where(found)).toEqual([
      'provider-fields/src/providers/anthropic-provider.ts:10 no-user-input-in-system-prompt',
      'provider-fields/src/providers/openai-provider.ts:11 no-user-input-in-system-prompt',
    ]);
    expect(found.find((f) => f.at === 'provider-fields/src/providers/openai-provider.ts:11')?.message).toContain(
      "Request data 'req.body.persona' (line 11 of provider-fields/src/server.ts) reaches the system message of openai chat.completions.create via ask() at provider-fields/src/server.ts:11 -> complete() at provider-fields/src/chat-service.ts:8",
    );
  });

  it('links a method called on an object it cannot tell to the one project function with an SDK call stored under that name', async () => {
    forget();
    const found = await lint(['injected/**/*.ts']);
    // Quiet twins: constant instructions (/plain), the user message only (/headline), a name that a
    // class without a model call also carries (/format), two classes that disagree (/summary), text only (/draft-text).
    expect(where(found)).toEqual(INJECTED);
    expect(found.find((f) => f.at === 'injected/src/routes/ask.ts:14')?.message).toBe(
      "Request data 'request.body.persona' (line 13) reaches the system message of openai chat.completions.create via AssistantService.brief() in injected/src/services/assistant.ts:7; send it as a separate user message.",
    );
    // Through a pipeline that calls `opts.model.generate` on the project's abstract class: both subclasses agree.
    expect(found.find((f) => f.at === 'injected/src/routes/ask.ts:23')?.message).toContain('via answer() in injected/src/pipeline.ts:8 -> AnthropicModel.generate() in injected/src/models/anthropic-model.ts:7');
  });

  it('reports a flow through a call linked by name at the caller, whichever file is linted and in workers', async () => {
    forget();
    expect(where(await lint(['injected/src/routes/ask.ts']))).toEqual(INJECTED);
    forget();
    expect(where(await lint(['injected/src/pipeline.ts', 'injected/src/models/*.ts', 'injected/src/services/*.ts']))).toEqual([]);
    forget();
    expect(where(await lint(['injected/**/*.ts'], { concurrency: 2 }))).toEqual(INJECTED);
  });

  it('links nothing by name with crossFile: false', async () => {
    forget();
    const config = { ...plugin.configs.recommended, settings: { 'llm-security': { crossFile: false } } } as Linter.Config;
    expect(where(await lint(['injected/**/*.ts'], { config }))).toEqual([]);
  });

  it('reports, at the route, what a helper handed the response sends of its own', async () => {
    forget();
    const found = await lint(['wrappers/src/server.ts']);
    expect(found.find((f) => f.at === 'wrappers/src/server.ts:42')?.message).toBe(
      'The raw result of openai chat.completions.create (line 11 of wrappers/src/relay.ts) is sent to the client through res.json (relay() in wrappers/src/relay.ts:10) via completion; it carries ids, usage, tool calls and reasoning. Send only the text.',
    );
    expect(found.filter((f) => f.rule === 'no-raw-llm-response').map((f) => `${f.at} ${f.message}`)).toEqual([
      expect.stringMatching(/^wrappers\/src\/server\.ts:42 .*res\.json \(relay\(\) in wrappers\/src\/relay\.ts:10\)/u),
      expect.stringMatching(/^wrappers\/src\/server\.ts:46 .*res\.json \(relayVia\(\) in wrappers\/src\/relay\.ts:20 -> relay\(\) in wrappers\/src\/relay\.ts:10\)/u),
    ]);
  });
});

describe('an editor session', () => {
  it('sees the handler file\'s findings change after the registering module is edited, once the pause has passed', async () => {
    forget();
    const project = path.join(work, 'editor');
    cpSync(path.join(root, 'express-controllers'), project, { recursive: true });
    const app = path.join(project, 'src/app.ts');
    const registered = readFileSync(app, 'utf8');
    const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as Linter.Config] });
    const findings = async () => (await eslint.lintFiles(['src/controllers/chat.ts'])).flatMap((r) => r.messages.map((m) => `${m.line} ${m.ruleId}`));
    const edit = async (text: string, mtime: number) => {
      writeFileSync(app, text);
      utimesSync(app, mtime, mtime);
      await new Promise((resolve) => setTimeout(resolve, 1100));
    };
    expect(await findings()).toEqual(['11 llm-security/no-user-input-in-system-prompt']);
    // The route now answers by itself and only logs the controller: its method is no longer a handler.
    await edit(registered.replace("router.post('/chat', chatController.create);", "router.post('/chat', (req, res) => res.json({ moved: true }));\nconsole.log(chatController);"), 1_700_000_100);
    expect(await findings()).toEqual([]);
    await edit(registered, 1_700_000_200);
    expect(await findings()).toEqual(['11 llm-security/no-user-input-in-system-prompt']);
  });
});

describe('message lists whose roles the client writes, through helpers in other modules', () => {
  // The helper given the client's list reports where the list reaches the call; a helper that filters the roles,
  // and one that writes the user message around the question, stay quiet.
  // research-steps.ts: research() writes its parameter again without system turns (quiet), researchAll() does not.
  const ROLES = ['client-roles/src/services/general-chat.ts:8 no-client-controlled-roles', 'client-roles/src/services/research.ts:6 no-client-controlled-roles'];

  it('reports the list where it reaches the SDK call, naming the route that reads it', async () => {
    forget();
    const found = await lint(['client-roles/**/*.ts']);
    expect(where(found)).toEqual(ROLES);
    expect(found.find((f) => f.at.includes('general-chat'))!.message).toContain("'c.req.json()' (line 11 of client-roles/src/routes/chat.ts) via body.messages -> generalChat() at client-roles/src/routes/chat.ts:12");
    expect(found.find((f) => f.at.includes('research.ts'))!.message).toContain('researchAll() at client-roles/src/routes/chat.ts:34 -> answer() at client-roles/src/services/research-steps.ts:17');
  });

  it('finds the same with modules linted one at a time in either order, and in workers', async () => {
    forget();
    expect(where(await lint(['client-roles/src/services/general-chat.ts', 'client-roles/src/services/research.ts', 'client-roles/src/routes/chat.ts']))).toEqual(ROLES);
    forget();
    expect(where(await lint(['client-roles/src/routes/chat.ts', 'client-roles/src/services/research-steps.ts', 'client-roles/src/services/general-chat.ts', 'client-roles/src/services/research.ts']))).toEqual(ROLES);
    forget();
    expect(where(await lint(['client-roles/**/*.ts'], { concurrency: 2 }))).toEqual(ROLES);
  });
});

describe('runnables built by project functions', () => {
  // The chains are built in another module (the model a parameter declared as a langchain model) and run
  // in the routes. Twins: a chain whose last step is the project's own function, and one whose middle step
  // is any runnable. The whole message of a chain that ends in the model is reported by recommended; the
  // text of one that ends in a parser only with the strict options.
  const WHOLE = ['chain-factories/src/server.ts:24 no-raw-llm-response'];
  const ALL = ['chain-factories/src/server.ts:11 no-raw-llm-response', 'chain-factories/src/server.ts:17 no-raw-llm-response', ...WHOLE];
  const strict = { config: plugin.configs.strict as Linter.Config };

  it('reads the chain a function of another module returns when the route runs it', async () => {
    forget();
    const found = await lint(['chain-factories/**/*.ts'], strict);
    expect(where(found)).toEqual(ALL);
    expect(found.find((f) => f.at.endsWith(':11'))!.message).toContain('BaseChatModel | StringOutputParser).invoke (line 10)');
    forget();
    expect(where(await lint(['chain-factories/**/*.ts']))).toEqual(WHOLE);
  });

  it('finds the same with modules linted one at a time in either order, and in workers', async () => {
    forget();
    expect(where(await lint(['chain-factories/src/server.ts', 'chain-factories/src/chains.ts'], strict))).toEqual(ALL);
    forget();
    expect(where(await lint(['chain-factories/src/chains.ts', 'chain-factories/src/server.ts'], strict))).toEqual(ALL);
    forget();
    expect(where(await lint(['chain-factories/**/*.ts'], { concurrency: 2 }))).toEqual(WHOLE);
  });
});

describe("'use server' modules that only route handlers import", () => {
  // Next.js gives an action an id the browser can call only when client code references it. The feedback
  // module is imported only by a route (and its result answered with a fixed message): plain server code.
  // Its twin, imported by a client component too, is an action whose result the browser receives.
  const ACTIONS = ['server-actions/lib/actions/rename.ts:11 no-error-details-in-response'];

  it('reports the error text returned by an action a client component imports, not by one only a route imports', async () => {
    forget();
    expect(where(await lint(['server-actions/**/*.ts', 'server-actions/**/*.tsx']))).toEqual(ACTIONS);
  });

  it('finds the same with modules linted one at a time in either order, and in workers', async () => {
    forget();
    expect(where(await lint(['server-actions/lib/actions/feedback.ts', 'server-actions/lib/actions/rename.ts']))).toEqual(ACTIONS);
    forget();
    expect(where(await lint(['server-actions/app/api/feedback/route.ts', 'server-actions/lib/actions/feedback.ts', 'server-actions/lib/actions/rename.ts']))).toEqual(ACTIONS);
    forget();
    expect(where(await lint(['server-actions/**/*.ts', 'server-actions/**/*.tsx'], { concurrency: 2 }))).toEqual(ACTIONS);
  });
});

describe('a logging helper module with no routes of its own', () => {
  // What a route passes to the helper is logged by the route's process: the model's answer given to logInfo is
  // reported at the helper's console.log. Twins: logAudit, only ever given ids and counts, and a script with no
  // routes that prints the answer to its own user.
  const LOGS = ['logger-helper/src/log.ts:7 no-sensitive-logging'];

  it("reports the LLM output a route's call hands to the helper, at the helper's logger", async () => {
    forget();
    const found = await lint(['logger-helper/**/*.ts']);
    expect(where(found)).toEqual(LOGS);
    expect(found[0].message).toContain("LLM output 'openai chat.completions.create' (line 10 of logger-helper/src/server.ts)");
  });

  it('finds the same with modules linted one at a time in either order, and in workers', async () => {
    forget();
    expect(where(await lint(['logger-helper/src/log.ts', 'logger-helper/src/server.ts']))).toEqual(LOGS);
    forget();
    expect(where(await lint(['logger-helper/src/server.ts', 'logger-helper/src/log.ts', 'logger-helper/src/script.ts']))).toEqual(LOGS);
    forget();
    expect(where(await lint(['logger-helper/**/*.ts'], { concurrency: 2 }))).toEqual(LOGS);
  });
});

describe('calls by method name on objects a package made', () => {
  // lib/db.ts exports prisma, a package's client (kept on globalThis across reloads); its methods are the package's,
  // so prisma.user.suggestCommand is not AiService.suggestCommand. Twins stay reported: objects a package hands back
  // after being handed the project's class or instance (a DI container, a wrapper), and an alias the resolver does not know.
  const FOUND = ['package-receivers/src/jobs.ts:17 no-llm-output-in-dangerous-sink', 'package-receivers/src/jobs.ts:22 no-llm-output-in-dangerous-sink', 'package-receivers/src/jobs.ts:28 no-llm-output-in-dangerous-sink'];

  it("links no package's object by name, and keeps the objects a package makes from the project's code", async () => {
    forget();
    expect(where(await lint(['package-receivers/**/*.ts'], { config: plugin.configs.all as Linter.Config }))).toEqual(FOUND);
  });
});

describe('loggers made in another module', () => {
  // lib/logger.ts makes the app's loggers (pino, winston, a child logger, the default export) and every route imports
  // them: what a route writes to them is logged. Twins: safe fields written to the same logger, and request data given
  // to objects of other modules whose methods only look like a logger's (stats.info, and alerts.error on what a package
  // that is no logger made).
  const LOGS = ['logger-module/src/server.ts:10 no-sensitive-logging', 'logger-module/src/server.ts:11 no-sensitive-logging', 'logger-module/src/server.ts:12 no-sensitive-logging', 'logger-module/src/server.ts:9 no-sensitive-logging'];

  it('reports request data written to an imported logger, and not to a look-alike', async () => {
    forget();
    const found = await lint(['logger-module/**/*.ts']);
    expect(where(found)).toEqual(LOGS);
    expect(found.find((f) => f.at.endsWith(':10'))?.message).toMatch(/^audit\.info writes/u);
  });

  it('finds the same with modules linted one at a time in either order, and in workers', async () => {
    forget();
    expect(where(await lint(['logger-module/src/server.ts', 'logger-module/src/lib/logger.ts']))).toEqual(LOGS);
    forget();
    expect(where(await lint(['logger-module/src/lib/logger.ts', 'logger-module/src/server.ts']))).toEqual(LOGS);
    forget();
    expect(where(await lint(['logger-module/**/*.ts'], { concurrency: 2 }))).toEqual(LOGS);
  });

  it('reads no other module with crossFile off', async () => {
    forget();
    const config = { ...plugin.configs.recommended, settings: { 'llm-security': { crossFile: false } } } as Linter.Config;
    expect(where(await lint(['logger-module/**/*.ts'], { config }))).toEqual([]);
  });
});

describe("errors checked for a code the project's own error classes set", () => {
  // lib/errors.ts sets DAILY_LIMIT_REACHED and PLAN_REQUIRED on its own error classes: an error checked for one of them
  // is the project's, whose message was written for the user, here or in a helper the catch hands it to. Twins stay
  // reported: codes the project never sets (a driver's ECONNREFUSED, E_TIMEOUT), another value's code, a helper
  // that checks the code of its other parameter, and the stack of the project's own error.
  const ERRORS = [
    'own-errors/app/api/search/route.ts:10 no-error-details-in-response',
    'own-errors/app/api/search/route.ts:14 no-error-details-in-response',
    'own-errors/app/api/search/route.ts:8 no-error-details-in-response',
    'own-errors/lib/respond.ts:14 no-error-details-in-response',
    'own-errors/lib/respond.ts:7 no-error-details-in-response',
  ];
  const only = (found: Awaited<ReturnType<typeof lint>>) => where(found).filter((line) => line.endsWith('no-error-details-in-response'));

  it('leaves those errors alone and reports the rest', async () => {
    forget();
    expect(only(await lint(['own-errors/**/*.ts']))).toEqual(ERRORS);
  });

  it('finds the same with modules linted one at a time in either order, and in workers', async () => {
    forget();
    expect(only(await lint(['own-errors/lib/respond.ts', 'own-errors/app/api/chat/route.ts', 'own-errors/app/api/search/route.ts']))).toEqual(ERRORS);
    forget();
    expect(only(await lint(['own-errors/app/api/search/route.ts', 'own-errors/app/api/chat/route.ts', 'own-errors/lib/respond.ts', 'own-errors/lib/errors.ts']))).toEqual(ERRORS);
    forget();
    expect(only(await lint(['own-errors/**/*.ts'], { concurrency: 2 }))).toEqual(ERRORS);
  });
});
