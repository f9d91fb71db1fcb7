import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@accord/audit';
import { AuthModule } from '@accord/auth';
import { AmendmentCosponsorEntity } from './amendment-cosponsor.entity';
import { AmendmentDecisionsService } from './amendment-decisions.service';
import { AmendmentEntity } from './amendment.entity';
import { AmendmentRelationsResolver } from './amendment-relations.resolver';
import { AmendmentsRepository } from './amendments.repository';
import { AmendmentsResolver } from './amendments.resolver';
import { AmendmentsService } from './amendments.service';
import { ClauseDiscussionResolver } from './clause-discussion.resolver';
import { ClauseEntity } from './clause.entity';
import { ClausesRepository } from './clauses.repository';
import { ClausesResolver } from './clauses.resolver';
import { ClausesService } from './clauses.service';
import { CommentEntity } from './comment.entity';
import { CommentRelationsResolver } from './comment-relations.resolver';
import { CommentsRepository } from './comments.repository';
import { CommentsResolver } from './comments.resolver';
import { CommentsService } from './comments.service';
import { DocumentChangedResolver } from './document-changed.resolver';
import { DocumentClausesResolver } from './document-clauses.resolver';
import { DocumentEvents } from './document-events';
import { DocumentHistoryResolver } from './document-history.resolver';
import { DocumentReadsRepository } from './document-reads.repository';
import { DocumentVersionAuthorResolver } from './document-version-author.resolver';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';
import { DocumentsReader } from './documents-reader.service';
import { DocumentsRepository } from './documents.repository';
import { DocumentsResolver } from './documents.resolver';
import { DocumentsService } from './documents.service';
import { DraftLocks } from './draft-locks.service';
import { DraftingSeedRepository } from './drafting-seed.repository';
import { LifecycleResolver } from './lifecycle.resolver';
import { LifecycleService } from './lifecycle.service';
import { AmendmentsByClauseLoader } from './loaders/amendments-by-clause.loader';
import { AmendmentsByDocumentLoader } from './loaders/amendments-by-document.loader';
import { ClauseByIdLoader } from './loaders/clause-by-id.loader';
import { ClausesByDocumentLoader } from './loaders/clauses-by-document.loader';
import { CommentsByClauseLoader } from './loaders/comments-by-clause.loader';
import { CosponsorsByAmendmentLoader } from './loaders/cosponsors-by-amendment.loader';
import { DocumentByIdLoader } from './loaders/document-by-id.loader';
import { RepliesByCommentLoader } from './loaders/replies-by-comment.loader';
import { VersionsByDocumentLoader } from './loaders/versions-by-document.loader';
import { TextVersionsService } from './text-versions.service';
import { VersionsRepository } from './versions.repository';
import { WordDiffPool } from './word-diff-pool';

export const DRAFTING_ENTITIES = [
  DocumentEntity,
  ClauseEntity,
  DocumentVersionEntity,
  AmendmentEntity,
  AmendmentCosponsorEntity,
  CommentEntity,
];

const REPOSITORIES = [
  DocumentReadsRepository,
  DocumentsRepository,
  ClausesRepository,
  VersionsRepository,
  AmendmentsRepository,
  CommentsRepository,
  DraftingSeedRepository,
];

const SERVICES = [
  DocumentsReader,
  DocumentEvents,
  DraftLocks,
  TextVersionsService,
  DocumentsService,
  WordDiffPool,
  ClausesService,
  LifecycleService,
  AmendmentsService,
  AmendmentDecisionsService,
  CommentsService,
];

const LOADERS = [
  DocumentByIdLoader,
  ClausesByDocumentLoader,
  ClauseByIdLoader,
  AmendmentsByDocumentLoader,
  AmendmentsByClauseLoader,
  CosponsorsByAmendmentLoader,
  CommentsByClauseLoader,
  RepliesByCommentLoader,
  VersionsByDocumentLoader,
];

const RESOLVERS = [
  DocumentsResolver,
  LifecycleResolver,
  ClausesResolver,
  AmendmentsResolver,
  CommentsResolver,
  DocumentChangedResolver,
  DocumentClausesResolver,
  DocumentHistoryResolver,
  ClauseDiscussionResolver,
  AmendmentRelationsResolver,
  CommentRelationsResolver,
  DocumentVersionAuthorResolver,
];

@Module({
  imports: [TypeOrmModule.forFeature(DRAFTING_ENTITIES), AuditModule, AuthModule],
  providers: [...REPOSITORIES, ...SERVICES, ...LOADERS, ...RESOLVERS],
  exports: [
    DocumentsReader,
    DocumentsService,
    ClausesService,
    LifecycleService,
    AmendmentsService,
    AmendmentDecisionsService,
    CommentsService,
    DraftingSeedRepository,
    DocumentByIdLoader,
  ],
})
export class DraftingModule {}
