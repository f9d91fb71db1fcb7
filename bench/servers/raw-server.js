/* global process, console, URL */
/**
 * The raw-SQL floor: node:http and pg, one hand-written JSON-building statement per request
 * (PostgreSQL aggregates and serialises; Node passes the text through). No authentication,
 * no permission checks, no GraphQL: the least a server can do to answer the same reads.
 * GET /signatories?slug=  /draft?slug=  /participants?first=  /me?id=
 */
const http = require('node:http');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const SQL = {
  signatories: `
    SELECT json_build_object(
      'id', d.id, 'title', d.title, 'status', d.status, 'adoptedHash', d."adoptedHash",
      'signatures', coalesce((
        SELECT json_agg(json_build_object(
                 'id', s.id, 'signedAt', s."signedAt",
                 'participant', json_build_object('id', p.id, 'name', p.name, 'kind', p.kind,
                                                  'countryCode', p."countryCode"))
               ORDER BY s."signedAt", s.id)
          FROM signatures s JOIN participants p ON p.id = s."participantId"
         WHERE s."documentId" = d.id AND s."withdrawnAt" IS NULL), '[]'::json))::text AS body
    FROM documents d WHERE d.slug = $1`,

  // Amendments (with co-sponsors) and comments are aggregated per clause first, then joined.
  draft: `
    WITH doc AS (SELECT * FROM documents WHERE slug = $1),
    cos AS (
      SELECT ac."amendmentId" AS id, json_agg(json_build_object('id', p.id, 'name', p.name)) AS list
        FROM amendment_cosponsors ac
        JOIN amendments a ON a.id = ac."amendmentId"
        JOIN participants p ON p.id = ac."participantId"
       WHERE a."documentId" = (SELECT id FROM doc)
       GROUP BY ac."amendmentId"),
    am AS (
      SELECT a."clauseId" AS id, json_agg(json_build_object(
               'id', a.id, 'kind', a.kind, 'text', a.text, 'rationale', a.rationale,
               'status', a.status, 'createdAt', a."createdAt",
               'proposer', json_build_object('id', p.id, 'name', p.name),
               'cosponsors', coalesce(cos.list, '[]'::json))
             ORDER BY a."createdAt", a.id) AS list
        FROM amendments a
        JOIN participants p ON p.id = a."proposerId"
        LEFT JOIN cos ON cos.id = a.id
       WHERE a."documentId" = (SELECT id FROM doc)
       GROUP BY a."clauseId"),
    cm AS (
      SELECT c."clauseId" AS id, json_agg(json_build_object(
               'id', c.id, 'body', c.body, 'createdAt', c."createdAt", 'resolved', c.resolved,
               'author', json_build_object('id', u.id, 'displayName', u."displayName"))
             ORDER BY c."createdAt", c.id) AS list
        FROM comments c JOIN users u ON u.id = c."authorId"
       WHERE c."documentId" = (SELECT id FROM doc) AND c."parentId" IS NULL
       GROUP BY c."clauseId")
    SELECT json_build_object(
      'id', d.id, 'slug', d.slug, 'title', d.title, 'status', d.status,
      'version', d."currentVersion",
      'clauses', coalesce((
        SELECT json_agg(json_build_object(
                 'id', cl.id, 'position', cl.position, 'kind', cl.kind, 'text', cl.text,
                 'version', cl.version,
                 'amendments', coalesce(am.list, '[]'::json),
                 'comments', coalesce(cm.list, '[]'::json))
               ORDER BY cl.position)
          FROM clauses cl
          LEFT JOIN am ON am.id = cl.id
          LEFT JOIN cm ON cm.id = cl.id
         WHERE cl."documentId" = d.id AND cl."deletedAt" IS NULL), '[]'::json))::text AS body
    FROM doc d`,

  participants: `
    SELECT json_build_object('participants', coalesce(json_agg(json_build_object(
             'id', p.id, 'name', p.name, 'kind', p.kind, 'countryCode', p."countryCode",
             'members', coalesce(m.list, '[]'::json))
           ORDER BY p.name, p.id), '[]'::json))::text AS body
      FROM (SELECT * FROM participants ORDER BY name, id LIMIT $1) p
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object('role', dm.role, 'user',
                 json_build_object('id', u.id, 'displayName', u."displayName", 'email', u.email))
               ORDER BY dm."createdAt", u.id) AS list
          FROM delegation_memberships dm JOIN users u ON u.id = dm."userId"
         WHERE dm."participantId" = p.id) m ON true`,

  me: `
    SELECT json_build_object(
      'id', u.id, 'email', u.email, 'displayName', u."displayName",
      'platformRole', u."platformRole",
      'delegation', CASE WHEN dm."userId" IS NULL THEN NULL ELSE json_build_object(
        'role', dm.role, 'participant', json_build_object('id', p.id, 'name', p.name)) END)::text AS body
    FROM users u
    LEFT JOIN delegation_memberships dm ON dm."userId" = u.id
    LEFT JOIN participants p ON p.id = dm."participantId"
    WHERE u.id = $1`,
};

const PARAMS = {
  signatories: (q) => [q.get('slug') ?? ''],
  draft: (q) => [q.get('slug') ?? ''],
  participants: (q) => [Math.min(Math.max(Number(q.get('first')) || 50, 1), 100)],
  me: (q) => [/^[0-9a-f-]{36}$/.test(q.get('id') ?? '') ? q.get('id') : null],
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const name = url.pathname.slice(1);
  if (!Object.hasOwn(SQL, name)) {
    res.writeHead(404).end();
    return;
  }
  pool.query({ name, text: SQL[name], values: PARAMS[name](url.searchParams) }).then(
    ({ rows }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(rows.length ? rows[0].body : 'null');
    },
    (error) => {
      console.error(error.message);
      res.writeHead(500).end();
    },
  );
});
server.listen(Number(process.env.PORT), '127.0.0.1');
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
