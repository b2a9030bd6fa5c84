/**
 * The raw baseline: a minimal node:http + pg server that serves the same JSON as our service for the read
 * scenarios (an article with its first 200 claims, a page of an article's claims, a page of the article list,
 * title search), with no framework, no validation, no logging and no token check. The bench checks that both
 * answer the same JSON before it measures anything. For the write scenario it also does what adding a source to a
 * claim and saving one's verdict write, with the same statements in one transaction each (row lock on the claim,
 * inserts, audit rows), and nothing else. Run as a child process; DATABASE_URL, POOL_SIZE and ACTOR_ID (whose
 * writes they are).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool, type PoolClient } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const ACTOR = process.env.ACTOR_ID ?? null;
const EMBEDDED_CLAIMS = 200;
const CHECKED = `'{approved,published,correcting,retracted}'`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const cursor = (ordering: string, key: unknown[]) => Buffer.from(JSON.stringify([ordering, ...key])).toString('base64url');
const uncursor = (text: string) => JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];

const ARTICLE = `a.id, a.title, a.url, a.outlet, a.author, a.published_at, a.content_hash, a.created_by_id, a.claim_count,
  a.rating_scale_id, a.version, a.created_at, a.updated_at,
  (SELECT count(*) FILTER (WHERE c.check_worthy)::int FROM claims c WHERE c.article_id = a.id) AS check_worthy,
  (SELECT count(*) FILTER (WHERE c.status::text = ANY(${CHECKED}))::int FROM claims c WHERE c.article_id = a.id) AS checked`;
const CLAIM = `c.id, c.article_id, c.position, c.paragraph, c.start, c."end", c.text, c.sentence_start, c.sentence_end,
  c.check_worthy, c.hint, c.status::text AS status, c.status_changed_at, c.claimant_name, c.claimant_role,
  c.claim_date::text AS claim_date, c.retraction_note, c.retracted_at, c.version, c.created_at, c.updated_at,
  fv.level_key, fv.level_label, fv.level_value, fv.level_color, fv.published`;
/** The final verdict a claim shows (the bench reader is an editor, who also sees approved, unpublished ones). */
const VERDICT = `LEFT JOIN LATERAL (
    SELECT r.level_key, r.level_label, r.level_value, r.level_color, r.published_at IS NOT NULL AS published
    FROM rulings r WHERE r.claim_id = c.id AND r.superseded_at IS NULL ORDER BY r.revision DESC LIMIT 1) fv ON true`;

type Row = Record<string, any>;

function summary(a: Row) {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    outlet: a.outlet,
    author: a.author,
    publishedAt: iso(a.published_at),
    contentHash: a.content_hash,
    createdById: a.created_by_id,
    claimCount: a.claim_count,
    ratingScaleId: a.rating_scale_id,
    progress: { total: a.claim_count, checkWorthy: a.check_worthy, checked: a.checked },
    version: a.version,
    createdAt: iso(a.created_at),
    updatedAt: iso(a.updated_at),
  };
}

function claim(c: Row, author: string | null, publishedAt: Date | null) {
  const own = c.claimant_name !== null;
  return {
    id: c.id,
    articleId: c.article_id,
    position: c.position,
    paragraph: c.paragraph,
    text: c.text,
    start: c.start,
    end: c.end,
    sentenceStart: c.sentence_start,
    sentenceEnd: c.sentence_end,
    narrowed: c.start !== c.sentence_start || c.end !== c.sentence_end,
    checkWorthy: c.check_worthy,
    hint: c.hint,
    status: c.status,
    statusChangedAt: iso(c.status_changed_at),
    claimant: own ? { name: c.claimant_name, role: c.claimant_role } : author ? { name: author, role: null } : null,
    claimantIsDefault: !own && c.claim_date === null,
    claimDate: c.claim_date ?? (publishedAt ? publishedAt.toISOString().slice(0, 10) : null),
    retraction: c.retracted_at ? { note: c.retraction_note ?? '', at: iso(c.retracted_at) } : null,
    verdict:
      c.level_key && !c.retracted_at
        ? { key: c.level_key, label: c.level_label ?? c.level_key, value: c.level_value, color: c.level_color ?? '#57606a', state: c.published ? 'published' : 'approved' }
        : null,
    version: c.version,
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
  };
}

