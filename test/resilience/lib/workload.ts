/**
 * Mixed load against the service: reads (article list, article detail, an article's claims) and writes (imports,
 * claim triage with versions, and the review writes: assignments, sources, verdict drafts). Every write kind is one
 * entry of WRITE_KINDS: how to make the write, what its acknowledgement records, and how to find it in the
 * database afterwards. Adding a write kind is one more entry.
 *
 * Every write carries a unique marker (a title, a claimant, a due date, an excerpt, a rationale) that the service
 * keeps in the row and in the audit event it writes in the same transaction. So "found afterwards" is checked twice:
 * in the changed rows, and in the audit trail under the request id the service answered with (`X-Request-Id`) with
 * the marker in its `after` state. A write that got no answer is looked up by its marker alone.
 */
import type { Client } from 'pg';
import type { HttpClient, Outcome } from './http-client';

export interface Ack {
  kind: string;
  /** The request id the service answered with (X-Request-Id), which it stores in the audit event. */
  requestId: string;
  marker: string;
  data: Record<string, unknown>;
}

/** Every write sent, answered or not, with its marker: an unanswered one must not have happened (graceful stop). */
export interface Attempt {
  kind: string;
  marker: string;
  outcome: Outcome;
}

/** A claim a worker owns (it imported the article), so only this worker changes it and knows its versions. */
interface OwnedClaim {
  id: string;
  /** undefined after a write whose outcome is unknown, or that may have moved the version: read it again. */
  version: number | undefined;
  assigned: boolean;
  sourceIds: string[];
  /** The worker's own verdict draft: null = none yet, undefined = unknown (read it again). */
  verdictVersion: number | null | undefined;
}

export interface Worker {
  id: number;
  seq: number;
  claims: OwnedClaim[];
}

export interface LoadContext {
  client: HttpClient;
  token: string;
  /** The signed-in editor's user id (assignee of its own claims, author of its verdicts). */
  userId: string;
  /** Article ids known to exist, shared by all workers for reads. */
  articles: string[];
  outcomes: Outcome[];
  attempts: Attempt[];
  acks: Ack[];
  timeoutMs: number;
  /** Unique across runs and instances, so bodies and markers never repeat. */
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
  /** Looks for the rows of every acknowledged write of this kind; returns those not found as acknowledged. */
  verify(db: Client, acks: Ack[]): Promise<Missing[]>;
}

async function send(ctx: LoadContext, options: Parameters<HttpClient['request']>[0]): Promise<Outcome> {
  const outcome = await ctx.client.request({ token: ctx.token, timeoutMs: ctx.timeoutMs, ...options });
  ctx.outcomes.push(outcome);
  return outcome;
}

/** Sends a write with its marker; records the attempt, and the acknowledgement when the answer is `okStatuses`. */
async function write(
  ctx: LoadContext,
  kind: string,
  marker: string,
  options: Parameters<HttpClient['request']>[0],
  okStatuses: number[],
  data: (body: any) => Record<string, unknown>,
): Promise<any | undefined> {
  const outcome = await send(ctx, options);
  ctx.attempts.push({ kind, marker, outcome });
  if (outcome.status === undefined || !okStatuses.includes(outcome.status)) return undefined;
  const requestId = String(outcome.headers?.['x-request-id'] ?? outcome.requestId);
  ctx.acks.push({ kind, requestId, marker, data: data(outcome.body) });
  return outcome.body;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];
const markerOf = (ctx: LoadContext, worker: Worker, what: string) => `${what} ${ctx.runTag} w${worker.id} #${worker.seq++}`;

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

/** POST /api/articles with `sentences` sentences (random when omitted); acknowledged = 201. */
export async function importArticle(ctx: LoadContext, worker: Worker, sentences?: number): Promise<void> {
  const marker = markerOf(ctx, worker, 'Article');
  const count = sentences ?? 5 + Math.floor(Math.random() * 36);
  const article = await write(ctx, 'import', marker, { op: 'import', path: '/api/articles', json: { title: marker, body: articleBody(marker, count) } }, [201], (a) => ({
    articleId: a.id,
    claimCount: a.claimCount,
  }));
  if (!article) return;
  ctx.articles.push(article.id);
  const claims = (article.claims as Array<{ id: string; version: number }>).slice(0, 10);
  worker.claims.push(...claims.map((c) => ({ id: c.id, version: c.version, assigned: false, sourceIds: [], verdictVersion: null })));
}

