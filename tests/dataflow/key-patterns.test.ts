import { describe, expect, it } from 'vitest';
import { findKey, isPlaceholder, maskKey } from '../../src/models/key-patterns.js';

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
});
