import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Loader } from '@accord/common';
import { DocumentModel } from '@accord/drafting';
import { ParticipantByIdLoader, ParticipantByIdLoaderInstance } from '@accord/participants';
import { SignaturesArgs } from './dto/signatures.args';
import { countByKind } from './kind-counts';
import {
  SignaturesByDocumentLoader,
  SignaturesByDocumentLoaderInstance,
} from './loaders/signatures-by-document.loader';
import { KindCountModel } from './models/kind-count.model';
import { SignatureModel } from './models/signature.model';
import { SignatureEntity } from './signature.entity';
import { SignaturesService } from './signatures.service';

/** Document.signatures and its counts live here: the drafting library knows nothing of signing. */
@Resolver(() => DocumentModel)
export class DocumentSignaturesResolver {
  constructor(private readonly signaturesService: SignaturesService) {}

  @ResolveField(() => [SignatureModel], { description: 'In the order they were signed' })
  async signatures(
    @Parent() document: DocumentModel,
    @CurrentUser() actor: Actor | null,
    @Args() { includeWithdrawn }: SignaturesArgs,
    @Loader(SignaturesByDocumentLoader) signatures: SignaturesByDocumentLoaderInstance,
  ): Promise<SignatureModel[]> {
    const all = await this.visible(actor, document, signatures);
    return all.filter((s) => includeWithdrawn || !s.withdrawnAt).map(SignatureModel.from);
  }

  @ResolveField(() => Int, { description: 'Active (not withdrawn) signatures' })
  async signatureCount(
    @Parent() document: DocumentModel,
    @CurrentUser() actor: Actor | null,
    @Loader(SignaturesByDocumentLoader) signatures: SignaturesByDocumentLoaderInstance,
  ): Promise<number> {
    return (await this.visible(actor, document, signatures)).filter((s) => !s.withdrawnAt).length;
  }

  @ResolveField(() => [KindCountModel], {
    description: 'Active signatures per participant kind, every eligible kind included',
  })
  async signatureCountsByKind(
    @Parent() document: DocumentModel,
    @CurrentUser() actor: Actor | null,
    @Loader(SignaturesByDocumentLoader) signatures: SignaturesByDocumentLoaderInstance,
    @Loader(ParticipantByIdLoader) participants: ParticipantByIdLoaderInstance,
  ): Promise<KindCountModel[]> {
    const active = (await this.visible(actor, document, signatures)).filter((s) => !s.withdrawnAt);
    const signers = await participants.loadMany(active.map((s) => s.participantId));
    const kinds = signers.flatMap((p) => (p && !(p instanceof Error) ? [p.kind] : []));
    return countByKind(document.eligibleKinds, kinds).map((c) =>
      Object.assign(new KindCountModel(), c),
    );
  }

  private async visible(
    actor: Actor | null,
    document: DocumentModel,
    signatures: SignaturesByDocumentLoaderInstance,
  ): Promise<SignatureEntity[]> {
    if (!this.signaturesService.canSeeDocument(actor, document)) return [];
    return signatures.load(document.id);
  }
}
