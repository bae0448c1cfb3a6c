// Jest on Node 20 cannot `require` ES modules, and NestJS 12 ships only ES modules. This transformer
// compiles our TypeScript and those ESM packages to CommonJS with SWC. SWC leaves `import.meta`
// alone (invalid in CommonJS), so its two uses in these packages are rewritten to their CommonJS
// equivalents first. Not needed from Node 24.9, where Jest can require ESM natively.
const { createTransformer } = require('@swc/jest');

const swcOptions = (syntax) => ({
  jsc: {
    parser: syntax === 'typescript' ? { syntax, decorators: true } : { syntax },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
});

const ts = createTransformer(swcOptions('typescript'));
const js = createTransformer(swcOptions('ecmascript'));

function rewriteImportMeta(source) {
  return source
    .replace(/import\.meta\.url/g, "('file://' + __filename)")
    .replace(/import\.meta\.dirname/g, '__dirname')
    .replace(/import\.meta\.filename/g, '__filename');
}

function pick(path) {
  return path.endsWith('.ts') ? ts : js;
}

module.exports = {
  canInstrument: false,
  getCacheKey(source, path, options) {
    return pick(path).getCacheKey(rewriteImportMeta(source), path, options) + ':meta2';
  },
  process(source, path, options) {
    return pick(path).process(rewriteImportMeta(source), path, options);
  },
  async processAsync(source, path, options) {
    return pick(path).process(rewriteImportMeta(source), path, options);
  },
};
