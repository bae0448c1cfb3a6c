/**
 * The JSON Schema of the definition format, for validators, editors (YAML language server, VS Code) and the
 * HTTP API, which publishes it at /docs/procedure-definition.schema.json.
 */
import type { JsonObject } from './definition';
import schema from './procedure-definition.schema.json';

// TypeScript types a JSON import's mixed arrays with `prop?: undefined` members, which JsonObject rightly
// refuses; the file is JSON, so the widening is safe.
export const PROCEDURE_DEFINITION_SCHEMA = schema as unknown as JsonObject;
