import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SeedService } from '../../apps/api/src/seed/seed.service';
import { NEXT_MEETING } from '../../apps/api/src/seed/meetings.seed';
import { createTestApp, TestApp } from '../support/test-app';

describe('Notification emails: the demo mailbox (no SMTP_URL)', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-mailbox-'));
  const mailbox = join(dataDir, 'mailbox');

  beforeAll(async () => {
    t = await createTestApp({ dataDir, seedDemo: true });
    await t.get(SeedService).run();
  });

  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds the invitations to the next meeting after the first start, as .eml files', async () => {
    const subject = `Invitation: ${NEXT_MEETING.title}`;
    let invitations: string[] = [];
    for (let i = 0; i < 300 && invitations.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const files = (() => {
        try {
          return readdirSync(mailbox).filter((f) => f.endsWith('.eml'));
        } catch {
          return [];
        }
      })();
      invitations = files.filter((f) => readFileSync(join(mailbox, f), 'utf8').includes(subject));
    }
    expect(invitations.length).toBeGreaterThan(0);
    const mail = await simpleParser(readFileSync(join(mailbox, invitations[0])));
    expect(mail.subject).toBe(subject);
    expect(mail.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    const pending = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notification_deliveries WHERE kind = 'MEETING_INVITATION'`,
    )) as { n: number }[];
    expect(pending[0].n).toBeGreaterThan(0);
  });
});
