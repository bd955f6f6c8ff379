import type { Place, SurfaceCall, SurfaceSlot } from '../checks/inventory.js';
import { escape } from './html-text.js';
import { placeKey, type Inventory } from './inventory.js';

/**
 * The inventory part of the HTML report: the project's AI surface as tables. Routes link to the
 * LLM calls they reach; each call shows its SDK, its model and which slots request data fills.
 */

/** The files a logger is used in: the first ten, and how many more. */
const files = (list: readonly string[]) => `${list.slice(0, 10).map(escape).join(', ')}${list.length > 10 ? ` and ${list.length - 10} more` : ''}`;
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const where = (place: Place) => `<span class="where">${escape(placeKey(place))}</span>`;
const callId = (place: Place) => `call-${placeKey(place)}`;

function slot(s: SurfaceSlot): string {
  if (!s.request) return `<li>${escape(s.label)}: no request data</li>`;
  return `<li class="request">${escape(s.label)} ← <code>${escape(s.request.source)}</code> ${where(s.request.place)}</li>`;
}

function table(id: string, head: readonly string[], rows: readonly string[], empty: string): string {
  if (rows.length === 0) return `<p id="${id}" class="empty">${escape(empty)}</p>`;
  return `<table id="${id}"><thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

export function inventorySection(inventory: Inventory): string {
  const calls = new Map<string, SurfaceCall>(inventory.calls.map((call) => [placeKey(call.place), call]));
  const routes = inventory.routes.map((route) => {
    const name = [route.method, route.path].filter((part) => part !== null).join(' ') || route.name || 'handler';
    const handler = `${route.name ? `${escape(route.name)} ` : ''}${where(route.handler)}`;
    const reached = route.calls.map((place) => {
      const call = calls.get(placeKey(place));
      // A call in a module the scan did not lint (ignored, or outside the folder) has no row to link to.
      return call ? `<li><a href="#${escape(callId(place))}">${escape(placeKey(place))}</a> ${escape(call.api)}</li>` : `<li>${where(place)} (not scanned)</li>`;
    });
    return `<tr><td>${escape(name)}</td><td>${where(route.place)}</td><td>${handler}</td><td><ul>${reached.join('')}</ul></td></tr>`;
  });
  // Two calls on one line share a place: the first row holds the anchor.
  const anchored = new Set<string>();
  const anchor = (place: Place) => (anchored.has(placeKey(place)) ? '' : (anchored.add(placeKey(place)), ` id="${escape(callId(place))}"`));
  const callRows = inventory.calls.map(
    (call) =>
      `<tr${anchor(call.place)}><td>${where(call.place)}</td><td>${escape(call.api)}${call.within ? ` in ${escape(call.within)}()` : ''}</td><td>${call.model === null ? 'not named here' : `<code>${escape(call.model)}</code>`}</td><td><ul>${call.slots.map(slot).join('')}</ul></td></tr>`,
  );
  const tools = inventory.tools.map((tool) => {
    const can = tool.can.length === 0 ? 'nothing the plugin models (no shell, file, query, code, markup, network or LLM call)' : `<ul>${tool.can.map((power) => `<li>${escape(power.what)} ${where(power.place)}</li>`).join('')}</ul>`;
    return `<tr><td>${escape(tool.name ?? 'unnamed')}</td><td>${where(tool.place)}</td><td>${escape(tool.api)}</td><td>${can}</td></tr>`;
  });
  const loggers = inventory.loggers.map((logger) => `<tr><td><code>${escape(logger.logger)}</code></td><td>${logger.calls}</td><td>${files(logger.files)}</td></tr>`);
  const keys = inventory.keys.map((key) => `<tr><td><code>${escape(key.name)}</code></td><td>${key.places.map(where).join(', ')}</td></tr>`);
  const summary =
    `${count(inventory.routes.length, 'route or handler', 'routes or handlers')} reaching an LLM call (${count(inventory.otherRoutes, 'other route', 'other routes')} reaching none); ` +
    `${count(inventory.calls.length, 'LLM call', 'LLM calls')}, ${count(inventory.tools.length, 'tool', 'tools')}, ${count(inventory.loggers.length, 'logger', 'loggers')}, ${count(inventory.keys.length, 'secret env variable', 'secret env variables')}.`;
  return [
    '<section id="inventory">',
    '<h2>AI surface</h2>',
    `<p id="inventory-summary">${escape(summary)}</p>`,
    '<h3>Routes that reach an LLM call</h3>',
    table('routes', ['route', 'registered at', 'handler', 'LLM calls it reaches'], routes, 'No route reaches an LLM call the plugin knows.'),
    '<h3>LLM calls</h3>',
    table('calls', ['where', 'call', 'model', 'slots (what request data fills)'], callRows, 'No LLM call found.'),
    '<h3>Tools a model can call</h3>',
    table('tools', ['tool', 'where', 'made with', 'what it can do'], tools, 'No tool found.'),
    '<h3>Loggers</h3>',
    table('loggers', ['logger', 'calls', 'files'], loggers, 'No logger found.'),
    '<h3>Secret env variables read</h3>',
    table('keys', ['name', 'read at'], keys, 'No secret env variable read.'),
    '</section>',
  ].join('\n');
}
