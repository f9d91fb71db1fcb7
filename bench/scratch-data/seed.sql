-- Scratch data of issue 10's three hot reads (perf-data helper; measuring only).
-- 250 participants (STATE), users: 1 secretariat + one delegate per participant;
-- an adopted text OPEN_FOR_SIGNATURE with 200 signatures; a draft in NEGOTIATION with
-- 300 clauses, 1,000 amendments with 2 co-sponsors each, 2,000 comments.
BEGIN;
INSERT INTO participants (id, kind, name, "shortName", "countryCode")
SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'STATE',
       'Bench State ' || lpad(g::text, 3, '0'), 'BS' || g, NULL
FROM generate_series(1, 250) g;
INSERT INTO users (id, email, "displayName", "platformRole")
VALUES ('00000000-0000-4000-9000-000000000000', 'secretariat@bench.test', 'Bench Secretariat', 'SECRETARIAT');
INSERT INTO users (id, email, "displayName")
SELECT ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid, 'delegate' || g || '@bench.test',
       'Delegate ' || g
FROM generate_series(1, 250) g;
INSERT INTO delegation_memberships ("userId", "participantId", role)
SELECT ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'HEAD_OF_DELEGATION'
FROM generate_series(1, 250) g;
-- The adopted text and its signatures.
INSERT INTO documents (id, slug, title, kind, status, "eligibleKinds", "currentVersion", "adoptedAt", "adoptedHash", "adoptedVersion")
VALUES ('00000000-0000-4000-a000-000000000001', 'bench-adopted', 'Bench adopted text', 'DECLARATION',
        'OPEN_FOR_SIGNATURE', '{STATE}', 1, now(), repeat('a', 64), 1);
INSERT INTO clauses ("documentId", position, kind, text)
SELECT '00000000-0000-4000-a000-000000000001', g, 'OPERATIVE', 'Adopted clause ' || g || ' text of moderate length.'
FROM generate_series(1, 20) g;
INSERT INTO signatures ("documentId", "participantId", "signedAt", "signedById", "recordedById", "textHash", statement)
SELECT '00000000-0000-4000-a000-000000000001', ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
       now() - (g || ' minutes')::interval, ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid, NULL,
       repeat('a', 64), CASE WHEN g % 10 = 0 THEN 'An interpretive declaration.' END
FROM generate_series(1, 200) g;
-- The draft in negotiation.
INSERT INTO documents (id, slug, title, kind, status, "eligibleKinds", "currentVersion")
VALUES ('00000000-0000-4000-a000-000000000002', 'bench-draft', 'Bench draft', 'DECLARATION', 'NEGOTIATION', '{STATE}', 1);
INSERT INTO clauses (id, "documentId", position, kind, text)
SELECT ('00000000-0000-4000-b000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-a000-000000000002', g,
       CASE WHEN g % 25 = 1 THEN 'HEADING' ELSE 'OPERATIVE' END::clause_kind,
       'Clause ' || g || ' [shall] ensure that the parties cooperate in good faith on the matters set out herein.'
FROM generate_series(1, 300) g;
INSERT INTO amendments (id, "documentId", "clauseId", kind, text, rationale, "proposerId", "proposedById", "baseClauseVersion", "createdAt")
SELECT ('00000000-0000-4000-c000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-a000-000000000002',
       ('00000000-0000-4000-b000-' || lpad((1 + (g % 300))::text, 12, '0'))::uuid, 'REPLACE',
       'Amended text ' || g || ' of the clause, as proposed.', 'Because ' || g,
       ('00000000-0000-4000-8000-' || lpad((1 + (g % 250))::text, 12, '0'))::uuid,
       ('00000000-0000-4000-9000-' || lpad((1 + (g % 250))::text, 12, '0'))::uuid, 1, now() - (g || ' seconds')::interval
FROM generate_series(1, 1000) g;
INSERT INTO amendment_cosponsors ("amendmentId", "participantId", "cosponsoredById")
SELECT ('00000000-0000-4000-c000-' || lpad(g::text, 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad((1 + ((g + k) % 250))::text, 12, '0'))::uuid,
       ('00000000-0000-4000-9000-' || lpad((1 + ((g + k) % 250))::text, 12, '0'))::uuid
FROM generate_series(1, 1000) g, generate_series(1, 2) k;
INSERT INTO comments ("clauseId", "documentId", "authorId", "participantId", body, "createdAt")
SELECT ('00000000-0000-4000-b000-' || lpad((1 + (g % 300))::text, 12, '0'))::uuid, '00000000-0000-4000-a000-000000000002',
       ('00000000-0000-4000-9000-' || lpad((1 + (g % 250))::text, 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad((1 + (g % 250))::text, 12, '0'))::uuid,
       'Comment ' || g || ': we would prefer a softer wording here.', now() - (g || ' seconds')::interval
FROM generate_series(1, 2000) g;
COMMIT;
ANALYZE;
INSERT INTO totp_credentials ("userId", "sealedSecret", "enabledAt") VALUES ('00000000-0000-4000-9000-000000000000', 'x', now());
