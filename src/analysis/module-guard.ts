/**
 * Bounds on questions that cross into other modules: how many modules deep one question may
 * go, and no re-entry into a module whose answer is still being computed (an import cycle).
 * When a bound is hit the question answers null and the rules stay silent.
 */
export const MAX_IMPORT_DEPTH = 6;

const active: object[] = [];

export function acrossModules<R>(module: object, ask: () => R): R | null {
  if (active.length >= MAX_IMPORT_DEPTH || active.includes(module)) return null;
  active.push(module);
  try {
    return ask();
  } finally {
    active.pop();
  }
}
