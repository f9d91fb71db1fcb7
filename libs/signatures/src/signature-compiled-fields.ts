import { Injectable, OnModuleInit } from '@nestjs/common';
import { CompiledReads, isoTimestamp } from '@accord/common';

/**
 * Document.signatures (without arguments: the active ones, in signing order) and the plain
 * fields of Signature, for compiled reads of a document (see CompiledReads). The document is
 * one the caller may read, which is all DocumentSignaturesResolver asks (`document.read`).
 */
@Injectable()
export class SignatureCompiledFields implements OnModuleInit {
  constructor(private readonly reads: CompiledReads) {}

  onModuleInit(): void {
    this.reads.declareFields('Document', {
      signatures: {
        type: 'Signature',
        list: true,
        table: 'signatures',
        parentKey: 'documentId',
        scope: { Document: (signature, roots) => `${signature}."documentId" IN ${roots}` },
        where: (signature) => `${signature}."withdrawnAt" IS NULL`,
        orderBy: (signature) => `${signature}."signedAt", ${signature}."createdAt"`,
      },
    });
    this.reads.declareFields('Signature', {
      id: { column: (row) => `${row}.id` },
      signedAt: { column: (row) => isoTimestamp(`${row}."signedAt"`) },
      textHash: { column: (row) => `${row}."textHash"` },
      participant: {
        type: 'Participant',
        list: false,
        table: 'participants',
        on: (signature, participant) => `${participant}.id = ${signature}."participantId"`,
      },
    });
  }
}
