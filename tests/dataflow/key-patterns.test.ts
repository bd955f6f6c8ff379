import { describe, expect, it } from 'vitest';
import { findKey, isPlaceholder, maskKey } from '../../src/models/key-patterns.js';
import { keyLikeness } from '../../src/models/key-likeness.js';
import { AMBIGUOUS_CREDENTIAL_PARAM, CREDENTIAL_NAME, CREDENTIAL_PARAM } from '../../src/models/secrets.js';

describe('key patterns', () => {
  it('find each provider format at a word boundary', () => {
    expect(findKey('Bearer sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t')?.format.provider).toBe('OpenAI');
    expect(findKey('sk-ant-api03-Zy9xWv8uTs7rQp6oNm5l')?.format.provider).toBe('Anthropic');
    expect(findKey('key=gsk_aBcDeFgHiJ4kLmNoPqRsTuVwX')?.format.provider).toBe('Groq');
    expect(findKey('task-proj-Ab3dEf6hIj9kLm2nOp5qRs8t')).toBeNull(); // not at a boundary
    expect(findKey('sk-short')).toBeNull();
    expect(findKey('sk-loading-spinner-container-wrapper')).toBeNull(); // a CSS class: no digits
    expect(findKey('sk-0123456789-0123456789-0123')).toBeNull(); // no letters
  });

  it('stay linear on adversarial 100,000-character inputs', () => {
    const prefixes = 'sk-'.repeat(33_334).slice(0, 100_000);
    const almost = ('sk-' + 'a'.repeat(19) + ' ').repeat(4_348).slice(0, 100_000);
    const run = 'a'.repeat(100_000);
    expect(findKey(prefixes)).toBeNull();
    expect(findKey(almost)).toBeNull();
    expect(findKey(run)).toBeNull();
    expect(findKey(run + ' sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t')?.start).toBe(100_001);
    expect(isPlaceholder('<'.repeat(100_000))).toBe(false);
  });

  it('masks to at most six characters', () => {
    expect(maskKey('sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t')).toBe('sk-pro…');
  });

  it('tell stand-ins from keys in an issued slot, and say why a value reads as a key', () => {
    for (const standIn of ['sk-proj-', 'sk_none', 'key_1', 'no key set', '00000000-0000-0000-0000-000000000000', 'unused', 'mock-api-key', 'dev-key-123', 'abababababababab']) {
      expect(keyLikeness(standIn, 'issued'), standIn).toBeNull();
    }
    expect(keyLikeness('k7Hq2ZpX9vLm4RtB', 'issued')?.why).toBe('16 characters mixing lower case, upper case and digits');
    expect(keyLikeness('3f2a9c1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f', 'issued')?.why).toBe('36 characters mixing lower case and digits');
    expect(keyLikeness('QwErTyUiOpAsDfGhJkLzXcVb', 'issued')?.why).toBe('24 characters mixing lower case and upper case');
    expect(keyLikeness('qwertyuiopasdfghjklzxcvb', 'issued')).toBeNull(); // one case, no digit: a word run
  });

  it('keep any value a chosen secret may hold, but not a sentence or a stand-in shape', () => {
    expect(keyLikeness('supersecret', 'chosen')?.why).toBe('any value works as this secret');
    expect(keyLikeness('password', 'chosen')).not.toBeNull();
    for (const standIn of ['please set JWT_SECRET', 'xxxxxxxxxxxx', '00000000-0000-0000-0000-000000000000', 'changeme', '']) {
      expect(keyLikeness(standIn, 'chosen'), standIn).toBeNull();
    }
    expect(keyLikeness(`${'word '.repeat(20_000)}1`, 'chosen')).not.toBeNull();
  });

  it('tell credential names from identifiers, and mark the names that need a credential use', () => {
    for (const name of ['api_key', 'apiKey', 'access_token', 'secret', 'client_secret', 'password', 'sig', 'token', 'key']) expect(CREDENTIAL_PARAM.test(name), name).toBe(true);
    for (const name of ['sessionId', 'session_id', 'chatId', 'threadId', 'requestId', 'userId', 'id', 'keyword', 'tokens']) expect(CREDENTIAL_PARAM.test(name), name).toBe(false);
    for (const name of ['apiKey', 'expectedToken', 'webhookSecret', 'adminPassword']) expect(CREDENTIAL_NAME.test(name), name).toBe(true);
    for (const name of ['sessionId', 'chatId', 'threadId', 'requestId', 'userId', 'tokenCount']) expect(CREDENTIAL_NAME.test(name), name).toBe(false);
    expect(['key', 'token', 'auth', 'api_key', 'access_token'].filter((name) => AMBIGUOUS_CREDENTIAL_PARAM.test(name))).toEqual(['key', 'token', 'auth']);
  });
});
