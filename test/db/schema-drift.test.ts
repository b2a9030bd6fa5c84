/**
 * Proves prisma/migrations and prisma/schema.prisma describe the same database: after migrating an empty
 * schema, every model, field, type, nullability, default, enum, key, index and relation of schema.prisma
 * exists, and the database has nothing the schema lacks. Both sides are reduced to comparable lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { Client } from 'pg';
import { applyMigrations, quoteIdent, readMigrations } from '../../src/db/migrate';
import { dropSchema, testDatabaseUrl } from '../support/db';

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  nativeType: [string, string[]] | null;
  default?: { name: string } | string | number | boolean;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: Array<{ name: string; dbName: string | null; values: Array<{ name: string; dbName: string | null }> }>;
    indexes: Array<{
      model: string;
      type: 'id' | 'unique' | 'normal' | 'fulltext';
      algorithm?: string;
      fields: Array<{ name: string; sortOrder?: 'asc' | 'desc'; operatorClass?: string }>;
    }>;
  };
}

const schemaText = () => readFileSync(path.resolve(__dirname, '../../prisma/schema.prisma'), 'utf8');

/** The datasource's `extensions = [...]` (the DMMF does not carry them). */
function declaredExtensions(): string[] {
  const match = /^\s*extensions\s*=\s*\[([^\]]*)\]/m.exec(schemaText());
  return match ? match[1].split(',').map((name) => name.trim()).filter(Boolean) : [];
}

function loadDmmf(): Dmmf {
  const schema = schemaText();
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] })));
}

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => 'uuid',
  Citext: () => 'citext',
  Text: () => 'text',
  Char: ([n]) => `character(${n})`,
  VarChar: ([n]) => (n ? `character varying(${n})` : 'character varying'),
  Timestamptz: ([p]) => `timestamp(${p ?? 6}) with time zone`,
  Timestamp: ([p]) => `timestamp(${p ?? 6}) without time zone`,
  Date: () => 'date',
  Integer: () => 'integer',
  SmallInt: () => 'smallint',
  BigInt: () => 'bigint',
  DoublePrecision: () => 'double precision',
  Decimal: ([p, s]) => `numeric(${p},${s})`,
  JsonB: () => 'jsonb',
  Json: () => 'json',
  Inet: () => 'inet',
};
const DEFAULT_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Json: 'jsonb',
  Bytes: 'bytea',
};
/** Defaults Prisma computes in the client, which therefore have no DEFAULT in the database. */
const CLIENT_SIDE_DEFAULTS = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);

function describeSchemaPrisma(dmmf: Dmmf): string[] {
  const lines: string[] = [];
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const enumDbName = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const table = (model: DmmfModel) => model.dbName ?? model.name;
  const column = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName)!;
    return field.dbName ?? field.name;
  };

  for (const e of dmmf.datamodel.enums) {
    lines.push(`enum ${e.dbName ?? e.name}: ${e.values.map((v) => v.dbName ?? v.name).join(',')}`);
  }
  for (const model of dmmf.datamodel.models) {
    lines.push(`table ${table(model)}`);
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) {
          const target = models.get(field.type)!;
          const from = field.relationFromFields.map((f) => column(model, f)).join(',');
          const to = field.relationToFields!.map((f) => column(target, f)).join(',');
          const onDelete = field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull');
          lines.push(`fk ${table(model)}(${from}) -> ${table(target)}(${to}) on delete ${onDelete}`);
        }
        continue;
      }
      const base =
        field.kind === 'enum'
          ? enumDbName.get(field.type)!
          : field.nativeType
            ? NATIVE_TYPES[field.nativeType[0]](field.nativeType[1])
            : DEFAULT_TYPES[field.type];
      const type = field.isList ? `${base}[]` : base;
      lines.push(`column ${table(model)}.${field.dbName ?? field.name} ${type} ${field.isRequired ? 'NOT NULL' : 'NULL'}`);
      const defaultName = typeof field.default === 'object' ? field.default.name : undefined;
      if (field.default !== undefined && !(defaultName && CLIENT_SIDE_DEFAULTS.has(defaultName))) {
        lines.push(`default ${table(model)}.${field.dbName ?? field.name}`);
      }
    }
  }
  for (const index of dmmf.datamodel.indexes) {
    const model = models.get(index.model)!;
    const kind = index.type === 'id' ? 'primary key' : index.type === 'unique' ? 'unique' : 'index';
    const fields = index.fields.map((f) => `${column(model, f.name)}${f.sortOrder === 'desc' ? ' desc' : ''}`);
    const method = index.algorithm && index.algorithm !== 'BTree' ? ` using ${index.algorithm.toLowerCase()}` : '';
    lines.push(`${kind} ${table(model)}(${fields.join(',')})${method}`);
  }
  for (const extension of declaredExtensions()) lines.push(`extension ${extension}`);
  return lines.sort();
}

