import { Injectable } from '@nestjs/common';
import { plainRows, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { ClauseTranslationEntity } from './clause-translation.entity';

export type NewTranslation = Pick<
  ClauseTranslationEntity,
  'clauseId' | 'documentId' | 'language' | 'text' | 'sourceVersion' | 'updatedById'
>;

/** Every column of ClauseTranslationEntity, for the plain-row reads. */
const TRANSLATION_COLUMNS = `t.id, t."clauseId", t."documentId", t.language, t.text,
  t."sourceVersion", t."updatedById", t."createdAt", t."updatedAt"`;

@Injectable()
export class TranslationsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  /** Every stored translation of these clauses, whatever the languages declared now. */
  ofClauses(clauseIds: readonly string[]): Promise<ClauseTranslationEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT ${TRANSLATION_COLUMNS} FROM clause_translations t
       WHERE t."clauseId" = ANY($1) ORDER BY t."clauseId", t.language`,
      [clauseIds],
    );
  }

  /** Every stored translation of the clauses of these documents (removed clauses included). */
  ofDocuments(documentIds: readonly string[]): Promise<ClauseTranslationEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT ${TRANSLATION_COLUMNS} FROM clause_translations t
       WHERE t."documentId" = ANY($1) ORDER BY t."documentId", t."clauseId", t.language`,
      [documentIds],
    );
  }

  /** Inserts the clause's translation into `language` or replaces it. */
  async save(translation: NewTranslation): Promise<ClauseTranslationEntity> {
    const [row] = await plainRows<ClauseTranslationEntity>(
      this.txHost.tx,
      `INSERT INTO clause_translations AS t
         ("clauseId", "documentId", language, text, "sourceVersion", "updatedById")
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("clauseId", language) DO UPDATE SET text = EXCLUDED.text,
         "sourceVersion" = EXCLUDED."sourceVersion", "updatedById" = EXCLUDED."updatedById",
         "updatedAt" = now()
       RETURNING ${TRANSLATION_COLUMNS}`,
      [
        translation.clauseId,
        translation.documentId,
        translation.language,
        translation.text,
        translation.sourceVersion,
        translation.updatedById,
      ],
    );
    return row;
  }
}
