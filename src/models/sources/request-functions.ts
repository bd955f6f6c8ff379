/**
 * Package functions that read the request they are given, whatever it is called: their result
 * is request data. `part` says which part, for the logging rule (a body is logged content, a
 * query string may carry credentials, a location is not content).
 */
export type RequestPart = 'body' | 'query' | 'headers' | 'other';

export interface RequestFunctionModel {
  readonly module: string;
  /** Named exports, or 'default' for the default export; `member` for a method of it (`parse.json`). */
  readonly functions: Readonly<Record<string, RequestPart>>;
}

const H3_FUNCTIONS: Readonly<Record<string, RequestPart>> = {
  readBody: 'body',
  readRawBody: 'body',
  readValidatedBody: 'body',
  readFormData: 'body',
  readMultipartFormData: 'body',
  getQuery: 'query',
  getValidatedQuery: 'query',
  getRouterParams: 'other',
  getRouterParam: 'other',
  getHeaders: 'headers',
  getHeader: 'other',
  getRequestHeaders: 'headers',
  getRequestHeader: 'other',
  getCookie: 'other',
  parseCookies: 'headers',
};

export const REQUEST_FUNCTIONS: readonly RequestFunctionModel[] = [
  { module: '@vercel/functions', functions: { geolocation: 'other', ipAddress: 'other' } },
  { module: 'h3', functions: H3_FUNCTIONS },
  // Nuxt and Nitro re-export the h3 readers.
  { module: '#imports', functions: H3_FUNCTIONS },
  { module: 'nitropack/runtime', functions: H3_FUNCTIONS },
  { module: 'raw-body', functions: { default: 'body' } },
  { module: 'co-body', functions: { default: 'body', 'default.json': 'body', 'default.form': 'body', 'default.text': 'body' } },
];

/** The part a call reads, given the import it names (`readBody` of 'h3', `parse.json` with `parse` the default of 'co-body'). */
export function requestFunctionPart(module: string, imported: string, member: string | null): RequestPart | null {
  const key = member === null ? imported : `${imported}.${member}`;
  for (const model of REQUEST_FUNCTIONS) {
    if (model.module === module && Object.hasOwn(model.functions, key)) return model.functions[key];
  }
  return null;
}