async function currentVersion(ctx: LoadContext, claim: OwnedClaim): Promise<number | undefined> {
  if (claim.version !== undefined) return claim.version;
  const read = await send(ctx, { op: 'claim', path: `/api/claims/${claim.id}` });
  if (read.status === 200) claim.version = (read.body as { version: number }).version;
  return claim.version;
}

/** PATCH /api/claims/:id (claimant) with the version read; acknowledged = 200 with the new version. */
async function triage(ctx: LoadContext, worker: Worker): Promise<void> {
  if (worker.claims.length === 0) return importArticle(ctx, worker);
  const claim = pick(worker.claims);
  const version = await currentVersion(ctx, claim);
  if (version === undefined) return;
  const marker = markerOf(ctx, worker, 'Source');
  const body = { claimant: { name: marker, role: 'Spokesperson' }, version };
  const done = await write(ctx, 'triage', marker, { op: 'triage', method: 'PATCH', path: `/api/claims/${claim.id}`, json: body }, [200], (c) => ({
    claimId: claim.id,
    version: c.version,
  }));
  claim.version = done ? done.version : undefined;
}

/** POST /api/claims/:id/assignments (the worker assigns itself, with a unique due date); acknowledged = 201/200. */
async function assign(ctx: LoadContext, worker: Worker): Promise<void> {
  const claim = worker.claims.find((c) => !c.assigned);
  if (!claim) return triage(ctx, worker);
  const dueAt = new Date(Date.UTC(2030, 0, 1) + worker.id * 1e9 + worker.seq * 1000 + Math.floor(Math.random() * 1000)).toISOString();
  const marker = dueAt;
  worker.seq++;
  const done = await write(
    ctx,
    'assign',
    marker,
    { op: 'assign', path: `/api/claims/${claim.id}/assignments`, json: { reviewerId: ctx.userId, dueAt } },
    [200, 201],
    () => ({ claimId: claim.id, reviewerId: ctx.userId }),
  );
  claim.version = undefined; // the first assignment moves the claim to in_review
  if (done) claim.assigned = true;
}

/** POST /api/claims/:id/sources (a new URL, the marker as excerpt); acknowledged = 201. */
async function attachSource(ctx: LoadContext, worker: Worker): Promise<void> {
  if (worker.claims.length === 0) return importArticle(ctx, worker);
  const claim = pick(worker.claims);
  const marker = markerOf(ctx, worker, 'Excerpt');
  const url = `https://evidence.example/${encodeURIComponent(ctx.runTag)}/${worker.id}/${worker.seq}`;
  const body = { url, title: `Evidence ${marker}`, sourceType: 'dataset', stance: 'supports', excerpt: marker };
  const link = await write(ctx, 'source', marker, { op: 'source', path: `/api/claims/${claim.id}/sources`, json: body }, [201], (l) => ({
    claimId: claim.id,
    sourceId: l.sourceId,
  }));
  if (link) claim.sourceIds.push(link.sourceId);
}

/** PUT /api/claims/:id/verdicts/mine: a draft (never submitted) with the marker as rationale; acknowledged = 201/200. */
async function saveVerdict(ctx: LoadContext, worker: Worker): Promise<void> {
  const assigned = worker.claims.filter((c) => c.assigned);
  if (assigned.length === 0) return assign(ctx, worker);
  const claim = pick(assigned);
  if (claim.verdictVersion === undefined) {
    const read = await send(ctx, { op: 'verdicts', path: `/api/claims/${claim.id}/verdicts` });
    if (read.status !== 200) return;
    const mine = (read.body as { items: Array<{ mine: boolean; version: number }> }).items.find((v) => v.mine);
    claim.verdictVersion = mine ? mine.version : null;
  }
  const marker = markerOf(ctx, worker, 'Rationale');
  const body = {
    levelKey: 'mostly_true',
    rationale: marker,
    sourceIds: claim.sourceIds.slice(-3),
    submit: false,
    ...(claim.verdictVersion === null ? {} : { version: claim.verdictVersion }),
  };
  const verdict = await write(ctx, 'verdict', marker, { op: 'verdict', method: 'PUT', path: `/api/claims/${claim.id}/verdicts/mine`, json: body }, [200, 201], (v) => ({
    claimId: claim.id,
    verdictId: v.id,
    version: v.version,
  }));
  claim.verdictVersion = verdict ? verdict.version : undefined;
}

