import type { Pool, QueryResultRow } from 'pg';
import type { PrismaClient } from './prisma';

/**
 * The two ways the service reaches PostgreSQL: Prisma for writes and ordinary reads, and the same pg pool
 * underneath it for the hot reads that are typed raw SQL (one obvious place each, in a *.queries.ts file).
 * Never call the pool inside a Prisma transaction: on the embedded database the pool has one connection.
 */
export interface Db {
  prisma: PrismaClient;
  pool: Pool;
}

export async function queryRows<T extends QueryResultRow>(pool: Pool, text: string, values: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(text, values)).rows;
}

/**
 * Builds a WHERE clause from optional filters with numbered parameters, so a query stays one readable string:
 * `where.add('c.status = ANY(?)', statuses)` becomes `c.status = ANY($3)`.
 */
export class SqlConditions {
  readonly values: unknown[];
  private readonly clauses: string[] = [];

  constructor(initialValues: unknown[] = []) {
    this.values = [...initialValues];
  }

  add(clause: string, ...values: unknown[]): this {
    let index = 0;
    this.clauses.push(
      clause.replace(/\?/g, () => {
        this.values.push(values[index++]);
        return `$${this.values.length}`;
      }),
    );
    return this;
  }

  /** A parameter placeholder for a value used outside the WHERE clause (e.g. LIMIT). */
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  toSql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}
