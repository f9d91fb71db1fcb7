import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import {
  Actor,
  CurrentUser,
  DomainException,
  DomainExceptionRestFilter,
  Public,
} from '@accord/common';
import type { Response } from 'express';

import { SignatoriesService } from './signatories.service';

function parseFlag(raw: unknown, field: string): boolean {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  throw DomainException.badInput(field, `${field} must be true or false`);
}

@Controller('documents')
@UseFilters(DomainExceptionRestFilter)
export class SignatoriesController {
  constructor(private readonly signatories: SignatoriesService) {}

  /** RFC 4180 CSV of the active signatories (withdrawn ones too with ?includeWithdrawn=true). */
  @Get(':slug/signatories.csv')
  @Public()
  async signatoriesCsv(
    @CurrentUser() actor: Actor | null,
    @Param('slug') slug: string,
    @Query('includeWithdrawn') includeWithdrawn: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.signatories.csv(
      actor,
      slug,
      parseFlag(includeWithdrawn, 'includeWithdrawn'),
    );
    if (!csv) throw DomainException.notFound('Document', 'slug');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${csv.filename}"`);
    return csv.body;
  }
}
