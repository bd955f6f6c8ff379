import type { FunctionNode } from '../syntax/ast.js';
import { emptyInfo, merge, type ForeignHandler, type HandlerInfo } from './handlers.js';
import { registeringImporters } from './project-index.js';

/**
 * Handlers from anywhere: the functions of a module that other modules of the project register
 * as handlers (`app.post('/ask', askHandler)` in server.ts marks `askHandler` in routes/ask.ts),
 * so that the flows inside them are found, and reported, in their own file.
 */

/** What the project can tell about another module: the handlers it registers, in whichever module they are defined. */
export type ForeignHandlersOf = (file: string) => readonly ForeignHandler[];

/**
 * The functions of `file` (among `functions`) registered as handlers by other project modules,
 * with what their parameters are. Matched by offsets: the registering module may have read this
 * file from disk while ESLint lints its own parse of the same text.
 */
export function registeredHere(
  file: string,
  functions: readonly FunctionNode[],
  cwd: string,
  generation: number,
  foreignHandlersOf: ForeignHandlersOf,
): Map<FunctionNode, HandlerInfo> {
  const found = new Map<FunctionNode, HandlerInfo>();
  let byRange: Map<string, FunctionNode> | null = null;
  for (const importer of registeringImporters(file, cwd, generation)) {
    for (const handler of foreignHandlersOf(importer)) {
      if (handler.file !== file) continue;
      byRange ??= new Map(functions.map((fn) => [`${fn.range[0]}:${fn.range[1]}`, fn]));
      const fn = byRange.get(`${handler.range[0]}:${handler.range[1]}`);
      if (!fn) continue;
      let info = found.get(fn);
      if (!info) {
        info = emptyInfo();
        found.set(fn, info);
      }
      merge(info, handler.info);
    }
  }
  return found;
}
