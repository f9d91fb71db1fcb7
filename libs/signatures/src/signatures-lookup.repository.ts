import { Injectable } from '@nestjs/common';
import { SignatoriesLookup, TransactionHost, TypeOrmAdapter } from '@accord/common';
import { In, IsNull } from 'typeorm';
import { SignatureEntity } from './signature.entity';

/** Provided as SIGNATORIES_LOOKUP: who has an active signature on which documents (for agendas). */
@Injectable()
export class SignatoriesLookupRepository implements SignatoriesLookup {
  constructor(private readonly txHost: TransactionHost<TypeOrmAdapter>) {}

  async activeSignatories(documentIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const result = new Map<string, Set<string>>(documentIds.map((id) => [id, new Set<string>()]));
    if (!documentIds.length) return result;
    const rows = await this.txHost.tx.getRepository(SignatureEntity).find({
      select: { documentId: true, participantId: true },
      where: { documentId: In([...documentIds]), withdrawnAt: IsNull() },
    });
    for (const row of rows) result.get(row.documentId)!.add(row.participantId);
    return result;
  }
}
