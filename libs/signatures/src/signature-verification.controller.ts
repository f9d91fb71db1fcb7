import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import {
  Actor,
  CurrentUser,
  DomainException,
  DomainExceptionRestFilter,
  IdParamPipe,
  MultilineText,
  Public,
} from '@accord/common';
import { IsString, MaxLength } from 'class-validator';

import { VERIFIED_TEXT_LIMIT } from './dto/verify-signature.args';
import {
  SignatureVerification,
  SignatureVerificationService,
} from './signature-verification.service';

export class VerifyTextBody {
  @IsString({ message: 'text must be a string' })
  @MaxLength(VERIFIED_TEXT_LIMIT)
  @MultilineText()
  text: string;
}

function toJson(result: SignatureVerification) {
  return {
    signatureId: result.signature.id,
    documentId: result.document.id,
    documentSlug: result.document.slug,
    participantId: result.signature.participantId,
    signedAt: result.signature.signedAt.toISOString(),
    withdrawnAt: result.signature.withdrawnAt?.toISOString() ?? null,
    textHash: result.textHash,
    adoptedHash: result.adoptedHash,
    recomputedHash: result.recomputedHash,
    matchesAdoptedText: result.matchesAdoptedText,
    providedTextHash: result.providedTextHash,
    textMatches: result.textMatches,
    active: result.active,
    valid: result.valid,
    adoptedText: result.adoptedText,
  };
}

/** The same check as Query.verifySignature, for anyone without a GraphQL client. */
@Controller('signatures')
@UseFilters(DomainExceptionRestFilter)
export class SignatureVerificationController {
  constructor(private readonly verification: SignatureVerificationService) {}

  /** The hashes and the adopted text; `?text=` checks a short text too. */
  @Get(':id/verification')
  @Public()
  async verify(
    @CurrentUser() actor: Actor | null,
    @Param('id', IdParamPipe) id: string,
    @Query('text') text: unknown,
  ): Promise<ReturnType<typeof toJson>> {
    if (text !== undefined && typeof text !== 'string') {
      throw DomainException.badInput('text', 'text must be given once, as a string');
    }
    return toJson(await this.verification.verify(actor, id, text ?? null));
  }

  /** Checks a text of any length, sent as JSON `{ "text": "…" }`. */
  @Post(':id/verification')
  @HttpCode(200)
  @Public()
  async verifyText(
    @CurrentUser() actor: Actor | null,
    @Param('id', IdParamPipe) id: string,
    @Body() body: VerifyTextBody,
  ): Promise<ReturnType<typeof toJson>> {
    return toJson(await this.verification.verify(actor, id, body.text));
  }
}
