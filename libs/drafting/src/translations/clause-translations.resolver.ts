import { ResolveField, Resolver } from '@nestjs/graphql';
import { callerOf, FieldArgs, GraphQLRequestContext, loaderOf } from '@accord/common';
import { ClauseModel } from '../clauses/clause.model';
import { DocumentByIdLoader } from '../documents/document-by-id.loader';
import { DocumentsService } from '../documents/documents.service';
import { ClauseTranslationModel } from './clause-translation.model';
import { languageCode } from './language-codes';
import { LanguageArgs } from './language.args';
import { TranslationsByClauseLoader } from './translations-by-clause.loader';

interface Languages {
  languages: string[];
  /** Whether the caller sees who translated. */
  history: boolean;
}

/**
 * Clause.translation(language:) and Clause.translations: the clause's text in each authentic
 * language, the language of negotiation first (its text is the clause's text, never stale).
 * Translations into a language the document no longer declares are not shown.
 */
@Resolver(() => ClauseModel)
export class ClauseTranslationsResolver {
  constructor(private readonly documents: DocumentsService) {}

  @ResolveField(() => ClauseTranslationModel, {
    nullable: true,
    description:
      'Null when not translated into this language, or when it is not an authentic language of the document',
  })
  async translation(
    clause: ClauseModel,
    @FieldArgs() { language }: LanguageArgs,
    context: GraphQLRequestContext,
  ): Promise<ClauseTranslationModel | null> {
    const document = await this.languagesOf(clause, context);
    if (!document) return null;
    // A malformed code is refused; a language the document lacks has no text (null).
    const code = languageCode(language);
    if (!document.languages.includes(code)) return null;
    return (await this.texts(clause, document, context)).find((t) => t.language === code) ?? null;
  }

  @ResolveField(() => [ClauseTranslationModel], {
    description: 'One per authentic language translated, the language of negotiation first',
  })
  async translations(
    clause: ClauseModel,
    _args: unknown,
    context: GraphQLRequestContext,
  ): Promise<ClauseTranslationModel[]> {
    const document = await this.languagesOf(clause, context);
    return document ? this.texts(clause, document, context) : [];
  }

  private async texts(
    clause: ClauseModel,
    { languages, history }: Languages,
    context: GraphQLRequestContext,
  ): Promise<ClauseTranslationModel[]> {
    const original = ClauseTranslationModel.of({
      language: languages[0],
      text: clause.text,
      sourceVersion: clause.version,
      stale: false,
      updatedAt: clause.updatedAt ?? new Date(0),
      updatedById: null,
      authorVisible: false,
    });
    if (languages.length === 1) return [original];
    const stored = await loaderOf(context, TranslationsByClauseLoader).load(clause.id);
    const translated = languages.slice(1).flatMap((language) => {
      const t = stored.find((row) => row.language === language);
      if (!t) return [];
      return ClauseTranslationModel.of({
        language,
        text: t.text,
        sourceVersion: t.sourceVersion,
        stale: t.sourceVersion < clause.version,
        updatedAt: t.updatedAt,
        updatedById: t.updatedById,
        authorVisible: history,
      });
    });
    return [original, ...translated];
  }

  /** The document's languages, from the document the clause was read through when possible. */
  private async languagesOf(
    clause: ClauseModel,
    context: GraphQLRequestContext,
  ): Promise<Languages | null> {
    const actor = callerOf(context);
    const through = clause.document as
      (ClauseModel['document'] & { languages?: string[] }) | undefined;
    const document = through?.languages
      ? { ...through, languages: through.languages }
      : await loaderOf(context, DocumentByIdLoader).load(clause.documentId);
    if (!document || !this.documents.canRead(actor, document)) return null;
    return {
      languages: document.languages,
      history: this.documents.canReadHistory(actor, document),
    };
  }
}
