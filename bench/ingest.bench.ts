/**
 * Ingest: a ~1 MB article (≈6,300 claims) imported over HTTP into our service, against the raw transaction that
 * stores the same thing (article row, claims by one unnest insert, audit row; one transaction over pg, claims
 * split and scored beforehand and not timed). Our time includes everything the raw one leaves out: parsing and
 * validating the body, hashing, splitting, hints, the audit event and the response. Plus the import of a typical
 * article and sign-in timing (a wrong password and an unknown e-mail should cost the same). Every loop is bounded.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { contentHashOf } from '../src/articles/articles.service';
import { hintFor } from '../src/claims/triage.rules';
import { splitSentences } from '../src/segmentation/sentence-splitter';
import { BENCH_EDITOR_ID, BENCH_EMAIL, BENCH_PASSWORD } from './harness/database';
import { cpuSecondsOf, type Child } from './harness/processes';
import { median, type Row } from './harness/runner';

export interface IngestOptions {
  runs: number;
  typicalImports: number;
  loginSamples: number;
}

const MAX_TARGET_RATIO = 2;
const LARGE_BYTES = 1_000_000;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

/** The seed article repeated into one ~1 MB article; `variant` makes each body (and so its hash) unique. */
export function largeArticle(variant: string): string {
  const seed = readFileSync(path.join(__dirname, '../seed/seed-article.txt'), 'utf8');
  const copies = Math.floor(LARGE_BYTES / (Buffer.byteLength(seed) + 16));
  return `${variant}\n` + Array.from({ length: copies }, (_, i) => `Part ${i + 1}.\n${seed}`).join('\n\n');
}

/** The raw transaction: what an import writes, with nothing around it. */
async function rawImport(client: Client, title: string, body: string): Promise<number> {
  const spans = splitSentences(body);
  const claims = spans.map((s) => ({ ...s, id: randomUUID(), hint: hintFor(s.text) }));
  const id = randomUUID();
  const hash = contentHashOf(body);
  const [ms] = await timed(async () => {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO articles (id, title, body, content_hash, claim_count, created_by_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now(), now())`,
      [id, title, body, hash, claims.length, BENCH_EDITOR_ID],
    );
    await client.query(
      `INSERT INTO claims (id, article_id, position, paragraph, start, "end", sentence_start, sentence_end, text, hint,
                           status_changed_at, created_at, updated_at)
       SELECT u.id, $1, u.position, u.paragraph, u.start, u.finish, u.start, u.finish, u.text, u.hint, now(), now(), now()
       FROM unnest($2::uuid[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::float8[])
         AS u(id, position, paragraph, start, finish, text, hint)`,
      [
        id,
        claims.map((c) => c.id),
        claims.map((_, i) => i + 1),
        claims.map((c) => c.paragraph),
        claims.map((c) => c.start),
        claims.map((c) => c.end),
        claims.map((c) => c.text),
        claims.map((c) => c.hint),
      ],
    );
    await client.query(
      `INSERT INTO audit_events (actor_id, entity_type, entity_id, action, after) VALUES ($1, 'article', $2, 'article.created', $3)`,
      [BENCH_EDITOR_ID, id, JSON.stringify({ title, contentHash: hash, claimCount: claims.length, version: 1 })],
    );
    await client.query('COMMIT');
  });
  return ms;
}

export async function runIngestBench(ours: Child, databaseUrl: string, token: string, options: IngestOptions) {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const nonce = Date.now().toString(36);
  const importArticle = async (title: string, body: string) => {
    const res = await fetch(`${ours.url}/api/articles`, { method: 'POST', headers, body: JSON.stringify({ title, body }) });
    if (res.status !== 201) throw new Error(`import failed: ${res.status} ${(await res.text()).slice(0, 500)}`);
    return (await res.json()) as { claimCount: number };
  };

  // Warm-up (not timed), then alternate ours and raw.
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const oursMs: number[] = [];
  const oursCpuMs: number[] = [];
  const rawMs: number[] = [];
  let claimCount = 0;
  let bytes = 0;
  try {
    await importArticle('Warm-up', largeArticle(`Warm-up ${nonce}.`));
    await rawImport(client, 'Warm-up raw', largeArticle(`Warm-up raw ${nonce}.`));
    for (let run = 0; run < options.runs; run++) {
      const body = largeArticle(`Edition ${run} ${nonce}.`);
      bytes = Buffer.byteLength(body);
      const cpuBefore = cpuSecondsOf(ours.pid);
      const [ms, article] = await timed(() => importArticle(`Large ${run}`, body));
      oursMs.push(ms);
      oursCpuMs.push((cpuSecondsOf(ours.pid) - cpuBefore) * 1000);
      claimCount = article.claimCount;
      rawMs.push(await rawImport(client, `Large raw ${run}`, largeArticle(`Raw edition ${run} ${nonce}.`)));
    }
  } finally {
    await client.end();
  }

  const seed = readFileSync(path.join(__dirname, '../seed/seed-article.txt'), 'utf8');
  const typicalMs: number[] = [];
  for (let i = 0; i < options.typicalImports; i++) {
    typicalMs.push((await timed(() => importArticle(`Typical ${i}`, `Edition ${i} ${nonce}.\n${seed}`)))[0]);
  }

  const login = (email: string, password: string) =>
    fetch(`${ours.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) }).then((r) => r.arrayBuffer());
  if (options.loginSamples > 0) await login(BENCH_EMAIL, BENCH_PASSWORD);
  const knownMs: number[] = [];
  const unknownMs: number[] = [];
  for (let i = 0; i < options.loginSamples; i++) {
    knownMs.push((await timed(() => login(BENCH_EMAIL, 'Wrong-Password-123')))[0]);
    unknownMs.push((await timed(() => login(`nobody-${i}@desk.example`, 'Wrong-Password-123')))[0]);
  }

  const ours50 = median(oursMs);
  const raw50 = median(rawMs);
  const ratio = ours50 / raw50;
  const row: Row = {
    id: 'ingest',
    title: `Import a ${(bytes / 1e6).toFixed(2)} MB article (${claimCount} claims) over HTTP`,
    ours: `${Math.round(ours50)} ms`,
    baseline: `${Math.round(raw50)} ms (raw transaction)`,
    ratio: `×${ratio.toFixed(2)}`,
    target: `≤ ×${MAX_TARGET_RATIO}`,
    pass: ratio <= MAX_TARGET_RATIO,
    details: { oursMs: oursMs.map(Math.round), rawMs: rawMs.map(Math.round), oursServiceCpuMs: oursCpuMs.map(Math.round) },
  };
  const ingest = {
    bench: 'ingest',
    largeArticleBytes: bytes,
    largeArticleClaims: claimCount,
    largeImportMsMedian: Math.round(ours50),
    rawTransactionMsMedian: Math.round(raw50),
    serviceCpuMsPerImportMedian: Math.round(median(oursCpuMs)),
    typicalImportMsMedian: typicalMs.length ? Math.round(median(typicalMs)) : null,
    loginWrongPasswordMsMedian: knownMs.length ? Math.round(median(knownMs)) : null,
    loginUnknownEmailMsMedian: unknownMs.length ? Math.round(median(unknownMs)) : null,
  };
  return { row, ingest };
}
