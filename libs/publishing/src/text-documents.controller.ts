import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { Actor, CurrentUser, DomainExceptionRestFilter, Public } from '@accord/common';
import type { Response } from 'express';
import { TextDocumentsService } from './text-documents.service';
import { TextFormat, textFile } from './text-downloads';

/**
 * A document's text as a file to hand out, in one authentic language (?language=fr) or two
 * side by side (?language=en,fr): public once adopted; a draft needs a bearer token of someone
 * who may read it, and is 404 to anyone else, as an absent document.
 */
@Controller('documents')
@UseFilters(DomainExceptionRestFilter)
export class TextDocumentsController {
  constructor(private readonly texts: TextDocumentsService) {}

  @Get(':slug/text.pdf')
  @Public()
  pdf(
    @CurrentUser() actor: Actor | null,
    @Param('slug') slug: string,
    @Query('language') language: unknown,
    @Res() res: Response,
  ) {
    return this.send(actor, slug, language, 'pdf', res);
  }

  @Get(':slug/text.docx')
  @Public()
  docx(
    @CurrentUser() actor: Actor | null,
    @Param('slug') slug: string,
    @Query('language') language: unknown,
    @Res() res: Response,
  ) {
    return this.send(actor, slug, language, 'docx', res);
  }

  @Get(':slug/text.md')
  @Public()
  markdown(
    @CurrentUser() actor: Actor | null,
    @Param('slug') slug: string,
    @Query('language') language: unknown,
    @Res() res: Response,
  ) {
    return this.send(actor, slug, language, 'md', res);
  }

  private async send(
    actor: Actor | null,
    slug: string,
    language: unknown,
    format: TextFormat,
    res: Response,
  ): Promise<void> {
    const file = await textFile(await this.texts.load(actor, slug, language), format);
    res
      .status(200)
      .setHeader('Content-Type', file.contentType)
      .setHeader(
        'Content-Disposition',
        `${format === 'docx' ? 'attachment' : 'inline'}; filename="${file.filename}"`,
      )
      // Drafts must not linger in shared caches; signatories of an open text change.
      .setHeader('Cache-Control', 'private, no-cache')
      .send(file.body);
  }
}
