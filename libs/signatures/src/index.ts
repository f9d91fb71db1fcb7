export * from './signatures.module';
export * from './signature.entity';
