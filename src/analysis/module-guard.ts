/**
 * Bounds on questions that cross into other modules: how many modules deep one question may
 * go, and no re-entry into a module whose answer is still being computed (an import cycle).
 * When a bound is hit the question answers null and the rules stay silent.
 */
export const MAX_IMPORT_DEPTH = 6;

const active: object[] = [];
let trips = 0;

/** How many questions the guard has refused so far: an answer computed while it grew is incomplete and not cached. */
export function guardTrips(): number {
  return trips;
}

/** Records an answer that used incomplete knowledge (a module whose answer is still being computed). */
export function noteTrip(): void {
  trips++;
}

/**
 * Answers kept only while one file is linted (then asked afresh): reading one that used
 * incomplete knowledge makes the reader's answer incomplete too.
 */
let lintScope = new WeakMap<object, { value: unknown; incomplete: boolean }>();

export function lintScoped<K extends object, V>(key: K, compute: () => V): V {
  const known = lintScope.get(key);
  if (known) {
    if (known.incomplete) trips++;
    return known.value as V;
  }
  const before = trips;
  const value = compute();
  lintScope.set(key, { value, incomplete: trips !== before });
  return value;
}

/** Called when ESLint starts on a new file. */
export function newLintScope(): void {
  lintScope = new WeakMap();
}

export function acrossModules<R>(module: object, ask: () => R): R | null {
  if (active.length >= MAX_IMPORT_DEPTH || active.includes(module)) {
    trips++;
    return null;
  }
  active.push(module);
  try {
    return ask();
  } finally {
    active.pop();
  }
}
