import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SIGNATORIES_LOOKUP } from '@accord/common';
import { SignatoriesLookupRepository } from './signatures-lookup.repository';
import { SignatureEntity } from './signature.entity';

export const SIGNATURE_ENTITIES = [SignatureEntity];

/** Global because it provides SIGNATORIES_LOOKUP, which the meetings library consumes. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(SIGNATURE_ENTITIES)],
  providers: [{ provide: SIGNATORIES_LOOKUP, useClass: SignatoriesLookupRepository }],
  exports: [SIGNATORIES_LOOKUP],
})
export class SignaturesModule {}
