import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SIGNATORIES_LOOKUP } from '@accord/common';
import { AuditModule } from '@accord/audit';
import { AuthModule } from '@accord/auth';
import { DraftingModule } from '@accord/drafting';
import { MeetingsModule } from '@accord/meetings';
import { ParticipantsModule } from '@accord/participants';
import { DocumentSignaturesResolver } from './document-signatures.resolver';
import { DocumentByIdLoader } from './loaders/document-by-id.loader';
import { SignaturesByDocumentLoader } from './loaders/signatures-by-document.loader';
import { SignaturesByParticipantLoader } from './loaders/signatures-by-participant.loader';
import { MeetingRefsRepository } from './meeting-refs.repository';
import { ParticipantSignaturesResolver } from './participant-signatures.resolver';
import { PublicSignaturesCache } from './public-signatures.cache';
import { SignatoriesController } from './signatories.controller';
import { SignatoriesService } from './signatories.service';
import { SignatureAddedResolver } from './signature-added.resolver';
import { SignatureFieldsResolver } from './signature-fields.resolver';
import { SignatureVerificationController } from './signature-verification.controller';
import { SignatureVerificationService } from './signature-verification.service';
import { SignatureEntity } from './signature.entity';
import { SignatoriesLookupRepository } from './signatures-lookup.repository';
import { SignaturesRepository } from './signatures.repository';
import { SignaturesResolver } from './signatures.resolver';
import { SignaturesService } from './signatures.service';
import { SignatureCompiledFields } from './signature-compiled-fields';

export const SIGNATURE_ENTITIES = [SignatureEntity];

/** Global because it provides SIGNATORIES_LOOKUP, which the meetings library consumes. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature(SIGNATURE_ENTITIES),
    AuditModule,
    AuthModule,
    ParticipantsModule,
    DraftingModule,
    MeetingsModule,
  ],
  controllers: [SignatoriesController, SignatureVerificationController],
  providers: [
    SignatureCompiledFields,
    SignaturesRepository,
    MeetingRefsRepository,
    SignaturesService,
    SignatureVerificationService,
    SignatoriesService,
    PublicSignaturesCache,
    SignaturesByDocumentLoader,
    SignaturesByParticipantLoader,
    DocumentByIdLoader,
    SignaturesResolver,
    SignatureAddedResolver,
    SignatureFieldsResolver,
    DocumentSignaturesResolver,
    ParticipantSignaturesResolver,
    { provide: SIGNATORIES_LOOKUP, useClass: SignatoriesLookupRepository },
  ],
  exports: [
    SIGNATORIES_LOOKUP,
    SignaturesService,
    SignatureVerificationService,
    SignatoriesService,
  ],
})
export class SignaturesModule {}