export const WRITE_KINDS: WriteKind[] = [
  {
    name: 'import',
    weight: 1,
    run: (ctx, worker) => importArticle(ctx, worker),
    async verify(db, acks) {
      const { rows } = await db.query<{ id: string; title: string; claim_count: number; n: number }>(
        `SELECT a.id, a.title, a.claim_count, (SELECT count(*)::int FROM claims c WHERE c.article_id = a.id) AS n
         FROM articles a WHERE a.id = ANY($1::uuid[])`,
        [acks.map((a) => a.data.articleId)],
      );
      const found = new Map(rows.map((r) => [r.id, r]));
      return acks.flatMap(({ requestId, marker, data }): Missing[] => {
        const row = found.get(data.articleId as string);
        if (!row || row.title !== marker) return [{ requestId, problem: `import of article ${data.articleId} acknowledged but the article is missing` }];
        if (row.n !== data.claimCount || row.claim_count !== data.claimCount) {
          return [{ requestId, problem: `article ${row.id}: acknowledged ${data.claimCount} claims, stored ${row.n} (claim_count ${row.claim_count})` }];
        }
        return [];
      });
    },
  },
  {
    name: 'triage',
    weight: 2,
    run: triage,
    async verify(db, acks) {
      const { rows } = await db.query<{ id: string; version: number }>('SELECT id, version FROM claims WHERE id = ANY($1::uuid[])', [
        [...new Set(acks.map((a) => a.data.claimId))],
      ]);
      const versions = new Map(rows.map((r) => [r.id, r.version]));
      return acks.flatMap(({ requestId, data }): Missing[] => {
        const stored = versions.get(data.claimId as string);
        return stored !== undefined && stored >= (data.version as number)
          ? []
          : [{ requestId, problem: `claim ${data.claimId} is at version ${stored}, below the acknowledged ${data.version}` }];
      });
    },
  },
  {
    name: 'assign',
    weight: 0.5,
    run: assign,
    async verify(db, acks) {
      const { rows } = await db.query<{ key: string }>(
        `SELECT claim_id || ' ' || reviewer_id AS key FROM assignments WHERE claim_id = ANY($1::uuid[])`,
        [acks.map((a) => a.data.claimId)],
      );
      const found = new Set(rows.map((r) => r.key));
      return acks.flatMap(({ requestId, data }): Missing[] =>
        found.has(`${data.claimId} ${data.reviewerId}`) ? [] : [{ requestId, problem: `assignment to claim ${data.claimId} acknowledged but missing` }],
      );
    },
  },
  {
    name: 'source',
    weight: 1,
    run: attachSource,
    async verify(db, acks) {
      const { rows } = await db.query<{ key: string; excerpt: string | null }>(
        `SELECT claim_id || ' ' || source_id AS key, excerpt FROM claim_sources WHERE source_id = ANY($1::uuid[])`,
        [acks.map((a) => a.data.sourceId)],
      );
      const found = new Map(rows.map((r) => [r.key, r.excerpt]));
      return acks.flatMap(({ requestId, marker, data }): Missing[] =>
        found.get(`${data.claimId} ${data.sourceId}`) === marker ? [] : [{ requestId, problem: `source ${data.sourceId} on claim ${data.claimId} acknowledged but missing` }],
      );
    },
  },
  {
    name: 'verdict',
    weight: 1,
    run: saveVerdict,
    async verify(db, acks) {
      const { rows } = await db.query<{ id: string; version: number }>('SELECT id, version FROM verdicts WHERE id = ANY($1::uuid[])', [
        [...new Set(acks.map((a) => a.data.verdictId))],
      ]);
      const versions = new Map(rows.map((r) => [r.id, r.version]));
      return acks.flatMap(({ requestId, data }): Missing[] => {
        const stored = versions.get(data.verdictId as string);
        return stored !== undefined && stored >= (data.version as number)
          ? []
          : [{ requestId, problem: `verdict ${data.verdictId} is at version ${stored}, below the acknowledged ${data.version}` }];
      });
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

export function newWorkers(count: number): Worker[] {
  return Array.from({ length: count }, (_, id) => ({ id, seq: 0, claims: [] }));
}

/** Runs `concurrency` workers until the time, the count or `stop` ends them; resolves when all have finished. */
export async function runLoad(ctx: LoadContext, options: LoadOptions, workers?: Worker[]): Promise<Worker[]> {
  const next = chooser(options.operations ?? ALL_OPERATIONS);
  const deadline = Date.now() + options.durationMs;
  const limit = ctx.outcomes.length + options.maxRequests;
  const team = workers ?? newWorkers(options.concurrency);
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

/** Imports `count` articles (sequentially, as an extra worker) so reads have something to read from the start. */
export async function seedArticles(ctx: LoadContext, count: number): Promise<void> {
  const seeder: Worker = { id: 9999, seq: 0, claims: [] };
  for (let i = 0; i < count; i++) await importArticle(ctx, seeder);
}

// ---- Verification ----------------------------------------------------------------------------------------------

export interface WriteFigures {
  acknowledged: number;
  found: number;
  byKind: Record<string, { acknowledged: number; found: number }>;
  problems: string[];
}

/**
 * Looks for every acknowledged write in the database: its rows (per kind) and its audit event (all kinds: the
 * request id the service answered with, and the write's marker in the recorded state).
 */
export async function verifyAcknowledged(db: Client, acks: Ack[]): Promise<WriteFigures> {
  const missing: Missing[] = [];
  for (const kind of WRITE_KINDS) {
    const mine = acks.filter((a) => a.kind === kind.name);
    if (mine.length) missing.push(...(await kind.verify(db, mine)));
  }
  const { rows } = await db.query<{ request_id: string; after: string }>(
    'SELECT request_id, after::text AS after FROM audit_events WHERE request_id = ANY($1)',
    [acks.map((a) => a.requestId)],
  );
  const audited = new Map<string, string[]>();
  for (const row of rows) audited.set(row.request_id, [...(audited.get(row.request_id) ?? []), row.after ?? '']);
  for (const ack of acks) {
    const states = audited.get(ack.requestId) ?? [];
    if (!states.some((after) => after.includes(JSON.stringify(ack.marker).slice(1, -1)))) {
      missing.push({ requestId: ack.requestId, problem: `${ack.kind} "${ack.marker}" acknowledged but its audit event is missing` });
    }
  }
  const lost = new Set(missing.map((m) => m.requestId));
  const byKind: WriteFigures['byKind'] = {};
  for (const ack of acks) {
    const k = (byKind[ack.kind] ??= { acknowledged: 0, found: 0 });
    k.acknowledged++;
    if (!lost.has(ack.requestId)) k.found++;
  }
  return { acknowledged: acks.length, found: acks.length - lost.size, byKind, problems: missing.map((m) => `${m.problem} (request ${m.requestId})`) };
}

/** The writes among `attempts` that happened: their marker is in the audit trail (written with the change). */
export async function findApplied(db: Client, attempts: Attempt[]): Promise<Attempt[]> {
  if (attempts.length === 0) return [];
  const { rows } = await db.query<{ marker: string }>(
    `SELECT m.marker FROM unnest($1::text[]) AS m(marker)
     WHERE EXISTS (SELECT 1 FROM audit_events e WHERE strpos(e.after::text, m.marker) > 0)`,
    [attempts.map((a) => JSON.stringify(a.marker).slice(1, -1))],
  );
  const applied = new Set(rows.map((r) => r.marker));
  return attempts.filter((a) => applied.has(JSON.stringify(a.marker).slice(1, -1)));
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