const ON_DELETE: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

async function describeDatabase(client: Client, schema: string): Promise<string[]> {
  const lines: string[] = [];
  const q = async <T extends Record<string, unknown>>(sql: string) => (await client.query<T>(sql, [schema])).rows;

  for (const row of await q<{ name: string; values: string }>(`
    SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS values
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = $1 GROUP BY t.typname`)) {
    lines.push(`enum ${row.name}: ${row.values}`);
  }
  for (const row of await q<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`)) {
    lines.push(`table ${row.name}`);
  }
  for (const row of await q<{ tbl: string; col: string; type: string; notnull: boolean; hasdefault: boolean }>(`
    SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS notnull, a.atthasdef AS hasdefault
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' AND a.attnum > 0 AND NOT a.attisdropped`)) {
    const type = row.type.replace(/"/g, '').replace(`${schema}.`, '');
    lines.push(`column ${row.tbl}.${row.col} ${type} ${row.notnull ? 'NOT NULL' : 'NULL'}`);
    if (row.hasdefault) lines.push(`default ${row.tbl}.${row.col}`);
  }
  for (const row of await q<{ tbl: string; cols: string; primary: boolean; unique: boolean; method: string }>(`
    SELECT c.relname AS tbl, i.indisprimary AS primary, i.indisunique AS unique, am.amname AS method,
           (SELECT string_agg(a.attname || CASE WHEN (i.indoption[k.ord - 1] & 1) = 1 THEN ' desc' ELSE '' END, ',' ORDER BY k.ord)
            FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) AS cols
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
    WHERE n.nspname = $1 AND c.relname <> '_prisma_migrations'`)) {
    const method = row.method === 'btree' ? '' : ` using ${row.method}`;
    lines.push(`${row.primary ? 'primary key' : row.unique ? 'unique' : 'index'} ${row.tbl}(${row.cols})${method}`);
  }
  // Extensions are database-wide; the ones schema.prisma declares must be installed (others are not ours to judge).
  const installed = new Set((await client.query<{ extname: string }>('SELECT extname FROM pg_extension')).rows.map((r) => r.extname));
  for (const extension of declaredExtensions()) if (installed.has(extension)) lines.push(`extension ${extension}`);
  for (const row of await q<{ tbl: string; cols: string; ref: string; refcols: string; deltype: string }>(`
    SELECT c.relname AS tbl, r.relname AS ref, con.confdeltype AS deltype,
      (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) AS cols,
      (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.attnum) AS refcols
    FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND con.contype = 'f'`)) {
    lines.push(`fk ${row.tbl}(${row.cols}) -> ${row.ref}(${row.refcols}) on delete ${ON_DELETE[row.deltype]}`);
  }
  return lines.sort();
}

describe('migrations and schema.prisma', () => {
  const schema = `drift_${process.pid}_${Date.now()}`;
  const url = testDatabaseUrl();
  let client: Client;

  beforeAll(async () => {
    await applyMigrations({ connectionString: url, schema });
    client = new Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await dropSchema(url, schema);
  });

  it('describe the same tables, columns, types, nullability, defaults, enums, keys, indexes and relations', async () => {
    const expected = describeSchemaPrisma(loadDmmf());
    const actual = await describeDatabase(client, schema);

    const missingFromDatabase = expected.filter((line) => !actual.includes(line));
    const notInSchemaPrisma = actual.filter((line) => !expected.includes(line));
    expect({ missingFromDatabase, notInSchemaPrisma }).toEqual({ missingFromDatabase: [], notInSchemaPrisma: [] });
    expect(expected.filter((line) => line.startsWith('table ')).length).toBeGreaterThanOrEqual(3);
  });

  it('records each applied migration the way Prisma does', async () => {
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at
       FROM ${quoteIdent(schema)}."_prisma_migrations" ORDER BY migration_name`,
    );
    const migrations = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[i].checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
  });
});
