import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * Embedded PostgreSQL (PGlite, compiled to WASM) served over the normal wire protocol on 127.0.0.1,
 * so the app talks to it exactly as it talks to a real server.
 *
 * pglite-socket multiplexes every connection onto one backend, so extended-protocol messages from two
 * connections can interleave and corrupt each other: callers must use a single connection at a time
 * (pool size 1). The server allows a second socket only so that a pool can replace a dropped connection.
 */
export interface EmbeddedPostgres {
  url: string;
  /** PGlite's own archive of its data folder (tar.gz), taken between statements (src/ops/backup.ts). */
  dumpDataDir(): Promise<Blob>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the data files; omitted means an in-memory database (used by tests). */
  dataDir?: string;
  port?: number;
  /** An archive from dumpDataDir() to start from; the data folder must not hold a database yet. */
  loadDataDir?: Blob;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.resolve(options.dataDir, 'pgdata');
    mkdirSync(dataDir, { recursive: true });
  }
  // The extensions the migrations create (schema.prisma lists them) must be compiled in here.
  const extensions = { citext, pg_trgm };
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions, loadDataDir: options.loadDataDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: 2 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
    dumpDataDir: () => db.dumpDataDir('gzip'),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
