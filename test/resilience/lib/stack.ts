/** What most scenarios start from: a throwaway cluster, migrated, the service on it, and an editor's session. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations } from '../../../src/db/migrate';
import { HttpClient } from './http-client';
import { PostgresCluster, type PostgresTools } from './postgres-cluster';
import { ADMIN, Service, type ServiceOptions } from './service';
import type { LoadContext } from './workload';

export const EDITOR_PASSWORD = 'Harbor-Violet-Compass-5173';

/** Signs in and returns the token; throws with the answer otherwise. */
export async function signIn(client: HttpClient, email: string, password: string): Promise<string> {
  const res = await client.request({ op: 'login', path: '/api/auth/login', json: { email, password }, timeoutMs: 10_000 });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status ?? res.error}: ${JSON.stringify(res.body)}`);
  return (res.body as { token: string }).token;
}

/** Creates an account through the API as the admin. */
export async function createAccount(client: HttpClient, adminToken: string, role: 'editor' | 'reviewer', label: string) {
  const email = `${label}-${randomBytes(3).toString('hex')}@desk.example`;
  const res = await client.request({
    op: 'create-user',
    path: '/api/users',
    token: adminToken,
    json: { email, name: `Resilience ${role} ${label}`, password: EDITOR_PASSWORD, role },
    timeoutMs: 10_000,
  });
  if (res.status !== 201) throw new Error(`creating ${email} answered ${res.status ?? res.error}: ${JSON.stringify(res.body)}`);
  return { id: (res.body as { id: string }).id, email, password: EDITOR_PASSWORD };
}

export interface Stack {
  cluster: PostgresCluster;
  service: Service;
  client: HttpClient;
  adminToken: string;
  editorToken: string;
  editorId: string;
  /** A direct connection for verification (opened on demand: the database may be away meanwhile). */
  connect(): Promise<Client>;
  newContext(runTag: string, timeoutMs?: number): LoadContext;
  close(): Promise<void>;
}

export async function connectTo(url: string): Promise<Client> {
  const db = new Client({ connectionString: url });
  await db.connect();
  return db;
}

export async function startStack(tools: PostgresTools, label: string, service: Partial<ServiceOptions> = {}): Promise<Stack> {
  const cluster = await PostgresCluster.create(tools, label);
  let running: Service | undefined;
  try {
    // Migrated up front, as a deploy would; the service then finds nothing pending.
    await applyMigrations({ connectionString: cluster.url });
    running = await Service.start({ databaseUrl: cluster.url, label, ...service });
    const client = new HttpClient(running.base, 128);
    const adminToken = await signIn(client, ADMIN.email, ADMIN.password);
    const editor = await createAccount(client, adminToken, 'editor', label);
    const editorToken = await signIn(client, editor.email, editor.password);
    return {
      cluster,
      service: running,
      client,
      adminToken,
      editorToken,
      editorId: editor.id,
      connect: () => connectTo(cluster.url),
      newContext: (runTag, timeoutMs = 15_000) => ({
        client,
        token: editorToken,
        userId: editor.id,
        articles: [],
        outcomes: [],
        attempts: [],
        acks: [],
        timeoutMs,
        runTag,
      }),
      async close() {
        client.close();
        await running?.stop().catch(() => undefined);
        await cluster.destroy();
      },
    };
  } catch (error) {
    await running?.stop().catch(() => undefined);
    await cluster.destroy();
    throw error;
  }
}
