import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, DomainException, Loader } from '@accord/common';
import { UserByIdLoader, UserByIdLoaderInstance, UserModel } from '@accord/auth';
import { DocumentModel } from '@accord/drafting';
import { MeetingByIdLoader, MeetingByIdLoaderInstance, MeetingModel } from '@accord/meetings';
import {
  ParticipantByIdLoader,
  ParticipantByIdLoaderInstance,
  ParticipantModel,
} from '@accord/participants';
import { DocumentByIdLoader, DocumentByIdLoaderInstance } from './loaders/document-by-id.loader';
import { SignatureModel } from './models/signature.model';
import { SignaturesService } from './signatures.service';

@Resolver(() => SignatureModel)
export class SignatureFieldsResolver {
  constructor(private readonly signaturesService: SignaturesService) {}

  @ResolveField(() => DocumentModel)
  async document(
    @Parent() signature: SignatureModel,
    @Loader(DocumentByIdLoader) documents: DocumentByIdLoaderInstance,
  ): Promise<DocumentModel> {
    const document = await documents.load(signature.documentId);
    if (!document) throw DomainException.notFound('Document');
    return DocumentModel.from(document);
  }

  @ResolveField(() => ParticipantModel)
  async participant(
    @Parent() signature: SignatureModel,
    @Loader(ParticipantByIdLoader) participants: ParticipantByIdLoaderInstance,
  ): Promise<ParticipantModel> {
    const participant = await participants.load(signature.participantId);
    if (!participant) throw DomainException.notFound('Participant');
    return ParticipantModel.from(participant);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'The head of delegation who signed on the platform; null for the public',
  })
  signedBy(
    @Parent() signature: SignatureModel,
    @CurrentUser() actor: Actor | null,
    @Loader(UserByIdLoader) users: UserByIdLoaderInstance,
  ): Promise<UserModel | null> {
    return this.user(actor, signature.signedById, users);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'The secretariat officer who recorded it; null for the public',
  })
  recordedBy(
    @Parent() signature: SignatureModel,
    @CurrentUser() actor: Actor | null,
    @Loader(UserByIdLoader) users: UserByIdLoaderInstance,
  ): Promise<UserModel | null> {
    return this.user(actor, signature.recordedById, users);
  }

  @ResolveField(() => MeetingModel, { nullable: true })
  async meeting(
    @Parent() signature: SignatureModel,
    @Loader(MeetingByIdLoader) meetings: MeetingByIdLoaderInstance,
  ): Promise<MeetingModel | null> {
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
