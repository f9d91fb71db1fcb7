import { ResolveField, Resolver } from '@nestjs/graphql';
import { callerOf, FieldArgs, GraphQLRequestContext, loaderOf } from '@accord/common';
import { ParticipantModel } from '@accord/participants';
import { SignaturesArgs } from './dto/signatures.args';
import { DocumentByIdLoader } from './loaders/document-by-id.loader';
import { SignaturesByParticipantLoader } from './loaders/signatures-by-participant.loader';
import { SignatureModel } from './models/signature.model';
import { SignaturesService } from './signatures.service';

/** Participant.signatures lives here: the participants library knows nothing of signing. */
@Resolver(() => ParticipantModel)
export class ParticipantSignaturesResolver {
  constructor(private readonly signaturesService: SignaturesService) {}

  @ResolveField(() => [SignatureModel], {
    description: 'Only on documents the caller may see (adopted documents are public)',
  })
  async signatures(
    participant: ParticipantModel,
    @FieldArgs() { includeWithdrawn }: SignaturesArgs,
    context: GraphQLRequestContext,
  ): Promise<SignatureModel[]> {
    const actor = callerOf(context);
    const signatures = loaderOf(context, SignaturesByParticipantLoader);
    const documents = loaderOf(context, DocumentByIdLoader);
    const given = (await signatures.load(participant.id)).filter(
      (s) => includeWithdrawn || !s.withdrawnAt,
    );
    const onDocuments = await documents.loadMany(given.map((s) => s.documentId));
    return given
      .filter((_s, i) => {
        const document = onDocuments[i];
        return (
          !!document &&
          !(document instanceof Error) &&
          this.signaturesService.canSeeDocument(actor, document)
        );
      })
      .map(SignatureModel.from);
  }
}
