/**
 * The flows behind reports, for the `scan` command's SARIF code flows: where the data came from,
 * the names it went through, and where it was reported. Recording is off unless `scan` turns it
 * on for the duration of an in-process lint (worker threads record nothing); rules report as
 * always, and `create-rule.ts` hands each report that names a source line to the recorder.
 */
export interface RecordedFlow {
  /** The linted file (absolute) and the report's place (1-based line and column). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  /** The source as the message names it (`req.body.q`, `openai chat.completions.create`). */
  readonly source: string;
  /** The source's line as messages show it: `'12'`, or `'12 of src/routes/ask.ts'` in another module. */
  readonly sourceLine: string;
  /** The names it went through: `' via text -> ask() at src/ask.ts:6'`, or ''. */
  readonly via: string;
  /** The sink as the message names it (`res.json`, `console.log`), when it names one. */
  readonly sink: string | null;
}

let recorder: ((flow: RecordedFlow) => void) | null = null;

/** Turns recording on (a listener) or off (null). */
export function recordFlows(listener: ((flow: RecordedFlow) => void) | null): void {
  recorder = listener;
}

export function flowRecorder(): ((flow: RecordedFlow) => void) | null {
  return recorder;
}
