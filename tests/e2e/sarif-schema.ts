import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';

/** A validator for SARIF 2.1.0 logs: the schema `@microsoft/jest-sarif` ships, compiled by ajv. */
export function sarifValidator(): { validate: (log: unknown) => boolean; errors: () => string } {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ schemaId: 'auto', validateSchema: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  const compiled = ajv.compile(schema);
  return { validate: (log) => compiled(log) as boolean, errors: () => ajv.errorsText(compiled.errors) };
}
