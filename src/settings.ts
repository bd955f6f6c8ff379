/**
 * The shared settings, read from `settings['llm-security']` of the ESLint config.
 * Validated once per settings object; a bad value throws an error that names the path.
 */
export interface LlmWrapperSetting {
  /** Function or method name (`askModel`, or `ai.ask` to match a member call by its last name). */
  readonly callee: string;
  /** Argument index, or a property name of the first (object) argument, that holds the system prompt. */
  readonly system?: number | string;
  /** Argument index or property name that holds the user's message. */
  readonly user?: number | string;
  /** Argument index or property name that holds a single flat prompt. */
  readonly prompt?: number | string;
}

export interface LlmSecuritySettings {
  readonly sources: {
    /** Parameter names that are request objects in any function (off by default). */
    readonly requestParams: readonly string[];
    /** Functions whose return value is request data (`getUserInput`). */
    readonly functions: readonly string[];
  };
  readonly llmWrappers: readonly LlmWrapperSetting[];
  /** Function names (`*` matches any run of characters) whose result is sanitized output. */
  readonly sanitizers: readonly string[];
  /** Names of your own logger objects (`logger`, `log`, `audit`), counted as loggers anywhere. */
  readonly loggers: readonly string[];
  /** Names (`*` matches anything) of auth middleware and auth checks, added to the defaults; when set, every LLM route must use one. */
  readonly authMiddleware: readonly string[];
  /** Follow imports into the project's own modules (default true). */
  readonly crossFile: boolean;
}

/** Sanitizers recognized without any setting. */
export const DEFAULT_SANITIZERS: readonly string[] = ['redact*', 'sanitize*', 'scrub*', 'mask*', 'escape*', 'purify*'];

export const SETTINGS_KEY = 'llm-security';

export const DEFAULT_SETTINGS: LlmSecuritySettings = {
  sources: { requestParams: [], functions: [] },
  llmWrappers: [],
  sanitizers: DEFAULT_SANITIZERS,
  loggers: [],
  authMiddleware: [],
  crossFile: true,
};

/** JSON schema of `settings['llm-security']`, published for editors and docs. */
export const settingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    sources: {
      type: 'object',
      additionalProperties: false,
      description: 'Extra request-data sources.',
      properties: {
        requestParams: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Parameter names treated as request objects in any function.',
        },
        functions: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Functions whose return value is request data.',
        },
      },
    },
    loggers: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Names of your own logger objects, counted as loggers wherever they appear.',
    },
    authMiddleware: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Names of your auth middleware and checks (* matches anything); added to the defaults. When set, every route that reaches an LLM call must use one.',
    },
    crossFile: {
      type: 'boolean',
      description: "Follow imports into the project's own modules to find flows across files (default true).",
    },
    sanitizers: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Function names whose result is sanitized model output (* matches anything); added to the defaults.',
    },
    llmWrappers: {
      type: 'array',
      description: 'Your own functions that call an LLM.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['callee'],
        properties: {
          callee: { type: 'string', minLength: 1 },
          system: { type: ['integer', 'string'] },
          user: { type: ['integer', 'string'] },
          prompt: { type: ['integer', 'string'] },
        },
      },
    },
  },
} as const;

const cache = new WeakMap<object, LlmSecuritySettings>();

class SettingsError extends Error {
  constructor(path: string, problem: string) {
    super(`eslint-plugin-llm-security: settings['${SETTINGS_KEY}']${path} ${problem}.`);
    this.name = 'SettingsError';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new SettingsError(path, `has an unknown key '${key}' (allowed: ${allowed.join(', ')})`);
    }
  }
}

function stringList(value: unknown, path: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.length === 0)) {
    throw new SettingsError(path, 'must be an array of non-empty strings');
  }
  return value as string[];
}

function slot(value: unknown, path: string): number | string | undefined {
  if (value === undefined) return undefined;
  if ((typeof value === 'number' && Number.isInteger(value) && value >= 0) || (typeof value === 'string' && value !== '')) {
    return value;
  }
  throw new SettingsError(path, 'must be an argument index (integer >= 0) or a property name');
}

export function parseSettings(raw: unknown): LlmSecuritySettings {
  if (raw === undefined) return DEFAULT_SETTINGS;
  if (!isPlainObject(raw)) throw new SettingsError('', 'must be an object');
  const cached = cache.get(raw);
  if (cached) return cached;
  checkKeys(raw, ['sources', 'llmWrappers', 'sanitizers', 'loggers', 'authMiddleware', 'crossFile'], '');
  if (raw.crossFile !== undefined && typeof raw.crossFile !== 'boolean') throw new SettingsError('.crossFile', 'must be a boolean');

  const sourcesRaw = raw.sources ?? {};
  if (!isPlainObject(sourcesRaw)) throw new SettingsError('.sources', 'must be an object');
  checkKeys(sourcesRaw, ['requestParams', 'functions'], '.sources');

  const wrappersRaw = raw.llmWrappers ?? [];
  if (!Array.isArray(wrappersRaw)) throw new SettingsError('.llmWrappers', 'must be an array');
  const llmWrappers = wrappersRaw.map((item: unknown, i): LlmWrapperSetting => {
    const path = `.llmWrappers[${i}]`;
    if (!isPlainObject(item)) throw new SettingsError(path, 'must be an object');
    checkKeys(item, ['callee', 'system', 'user', 'prompt'], path);
    if (typeof item.callee !== 'string' || item.callee === '') {
      throw new SettingsError(`${path}.callee`, 'must be a non-empty string');
    }
    const wrapper = {
      callee: item.callee,
      system: slot(item.system, `${path}.system`),
      user: slot(item.user, `${path}.user`),
      prompt: slot(item.prompt, `${path}.prompt`),
    };
    if (wrapper.system === undefined && wrapper.user === undefined && wrapper.prompt === undefined) {
      throw new SettingsError(path, 'must name at least one of system, user or prompt');
    }
    return wrapper;
  });

  const settings: LlmSecuritySettings = {
    sources: {
      requestParams: stringList(sourcesRaw.requestParams, '.sources.requestParams'),
      functions: stringList(sourcesRaw.functions, '.sources.functions'),
    },
    llmWrappers,
    sanitizers: [...DEFAULT_SANITIZERS, ...stringList(raw.sanitizers, '.sanitizers')],
    loggers: stringList(raw.loggers, '.loggers'),
    authMiddleware: stringList(raw.authMiddleware, '.authMiddleware'),
    crossFile: raw.crossFile !== false,
  };
  cache.set(raw, settings);
  return settings;
}

/** Names with `*` wildcards as one anchored pattern: `['redact*', 'clean']` -> /^(?:redact.*|clean)$/. */
const patterns = new WeakMap<readonly string[], RegExp>();

export function namePattern(names: readonly string[]): RegExp {
  // Settings are parsed once per configuration, so their lists are the same arrays for every file.
  let pattern = patterns.get(names);
  if (pattern) return pattern;
  pattern = compilePattern(names);
  patterns.set(names, pattern);
  return pattern;
}

function compilePattern(names: readonly string[]): RegExp {
  const escaped = names.map((name) => name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&')).join('.*'));
  return new RegExp(`^(?:${escaped.join('|')})$`, 'u');
}
