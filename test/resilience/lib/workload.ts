/**
 * Mixed load against the service: reads (article list, article detail, an article's claims) and writes
 * (imports, claim triage with versions). Every write kind is one entry of WRITE_KINDS with three parts: how to
 * make the write, what its acknowledgement records, and how to find it in the database afterwards. Adding a
 * write kind (the review writes: assignments, sources, verdicts) is one more entry.
 *
 * Every write carries a unique X-Request-Id, and the service records its audit event in the same transaction as
 * the change, with that request id: so "found afterwards" is checked twice, in the changed rows and in the audit
 * trail.
 */
import type { Client } from 'pg';
import type { HttpClient, Outcome } from './http-client';

export interface Ack {
  kind: string;
  requestId: string;
  data: Record<string, unknown>;
}

/** A claim a worker owns (it imported the article), so only this worker changes it and knows its version. */
interface OwnedClaim {
  id: string;
  /** undefined after a write whose outcome is unknown (no answer or a 503): read it again before writing. */
  version: number | undefined;
}

export interface Worker {
  id: number;
  seq: number;
  claims: OwnedClaim[];
}

export interface LoadContext {
  client: HttpClient;
  token: string;
  /** Article ids known to exist, shared by all workers for reads. */
  articles: string[];
  outcomes: Outcome[];
  acks: Ack[];
  timeoutMs: number;
  /** Unique across runs and instances, so bodies never repeat (repeats would be answered 200 as duplicates). */
  runTag: string;
}

export interface Operation {
  name: string;
  weight: number;
  run(ctx: LoadContext, worker: Worker): Promise<void>;
}

/** An acknowledged write that is not (wholly) in the database. */
export interface Missing {
  requestId: string;
  problem: string;
}

export interface WriteKind extends Operation {
  /** Looks for every acknowledged write of this kind in the database; returns those not found as acknowledged. */
  verify(db: Client, acks: Ack[]): Promise<Missing[]>;
}

