import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentUser, Permission } from '@accord/common';
import { DocumentModel } from '../documents/document.model';
import { ClauseTranslationModel } from './clause-translation.model';
import { SetClauseTranslationArgs } from './set-clause-translation.args';
import { SetDocumentLanguagesArgs } from './set-document-languages.args';
import { SetDocumentTitleArgs } from './set-document-title.args';
import { TranslationsService } from './translations.service';

/** Authentic languages: which ones, and the texts in them. */
@Resolver(() => ClauseTranslationModel)
export class TranslationsResolver {
  constructor(private readonly translations: TranslationsService) {}

  @Mutation(() => DocumentModel, {
    description: 'The first language is the language of negotiation; DRAFT or NEGOTIATION',
  })
  @Permission('document.setLanguages')
  async setDocumentLanguages(
    @CurrentUser() actor: Actor | null,
    @Args() { documentId, languages }: SetDocumentLanguagesArgs,
  ): Promise<DocumentModel> {
    return DocumentModel.from(await this.translations.setLanguages(actor, documentId, languages));
  }

  @Mutation(() => ClauseTranslationModel, {
    description:
      'CONFLICT when sourceVersion is older than the clause, with currentVersion and currentText',
  })
  @Permission('translation.edit')
  async setClauseTranslation(
    @CurrentUser() actor: Actor | null,
    @Args() args: SetClauseTranslationArgs,
  ): Promise<ClauseTranslationModel> {
    const { translation, clause } = await this.translations.setClauseTranslation(actor, args);
    return ClauseTranslationModel.of({
      language: translation.language,
      text: translation.text,
      sourceVersion: translation.sourceVersion,
      stale: translation.sourceVersion < clause.clause.version,
      updatedAt: translation.updatedAt,
      updatedById: translation.updatedById,
      authorVisible: true,
    });
  }

  @Mutation(() => DocumentModel)
  @Permission('translation.edit')
  async setDocumentTitle(
    @CurrentUser() actor: Actor | null,
    @Args() { documentId, language, title }: SetDocumentTitleArgs,
  ): Promise<DocumentModel> {
    return DocumentModel.from(await this.translations.setTitle(actor, documentId, language, title));
  }
}
