import { Field, Int, ObjectType } from '@nestjs/graphql';

/** A clause's text in one authentic language. */
@ObjectType('ClauseTranslation')
export class ClauseTranslationModel {
  @Field()
  language: string;

  @Field()
  text: string;

  @Field(() => Int, { description: 'The clause version it was translated from' })
  sourceVersion: number;

  @Field({ description: "sourceVersion < the clause's version" })
  stale: boolean;

  @Field()
  updatedAt: Date;

  updatedById: string | null;
  /** Whether the caller may see who translated (the negotiation record); resolved by updatedBy. */
  authorVisible: boolean;

  static of(fields: Omit<ClauseTranslationModel, never>): ClauseTranslationModel {
    return Object.assign(new ClauseTranslationModel(), fields);
  }
}
