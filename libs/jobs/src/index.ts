export * from './jobs.module';
export * from './jobs.service';
export * from './jobs.types';
export { singletonJobId } from './job-id';
