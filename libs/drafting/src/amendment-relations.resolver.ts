import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainException, Loader } from '@accord/common';
import { UserByIdLoader, UserByIdLoaderInstance, UserModel } from '@accord/auth';
import {
  ParticipantByIdLoader,
  ParticipantByIdLoaderInstance,
  ParticipantEntity,
  ParticipantModel,
} from '@accord/participants';
import { ClauseByIdLoader, ClauseByIdLoaderInstance } from './loaders/clause-by-id.loader';
import {
  CosponsorsByAmendmentLoader,
  CosponsorsByAmendmentLoaderInstance,
} from './loaders/cosponsors-by-amendment.loader';
import { DocumentByIdLoader, DocumentByIdLoaderInstance } from './loaders/document-by-id.loader';
import { AmendmentModel } from './models/amendment.model';
import { ClauseModel } from './models/clause.model';
import { DocumentModel } from './models/document.model';

@Resolver(() => AmendmentModel)
export class AmendmentRelationsResolver {
  @ResolveField(() => DocumentModel)
  async document(
    @Parent() amendment: AmendmentModel,
    @Loader(DocumentByIdLoader) documents: DocumentByIdLoaderInstance,
  ): Promise<DocumentModel> {
    const document = await documents.load(amendment.documentId);
    if (!document) throw DomainException.notFound('Document');
    return DocumentModel.from(document);
  }

  @ResolveField(() => ClauseModel, {
    nullable: true,
    description: 'Null once the clause has been removed from the text',
  })
  async clause(
    @Parent() amendment: AmendmentModel,
    @Loader(ClauseByIdLoader) clauses: ClauseByIdLoaderInstance,
  ): Promise<ClauseModel | null> {
    const found = await clauses.load(amendment.clauseId);
    return found ? ClauseModel.from(found.clause, found.number) : null;
  }

  @ResolveField(() => ParticipantModel, { description: 'The proposing delegation' })
  async proposer(
    @Parent() amendment: AmendmentModel,
    @Loader(ParticipantByIdLoader) participants: ParticipantByIdLoaderInstance,
  ): Promise<ParticipantModel> {
    const participant = await participants.load(amendment.proposerId);
    if (!participant) throw DomainException.notFound('Participant');
    return ParticipantModel.from(participant);
  }

  @ResolveField(() => UserModel)
  async proposedBy(
    @Parent() amendment: AmendmentModel,
    @Loader(UserByIdLoader) users: UserByIdLoaderInstance,
  ): Promise<UserModel> {
    const user = await users.load(amendment.proposedById);
    if (!user) throw DomainException.notFound('User');
    return UserModel.from(user);
  }

  @ResolveField(() => [ParticipantModel])
  async cosponsors(
    @Parent() amendment: AmendmentModel,
    @Loader(CosponsorsByAmendmentLoader) cosponsors: CosponsorsByAmendmentLoaderInstance,
    @Loader(ParticipantByIdLoader) participants: ParticipantByIdLoaderInstance,
  ): Promise<ParticipantModel[]> {
    const rows = await cosponsors.load(amendment.id);
    const found = await participants.loadMany(rows.map((row) => row.participantId));
    return found
      .filter((p): p is ParticipantEntity => !!p && !(p instanceof Error))
      .map(ParticipantModel.from);
  }
}
