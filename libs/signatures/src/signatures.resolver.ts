import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission, Public } from '@accord/common';
import { RecordSignatureInput } from './dto/record-signature.input';
import { SignDocumentArgs } from './dto/sign-document.args';
import { SignatureRefArgs } from './dto/signature-ref.args';
import { VerifySignatureArgs } from './dto/verify-signature.args';
import { WithdrawSignatureArgs } from './dto/withdraw-signature.args';
import { SignatureVerificationModel } from './models/signature-verification.model';
import { SignatureModel } from './models/signature.model';
import { SignatureVerificationService } from './signature-verification.service';
import { SignaturesService } from './signatures.service';

@Resolver(() => SignatureModel)
export class SignaturesResolver {
  constructor(
    private readonly signaturesService: SignaturesService,
    private readonly verification: SignatureVerificationService,
  ) {}

  @Mutation(() => SignatureModel, {
    description: 'A head of delegation signs for its own participant, now',
  })
  @Permission('signature.sign')
  async signDocument(
    @CurrentUser() actor: Actor | null,
    @Args() args: SignDocumentArgs,
  ): Promise<SignatureModel> {
    return SignatureModel.from(await this.signaturesService.sign(actor, args));
  }

  @Mutation(() => SignatureModel, {
    description: 'The secretariat records a signature given on paper or at a ceremony',
  })
  @Permission('signature.record')
  async recordSignature(
    @CurrentUser() actor: Actor | null,
    @Args('input') input: RecordSignatureInput,
  ): Promise<SignatureModel> {
    return SignatureModel.from(await this.signaturesService.record(actor, input));
  }

  @Mutation(() => SignatureModel, { description: 'Kept and marked with the reason, never deleted' })
  @Permission('signature.withdraw')
  async withdrawSignature(
    @CurrentUser() actor: Actor | null,
    @Args() args: WithdrawSignatureArgs,
  ): Promise<SignatureModel> {
    return SignatureModel.from(await this.signaturesService.withdraw(actor, args));
  }

  @Query(() => SignatureModel, { nullable: true })
  @Public()
  async signature(
    @CurrentUser() actor: Actor | null,
    @Args() { id }: SignatureRefArgs,
  ): Promise<SignatureModel | null> {
    const signature = await this.signaturesService.getVisible(actor, id);
    return signature ? SignatureModel.from(signature) : null;
  }

  @Query(() => SignatureVerificationModel, {
    description: 'Checks that a signature names the adopted text and, if given, that `text` is it',
  })
  @Public()
  async verifySignature(
    @CurrentUser() actor: Actor | null,
    @Args() { signatureId, text }: VerifySignatureArgs,
  ): Promise<SignatureVerificationModel> {
    const result = await this.verification.verify(actor, signatureId, text ?? null);
    return Object.assign(new SignatureVerificationModel(), {
      ...result,
      signature: SignatureModel.from(result.signature),
    });
  }
}
