import { ClauseKind, DocumentStatus, ParticipantKind } from '@accord/common';
import { SignatureEntity } from '@accord/signatures';
import mammoth from 'mammoth';
import request from 'supertest';
import { createDocumentInStatus, TestDocument } from '../support/document-factory';
import { createParticipant, createWorld, World } from '../support/factories';
import { pdfText } from '../support/pdf-text';
import { createTestApp, TestApp } from '../support/test-app';

const NAMES = ['Việt Nam', 'Türkiye', "Côte d'Ivoire", 'Україна', 'Ελλάδα'];
const FORMATS = ['pdf', 'docx', 'md'] as const;

/** The text a reader sees in each format: PDF through pdf-parse, Word through mammoth. */
async function textOf(format: (typeof FORMATS)[number], body: Buffer): Promise<string> {
  if (format === 'pdf') return pdfText(body);
  if (format === 'docx') return (await mammoth.extractRawText({ buffer: body })).value;
  return body.toString('utf8');
}

describe('publishing: texts as documents to hand out (PDF, Word, Markdown)', () => {
  let t: TestApp;
  let w: World;
  let draft: TestDocument;
  let adopted: TestDocument;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    draft = await createDocumentInStatus(t, {
      status: DocumentStatus.NEGOTIATION,
      eligibleKinds: [ParticipantKind.STATE],
      title: 'Code of Practice for States',
      clauses: [
        { kind: ClauseKind.HEADING, text: 'General principles' },
        { kind: ClauseKind.PREAMBULAR, text: 'Recalling the Pall Mall Process Declaration,' },
        {
          kind: ClauseKind.OPERATIVE,
          text: 'States shall [publish] their policies [within [one] year].',
        },
      ],
    });
    adopted = await createDocumentInStatus(t, {
      status: DocumentStatus.OPEN_FOR_SIGNATURE,
      eligibleKinds: [ParticipantKind.STATE],
      title: 'Pall Mall Process Declaration',
      adoptedAt: new Date('2024-02-07T15:00:00Z'),
      clauses: [
        {
          kind: ClauseKind.PREAMBULAR,
          text: 'Recognising the growing market for intrusion capabilities,',
        },
        { kind: ClauseKind.OPERATIVE, text: 'Participants commit to act responsibly.' },
      ],
    });
    const signers = [];
    for (const name of NAMES)
      signers.push(await createParticipant(t, w.secretariat.actor, { name }));
    await t.dataSource.getRepository(SignatureEntity).insert(
      signers.map((p, k) => ({
        documentId: adopted.id,
        participantId: p.id,
        signedAt: new Date(Date.UTC(2024, 1, 7 + k, 12)),
        textHash: adopted.adoptedHash!,
        statement: k === 0 ? 'Signed subject to ratification.' : null,
      })),
    );
  });
  afterAll(() => t.close());

  const get = (path: string, token?: string) => {
    const req = request(t.http).get(path).buffer(true).responseType('blob');
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };
  const json = (res: request.Response) => JSON.parse(res.body.toString());

  describe('an adopted text, open for signature', () => {
    it.each(FORMATS)(
      'serves %s to the public with status, version, date, hash, clauses and signatories',
      async (format) => {
        const res = await get(`/documents/${adopted.slug}/text.${format}`);
        expect(res.status).toBe(200);
        const text = await textOf(format, res.body);
        expect(text).toContain('Pall Mall Process Declaration');
        expect(text).toMatch(/Adopted text — open for signature/i);
        expect(text).toContain('Version 1, adopted on 7 February 2024');
        expect(text).toContain(adopted.adoptedHash!);
        expect(text).toMatch(
          /1\.(\*\*)?\s*Recognising the growing market for intrusion capabilities,/,
        );
        expect(text).toMatch(/2\.(\*\*)?\s*Participants commit to act responsibly\./);
        expect(text).toContain('Signatories');
        expect(text).toContain('Việt Nam — signed on 7 February 2024');
        expect(text).toContain('Ελλάδα — signed on 11 February 2024');
        expect(text).toContain('Signed subject to ratification.');
        expect(text).not.toContain('not agreed');
      },
    );

    it('lists the signatories of a closed text too, but not those who withdrew', async () => {
      const closed = await createDocumentInStatus(t, {
        status: DocumentStatus.CLOSED,
        eligibleKinds: [ParticipantKind.STATE],
      });
      await t.dataSource.getRepository(SignatureEntity).insert([
        {
          documentId: closed.id,
          participantId: w.stateA.id,
          signedAt: new Date('2024-03-01T12:00:00Z'),
          textHash: closed.adoptedHash!,
        },
        {
          documentId: closed.id,
          participantId: w.stateB.id,
          signedAt: new Date('2024-03-02T12:00:00Z'),
          textHash: closed.adoptedHash!,
          withdrawnAt: new Date('2024-04-01T12:00:00Z'),
          withdrawalReason: 'Test',
        },
      ]);
      const md = (await get(`/documents/${closed.slug}/text.md`)).body.toString();
      expect(md).toContain('Adopted text — closed for signature');
      expect(md).toContain(`${w.stateA.name} — signed on 1 March 2024`);
      expect(md).not.toContain(w.stateB.name);
    });

    it('shows no signatories section before the text is open for signature', async () => {
      const adoptedOnly = await createDocumentInStatus(t, {
        status: DocumentStatus.ADOPTED,
        eligibleKinds: [ParticipantKind.STATE],
      });
      const md = (await get(`/documents/${adoptedOnly.slug}/text.md`)).body.toString();
      expect(md).toContain('**Adopted text**');
      expect(md).not.toContain('Signatories');
    });

    it('renders participants’ names in any script in the PDF (Vietnamese, Turkish, French, Cyrillic, Greek)', async () => {
      const text = await pdfText((await get(`/documents/${adopted.slug}/text.pdf`)).body);
      for (const name of NAMES) expect(text).toContain(name);
    });

    it('names the file after the slug, version and language, with the right content types', async () => {
      const pdf = await get(`/documents/${adopted.slug}/text.pdf`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(
        `inline; filename="${adopted.slug}-v1-en.pdf"`,
      );
      const docx = await get(`/documents/${adopted.slug}/text.docx?language=en`);
      expect(docx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(docx.headers['content-disposition']).toBe(
        `attachment; filename="${adopted.slug}-v1-en.docx"`,
      );
      const md = await get(`/documents/${adopted.slug}/text.md`);
      expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    });
  });

  describe('a draft', () => {
    it.each(FORMATS)(
      'serves %s to a reader of the draft, watermarked and with its brackets marked',
      async (format) => {
        const res = await get(`/documents/${draft.slug}/text.${format}`, w.delegateA.token);
        expect(res.status).toBe(200);
        const text = await textOf(format, res.body);
        expect(text).toContain('Draft — not agreed');
        expect(text).toMatch(/Version 1 of \d{1,2} \w+ \d{4}/);
        expect(text).toContain('General principles');
        expect(text).toContain('Passages in bold square brackets are not agreed.');
        expect(text).not.toContain('Signatories');
        expect(text).not.toContain('SHA-256');
        if (format === 'md') {
          expect(text).toContain(
            '**2.** States shall **\\[publish\\]** their policies **\\[within \\[one\\] year\\]**.',
          );
        } else {
          expect(text).toMatch(
            /2\.\s*States shall \[publish\] their policies \[within \[one\] year\]\./,
          );
        }
      },
    );

    it('serves every role that may read the draft: staff and each role of an eligible delegation', async () => {
      for (const user of [w.admin, w.secretariat, w.headA, w.delegateA, w.observerA, w.headB]) {
        expect((await get(`/documents/${draft.slug}/text.pdf`, user.token)).status).toBe(200);
      }
    });

    it('serves an empty draft, saying it has no text yet', async () => {
      const empty = await createDocumentInStatus(t, {
        status: DocumentStatus.DRAFT,
        eligibleKinds: [ParticipantKind.STATE],
        clauses: [],
      });
      for (const format of FORMATS) {
        const res = await get(`/documents/${empty.slug}/text.${format}`, w.headA.token);
        expect(res.status).toBe(200);
        const text = await textOf(format, res.body);
        expect(text).toContain('No text yet');
        expect(text).toContain('This text has no clauses yet.');
      }
    });

    it('is 404 without a token, with a bad token, and to those who may not read it: the same answer as an absent document', async () => {
      const absent = await get(`/documents/no-such-document/text.md`, w.secretariat.token);
      expect(absent.status).toBe(404);
      for (const format of FORMATS) {
        for (const token of [undefined, 'not-a-token', w.companyDelegate.token, w.outsider.token]) {
          const res = await get(`/documents/${draft.slug}/text.${format}`, token);
          expect(res.status).toBe(404);
          expect(json(res)).toEqual(json(absent));
        }
      }
    });

    it('is 404, not 400, to an outsider asking for a language the draft does not have', async () => {
      const res = await get(`/documents/${draft.slug}/text.pdf?language=fr`, w.outsider.token);
      expect(res.status).toBe(404);
    });
  });

  describe('bad input', () => {
    it.each([
      ['a language the document does not declare', 'fr'],
      ['an unknown language code', 'xx-not-a-tag!'],
      ['three languages', 'en,fr,es'],
      ['the same language twice', 'en,EN'],
      ['an empty code', 'en,'],
      ['a very long value', 'en'.repeat(100)],
    ])('refuses %s with 400 BAD_USER_INPUT naming language', async (_case, language) => {
      const res = await get(
        `/documents/${adopted.slug}/text.pdf?language=${encodeURIComponent(language)}`,
      );
      expect(res.status).toBe(400);
      expect(json(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    });

    it('refuses a repeated language parameter', async () => {
      const res = await get(`/documents/${adopted.slug}/text.md?language=en&language=fr`);
      expect(res.status).toBe(400);
      expect(json(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    });

    it('accepts the declared language in any case', async () => {
      expect((await get(`/documents/${adopted.slug}/text.md?language=EN`)).status).toBe(200);
    });

    it.each([
      ['not a slug', 'Bad_Slug'],
      ['too long', 'a'.repeat(121)],
    ])('refuses a slug that is %s with 400 naming slug', async (_case, slug) => {
      const res = await get(`/documents/${slug}/text.pdf`);
      expect(res.status).toBe(400);
      expect(json(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    });
  });
});
