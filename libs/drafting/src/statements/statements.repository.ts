import { Injectable } from '@nestjs/common';
import { plainRows, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { StatementEntity } from './statement.entity';

const STATEMENT_COLUMNS = `s.id, s."documentId", s."participantId", s.kind, s.text, s."clauseIds",
  s."inResponseToId", s."madeAt", s."madeById", s."withdrawnAt", s."withdrawnById"`;

export type NewStatement = Pick<
  StatementEntity,
  'documentId' | 'participantId' | 'kind' | 'text' | 'clauseIds' | 'inResponseToId' | 'madeById'
>;

@Injectable()
export class StatementsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get manager() {
    return this.txHost.tx;
  }

  async getById(id: string): Promise<StatementEntity | null> {
    const [row] = await this.getByIds([id]);
    return row ?? null;
  }

  getByIds(ids: readonly string[]): Promise<StatementEntity[]> {
    return plainRows(
      this.manager,
      `SELECT ${STATEMENT_COLUMNS} FROM statements s WHERE s.id = ANY($1)`,
      [ids],
    );
  }

  async lockById(id: string): Promise<StatementEntity | null> {
    const [row] = await plainRows<StatementEntity>(
      this.manager,
      `SELECT ${STATEMENT_COLUMNS} FROM statements s WHERE s.id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  async create(statement: NewStatement): Promise<StatementEntity> {
    const [row] = await plainRows<StatementEntity>(
      this.manager,
      `INSERT INTO statements AS s
         ("documentId", "participantId", kind, text, "clauseIds", "inResponseToId", "madeAt", "madeById")
       VALUES ($1, $2, $3, $4, $5::uuid[], $6, clock_timestamp(), $7)
       RETURNING ${STATEMENT_COLUMNS}`,
      [
        statement.documentId,
        statement.participantId,
        statement.kind,
        statement.text,
        statement.clauseIds,
        statement.inResponseToId,
        statement.madeById,
      ],
    );
    return row;
  }

  async withdraw(id: string, withdrawnById: string): Promise<StatementEntity> {
    // An UPDATE answers [rows, count].
    const [[row]] = (await this.manager.query(
      `UPDATE statements AS s SET "withdrawnAt" = clock_timestamp(), "withdrawnById" = $2
       WHERE s.id = $1 RETURNING ${STATEMENT_COLUMNS}`,
      [id, withdrawnById],
    )) as [StatementEntity[], number];
    return row;
  }

  /** A document's statements, withdrawn ones included, in the order they were made. */
  ofDocuments(documentIds: readonly string[]): Promise<StatementEntity[]> {
    return plainRows(
      this.manager,
      `SELECT ${STATEMENT_COLUMNS} FROM statements s
       WHERE s."documentId" = ANY($1) ORDER BY s."madeAt", s.id`,
      [documentIds],
    );
  }

  /** Statements anchored to any of these clauses (the GIN index on "clauseIds"). */
  ofClauses(clauseIds: readonly string[]): Promise<StatementEntity[]> {
    return plainRows(
      this.manager,
      `SELECT ${STATEMENT_COLUMNS} FROM statements s
       WHERE s."clauseIds" && $1::uuid[] ORDER BY s."madeAt", s.id`,
      [clauseIds],
    );
  }

  /** Which of these ids are live clauses of the document. */
  async clausesOf(documentId: string, clauseIds: readonly string[]): Promise<Set<string>> {
    const rows = await plainRows<{ id: string }>(
      this.manager,
      `SELECT c.id FROM clauses c
       WHERE c."documentId" = $1 AND c.id = ANY($2::uuid[]) AND c."deletedAt" IS NULL`,
      [documentId, clauseIds],
    );
    return new Set(rows.map((r) => r.id));
  }
}