function claimPage(rows: Row[], limit: number, author: string | null, publishedAt: Date | null) {
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map((c) => claim(c, author, publishedAt));
  return { items, nextCursor: more ? cursor('claims:position', [items[items.length - 1].position]) : null };
}

async function articleDetail(id: string) {
  const [article, claims] = await Promise.all([
    pool.query(`SELECT ${ARTICLE}, a.body FROM articles a WHERE a.id = $1`, [id]),
    pool.query(`SELECT ${CLAIM} FROM claims c ${VERDICT} WHERE c.article_id = $1 ORDER BY c.position LIMIT ${EMBEDDED_CLAIMS + 1}`, [id]),
  ]);
  const a = article.rows[0];
  if (!a) return undefined;
  const page = claimPage(claims.rows, EMBEDDED_CLAIMS, a.author, a.published_at);
  return { ...summary(a), body: a.body, claims: page.items, claimsNextCursor: page.nextCursor };
}

async function articleClaims(id: string, query: URLSearchParams) {
  const limit = Number(query.get('limit') ?? 200);
  const after = query.get('cursor') ? Number(uncursor(query.get('cursor')!)[1]) : 0;
  const { rows } = await pool.query(
    `SELECT ${CLAIM}, a.author, a.published_at FROM claims c JOIN articles a ON a.id = c.article_id ${VERDICT}
     WHERE c.article_id = $1 AND (c.article_id, c.position) > ($1, $2) ORDER BY c.article_id, c.position LIMIT $3`,
    [id, after, limit + 1],
  );
  return claimPage(rows, limit, rows[0]?.author ?? null, rows[0]?.published_at ?? null);
}

