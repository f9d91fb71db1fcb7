import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  DomainException,
  DomainExceptionRestFilter,
  Public,
} from '@accord/common';
import type { Request, Response } from 'express';
import { PreferencesService } from './preferences.service';
import { verifyUnsubscribeToken } from './unsubscribe-token';

/** A user id, a dot and a base64url HMAC-SHA256: 36 + 1 + 43. */
const MAX_TOKEN_LENGTH = 80;

const DONE_PAGE =
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Accord</title></head><body>` +
  `<p>Done: you will no longer receive the digest emails. You can turn them on again in your notification preferences.</p></body></html>`;

/**
 * The digest's List-Unsubscribe target. POST (RFC 8058 one-click, what mail clients send) turns
 * the digest kinds off; GET (a person following the link) shows a button that POSTs, so that
 * link scanners fetching URLs unsubscribe nobody.
 */
@Controller('notifications/unsubscribe')
@UseFilters(DomainExceptionRestFilter)
export class UnsubscribeController {
  constructor(
    private readonly preferences: PreferencesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  page(@Query('token') token: unknown, @Res() response: Response): void {
    this.userOf(token);
    response
      .type('html')
      // The API's CSP forbids every form (form-action 'none'); this page's one button posts here.
      .setHeader(
        'Content-Security-Policy',
        "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      )
      .send(
        `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Accord</title></head><body>` +
          `<form method="post"><p>Stop the digest emails (amendments proposed, replies to your comments)?</p>` +
          `<button type="submit">Unsubscribe</button></form></body></html>`,
      );
  }

  @Post()
  @Public()
  @HttpCode(200)
  async unsubscribe(
    @Query('token') token: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ unsubscribed: true } | string> {
    await this.preferences.unsubscribeDigest(this.userOf(token));
    // The page's button (a browser) is answered with a page; a mail client's one-click POST with JSON.
    if (request.accepts(['json', 'html']) !== 'html') return { unsubscribed: true };
    response.type('html');
    return DONE_PAGE;
  }

  private userOf(token: unknown): string {
    const userId =
      typeof token === 'string' && token.length <= MAX_TOKEN_LENGTH
        ? verifyUnsubscribeToken(this.config.jwtSecret, token)
        : null;
    if (!userId) throw DomainException.badInput('token', 'token is not a valid unsubscribe token');
    return userId;
  }
}
