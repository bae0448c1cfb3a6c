export * from './services';
export * from './test-database';
