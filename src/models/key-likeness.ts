import { findKey, isPlaceholder, KEY_FORMATS } from './key-patterns.js';

/**
 * Whether a literal the key rules judge holds a key, and why. Two kinds of slot are told apart:
 *
 * - `issued`: a key a provider issued (`OPENAI_API_KEY`, a client's `apiKey`, an
 *   `Authorization` header). Only a key-shaped value works there, so a word (`'unused'`), a
 *   bare prefix (`'sk-proj-'`) or a sentence (`'no key set'`) is a placeholder.
 * - `chosen`: a secret the application chose itself (`JWT_SECRET`, `DB_PASSWORD`, the value a
 *   client's key is compared with). Any value works there, `'supersecret'` included; only
 *   what cannot be meant as a value is left out.
 */
export type KeySlot = 'issued' | 'chosen';

/** Shortest value read as a generated key. */
const MIN_KEY_LENGTH = 12;
/** Length at which letters of both cases without a digit still read as generated (base64 bodies). */
const MIN_LETTERS_ONLY = 20;
/** Bits per character below which a value repeats too much to be generated (`'abababab1212'`). */
const MIN_ENTROPY = 3;

/**
 * Words that say a value is missing or stands in (`'sk_none'`, `'dev-key-123'`), as whole parts
 * between separators: a generated key's letters run into its digits and never form one.
 */
const STAND_IN_WORDS = new Set(['none', 'null', 'nil', 'unset', 'unused', 'missing', 'default', 'todo', 'tbd', 'na', 'empty', 'blank', 'disabled', 'dummy', 'fake', 'mock', 'test', 'placeholder', 'changeme', 'example', 'sample', 'your', 'replace', 'xxx', 'local', 'dev', 'demo']);

/** Two or more words of letters: a sentence, not a value. */
const SENTENCE = /^[A-Za-z_'.,!-]+(?:\s+[A-Za-z_'.,!-]+)+$/;

export interface Likeness {
  /** Why the value reads as a key, for the message: '32 characters mixing letters and digits'. */
  readonly why: string;
}

function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** `'0000…'`, `'xxxxxxxx'`, `'00000000-0000-0000-0000-000000000000'`: one character, separators aside. */
function oneRepeated(value: string): boolean {
  const body = value.replace(/[-_.:\s]/g, '');
  return body.length > 0 && [...body].every((c) => c === body[0]);
}

/** A provider's prefix with no valid key after it (`'sk-proj-'`, `'sk-REPLACE'`, `'hf_'`): a key to be filled in. */
function barePrefix(value: string): boolean {
  return KEY_FORMATS.some((f) => f.prefixes.some((p) => value.startsWith(p))) && findKey(value) === null;
}

function standInWord(value: string): boolean {
  return value
    .toLowerCase()
    .split(/[-_.:/\s]+/)
    .some((word) => STAND_IN_WORDS.has(word));
}

/** Words of a sentence that asks for a value or says it is missing, or an env variable's name (`JWT_SECRET`). */
const INSTRUCTION = /\b(?:no|not|none|set|unset|missing|required|requires?|please|configure[ds]?|change|replace|provide|add|your)\b/i;
const ENV_NAME = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;

function instructs(text: string): boolean {
  return INSTRUCTION.test(text) || ENV_NAME.test(text);
}

function classes(value: string): string[] {
  const found: string[] = [];
  if (/[a-z]/.test(value)) found.push('lower case');
  if (/[A-Z]/.test(value)) found.push('upper case');
  if (/[0-9]/.test(value)) found.push('digits');
  // Dashes and underscores separate parts; other signs are symbols.
  if (/[^A-Za-z0-9_-]/.test(value)) found.push('symbols');
  return found;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Whether `value`, written in a slot of that kind, holds a key: null for placeholders and
 * stand-ins, otherwise why it reads as one. Provider-prefixed keys are matched by their own
 * formats (`findKey`) before this is asked.
 */
export function keyLikeness(value: string, slot: KeySlot): Likeness | null {
  const text = value.trim();
  if (isPlaceholder(text) || oneRepeated(text)) return null;
  // A sentence that tells what is missing (`'no key set'`, `'please set JWT_SECRET'`) is not meant as the value;
  // a passphrase (`'keyboard cat'`) or a value that starts like a provider's key (`'sk-proxy-secret'`) is.
  if (slot === 'chosen') return SENTENCE.test(text) && instructs(text) ? null : { why: 'any value works as this secret' };
  if (barePrefix(text) || /\s/.test(text) || text.length < MIN_KEY_LENGTH || standInWord(text)) return null;
  const kinds = classes(text);
  const digits = kinds.includes('digits');
  const letters = kinds.includes('lower case') || kinds.includes('upper case');
  const mixedCase = kinds.includes('lower case') && kinds.includes('upper case');
  if (!(letters && (digits || (mixedCase && text.length >= MIN_LETTERS_ONLY))) || entropy(text) < MIN_ENTROPY) return null;
  return { why: `${text.length} characters mixing ${list(kinds)}` };
}
