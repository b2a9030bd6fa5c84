import { Client } from 'pg';
import { quoteIdent } from './migrate';

/**
 * Least privilege on a PostgreSQL server: the tables belong to the role that migrates (MIGRATION_DATABASE_URL),
 * and the service (DATABASE_URL) runs as another role that may read and write the ordinary tables but only
 * INSERT into and SELECT from the append-only ones. Not being their owner, it can neither disable the triggers
 * that guard them (ALTER TABLE … DISABLE TRIGGER needs ownership) nor drop or truncate them, so even a
 * compromised service cannot rewrite the audit trail. Not available on the embedded database (no real roles).
 */

/** Tables the service may only INSERT into and SELECT from. A new append-only table belongs here. */
export const APPEND_ONLY_TABLES = ['audit_events'] as const;
/** Bookkeeping of the migrator, which the service has no business touching. */
const MIGRATOR_TABLES = ['_prisma_migrations'] as const;

/**
 * The statements that give `role` exactly the service's rights on the tables in `schema`, whatever it had
 * before. Idempotent; run after every migration, since tables created later are not covered.
 */
export function serviceRoleGrants(role: string, schema: string): string[] {
  const r = quoteIdent(role);
  const s = quoteIdent(schema);
  return [
    `GRANT USAGE ON SCHEMA ${s} TO ${r}`,
    `REVOKE CREATE ON SCHEMA ${s} FROM ${r}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`,
    ...APPEND_ONLY_TABLES.map((table) => `REVOKE UPDATE, DELETE ON ${s}.${quoteIdent(table)} FROM ${r}`),
    ...MIGRATOR_TABLES.map((table) => `REVOKE ALL ON ${s}.${quoteIdent(table)} FROM ${r}`),
  ];
}

export class LeastPrivilegeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LeastPrivilegeError';
  }
}

/**
 * Why `role` could change the audit trail despite the grants: a superuser, or the owner of (or a member of
 * the role owning) an append-only table. Empty when the grants are enough. Run on the owner's connection.
 */
export async function privilegeProblems(client: Client, role: string): Promise<string[]> {
  const { rows } = await client.query<{ superuser: boolean; owned: string[] }>(
    `SELECT r.rolsuper AS superuser,
            ARRAY(SELECT c.relname::text FROM pg_class c
                  WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($2::text[])
                    AND pg_has_role(r.oid, c.relowner, 'USAGE')) AS owned
     FROM pg_roles r WHERE r.rolname = $1`,
    [role, APPEND_ONLY_TABLES],
  );
  if (rows.length === 0) return [`role ${role} does not exist`];
  const problems: string[] = [];
  if (rows[0].superuser) problems.push(`role ${role} is a superuser`);
  for (const table of rows[0].owned) problems.push(`role ${role} owns ${table} (directly or through a role it belongs to)`);
  return problems;
}

/**
 * Applies serviceRoleGrants(role) in the owner's connection's current schema, in one transaction. Refuses a
 * role that grants cannot restrict (see privilegeProblems). Returns the statements run.
 */
export async function grantServiceRole(ownerConnectionString: string, role: string): Promise<string[]> {
  const client = new Client({ connectionString: ownerConnectionString });
  await client.connect();
  try {
    const problems = await privilegeProblems(client, role);
    if (problems.length > 0) {
      throw new LeastPrivilegeError(
        `Cannot restrict the service's database role: ${problems.join('; ')}. Run the service as a role that ` +
          'neither owns the tables nor is a superuser (README, Security).',
      );
    }
    const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
    const statements = serviceRoleGrants(role, rows[0].schema);
    await client.query('BEGIN');
    try {
      for (const statement of statements) await client.query(statement);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    return statements;
  } finally {
    await client.end();
  }
}

/** The role a connection string logs in as (the server's answer, which also covers PGUSER and defaults). */
export async function roleOf(connectionString: string): Promise<string> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<{ role: string }>('SELECT current_user AS role')).rows[0].role;
  } finally {
    await client.end();
  }
}

/**
 * Whether the service's own connection can change the audit trail beyond appending: for a warning at start.
 * Run on the service's connection; empty when it can only INSERT and SELECT the append-only tables.
 */
export async function auditTrailExposure(serviceConnectionString: string): Promise<string[]> {
  const client = new Client({ connectionString: serviceConnectionString });
  await client.connect();
  try {
    const role = (await client.query<{ role: string }>('SELECT current_user AS role')).rows[0].role;
    const problems = await privilegeProblems(client, role);
    for (const table of APPEND_ONLY_TABLES) {
      // Before the first migration the table does not exist yet: nothing to expose.
      const { rows } = await client.query<{ update: boolean; delete: boolean; truncate: boolean }>(
        `SELECT has_table_privilege(t.oid, 'UPDATE') AS update, has_table_privilege(t.oid, 'DELETE') AS delete,
                has_table_privilege(t.oid, 'TRUNCATE') AS truncate
         FROM (SELECT to_regclass($1) AS oid) t WHERE t.oid IS NOT NULL`,
        [quoteIdent(table)],
      );
      if (rows.length === 0) continue;
      const allowed = Object.entries(rows[0]).filter(([, granted]) => granted).map(([privilege]) => privilege.toUpperCase());
      if (allowed.length > 0) problems.push(`role ${role} may ${allowed.join(', ')} ${table}`);
    }
    return problems;
  } finally {
    await client.end();
  }
}
