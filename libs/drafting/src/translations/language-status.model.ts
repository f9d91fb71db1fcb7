import { Field, Int, ObjectType } from '@nestjs/graphql';
import { LanguageStatus } from './translation-status';

/** How many clauses of the document are current, stale and missing in one authentic language. */
@ObjectType('LanguageStatus')
export class LanguageStatusModel {
  @Field()
  language: string;

  @Field(() => Int)
  current: number;

  @Field(() => Int, { description: 'Translated from an older version of the clause' })
  stale: number;

  @Field(() => Int, { description: 'Not translated' })
  missing: number;

  static from(status: LanguageStatus): LanguageStatusModel {
    const model = new LanguageStatusModel();
    model.language = status.language;
    model.current = status.current;
    model.stale = status.stale;
    model.missing = status.missing;
    return model;
  }
}
