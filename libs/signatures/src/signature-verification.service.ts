import { Injectable } from '@nestjs/common';
import { Actor, DomainException } from '@accord/common';
import { DocumentEntity, DocumentsReader, sha256Hex } from '@accord/drafting';
import { SignatureEntity } from './signature.entity';
import { SignaturesRepository } from './signatures.repository';

export interface SignatureVerification {
  signature: SignatureEntity;
  document: DocumentEntity;
  textHash: string;
  adoptedHash: string | null;
  recomputedHash: string | null;
  adoptedText: string | null;
  matchesAdoptedText: boolean;
  providedTextHash: string | null;
  textMatches: boolean | null;
  active: boolean;
  valid: boolean;
}

/**
 * Proves what was signed: the hash stored on the signature must equal the document's
 * adoptedHash and the SHA-256 recomputed now from the adopted version's stored clauses; a text
 * given by the caller is compared exactly with it.
 */
@Injectable()
export class SignatureVerificationService {
  constructor(
    private readonly signatures: SignaturesRepository,
    private readonly documents: DocumentsReader,
  ) {}

  async verify(
    actor: Actor | null,
    signatureId: string,
    text: string | null,
  ): Promise<SignatureVerification> {
    const signature = await this.signatures.getById(signatureId);
    const document = signature ? await this.documents.getById(signature.documentId) : null;
    if (!signature || !document || !this.documents.canRead(actor, document)) {
      throw DomainException.notFound('Signature', 'signatureId');
    }
    const adopted = await this.documents.adoptedText(document);
    const recomputedHash = adopted?.hash ?? null;
    const matchesAdoptedText =
      recomputedHash !== null &&
      signature.textHash === recomputedHash &&
      document.adoptedHash === recomputedHash;
    const providedTextHash = text === null ? null : sha256Hex(text);
    const textMatches = providedTextHash === null ? null : providedTextHash === signature.textHash;
    return {
      signature,
      document,
      textHash: signature.textHash,
      adoptedHash: document.adoptedHash,
      recomputedHash,
      adoptedText: adopted?.text ?? null,
      matchesAdoptedText,
      providedTextHash,
      textMatches,
      active: signature.withdrawnAt === null,
      valid: matchesAdoptedText && textMatches !== false,
    };
  }
}
