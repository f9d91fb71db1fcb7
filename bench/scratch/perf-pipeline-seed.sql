-- Data of docs/request-overhead.md, on a database migrated and seeded with the demo data
-- (SEED_DEMO=true): 200 signatures on the Pall Mall declaration (plus a 16-row top-up, see the
-- doc), a draft "bench-draft" of 300 clauses, 1,000 amendments x 2 co-sponsors, 2,000 comments.
-- 170 extra states, each with one delegate user
INSERT INTO participants (kind, name, "countryCode")
SELECT 'STATE', 'Bench State ' || g, NULL FROM generate_series(1,170) g;
INSERT INTO users (email, "displayName")
SELECT 'bench' || g || '@bench.example', 'Bench Delegate ' || g FROM generate_series(1,170) g;
INSERT INTO delegation_memberships ("userId", "participantId", role)
SELECT u.id, p.id, 'HEAD_OF_DELEGATION' FROM users u JOIN participants p ON p.name = 'Bench State ' || substring(u.email from 'bench(\d+)@');
-- signatures: pall mall declaration to 200
INSERT INTO signatures ("documentId", "participantId", "signedAt", "signedById", "textHash")
SELECT d.id, p.id, now() - (row_number() over ()) * interval '1 minute', m."userId", d."adoptedHash"
FROM documents d, participants p JOIN delegation_memberships m ON m."participantId" = p.id
WHERE d.slug = 'pall-mall-declaration-2024' AND p.name LIKE 'Bench State %'
  AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s."documentId" = d.id AND s."participantId" = p.id)
LIMIT (200 - (SELECT count(*) FROM signatures s JOIN documents d2 ON d2.id = s."documentId" WHERE d2.slug='pall-mall-declaration-2024'));
-- the draft
INSERT INTO documents (slug, title, kind, status, "eligibleKinds", "currentVersion")
VALUES ('bench-draft', 'Bench draft', 'STATEMENT', 'NEGOTIATION', '{STATE}', 1);
INSERT INTO clauses ("documentId", position, kind, text)
SELECT d.id, g, CASE WHEN g % 10 = 1 THEN 'HEADING' ELSE 'OPERATIVE' END::clause_kind,
       'Paragraph ' || g || ' of the text, with some words in it [to be agreed] so that it is not empty.'
FROM documents d, generate_series(1, 300) g WHERE d.slug = 'bench-draft';
INSERT INTO document_versions ("documentId", number, "createdById", reason, hash, text, clauses)
SELECT d.id, 1, u.id, 'seeded', repeat('0', 64), 'seeded', '[]' FROM documents d, users u
WHERE d.slug = 'bench-draft' AND u.email = 'secretariat@accord.example';
INSERT INTO amendments ("documentId", "clauseId", kind, text, rationale, "proposerId", "proposedById", "baseClauseVersion")
SELECT c."documentId", c.id, 'REPLACE', 'Amended paragraph ' || c.position || ' variant ' || g, 'Settle it', m."participantId", m."userId", 1
FROM clauses c JOIN documents d ON d.id = c."documentId" AND d.slug = 'bench-draft'
CROSS JOIN generate_series(1, 4) g
JOIN users u ON u.email = 'delegate.uk@accord.example' JOIN delegation_memberships m ON m."userId" = u.id
WHERE (c.position - 1) * 4 + g <= 1000;
INSERT INTO amendment_cosponsors ("amendmentId", "participantId", "cosponsoredById")
SELECT a.id, m."participantId", m."userId" FROM amendments a JOIN documents d ON d.id = a."documentId" AND d.slug = 'bench-draft'
JOIN users u ON u.email IN ('head.fr@accord.example', 'head.mx@accord.example') JOIN delegation_memberships m ON m."userId" = u.id;
INSERT INTO comments ("clauseId", "documentId", "authorId", "participantId", body)
SELECT c.id, c."documentId", m."userId", m."participantId", 'Why this wording? We would prefer another one, comment ' || g
FROM clauses c JOIN documents d ON d.id = c."documentId" AND d.slug = 'bench-draft'
CROSS JOIN generate_series(1, 4) g
JOIN users u ON u.email = 'delegate.uk@accord.example' JOIN delegation_memberships m ON m."userId" = u.id
WHERE (c.position - 1) * 4 + g <= 1000;
INSERT INTO comments ("clauseId", "documentId", "parentId", "authorId", "participantId", body)
SELECT p."clauseId", p."documentId", p.id, m."userId", m."participantId", 'Because it is clearer.'
FROM comments p JOIN documents d ON d.id = p."documentId" AND d.slug = 'bench-draft'
JOIN users u ON u.email = 'head.fr@accord.example' JOIN delegation_memberships m ON m."userId" = u.id;
-- Top up to 200 signatures with demo participants that have not signed.
INSERT INTO signatures ("documentId", "participantId", "signedAt", "textHash")
SELECT d.id, p.id, now(), d."adoptedHash" FROM documents d, participants p
WHERE d.slug = 'pall-mall-declaration-2024'
  AND NOT EXISTS (SELECT 1 FROM signatures s WHERE s."documentId" = d.id AND s."participantId" = p.id)
LIMIT (200 - (SELECT count(*) FROM signatures s JOIN documents d ON d.id = s."documentId"
              WHERE d.slug = 'pall-mall-declaration-2024'));
