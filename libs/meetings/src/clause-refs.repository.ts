import { Injectable } from '@nestjs/common';
import { TransactionHost, TypeOrmAdapter } from '@accord/common';
import { ClauseEntity, clauseNumbers } from '@accord/drafting';
import { In, IsNull } from 'typeorm';

export interface NumberedClauseRef {
  clause: ClauseEntity;
  number: string;
}

/**
 * The one thing agendas need of clauses beyond DocumentsReader: live clauses by id with their
 * display numbers (AgendaItem.clauses, and checking the clauses an edited item names). Read
 * only, like the signatures library's MeetingRefsRepository: the drafting library exposes no
 * clause-by-id reader of its own.
 */
@Injectable()
export class ClauseRefsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get clauses() {
    return this.txHost.tx.getRepository(ClauseEntity);
  }

  async numberedByIds(ids: readonly string[]): Promise<NumberedClauseRef[]> {
    if (!ids.length) return [];
    const live = await this.clauses.findBy({ id: In([...ids]), deletedAt: IsNull() });
    if (!live.length) return [];
    // A number depends on every clause before it: number each document's outline once.
    const outline = await this.clauses.find({
      select: { id: true, documentId: true, kind: true, position: true },
      where: { documentId: In([...new Set(live.map((c) => c.documentId))]), deletedAt: IsNull() },
      order: { documentId: 'ASC', position: 'ASC' },
    });
    const numberOf = new Map<string, string>();
    for (const documentId of new Set(outline.map((c) => c.documentId))) {
      const own = outline.filter((c) => c.documentId === documentId);
      clauseNumbers(own).forEach((number, i) => numberOf.set(own[i].id, number));
    }
    return live.map((clause) => ({ clause, number: numberOf.get(clause.id) ?? '' }));
  }
}
