import { Injectable } from '@nestjs/common';
import { DomainException, plainRows, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In, IsNull, QueryFailedError } from 'typeorm';
import { SignatureEntity } from './signature.entity';

/** Every column of SignatureEntity, for the plain-row reads. */
export const SIGNATURE_COLUMNS = `s.id, s."documentId", s."participantId", s."signedAt", s."signedById",
  s."recordedById", s."meetingId", s."textHash", s.statement, s."withdrawnAt", s."withdrawalReason",
  s."withdrawnById", s."createdAt"`;

const ONE_ACTIVE_PER_PARTICIPANT = 'signatures_one_active_per_participant';

export type NewSignature = Pick<
  SignatureEntity,
  | 'documentId'
  | 'participantId'
  | 'signedAt'
  | 'signedById'
  | 'recordedById'
  | 'meetingId'
  | 'textHash'
  | 'statement'
>;

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}

@Injectable()
export class SignaturesRepository {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  private get signatures() {
    return this.txHost.tx.getRepository(SignatureEntity);
  }

  getById(id: string): Promise<SignatureEntity | null> {
    return this.signatures.findOneBy({ id });
  }

  getByIds(ids: readonly string[]): Promise<SignatureEntity[]> {
    return this.signatures.findBy({ id: In([...ids]) });
  }

  activeFor(documentId: string, participantId: string): Promise<SignatureEntity | null> {
    return this.signatures.findOneBy({ documentId, participantId, withdrawnAt: IsNull() });
  }

  /** Every signature of these documents, withdrawn ones included, in the order given. */
  ofDocuments(documentIds: readonly string[]): Promise<SignatureEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT ${SIGNATURE_COLUMNS} FROM signatures s WHERE s."documentId" = ANY($1)
       ORDER BY s."signedAt", s."createdAt"`,
      [documentIds],
    );
  }

  ofParticipants(participantIds: readonly string[]): Promise<SignatureEntity[]> {
    return plainRows(
      this.txHost.tx,
      `SELECT ${SIGNATURE_COLUMNS} FROM signatures s WHERE s."participantId" = ANY($1)
       ORDER BY s."signedAt", s."createdAt"`,
      [participantIds],
    );
  }

  /**
   * The partial unique index is the guarantee of one active signature per participant: a
   * concurrent second insert fails here, after the first commits, and becomes a CONFLICT.
   */
  async insert(signature: NewSignature): Promise<SignatureEntity> {
    try {
      return await this.signatures.save(this.signatures.create(signature));
    } catch (error) {
      if (isUniqueViolation(error, ONE_ACTIVE_PER_PARTICIPANT)) {
        throw DomainException.conflict('This participant has already signed this document', {
          participantId: signature.participantId,
        });
      }
      throw error;
    }
  }

  /** Marks the signature withdrawn unless it already is; false when another request got there first. */
  async markWithdrawn(
    id: string,
    change: { withdrawnAt: Date; withdrawalReason: string; withdrawnById: string },
  ): Promise<boolean> {
    const result = await this.signatures.update({ id, withdrawnAt: IsNull() }, change);
    return (result.affected ?? 0) === 1;
  }
}
