import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AmendmentCosponsorEntity } from './amendment-cosponsor.entity';
import { AmendmentEntity } from './amendment.entity';
import { ClauseEntity } from './clause.entity';
import { CommentEntity } from './comment.entity';
import { DocumentReadsRepository } from './document-reads.repository';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';
import { DocumentsReader } from './documents-reader.service';

export const DRAFTING_ENTITIES = [
  DocumentEntity,
  ClauseEntity,
  DocumentVersionEntity,
  AmendmentEntity,
  AmendmentCosponsorEntity,
  CommentEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(DRAFTING_ENTITIES)],
  providers: [DocumentReadsRepository, DocumentsReader],
  exports: [DocumentsReader],
})
export class DraftingModule {}
