import { Injectable } from '@nestjs/common';
import { DomainException, plainRows, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { DocumentRef, can } from '@accord/policy';
import { ParticipantEntity } from '@accord/participants';
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

  /**
   * The data version (see migration DocumentDataVersions) of those of these documents the public
   * may read, by id: what public caches are keyed by. Documents the public may not read are
   * left out, so that nothing of them is ever cached.
   */
  async publicVersions(documentIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await plainRows<DocumentRef & { id: string; version: string }>(
      this.txHost.tx,
      `SELECT d.id, d.status, d."eligibleKinds"::text[] AS "eligibleKinds",
         COALESCE(v.version, 0)::text AS version
       FROM documents d LEFT JOIN document_data_versions v ON v."documentId" = d.id
       WHERE d.id = ANY($1)`,
      [documentIds],
    );
    return new Map(rows.filter((d) => can(null, 'document.read', d)).map((d) => [d.id, d.version]));
  }

  /** ofDocuments with each signature's participant, in one statement. */
  async ofDocumentsWithSigners(
    documentIds: readonly string[],
  ): Promise<{ signature: SignatureEntity; participant: ParticipantEntity }[]> {
    const rows = await plainRows<SignatureEntity & { signer: ParticipantEntity }>(
      this.txHost.tx,
      `SELECT ${SIGNATURE_COLUMNS},
         json_build_object('id', p.id, 'kind', p.kind, 'name', p.name, 'shortName', p."shortName",
           'countryCode', p."countryCode", 'createdAt', p."createdAt") AS signer
       FROM signatures s JOIN participants p ON p.id = s."participantId"
       WHERE s."documentId" = ANY($1) ORDER BY s."signedAt", s."createdAt"`,
      [documentIds],
    );
    return rows.map(({ signer, ...signature }) => ({
      signature,
      participant: { ...signer, createdAt: new Date(signer.createdAt) },
    }));
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
