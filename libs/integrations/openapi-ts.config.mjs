// @hey-api/openapi-ts: the typed TypeScript client of the engine's HTTP API, generated from the OpenAPI
// document (`npm run client:generate`, which writes libs/integrations/client/openapi.json first).
// Extensionless imports because the repository compiles to CommonJS and Jest resolves .ts files. The
// repository's own Prettier formats the output (scripts/generate-client.mjs).
export default {
  input: 'libs/integrations/client/openapi.json',
  output: {
    path: 'libs/integrations/client/generated',
    importFileExtension: null,
  },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
};
