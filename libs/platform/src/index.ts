export * from './config/app-config';
export * from './database/embedded-postgres';
export * from './database/data-source-options';
export * from './observability/readiness';
export * from './http/problem-details.filter';
export * from './http/validation';
export * from './platform.module';
export * from './bootstrap';
