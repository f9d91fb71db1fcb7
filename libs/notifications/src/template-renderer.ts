import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { DateTime } from 'luxon';

export type MailLanguage = 'en' | 'fr';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['en', 'fr'];

/** English unless the user reads French (fr, fr-CA…). */
export function mailLanguage(userLanguage: string | null | undefined): MailLanguage {
  return /^fr\b/i.test(userLanguage ?? '') ? 'fr' : 'en';
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

interface Compiled {
  subject: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
}

const TEMPLATES_DIR = join(__dirname, 'templates');

/**
 * The email templates: `templates/<language>/<NAME>.hbs` (handlebars), its first line the
 * subject, then `---`, then the body. One source gives both parts: the text part is rendered
 * without HTML escaping, the HTML part with it, its paragraphs wrapped in `layout.html.hbs`;
 * `{{link url label}}` writes "label: url" in text and an anchor in HTML, `{{datetime iso zone}}`
 * a date in the message's language and that zone.
 */
export class TemplateRenderer {
  private readonly templates = new Map<string, Compiled>();
  private readonly layout: HandlebarsTemplateDelegate;

  constructor(dir = TEMPLATES_DIR) {
    const text = environment(false);
    const html = environment(true);
    this.layout = html.compile(readFileSync(join(dir, 'layout.html.hbs'), 'utf8'));
    for (const language of MAIL_LANGUAGES) {
      const signature = readFileSync(join(dir, language, 'signature.hbs'), 'utf8');
      text.registerPartial(`signature-${language}`, signature);
      html.registerPartial(`signature-${language}`, signature);
      for (const file of readdirSync(join(dir, language))) {
        if (!file.endsWith('.hbs') || file === 'signature.hbs') continue;
        const source = readFileSync(join(dir, language, file), 'utf8').replace(
          /\{\{> signature\}\}/g,
          `{{> signature-${language}}}`,
        );
        const split = source.indexOf('\n---\n');
        if (split < 0) throw new Error(`Template ${language}/${file}: no "---" after the subject`);
        const body = source.slice(split + 5);
        this.templates.set(`${language}/${file.replace(/\.hbs$/, '')}`, {
          subject: text.compile(source.slice(0, split), { strict: false }),
          text: text.compile(body),
          html: html.compile(body),
        });
      }
    }
  }

  render(name: string, language: MailLanguage, data: Record<string, unknown>): RenderedMessage {
    const template = this.templates.get(`${language}/${name}`);
    if (!template) throw new Error(`No email template ${language}/${name}`);
    const context = { ...data, language };
    const subject = template.subject(context).replace(/\s+/g, ' ').trim();
    const text =
      template
        .text(context)
        .replace(/\n{3,}/g, '\n\n')
        .trim() + '\n';
    const paragraphs = template
      .html(context)
      .trim()
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${paragraph.trim().replace(/\n/g, '<br>\n')}</p>`)
      .join('\n');
    return { subject, text, html: this.layout({ language, subject, body: paragraphs }) };
  }
}

function environment(html: boolean): typeof Handlebars {
  const env = Handlebars.create();
  const compile = env.compile.bind(env);
  env.compile = (input: any, options?: CompileOptions) =>
    compile(input, { noEscape: !html, strict: false, ...options });
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('datetime', function (iso: unknown, zone: unknown, options: any) {
    const language = (options?.data?.root?.language as string) ?? 'en';
    const instant =
      iso instanceof Date ? DateTime.fromJSDate(iso) : DateTime.fromISO(String(iso ?? ''));
    if (!instant.isValid) return '';
    return instant
      .setZone(typeof zone === 'string' && zone ? zone : 'UTC')
      .setLocale(language === 'fr' ? 'fr' : 'en-GB')
      .toLocaleString(DateTime.DATETIME_FULL);
  });
  env.registerHelper('link', (url: unknown, label: unknown) => {
    const href = String(url ?? '');
    const text = typeof label === 'string' ? label : href;
    if (!html) return text === href ? href : `${text}: ${href}`;
    return new env.SafeString(
      `<a href="${env.escapeExpression(href)}">${env.escapeExpression(text)}</a>`,
    );
  });
  return env;
}