async function articleList(query: URLSearchParams) {
  const limit = Number(query.get('limit') ?? 50);
  const values: unknown[] = [];
  const where: string[] = [];
  const q = query.get('q');
  if (q) {
    values.push(`%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    where.push(`a.title ILIKE $${values.length}`);
  }
  const c = query.get('cursor');
  if (c) {
    const [, createdAt, id] = uncursor(c);
    values.push(createdAt, id);
    where.push(`(a.created_at, a.id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
  }
  values.push(limit + 1);
  const { rows } = await pool.query(
    `SELECT ${ARTICLE} FROM articles a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.created_at DESC, a.id DESC LIMIT $${values.length}`,
    values,
  );
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map(summary);
  const last = items[items.length - 1];
  return { items, nextCursor: more ? cursor('articles:newest', [last.createdAt, last.id]) : null };
}

async function readJson(req: IncomingMessage): Promise<Row> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function inTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const AUDIT = `INSERT INTO audit_events (actor_id, entity_type, entity_id, action, claim_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`;

/** POST /api/claims/:id/sources: the source record (one per URL), the link, an audit row for each. */
async function addSource(claimId: string, body: Row) {
  return inTransaction(async (client) => {
    const claim = await client.query('SELECT id FROM claims WHERE id = $1 FOR UPDATE', [claimId]);
    if (claim.rowCount === 0) return undefined;
    const accessedAt = new Date().toISOString().slice(0, 10);
    const inserted = await client.query(
      `INSERT INTO sources (url, title, publisher, source_type, accessed_at, archived_url, created_by_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now()) ON CONFLICT (url) DO NOTHING RETURNING id`,
      [body.url, body.title, body.publisher ?? null, body.sourceType, accessedAt, body.archivedUrl ?? null, ACTOR],
    );
    const sourceId = inserted.rows[0]?.id ?? (await client.query('SELECT id FROM sources WHERE url = $1', [body.url])).rows[0].id;
    if (inserted.rowCount) {
      const after = { url: body.url, title: body.title, publisher: body.publisher ?? null, sourceType: body.sourceType, accessedAt, archivedUrl: null, version: 1 };
      await client.query(AUDIT, [ACTOR, 'source', sourceId, 'source.created', claimId, null, after]);
    }
    const link = await client.query(
      `INSERT INTO claim_sources (claim_id, source_id, stance, excerpt, added_by_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, now()) RETURNING id, claim_id, source_id, stance::text AS stance, excerpt, version, created_at`,
      [claimId, sourceId, body.stance, body.excerpt ?? null, ACTOR],
    );
    const l = link.rows[0];
    await client.query(AUDIT, [ACTOR, 'claim_source', l.id, 'claim_source.added', claimId, null, { sourceId, stance: l.stance, excerpt: l.excerpt, version: l.version }]);
    return { id: l.id, claimId, sourceId, url: body.url, title: body.title, stance: l.stance, excerpt: l.excerpt, version: l.version, createdAt: iso(l.created_at) };
  });
}

/** PUT /api/claims/:id/verdicts/mine (creating a draft): the claim and any earlier verdict locked, the level, the row, an audit row. */
async function saveVerdict(claimId: string, body: Row) {
  return inTransaction(async (client) => {
    const claim = await client.query('SELECT c.id, a.rating_scale_id FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = $1 FOR UPDATE OF c', [claimId]);
    if (claim.rowCount === 0) return undefined;
    await client.query('SELECT id FROM verdicts WHERE claim_id = $1 AND reviewer_id = $2 FOR UPDATE', [claimId, ACTOR]);
    const level = await client.query(
      `SELECT l.id FROM rating_levels l JOIN rating_scales s ON s.id = l.scale_id
       WHERE l.key = $1 AND NOT l.archived AND s.id = coalesce($2, (SELECT id FROM rating_scales WHERE is_default))`,
      [body.levelKey, claim.rows[0].rating_scale_id],
    );
    const verdict = await client.query(
      `INSERT INTO verdicts (claim_id, reviewer_id, level_id, rationale, updated_at) VALUES ($1, $2, $3, $4, now())
       RETURNING id, status::text AS status, version, created_at`,
      [claimId, ACTOR, level.rows[0].id, body.rationale ?? ''],
    );
    const v = verdict.rows[0];
    const after = { reviewerId: ACTOR, levelKey: body.levelKey, rationale: body.rationale ?? '', sourceIds: [], status: v.status, version: v.version };
    await client.query(AUDIT, [ACTOR, 'verdict', v.id, 'verdict.created', claimId, null, after]);
    return { id: v.id, claimId, levelKey: body.levelKey, rationale: body.rationale ?? '', status: v.status, version: v.version, createdAt: iso(v.created_at) };
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}

async function route(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://raw');
  const parts = url.pathname.split('/').filter(Boolean); // api, articles, :id, claims
  let body: unknown;
  if (parts[0] === 'api' && parts[1] === 'claims' && parts.length >= 4) {
    const written =
      req.method === 'POST' && parts[3] === 'sources' ? await addSource(parts[2], await readJson(req))
      : req.method === 'PUT' && parts[3] === 'verdicts' && parts[4] === 'mine' ? await saveVerdict(parts[2], await readJson(req))
      : undefined;
    if (written) return send(res, 201, written);
  } else if (parts[0] === 'api' && parts[1] === 'articles') {
    if (parts.length === 2) body = await articleList(url.searchParams);
    else if (parts.length === 3) body = await articleDetail(parts[2]);
    else if (parts.length === 4 && parts[3] === 'claims') body = await articleClaims(parts[2], url.searchParams);
  }
  if (body === undefined) send(res, 404, { error: 'not found' });
  else send(res, 200, body);
}

const server = createServer((req, res) => {
  route(req, res).catch((error) => send(res, 500, { error: String(error) }));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('SIGTERM', () => {
  const force = setTimeout(() => server.closeAllConnections(), 5_000);
  server.close(() => {
    clearTimeout(force);
    void pool.end().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
});
