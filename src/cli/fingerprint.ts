import { createHash } from 'node:crypto';

/**
 * A finding's fingerprint, for baselines and SARIF `partialFingerprints`: the rule, the file and
 * the flow as the message names it (the source and sink expressions), with every line and column
 * left out, so that moving code inside a file keeps it.
 */

/** The message without its places: `(line 17)`, `(line 9 of src/a.ts)`, `at src/a.ts:12`, `src/a.ts:12:3`. */
function flowText(message: string): string {
  return message
    .replace(/\bline \d+/gu, 'line')
    .replace(/(\.[cm]?[jt]sx?):\d+(?::\d+)?/gu, '$1');
}

export function fingerprint(finding: { readonly rule: string; readonly file: string; readonly message: string }): string {
  return createHash('sha256').update(`${finding.rule}\0${finding.file}\0${flowText(finding.message)}`).digest('hex').slice(0, 32);
}

