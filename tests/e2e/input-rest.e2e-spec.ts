import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';

/** REST path and query parameters: bad input is a 400 JSON body naming the parameter, never a 500. */
describe('input: REST parameters', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const expect400 = async (res: request.Response, field: string) => {
    expect({ status: res.status, type: res.type }).toEqual({
      status: 400,
      type: 'application/json',
    });
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', field });
  };

  it.each([
    '/signatures/not-a-uuid/verification',
    '/signatures/1/verification',
    '/meetings/zz/agenda.ics',
    '/meetings/zz/agenda.md',
    '/meetings/zz/agenda.pdf',
    '/meetings/%00/agenda.ics',
  ])('refuses the malformed id in GET %s, naming it', async (path) => {
    await expect400(await request(t.http).get(path), 'id');
  });

  it('refuses a malformed id in POST /signatures/:id/verification', async () => {
    await expect400(
      await request(t.http).post('/signatures/nope/verification').send({ text: 'x' }),
      'id',
    );
  });

  it.each(['a%00b', 'a%0Ab', 'a%0D%0Ab', 'a%1Bb', 'a%7Fb', 'a%C2%85b', 'a%09b'])(
    'refuses control characters and line breaks in the slug of /documents/%s/signatories.csv',
    async (slug) => {
      await expect400(await request(t.http).get(`/documents/${slug}/signatories.csv`), 'slug');
    },
  );

  it.each(['text.pdf', 'text.docx', 'text.md'])(
    'refuses a malformed slug and language in GET /documents/:slug/%s, naming them',
    async (file) => {
      for (const slug of ['a%00b', 'a%0Ab', 'Not_A_Slug', 'x'.repeat(121)]) {
        await expect400(await request(t.http).get(`/documents/${slug}/${file}`), 'slug');
      }
      for (const language of ['e\u0000n', 'en,fr,de', 'english!']) {
        const res = await request(t.http).get(`/documents/some-text/${file}`).query({ language });
        await expect400(res, 'language');
      }
    },
  );

  it('refuses control characters in the ?text= of a verification, but not line breaks', async () => {
    const path = `/signatures/${randomUUID()}/verification`;
    await expect400(await request(t.http).get(path).query({ text: 'a\u0000b' }), 'text');
    await expect400(await request(t.http).get(path).query({ text: 'a\u001bb' }), 'text');
    const lines = await request(t.http).get(path).query({ text: 'Title\n\n1. Clause\n' });
    expect(lines.status).toBe(404); // checked, then the unknown signature
  });

  it('refuses control characters in a verification body, naming text', async () => {
    const path = `/signatures/${randomUUID()}/verification`;
    await expect400(await request(t.http).post(path).send({ text: 'a\u0000b' }), 'text');
    const lines = await request(t.http).post(path).send({ text: 'Title\r\n\r\n1. Clause\n' });
    expect(lines.status).toBe(404);
  });

  it.each([
    ['GET', 'token=nope'],
    ['POST', 'token=nope'],
    ['GET', ''],
    ['POST', 'token=a&token=b'],
    ['GET', `token=${randomUUID()}.${'x'.repeat(43)}`],
  ])(
    'refuses a bad token in %s /notifications/unsubscribe?%s, naming it',
    async (method, query) => {
      const path = `/notifications/unsubscribe?${query}`;
      const req = method === 'GET' ? request(t.http).get(path) : request(t.http).post(path);
      await expect400(await req, 'token');
    },
  );
});
