import { NotificationKind } from '@accord/common';
import { MAIL_LANGUAGES, mailLanguage, TemplateRenderer } from './template-renderer';

const renderer = new TemplateRenderer();

const DATA: Record<string, unknown> = {
  recipient: { name: 'Ada <Lovelace>', participantName: 'France' },
  meeting: {
    title: 'Fourth meeting',
    city: 'London',
    venue: 'Lancaster House',
    timezone: 'Europe/London',
    startsAt: '2026-12-08T09:00:00Z',
    endsAt: '2026-12-09T17:00:00Z',
  },
  change: 'INVITED',
  document: { title: 'Code of Practice', slug: 'code' },
  documentUrl: 'http://x/documents/code/text.pdf',
  agendaUrl: 'http://x/meetings/1/agenda.pdf',
  deadline: '2026-12-01T16:00:00Z',
  deadlineTimezone: 'Europe/Paris',
  recipientTimezone: 'UTC',
  brokenBy: 'Mexico',
  participantName: 'France',
  proposerName: 'Japan',
  clauseNumber: 3,
  amendmentKind: 'REPLACE',
  text: 'New words',
  authorName: 'Bob',
  body: 'Agreed',
  invitation: true,
  expiresAt: '2026-12-02T10:00:00Z',
  resetUrl: 'http://x/reset-password#token=abc',
  count: 2,
  plural: true,
  items: [{ subject: 'One', text: 'First' }],
  unsubscribeUrl: 'http://x/notifications/unsubscribe?token=t',
};

describe(TemplateRenderer.name, () => {
  it.each(
    [...Object.values(NotificationKind), 'DIGEST'].flatMap((kind) =>
      MAIL_LANGUAGES.map((language) => [kind, language] as const),
    ),
  )('renders %s in %s: a subject, a text part and an HTML part', (kind, language) => {
    const message = renderer.render(kind, language, DATA);
    expect(message.subject.length).toBeGreaterThan(3);
    expect(message.subject).not.toContain('\n');
    expect(message.text).not.toMatch(/undefined|\[object Object\]|\{\{/);
    expect(message.html).toMatch(/^<!DOCTYPE html>/);
    expect(message.html).toContain(`lang="${language}"`);
  });

  it('escapes what people typed in the HTML part only', () => {
    const message = renderer.render('MEETING_INVITATION', 'en', DATA);
    expect(message.text).toContain('Ada <Lovelace>');
    expect(message.html).toContain('Ada &lt;Lovelace&gt;');
  });

  it('gives a silence deadline in the announced zone and in the recipient’s', () => {
    const message = renderer.render('SILENCE_STARTED', 'fr', DATA);
    expect(message.text).toContain('17:00');
    expect(message.text).toContain('16:00');
    expect(message.text).toContain('Europe/Paris');
  });

  it('writes French to fr and fr-CA readers, English to everyone else', () => {
    expect(mailLanguage('fr')).toBe('fr');
    expect(mailLanguage('fr-CA')).toBe('fr');
    expect(mailLanguage('en')).toBe('en');
    expect(mailLanguage('de')).toBe('en');
  });
});
