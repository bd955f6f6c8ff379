import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A rule's doc page as SARIF `help.markdown`, read from the package's `docs/rules` (shipped
 * with it): the page without its generated header, so code scanning shows the examples and
 * the fix next to the alert. Null when the page cannot be read.
 */

/** `docs/rules` of the package: two folders up from `dist/src/cli`, one from `src/cli` (tests). */
const FOLDERS = ['../../../docs/rules/', '../../docs/rules/'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));

const HEADER_END = '<!-- end auto-generated rule header -->';
const cache = new Map<string, string | null>();

export function ruleHelp(name: string): string | null {
  if (cache.has(name)) return cache.get(name)!;
  let help: string | null = null;
  for (const folder of FOLDERS) {
    const file = `${folder}${name}.md`;
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf(HEADER_END);
    const title = text.split('\n', 1)[0];
    help = `${title}\n\n${(end >= 0 ? text.slice(end + HEADER_END.length) : text).trim()}\n`;
    break;
  }
  cache.set(name, help);
  return help;
}
