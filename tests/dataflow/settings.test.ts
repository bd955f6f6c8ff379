import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/settings.js';
import { llmCalls } from './harness.js';

describe("settings['llm-security']", () => {
  it('defaults when absent', () => {
    expect(parseSettings(undefined)).toBe(DEFAULT_SETTINGS);
  });

  it('accepts every documented key', () => {
    expect(
      parseSettings({
        sources: { requestParams: ['req'], functions: ['readInput'] },
        llmWrappers: [{ callee: 'askModel', system: 0, user: 1 }, { callee: 'llm.complete', prompt: 'prompt' }],
        sanitizers: ['cleanOutput', 'dompurify.sanitize'],
        loggers: ['audit'],
        authMiddleware: ['withTeam*'],
        crossFile: false,
      }),
    ).toEqual({
      authMiddleware: ['withTeam*'],
      crossFile: false,
      sanitizers: ['redact*', 'sanitize*', 'scrub*', 'mask*', 'escape*', 'purify*', 'cleanOutput', 'dompurify.sanitize'],
      loggers: ['audit'],
      sources: { requestParams: ['req'], functions: ['readInput'] },
      llmWrappers: [
        { callee: 'askModel', system: 0, user: 1, prompt: undefined },
        { callee: 'llm.complete', system: undefined, user: undefined, prompt: 'prompt' },
      ],
    });
  });

  it.each([
    ['not an object', 'x', /settings\['llm-security'\] must be an object/],
    ['an unknown key', { source: {} }, /has an unknown key 'source' \(allowed: sources, llmWrappers, sanitizers, loggers, authMiddleware, crossFile\)/],
    ['a non-boolean crossFile', { crossFile: 'yes' }, /\.crossFile must be a boolean/],
    ['a non-string auth name', { authMiddleware: [''] }, /\.authMiddleware must be an array of non-empty strings/],
    ['a non-array list', { sources: { requestParams: 'req' } }, /\.sources\.requestParams must be an array of non-empty strings/],
    ['a wrapper without callee', { llmWrappers: [{ system: 0 }] }, /\.llmWrappers\[0\]\.callee must be a non-empty string/],
    ['a wrapper with no slot', { llmWrappers: [{ callee: 'f' }] }, /\.llmWrappers\[0\] must name at least one of system, user or prompt/],
    ['a negative index', { llmWrappers: [{ callee: 'f', system: -1 }] }, /\.llmWrappers\[0\]\.system must be an argument index/],
  ])('rejects %s with an error that names the path', (_, raw, message) => {
    expect(() => parseSettings(raw)).toThrow(message);
  });

  it('a bad setting stops the lint with that message', () => {
    expect(() => llmCalls(`import OpenAI from 'openai';`, { settings: { llmWrappers: 'askModel' } })).toThrow(/llmWrappers must be an array/);
  });
});
