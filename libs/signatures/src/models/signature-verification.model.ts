import { Field, ObjectType } from '@nestjs/graphql';
import { SignatureModel } from './signature.model';

/** What anyone can check about a signature: that the text it names is the adopted text. */
@ObjectType('SignatureVerification')
export class SignatureVerificationModel {
  @Field(() => SignatureModel)
  signature: SignatureModel;

  @Field({ description: 'The hash stored on the signature when it was given' })
  textHash: string;

  @Field(() => String, { nullable: true, description: 'The document’s adoptedHash' })
  adoptedHash: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 recomputed now from the adopted version’s stored clauses',
  })
  recomputedHash: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The adopted canonical text, so that anyone can hash it themselves',
  })
  adoptedText: string | null;

  @Field({ description: 'textHash, adoptedHash and recomputedHash are one and the same' })
  matchesAdoptedText: boolean;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the text given, if any' })
  providedTextHash: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The text given is exactly the text signed; null when no text was given',
  })
  textMatches: boolean | null;

  @Field({ description: 'False once the signature was withdrawn' })
  active: boolean;

  @Field({ description: 'matchesAdoptedText, and textMatches when a text was given' })
  valid: boolean;
}
