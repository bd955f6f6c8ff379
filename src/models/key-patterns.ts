/**
 * Provider key formats, matched by a hand-written scanner (no regular expressions): every
 * input is read in linear time, whatever its shape. A key starts with its prefix at a word
 * boundary and continues with at least `min` characters of its alphabet.
 */
export interface KeyFormat {
  readonly provider: string;
  /** Environment variable the autofix reads instead. */
  readonly env: string;
  readonly prefixes: readonly string[];
  readonly min: number;
  /** Exact length of the body after the prefix, when the format fixes it. */
  readonly exact?: number;
  readonly alphabet: 'base64url' | 'alnum' | 'upper-alnum';
  /**
   * A body of this length may hold letters only (Hugging Face tokens often have no digit); it must
   * then mix upper and lower case, which words and identifiers of that length rarely do.
   */
  readonly lettersOnly?: number;
}

// Longer prefixes of the same family come first (`sk-ant-` before `sk-`).
export const KEY_FORMATS: readonly KeyFormat[] = [
  { provider: 'Anthropic', env: 'ANTHROPIC_API_KEY', prefixes: ['sk-ant-'], min: 20, alphabet: 'base64url' },
  { provider: 'OpenRouter', env: 'OPENROUTER_API_KEY', prefixes: ['sk-or-'], min: 20, alphabet: 'base64url' },
  { provider: 'OpenAI', env: 'OPENAI_API_KEY', prefixes: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-'], min: 20, alphabet: 'base64url' },
  { provider: 'Google', env: 'GOOGLE_API_KEY', prefixes: ['AIza'], min: 35, exact: 35, alphabet: 'base64url' },
  { provider: 'Hugging Face', env: 'HF_TOKEN', prefixes: ['hf_'], min: 30, alphabet: 'alnum', lettersOnly: 34 },
  { provider: 'Groq', env: 'GROQ_API_KEY', prefixes: ['gsk_'], min: 20, alphabet: 'alnum' },
  { provider: 'xAI', env: 'XAI_API_KEY', prefixes: ['xai-'], min: 20, alphabet: 'alnum' },
  { provider: 'Perplexity', env: 'PERPLEXITY_API_KEY', prefixes: ['pplx-'], min: 20, alphabet: 'alnum' },
  { provider: 'Replicate', env: 'REPLICATE_API_TOKEN', prefixes: ['r8_'], min: 20, alphabet: 'alnum' },
  { provider: 'Fireworks', env: 'FIREWORKS_API_KEY', prefixes: ['fw_'], min: 20, alphabet: 'alnum' },
  { provider: 'AWS', env: 'AWS_ACCESS_KEY_ID', prefixes: ['AKIA'], min: 16, exact: 16, alphabet: 'upper-alnum' },
];

function inAlphabet(code: number, alphabet: KeyFormat['alphabet']): boolean {
  const digit = code >= 48 && code <= 57;
  const upper = code >= 65 && code <= 90;
  const lower = code >= 97 && code <= 122;
  if (alphabet === 'upper-alnum') return digit || upper;
  if (alphabet === 'alnum') return digit || upper || lower;
  return digit || upper || lower || code === 45 || code === 95; // - _
}

function isWordChar(code: number): boolean {
  return inAlphabet(code, 'base64url');
}

export interface KeyMatch {
  readonly format: KeyFormat;
  readonly start: number;
  readonly end: number;
}

/** The first provider key in `text`, if any. Linear in the length of `text`. */
export function findKey(text: string): KeyMatch | null {
  for (const format of KEY_FORMATS) {
    for (const prefix of format.prefixes) {
      let from = 0;
      for (;;) {
        const at = text.indexOf(prefix, from);
        if (at < 0) break;
        from = at + prefix.length;
        if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
        let end = from;
        let digits = 0;
        let letters = 0;
        let upper = 0;
        // Scan the body; stop after a bound so that long runs cost no more than once overall.
        while (end < text.length && end - from <= 256 && inAlphabet(text.charCodeAt(end), format.alphabet)) {
          const code = text.charCodeAt(end);
          if (code >= 48 && code <= 57) digits++;
          else if (code !== 45 && code !== 95) {
            letters++;
            if (code >= 65 && code <= 90) upper++;
          }
          end++;
        }
        const length = end - from;
        const fits = format.exact !== undefined ? length === format.exact : length >= format.min;
        // Generated keys mix letters and digits; `sk-loading-spinner-container` does not.
        if (fits && digits > 0 && letters > 0) return { format, start: at, end };
        if (fits && digits === 0 && length === format.lettersOnly && upper > 0 && upper < letters) return { format, start: at, end };
        // Skip the run just scanned: no key of this prefix can start inside it.
        from = Math.max(from, end);
      }
    }
  }
  return null;
}

/** Values that stand for "put your key here", never real keys. */
const PLACEHOLDER = /^(?:|sk-\.\.\.|\.\.\.|ollama|none|null|undefined|test|dummy|fake|example|changeme|placeholder|empty|lm-studio|anything|x+|\*+|<.*>|\$\{.*\})$|\{\{.*\}\}|%s|not[-_ ]?needed|no[-_ ]?key|EXAMPLE$|your[-_ ]?(?:api[-_ ]?)?key|your[-_ ]?token|\.\.\.|xxx|replace[-_ ]?me|insert[-_ ]?key/i;

/** Values of tests and examples: `test-key`, `not-a-real-key`, `fake_token`, `mock-key`. */
const SAMPLE = /\b(?:test|fake|dummy|example|sample|mock|placeholder|invalid|not[-_ ]?a|your)\b|(?:^|[-_])(?:test|fake|dummy|mock|sample)(?:[-_]|$)/i;

export function isPlaceholder(value: string): boolean {
  const text = value.trim();
  // A value with no letter or digit (`'{}'` for `JSON.parse`, `'---'`) holds no key.
  return text.length < 200 && (PLACEHOLDER.test(text) || SAMPLE.test(text) || !/[\p{L}\p{N}]/u.test(text));
}

/**
 * A prefix to find the value by, never enough to use or guess it: six characters of a long
 * value, three of a medium one, none of a short one (`'pw1'` shows as `…`).
 */
export function maskKey(value: string): string {
  const shown = value.length >= 20 ? 6 : value.length >= 12 ? 3 : 0;
  return `${value.slice(0, shown)}…`;
}
