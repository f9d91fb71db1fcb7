import { Client } from 'pg';

/** The bootstrap superuser: creates and upgrades the app role and databases, nothing else. */
export const SUPERUSER = 'accord';
/** What the application connects as: owns its databases, nothing more. */
export const APP_ROLE = 'accord_app';
/**
 * The superuser's password in data folders made before passwords were generated. Only tried
 * to upgrade such a folder: the password is then replaced by the folder's random one.
 */
const LEGACY_SUPERUSER_PASSWORD = 'accord';

const AUTHENTICATION_FAILED = '28P01';

async function connect(port: number, user: string, password: string, database: string) {
  const client = new Client({ host: '127.0.0.1', port, user, password, database });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Connects as the superuser with the data folder's password. A folder made by an older Accord
 * still has the legacy constant password: its password is changed to the random one here.
 */
export async function connectAsSuperuser(
  port: number,
  password: string,
  database: string,
  log: (message: string) => void,
): Promise<Client> {
  try {
    return await connect(port, SUPERUSER, password, database);
  } catch (error) {
    if ((error as { code?: string }).code !== AUTHENTICATION_FAILED) throw error;
  }
  let client: Client;
  try {
    client = await connect(port, SUPERUSER, LEGACY_SUPERUSER_PASSWORD, database);
  } catch {
    throw new Error(
      `The embedded PostgreSQL refused the superuser password kept in the data folder ` +
        `(postgres-superuser-password): restore that file from the folder's backup.`,
    );
  }
  await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${client.escapeLiteral(password)}`);
  log('Embedded PostgreSQL: replaced the legacy superuser password by a random one');
  return client;
}

/** Creates or corrects the app role: login, no superuser or role powers, the folder's password. */
export async function ensureAppRole(superuser: Client, password: string): Promise<void> {
  const found = await superuser.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  const verb = found.rowCount ? 'ALTER' : 'CREATE';
  await superuser.query(
    `${verb} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ` +
      `PASSWORD ${superuser.escapeLiteral(password)}`,
  );
  // No predefined role either (pg_execute_server_program would allow COPY … FROM PROGRAM).
  const granted = await superuser.query<{ role: string }>(
    `SELECT roleid::regrole::text AS role FROM pg_auth_members WHERE member = $1::regrole`,
    [APP_ROLE],
  );
  for (const { role } of granted.rows) await superuser.query(`REVOKE ${role} FROM ${APP_ROLE}`);
}

/** Statements giving the app role what the superuser owns in the current database (old folders). */
const OWNED_BY_SUPERUSER = `
WITH user_schemas AS (
  SELECT oid, nspname FROM pg_namespace
  WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
), extension_members AS (
  SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
)
SELECT format('ALTER SCHEMA %I OWNER TO ${APP_ROLE}', s.nspname) AS statement
FROM user_schemas s JOIN pg_namespace n ON n.oid = s.oid
WHERE n.nspowner = $1::regrole
  AND NOT EXISTS (SELECT 1 FROM extension_members e WHERE e.classid = 'pg_namespace'::regclass AND e.objid = n.oid)
UNION ALL
SELECT format('ALTER %s %s OWNER TO ${APP_ROLE}',
  CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
    WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, c.oid::regclass)
FROM pg_class c JOIN user_schemas s ON s.oid = c.relnamespace
WHERE c.relowner = $1::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  -- extension members, and sequences that follow their table (serial, identity)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
    AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
UNION ALL
SELECT format('ALTER TYPE %s OWNER TO ${APP_ROLE}', t.oid::regtype)
FROM pg_type t JOIN user_schemas s ON s.oid = t.typnamespace
WHERE t.typowner = $1::regrole
  AND (t.typtype IN ('e', 'd', 'r')
    OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
  AND NOT EXISTS (SELECT 1 FROM extension_members e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid)
UNION ALL
SELECT format('ALTER ROUTINE %s OWNER TO ${APP_ROLE}', p.oid::regprocedure)
FROM pg_proc p JOIN user_schemas s ON s.oid = p.pronamespace
WHERE p.proowner = $1::regrole
  AND NOT EXISTS (SELECT 1 FROM extension_members e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid)
`;

/**
 * Creates the database owned by the app role, or gives an existing one (and what the superuser
 * created in it, as older Accords did) to the app role; pgcrypto is installed by the superuser.
 */
export async function ensureAppDatabase(
  superuser: Client,
  openAs: (database: string) => Promise<Client>,
  name: string,
): Promise<void> {
  const found = await superuser.query<{ owner: string }>(
    'SELECT datdba::regrole::text AS owner FROM pg_database WHERE datname = $1',
    [name],
  );
  const quoted = superuser.escapeIdentifier(name);
  if (!found.rowCount) await superuser.query(`CREATE DATABASE ${quoted} OWNER ${APP_ROLE}`);
  else if (found.rows[0].owner !== APP_ROLE)
    await superuser.query(`ALTER DATABASE ${quoted} OWNER TO ${APP_ROLE}`);
  const inDatabase = await openAs(name);
  try {
    await inDatabase.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
    const statements = await inDatabase.query<{ statement: string }>(OWNED_BY_SUPERUSER, [
      SUPERUSER,
    ]);
    for (const { statement } of statements.rows) await inDatabase.query(statement);
  } finally {
    await inDatabase.end();
  }
}
