import { Injectable } from '@nestjs/common';
import { ClauseKind, plainRows, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In, IsNull } from 'typeorm';
import { ClauseEntity } from './clause.entity';

/** Every column of ClauseEntity, for the plain-row reads. */
const CLAUSE_COLUMNS = `c.id, c."documentId", c.position, c.kind, c.text, c.version, c."deletedAt",
  c."createdAt", c."updatedAt"`;

@Injectable()
export class ClausesRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get clauses() {
    return this.txHost.tx.getRepository(ClauseEntity);
  }

  /** A clause, removed ones included (amendments and comments keep pointing at them). */
  getById(id: string): Promise<ClauseEntity | null> {
    return this.clauses.findOneBy({ id });
  }

  getByIds(ids: readonly string[]): Promise<ClauseEntity[]> {
    return this.clauses.findBy({ id: In([...ids]) });
  }

  /** The live clauses of several documents, each document's in position order. */
  liveOf(documentIds: readonly string[]): Promise<ClauseEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT ${CLAUSE_COLUMNS} FROM clauses c
       WHERE c."documentId" = ANY($1) AND c."deletedAt" IS NULL
       ORDER BY c."documentId", c.position`,
      [documentIds],
    );
  }

  /** Positions and kinds only: enough to number clauses. */
  outlineOf(
    documentIds: readonly string[],
  ): Promise<Pick<ClauseEntity, 'id' | 'documentId' | 'kind'>[]> {
    return this.clauses.find({
      select: { id: true, documentId: true, kind: true, position: true },
      where: { documentId: In([...documentIds]), deletedAt: IsNull() },
      order: { documentId: 'ASC', position: 'ASC' },
    });
  }

  async lastPosition(documentId: string): Promise<number> {
    const row = await this.clauses
      .createQueryBuilder('c')
      .select('COALESCE(MAX(c.position), 0)', 'last')
      .where('c.documentId = :documentId AND c.deletedAt IS NULL', { documentId })
      .getRawOne<{ last: number }>();
    return Number(row?.last ?? 0);
  }

  /** Moves the live clauses at `fromPosition` and after by `delta` (+1 to make room, -1 to close a gap). */
  async shift(documentId: string, fromPosition: number, delta: 1 | -1): Promise<void> {
    await this.clauses
      .createQueryBuilder()
      .update(ClauseEntity)
      .set({ position: () => `"position" + ${delta}` })
      .where('"documentId" = :documentId AND "deletedAt" IS NULL AND "position" >= :fromPosition', {
        documentId,
        fromPosition,
      })
      .execute();
  }

  insert(clause: {
    documentId: string;
    position: number;
    kind: ClauseKind;
    text: string;
  }): Promise<ClauseEntity> {
    return this.clauses.save(this.clauses.create(clause));
  }

  /** New text and the next row version. */
  async updateText(id: string, text: string): Promise<ClauseEntity> {
    await this.clauses.update({ id }, { text, version: () => '"version" + 1' });
    return this.clauses.findOneByOrFail({ id });
  }

  /** Kept, marked removed, its version bumped so that amendments based on it become stale. */
  async markRemoved(id: string): Promise<ClauseEntity> {
    await this.clauses.update({ id }, { deletedAt: new Date(), version: () => '"version" + 1' });
    return this.clauses.findOneByOrFail({ id });
  }
}
