/**
 * The bound on questions that cross into other modules: how many modules deep one question may
 * go. Past it the question answers null and the rules stay silent about that path. Import
 * cycles are not refused here: the taint engine and the effects settle them (Tarjan's cycles,
 * answered again until they stop changing), so their answers do not depend on which file was
 * linted first. Only a chain deeper than the bound can make them depend on it.
 */
export const MAX_IMPORT_DEPTH = 12;

let depth = 0;

export function acrossModules<R>(ask: () => R): R | null {
  if (depth >= MAX_IMPORT_DEPTH) return null;
  depth++;
  try {
    return ask();
  } finally {
    depth--;
  }
}
