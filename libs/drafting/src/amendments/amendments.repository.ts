import { Injectable } from '@nestjs/common';
import { AmendmentStatus, plainRows, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { AmendmentCosponsorEntity } from './amendment-cosponsor.entity';
import { AmendmentEntity } from './amendment.entity';

export type NewAmendment = Pick<
  AmendmentEntity,
  | 'documentId'
  | 'clauseId'
  | 'kind'
  | 'clauseKind'
  | 'text'
  | 'rationale'
  | 'proposerId'
  | 'proposedById'
  | 'baseClauseVersion'
>;

export type AmendmentChanges = Partial<
  Pick<
    AmendmentEntity,
    'status' | 'text' | 'baseClauseVersion' | 'decidedAt' | 'decidedById' | 'decisionNote'
  >
>;

/** Every column of AmendmentEntity, for the plain-row reads. */
const AMENDMENT_COLUMNS = `a.id, a."documentId", a."clauseId", a.kind, a.text, a."clauseKind",
  a.rationale, a.status, a."proposerId", a."proposedById", a."baseClauseVersion", a."createdAt",
  a."decidedAt", a."decidedById", a."decisionNote"`;

@Injectable()
export class AmendmentsRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get amendments() {
    return this.txHost.tx.getRepository(AmendmentEntity);
  }

  private get cosponsors() {
    return this.txHost.tx.getRepository(AmendmentCosponsorEntity);
  }

  getById(id: string): Promise<AmendmentEntity | null> {
    return this.amendments.findOneBy({ id });
  }

  create(amendment: NewAmendment): Promise<AmendmentEntity> {
    return this.amendments.save(this.amendments.create(amendment));
  }

  async update(id: string, changes: AmendmentChanges): Promise<AmendmentEntity> {
    await this.amendments.update({ id }, changes);
    return this.amendments.findOneByOrFail({ id });
  }

  ofDocuments(documentIds: readonly string[]): Promise<AmendmentEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT ${AMENDMENT_COLUMNS} FROM amendments a WHERE a."documentId" = ANY($1)
       ORDER BY a."createdAt", a.id`,
      [documentIds],
    );
  }

  ofClauses(clauseIds: readonly string[]): Promise<AmendmentEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT ${AMENDMENT_COLUMNS} FROM amendments a WHERE a."clauseId" = ANY($1)
       ORDER BY a."createdAt", a.id`,
      [clauseIds],
    );
  }

  countProposed(documentId: string): Promise<number> {
    return this.amendments.countBy({ documentId, status: AmendmentStatus.PROPOSED });
  }

  cosponsorsOf(amendmentIds: readonly string[]): Promise<AmendmentCosponsorEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT k."amendmentId", k."participantId", k."cosponsoredById", k."createdAt"
       FROM amendment_cosponsors k WHERE k."amendmentId" = ANY($1) ORDER BY k."createdAt"`,
      [amendmentIds],
    );
  }

  async isCosponsor(amendmentId: string, participantId: string): Promise<boolean> {
    return (await this.cosponsors.countBy({ amendmentId, participantId })) > 0;
  }

  addCosponsor(
    cosponsor: Pick<AmendmentCosponsorEntity, 'amendmentId' | 'participantId' | 'cosponsoredById'>,
  ): Promise<AmendmentCosponsorEntity> {
    return this.cosponsors.save(this.cosponsors.create(cosponsor));
  }
}
