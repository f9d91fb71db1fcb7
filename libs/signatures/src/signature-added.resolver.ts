import { Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import {
  Actor,
  CurrentUser,
  DomainException,
  GraphQLRequestContext,
  Public,
  PUB_SUB,
  RequestLoaders,
} from '@accord/common';
import { PubSubEngine } from 'graphql-subscriptions';
import { SignatureAddedArgs } from './dto/signature-added.args';
import { SignatureModel } from './models/signature.model';
import { SIGNATURE_ADDED, SignatureAddedEvent } from './signature-events';
import { SignaturesService } from './signatures.service';

@Resolver()
export class SignatureAddedResolver {
  constructor(
    private readonly signaturesService: SignaturesService,
    private readonly moduleRef: ModuleRef,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Subscription(() => SignatureModel, {
    description: 'Each new signature on a document the subscriber may see',
    filter(
      this: SignatureAddedResolver,
      event: SignatureAddedEvent,
      args: SignatureAddedArgs,
      context: GraphQLRequestContext,
    ) {
      return (
        event.documentId === args.documentId &&
        this.signaturesService.canWatch(context.req.user ?? null, event.documentId)
      );
    },
    async resolve(
      this: SignatureAddedResolver,
      event: SignatureAddedEvent,
      _args: SignatureAddedArgs,
      context: GraphQLRequestContext,
    ) {
      // One context serves the whole subscription: fresh loaders, so each event reads current state.
      context.loaders = new RequestLoaders(this.moduleRef);
      const signature = await this.signaturesService.getVisible(
        context.req.user ?? null,
        event.signatureId,
      );
      if (!signature) throw DomainException.notFound('Signature');
      return SignatureModel.from(signature);
    },
  })
  @Public()
  async signatureAdded(
    @CurrentUser() actor: Actor | null,
    @Args() { documentId }: SignatureAddedArgs,
  ): Promise<AsyncIterableIterator<SignatureAddedEvent>> {
    await this.signaturesService.assertCanWatch(actor, documentId);
    return this.pubSub.asyncIterableIterator<SignatureAddedEvent>(SIGNATURE_ADDED);
  }
}
