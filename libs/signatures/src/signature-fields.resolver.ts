import { ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, callerOf, DomainException, GraphQLRequestContext, loaderOf } from '@accord/common';
import { UserByIdLoader, UserByIdLoaderInstance, UserModel } from '@accord/auth';
import { DocumentModel } from '@accord/drafting';
import { MeetingByIdLoader, MeetingModel } from '@accord/meetings';
import { ParticipantByIdLoader, ParticipantModel } from '@accord/participants';
import { DocumentByIdLoader } from './loaders/document-by-id.loader';
import { SignatureModel } from './models/signature.model';
import { SignaturesService } from './signatures.service';

@Resolver(() => SignatureModel)
export class SignatureFieldsResolver {
  constructor(private readonly signaturesService: SignaturesService) {}

  @ResolveField(() => DocumentModel)
  async document(
    signature: SignatureModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<DocumentModel> {
    const documents = loaderOf(context, DocumentByIdLoader);
    const document = await documents.load(signature.documentId);
    if (!document) throw DomainException.notFound('Document');
    return DocumentModel.from(document);
  }

  @ResolveField(() => ParticipantModel)
  async participant(
    signature: SignatureModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ParticipantModel> {
    const participants = loaderOf(context, ParticipantByIdLoader);
    const participant = await participants.load(signature.participantId);
    if (!participant) throw DomainException.notFound('Participant');
    return ParticipantModel.from(participant);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'The head of delegation who signed on the platform; null for the public',
  })
  signedBy(
    signature: SignatureModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<UserModel | null> {
    const actor = callerOf(context);
    const users = loaderOf(context, UserByIdLoader);
    return this.user(actor, signature.signedById, users);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'The secretariat officer who recorded it; null for the public',
  })
  recordedBy(
    signature: SignatureModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<UserModel | null> {
    const actor = callerOf(context);
    const users = loaderOf(context, UserByIdLoader);
    return this.user(actor, signature.recordedById, users);
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async meeting(
    signature: SignatureModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<MeetingModel | null> {
    const meetings = loaderOf(context, MeetingByIdLoader);
    const meeting = signature.meetingId ? await meetings.load(signature.meetingId) : null;
    return meeting ? MeetingModel.from(meeting) : null;
  }

  private async user(
    actor: Actor | null,
    userId: string | null,
    users: UserByIdLoaderInstance,
  ): Promise<UserModel | null> {
    if (!userId || !this.signaturesService.canSeeSigners(actor)) return null;
    const user = await users.load(userId);
    return user ? UserModel.from(user) : null;
  }
}
