import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import { Actor, CurrentUser, DomainExceptionRestFilter, IdParamPipe, Public } from '@accord/common';
import type { Response } from 'express';
import { AgendaDownloadsService, AgendaFormat } from './agenda-downloads.service';

/**
 * Agenda files for calendar apps and browsers: public once published (404 before, and for an
 * unknown id); a secretariat bearer token fetches the unpublished latest version. The service
 * decides who sees which version.
 */
@Controller('meetings')
@UseFilters(DomainExceptionRestFilter)
export class AgendaController {
  constructor(private readonly downloads: AgendaDownloadsService) {}

  @Get(':id/agenda.ics')
  @Public()
  icalendar(
    @CurrentUser() actor: Actor | null,
    @Param('id', IdParamPipe) id: string,
    @Res() res: Response,
  ) {
    return this.send(actor, id, 'ics', res);
  }

  @Get(':id/agenda.md')
  @Public()
  markdown(
    @CurrentUser() actor: Actor | null,
    @Param('id', IdParamPipe) id: string,
    @Res() res: Response,
  ) {
    return this.send(actor, id, 'md', res);
  }

  @Get(':id/agenda.pdf')
  @Public()
  pdf(
    @CurrentUser() actor: Actor | null,
    @Param('id', IdParamPipe) id: string,
    @Res() res: Response,
  ) {
    return this.send(actor, id, 'pdf', res);
  }

  private async send(
    actor: Actor | null,
    id: string,
    format: AgendaFormat,
    res: Response,
  ): Promise<void> {
    const file = await this.downloads.download(actor, id, format);
    res
      .status(200)
      .setHeader('Content-Type', file.contentType)
      .setHeader('Content-Disposition', `inline; filename="${file.filename}"`)
      // Drafts must not linger in shared caches; published versions change on republishing.
      .setHeader('Cache-Control', 'private, no-cache')
      .send(file.body);
  }
}
