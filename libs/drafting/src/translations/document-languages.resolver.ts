import { ResolveField, Resolver } from '@nestjs/graphql';
import { FieldArgs, GraphQLRequestContext, loaderOf } from '@accord/common';
import { ClausesByDocumentLoader } from '../clauses/clauses-by-document.loader';
import { DocumentModel } from '../documents/document.model';
import { languageCode } from './language-codes';
import { OptionalLanguageArgs } from './language.args';
import { LanguageStatusModel } from './language-status.model';
import { translationStatus } from './translation-status';
import { TranslationsByDocumentLoader } from './translations-by-document.loader';

/** Document.title(language:) and Document.translationStatus. */
@Resolver(() => DocumentModel)
export class DocumentLanguagesResolver {
  @ResolveField(() => String, {
    description:
      'In a language (absent: the language of negotiation); the title in the language of negotiation where it has none',
  })
  title(document: DocumentModel, @FieldArgs() { language }: OptionalLanguageArgs): string {
    if (language === null || language === undefined) return document.title;
    // A malformed code is refused; a language the document lacks falls back, so that a list of
    // documents in different languages reads in one query.
    const code = languageCode(language);
    return document.titleTranslations[code]?.title ?? document.title;
  }

  @ResolveField(() => [LanguageStatusModel], {
    description: 'Per authentic language: clauses current, stale and missing',
  })
  async translationStatus(
    document: DocumentModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<LanguageStatusModel[]> {
    const clauses = loaderOf(context, ClausesByDocumentLoader);
    const translations = loaderOf(context, TranslationsByDocumentLoader);
    const [live, translated] = await Promise.all([
      clauses.load(document.id),
      document.languages.length > 1 ? translations.load(document.id) : [],
    ]);
    return translationStatus(
      document,
      live.map(({ clause, number }) => ({ ...clause, number })),
      translated,
    ).map(LanguageStatusModel.from);
  }
}
