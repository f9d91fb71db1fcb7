import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@accord/audit';
import { AuthModule } from '@accord/auth';
import { AmendmentCosponsorEntity } from './amendments/amendment-cosponsor.entity';
import { AmendmentDecisionsService } from './amendments/amendment-decisions.service';
import { AmendmentEntity } from './amendments/amendment.entity';
import { AmendmentRelationsResolver } from './amendments/amendment-relations.resolver';
import { AmendmentsRepository } from './amendments/amendments.repository';
import { AmendmentsResolver } from './amendments/amendments.resolver';
import { AmendmentsService } from './amendments/amendments.service';
import { ClauseDiscussionResolver } from './clauses/clause-discussion.resolver';
import { ClauseEntity } from './clauses/clause.entity';
import { ClausesRepository } from './clauses/clauses.repository';
import { ClausesResolver } from './clauses/clauses.resolver';
import { ClausesService } from './clauses/clauses.service';
import { CommentEntity } from './comments/comment.entity';
import { CommentRelationsResolver } from './comments/comment-relations.resolver';
import { CommentsRepository } from './comments/comments.repository';
import { CommentsResolver } from './comments/comments.resolver';
import { CommentsService } from './comments/comments.service';
import { DocumentChangedResolver } from './documents/document-changed.resolver';
import { DocumentClausesResolver } from './documents/document-clauses.resolver';
import { DocumentEvents } from './shared/document-events';
import { DocumentHistoryResolver } from './versions/document-history.resolver';
import { DocumentReadsRepository } from './documents/document-reads.repository';
import { DocumentVersionAuthorResolver } from './versions/document-version-author.resolver';
import { DocumentVersionEntity } from './versions/document-version.entity';
import { DocumentEntity } from './documents/document.entity';
import { DocumentsReader } from './documents/documents-reader.service';
import { DocumentsRepository } from './documents/documents.repository';
import { DocumentsResolver } from './documents/documents.resolver';
import { DocumentsService } from './documents/documents.service';
import { DocumentCompiledRead } from './documents/document-compiled-read';
import { DraftLocks } from './shared/draft-locks.service';
import { DraftingSeedRepository } from './seed/drafting-seed.repository';
import { LifecycleResolver } from './lifecycle/lifecycle.resolver';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { AdoptionReadiness } from './lifecycle/adoption-readiness.service';
import { AmendmentsByClauseLoader } from './amendments/amendments-by-clause.loader';
import { AmendmentsByDocumentLoader } from './amendments/amendments-by-document.loader';
import { ClauseByIdLoader } from './clauses/clause-by-id.loader';
import { ClausesByDocumentLoader } from './clauses/clauses-by-document.loader';
import { CommentsByClauseLoader } from './comments/comments-by-clause.loader';
import { CosponsorsByAmendmentLoader } from './amendments/cosponsors-by-amendment.loader';
import { DocumentByIdLoader } from './documents/document-by-id.loader';
import { RepliesByCommentLoader } from './comments/replies-by-comment.loader';
import { VersionsByDocumentLoader } from './versions/versions-by-document.loader';
import { TextVersionsService } from './versions/text-versions.service';
import { VersionsRepository } from './versions/versions.repository';
import { WordDiffPool } from './versions/word-diff-pool';
import { ClauseTranslationAuthorResolver } from './translations/clause-translation-author.resolver';
import { ClauseTranslationEntity } from './translations/clause-translation.entity';
import { ClauseTranslationsResolver } from './translations/clause-translations.resolver';
import { DocumentLanguagesResolver } from './translations/document-languages.resolver';
import { TranslationsByClauseLoader } from './translations/translations-by-clause.loader';
import { TranslationsByDocumentLoader } from './translations/translations-by-document.loader';
import { TranslationsRepository } from './translations/translations.repository';
import { TranslationsResolver } from './translations/translations.resolver';
import { TranslationsService } from './translations/translations.service';
import { SilenceBreakEntity } from './silence/silence-break.entity';
import { SilenceProcedureEntity } from './silence/silence-procedure.entity';
import { StatementEntity } from './statements/statement.entity';
import { DocumentSilenceResolver } from './silence/document-silence.resolver';
import { SilenceBreaksByProcedureLoader } from './silence/silence-breaks-by-procedure.loader';
import { SilenceDeadlineService } from './silence/silence-deadline.service';
import {
  SilenceBreakFieldsResolver,
  SilenceFieldsResolver,
} from './silence/silence-fields.resolver';
import { SilenceProceduresByDocumentLoader } from './silence/silence-procedures-by-document.loader';
import { SilenceRepository } from './silence/silence.repository';
import { SilenceResolver } from './silence/silence.resolver';
import { SilenceSchedule } from './silence/silence-schedule';
import { SilenceService } from './silence/silence.service';
import { SilenceReader } from './silence/silence-reader.service';
import {
  ClauseStatementsResolver,
  DocumentStatementsResolver,
} from './statements/document-statements.resolver';
import { StatementByIdLoader } from './statements/statement-by-id.loader';
import { StatementFieldsResolver } from './statements/statement-fields.resolver';
import { StatementsByClauseLoader } from './statements/statements-by-clause.loader';
import { StatementsByDocumentLoader } from './statements/statements-by-document.loader';
import { StatementsRepository } from './statements/statements.repository';
import { StatementsResolver } from './statements/statements.resolver';
import { StatementsService } from './statements/statements.service';
import { StatementsReader } from './statements/statements-reader.service';

export const DRAFTING_ENTITIES = [
  DocumentEntity,
  ClauseEntity,
  DocumentVersionEntity,
  AmendmentEntity,
  AmendmentCosponsorEntity,
  CommentEntity,
  ClauseTranslationEntity,
  SilenceProcedureEntity,
  SilenceBreakEntity,
  StatementEntity,
];

const REPOSITORIES = [
  DocumentReadsRepository,
  DocumentsRepository,
  ClausesRepository,
  VersionsRepository,
  AmendmentsRepository,
  CommentsRepository,
  DraftingSeedRepository,
  TranslationsRepository,
  SilenceRepository,
  StatementsRepository,
];

const SERVICES = [
  DocumentsReader,
  DocumentCompiledRead,
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
  TranslationsService,
  AdoptionReadiness,
  SilenceService,
  SilenceDeadlineService,
  SilenceSchedule,
  SilenceReader,
  StatementsService,
  StatementsReader,
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
  TranslationsByClauseLoader,
  TranslationsByDocumentLoader,
  SilenceProceduresByDocumentLoader,
  SilenceBreaksByProcedureLoader,
  StatementsByDocumentLoader,
  StatementsByClauseLoader,
  StatementByIdLoader,
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
  TranslationsResolver,
  DocumentLanguagesResolver,
  ClauseTranslationsResolver,
  ClauseTranslationAuthorResolver,
  SilenceResolver,
  SilenceFieldsResolver,
  SilenceBreakFieldsResolver,
  DocumentSilenceResolver,
  StatementsResolver,
  StatementFieldsResolver,
  DocumentStatementsResolver,
  ClauseStatementsResolver,
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
    TranslationsService,
    AdoptionReadiness,
    DraftingSeedRepository,
    DocumentByIdLoader,
    SilenceService,
    SilenceDeadlineService,
    SilenceReader,
    StatementsService,
    StatementsReader,
    StatementsByDocumentLoader,
  ],
})
export class DraftingModule {}
