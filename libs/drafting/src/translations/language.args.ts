import { ArgsType, Field } from '@nestjs/graphql';

/** Clause.translation(language:); read with @FieldArgs, so the service checks the code. */
@ArgsType()
export class LanguageArgs {
  @Field()
  language: string;
}

/** Document.title(language:): absent means the language of negotiation. */
@ArgsType()
export class OptionalLanguageArgs {
  @Field(() => String, { nullable: true })
  language?: string | null;
}
