import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, callerOf, FieldArgs, GraphQLRequestContext, loaderOf } from '@accord/common';
import { DocumentModel } from '@accord/drafting';
import { ParticipantByIdLoader } from '@accord/participants';
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
    document: DocumentModel,
    @FieldArgs() { includeWithdrawn }: SignaturesArgs,
    context: GraphQLRequestContext,
  ): Promise<SignatureModel[]> {
    const actor = callerOf(context);
    const signatures = loaderOf(context, SignaturesByDocumentLoader);
    const all = await this.visible(actor, document, signatures);
    return all.filter((s) => includeWithdrawn || !s.withdrawnAt).map(SignatureModel.from);
  }

  @ResolveField(() => Int, { description: 'Active (not withdrawn) signatures' })
  async signatureCount(
    document: DocumentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<number> {
    const actor = callerOf(context);
    const signatures = loaderOf(context, SignaturesByDocumentLoader);
    return (await this.visible(actor, document, signatures)).filter((s) => !s.withdrawnAt).length;
  }

  @ResolveField(() => [KindCountModel], {
    description: 'Active signatures per participant kind, every eligible kind included',
  })
  async signatureCountsByKind(
    document: DocumentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<KindCountModel[]> {
    const actor = callerOf(context);
    const signatures = loaderOf(context, SignaturesByDocumentLoader);
    const participants = loaderOf(context, ParticipantByIdLoader);
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
