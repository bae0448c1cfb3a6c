export * from './services';
export * from './test-database';
export * from './engine-process';
export * from './browser';
export * from './actors';
export * from './scratch-directory';