async function send(ctx: LoadContext, options: Parameters<HttpClient['request']>[0]): Promise<Outcome> {
  const outcome = await ctx.client.request({ token: ctx.token, timeoutMs: ctx.timeoutMs, ...options });
  ctx.outcomes.push(outcome);
  return outcome;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

const SUBJECTS = ['The council', 'The ministry', 'Senator Ruiz', 'The agency', 'Police', 'The school board', 'Officials'];
const VERBS = ['approved', 'cut', 'reported', 'announced', 'rejected', 'doubled', 'signed'];
const OBJECTS = ['a $1.2 billion budget', 'spending by 12%', 'record turnout', 'new rules on housing', 'the tax plan'];
const WHEN = ['on Tuesday', 'in 2019', 'last year', 'since 1980', 'in March'];

/** A news-like article of `sentences` sentences in a few paragraphs, unique by `tag`. */
export function articleBody(tag: string, sentences: number): string {
  const paragraphs: string[] = [];
  let current: string[] = [`Report ${tag} opens here.`];
  for (let i = 1; i < sentences; i++) {
    current.push(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(WHEN)}, item ${i}.`);
    if (current.length >= 4) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}

// ---- Reads ---------------------------------------------------------------------------------------------------

export const READ_KINDS: Operation[] = [
  {
    name: 'list',
    weight: 3,
    run: async (ctx) => void (await send(ctx, { op: 'list', path: '/api/articles?limit=20' })),
  },
  {
    name: 'detail',
    weight: 3,
    run: async (ctx) => {
      if (ctx.articles.length === 0) return;
      await send(ctx, { op: 'detail', path: `/api/articles/${pick(ctx.articles)}` });
    },
  },
  {
    name: 'claims',
    weight: 2,
    run: async (ctx) => {
      if (ctx.articles.length === 0) return;
      await send(ctx, { op: 'claims', path: `/api/articles/${pick(ctx.articles)}/claims?limit=50&sort=worthiness` });
    },
  },
];

// ---- Writes --------------------------------------------------------------------------------------------------

interface ImportedBody {
  id: string;
  claimCount: number;
  claims: Array<{ id: string; version: number }>;
}

/** POST /api/articles; acknowledged = 201. */
async function importOne(ctx: LoadContext, worker: Worker): Promise<void> {
  const tag = `${ctx.runTag}-w${worker.id}-${worker.seq++}`;
  const sentences = 5 + Math.floor(Math.random() * 36);
  const outcome = await send(ctx, { op: 'import', path: '/api/articles', json: { title: `Load ${tag}`, body: articleBody(tag, sentences) } });
  if (outcome.status !== 201) return;
  const article = outcome.body as ImportedBody;
  ctx.acks.push({ kind: 'import', requestId: outcome.requestId, data: { articleId: article.id, claimCount: article.claimCount } });
  ctx.articles.push(article.id);
  worker.claims.push(...article.claims.slice(0, 10).map((c) => ({ id: c.id, version: c.version })));
}

/** PATCH /api/claims/:id with the version read; acknowledged = 200 with the new version. */
async function triageOne(ctx: LoadContext, worker: Worker): Promise<void> {
  if (worker.claims.length === 0) return importOne(ctx, worker);
  const claim = pick(worker.claims);
  if (claim.version === undefined) {
    const read = await send(ctx, { op: 'claim', path: `/api/claims/${claim.id}` });
    if (read.status !== 200) return;
    claim.version = (read.body as { version: number }).version;
  }
  const claimant = `Source ${ctx.runTag} ${worker.id}-${worker.seq++}`;
  const outcome = await send(ctx, {
    op: 'triage',
    method: 'PATCH',
    path: `/api/claims/${claim.id}`,
    json: { claimant: { name: claimant, role: 'Spokesperson' }, version: claim.version },
  });
  if (outcome.status === 200) {
    const version = (outcome.body as { version: number }).version;
    ctx.acks.push({ kind: 'triage', requestId: outcome.requestId, data: { claimId: claim.id, version, claimant } });
    claim.version = version;
  } else {
    claim.version = undefined;
  }
}

export const WRITE_KINDS: WriteKind[] = [
  {
    name: 'import',
    weight: 1,
    run: importOne,
    async verify(db, acks) {
      const ids = acks.map((a) => a.data.articleId as string);
      const { rows } = await db.query<{ id: string; claim_count: number; n: number }>(
        `SELECT a.id, a.claim_count, (SELECT count(*)::int FROM claims c WHERE c.article_id = a.id) AS n
         FROM articles a WHERE a.id = ANY($1::uuid[])`,
        [ids],
      );
      const found = new Map(rows.map((r) => [r.id, r]));
      const missing: Missing[] = [];
      for (const { requestId, data } of acks) {
        const row = found.get(data.articleId as string);
        if (!row) missing.push({ requestId, problem: `import of article ${data.articleId} acknowledged but the article is missing` });
        else if (row.n !== data.claimCount || row.claim_count !== data.claimCount) {
          missing.push({ requestId, problem: `article ${row.id}: acknowledged ${data.claimCount} claims, stored ${row.n} (claim_count ${row.claim_count})` });
        }
      }
      return missing;
    },
  },
  {
    name: 'triage',
    weight: 2,
    run: triageOne,
    async verify(db, acks) {
      const { rows } = await db.query<{ request_id: string; entity_id: string; version: number; claimant: string }>(
        `SELECT request_id, entity_id, (after->>'version')::int AS version, after->>'claimantName' AS claimant
         FROM audit_events WHERE request_id = ANY($1) AND entity_type = 'claim'`,
        [acks.map((a) => a.requestId)],
      );
      const events = new Map(rows.map((r) => [r.request_id, r]));
      const claims = await db.query<{ id: string; version: number }>('SELECT id, version FROM claims WHERE id = ANY($1::uuid[])', [
        [...new Set(acks.map((a) => a.data.claimId as string))],
      ]);
      const versions = new Map(claims.rows.map((r) => [r.id, r.version]));
      const missing: Missing[] = [];
      for (const { requestId, data } of acks) {
        const event = events.get(requestId);
        const { claimId, version, claimant } = data as { claimId: string; version: number; claimant: string };
        if (!event || event.entity_id !== claimId || event.version !== version || event.claimant !== claimant) {
          missing.push({ requestId, problem: `triage of claim ${claimId} to version ${version} acknowledged but its change is not recorded` });
        } else if ((versions.get(claimId) ?? 0) < version) {
          missing.push({ requestId, problem: `claim ${claimId} is at version ${versions.get(claimId)}, below the acknowledged ${version}` });
        }
      }
      return missing;
    },
  },
];

export const ALL_OPERATIONS: Operation[] = [...READ_KINDS, ...WRITE_KINDS];

function chooser(operations: Operation[]): () => Operation {
  const total = operations.reduce((sum, op) => sum + op.weight, 0);
  return () => {
    let r = Math.random() * total;
    for (const op of operations) if ((r -= op.weight) < 0) return op;
    return operations[operations.length - 1];
  };
}

export interface LoadOptions {
  concurrency: number;
  /** Every loop is bounded twice: by time and by count. */
  durationMs: number;
  maxRequests: number;
  operations?: Operation[];
  /** Pause between one worker's requests. */
  thinkMs?: number;
  /** Ends the load early (checked between requests). */
  stop?: () => boolean;
}

/** Runs `concurrency` workers until the time, the count or `stop` ends them; resolves when all have finished. */
export async function runLoad(ctx: LoadContext, options: LoadOptions, workers?: Worker[]): Promise<Worker[]> {
  const next = chooser(options.operations ?? ALL_OPERATIONS);
  const deadline = Date.now() + options.durationMs;
  const limit = ctx.outcomes.length + options.maxRequests;
  const team = workers ?? Array.from({ length: options.concurrency }, (_, id) => ({ id, seq: 0, claims: [] as OwnedClaim[] }));
  await Promise.all(
    team.map(async (worker) => {
      while (Date.now() < deadline && ctx.outcomes.length < limit && !options.stop?.()) {
        await next().run(ctx, worker);
        if (options.thinkMs) await new Promise((resolve) => setTimeout(resolve, options.thinkMs));
      }
    }),
  );
  return team;
}

/** Imports `count` articles (sequentially, as worker -1) so reads have something to read from the start. */
export async function seedArticles(ctx: LoadContext, count: number): Promise<void> {
  const seeder: Worker = { id: 9999, seq: 0, claims: [] };
  for (let i = 0; i < count; i++) await importOne(ctx, seeder);
}

// ---- Verification ----------------------------------------------------------------------------------------------

export interface WriteFigures {
  acknowledged: number;
  found: number;
  problems: string[];
}

/** Looks for every acknowledged write in the database: its rows (per kind) and its audit event (all kinds). */
export async function verifyAcknowledged(db: Client, acks: Ack[]): Promise<WriteFigures> {
  const missing: Missing[] = [];
  for (const kind of WRITE_KINDS) {
    const mine = acks.filter((a) => a.kind === kind.name);
    if (mine.length) missing.push(...(await kind.verify(db, mine)));
  }
  const { rows } = await db.query<{ request_id: string }>('SELECT DISTINCT request_id FROM audit_events WHERE request_id = ANY($1)', [
    acks.map((a) => a.requestId),
  ]);
  const audited = new Set(rows.map((r) => r.request_id));
  for (const ack of acks) {
    if (!audited.has(ack.requestId)) missing.push({ requestId: ack.requestId, problem: `${ack.kind} acknowledged but has no audit event` });
  }
  const lost = new Set(missing.map((m) => m.requestId));
  return {
    acknowledged: acks.length,
    found: acks.length - lost.size,
    problems: missing.map((m) => `${m.problem} (request ${m.requestId})`),
  };
}

/**
 * Nothing half-written, for every article in the database (acknowledged or not): exactly `claim_count` claims at
 * positions 1..n, and the article.created audit event written with it.
 */
export async function findHalfWritten(db: Client): Promise<{ articles: number; claims: number; problems: string[] }> {
  const { rows } = await db.query<{ id: string; claim_count: number; n: number; max_position: number | null; audited: boolean }>(
    `SELECT a.id, a.claim_count, coalesce(c.n, 0)::int AS n, c.max_position,
            EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_type = 'article' AND e.entity_id = a.id AND e.action = 'article.created') AS audited
     FROM articles a
     LEFT JOIN (SELECT article_id, count(*) AS n, max(position) AS max_position FROM claims GROUP BY article_id) c ON c.article_id = a.id`,
  );
  const problems: string[] = [];
  let claims = 0;
  for (const row of rows) {
    claims += row.n;
    if (row.n !== row.claim_count) problems.push(`article ${row.id}: claim_count ${row.claim_count} but ${row.n} claims stored`);
    else if (row.n > 0 && row.max_position !== row.n) problems.push(`article ${row.id}: positions are not 1..${row.n}`);
    if (!row.audited) problems.push(`article ${row.id}: stored without its article.created audit event`);
  }
  return { articles: rows.length, claims, problems };
}
