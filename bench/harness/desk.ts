/**
 * Deterministic bench data, generated inside PostgreSQL with generate_series (no rows travel from Node).
 *
 * A desk of `articles` articles, newest last created. Article 1 is the largest article the service accepts
 * (ARTICLE_MAX_CLAIMS = 20,000 claims in a body under 1 MiB), article 2 the "detail" article (240 claims, so
 * its detail embeds 200 and its claims list has a second page); the others share the remaining claims (about
 * 20 each). Exactly 20 titles contain "Harbour levy", whatever the desk size, so a title search returns the
 * same page on a small and a large desk. Ids are md5-derived (version 4) UUIDs: the same desk has the same ids on every run.
 */
import { createHash } from 'node:crypto';
import type { Client } from 'pg';

export interface DeskSpec {
  articles: number;
  /** Claims over the whole desk, the two special articles included. */
  claims: number;
}

export const LARGEST_ARTICLE_CLAIMS = 20_000;
export const DETAIL_ARTICLE_CLAIMS = 240;
export const SEARCH_TERM = 'harbour levy';
export const SEARCH_MATCHES = 20;
/** Claim text is fixed-width so offsets are arithmetic: 48 characters, then one separator. */
const CLAIM_WIDTH = 48;

export const articleId = (i: number) => md5Uuid(`checkmate-bench-article-${i}`);
export const LARGEST_ARTICLE = 1;
export const DETAIL_ARTICLE = 2;
/** When article i was created (newest first in the list); its keyset cursor key. */
export const articleCreatedAt = (i: number) => new Date(Date.UTC(2026, 0, 1, 6, 0, 0) + i * 60_000).toISOString();

function md5Uuid(text: string): string {
  // The same function as uuidOf in SQL: md5, with the version (4) and variant (8) digits of a valid UUID.
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** SQL: a deterministic, valid (version 4) UUID from a text. */
const uuidOf = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

/** Claims of article i (SQL expression), given the desk size. */
function claimsPerArticleSql({ articles, claims }: DeskSpec): string {
  const regular = articles - 2;
  const remaining = claims - LARGEST_ARTICLE_CLAIMS - DETAIL_ARTICLE_CLAIMS;
  if (regular < 1 || remaining < regular) throw new Error(`desk too small: ${articles} articles, ${claims} claims`);
  const base = Math.floor(remaining / regular);
  const extra = remaining - base * regular; // the first `extra` regular articles get one more
  return `CASE WHEN i = ${LARGEST_ARTICLE} THEN ${LARGEST_ARTICLE_CLAIMS} WHEN i = ${DETAIL_ARTICLE} THEN ${DETAIL_ARTICLE_CLAIMS}
               WHEN i - 2 <= ${extra} THEN ${base + 1} ELSE ${base} END`;
}

/** The fixed-width text of claim p of article i; SQL, so it can build both the body and the claim rows. */
const CLAIM_TEXT = `rpad(format('Claim %s of %s: spending rose %s%% in %s', p, i, (i * 31 + p * 7) % 97, 1990 + (i + p) % 35),
  ${CLAIM_WIDTH - 1}, ' and more') || '.'`;
/** Five sentences to a paragraph: a newline after every fifth claim, a space otherwise. */
const SEPARATOR = `CASE WHEN p % 5 = 0 THEN E'\\n' ELSE ' ' END`;

/** Fills an empty, migrated schema (the connection's search_path) with the desk. Returns the claim count. */
export async function generateDesk(client: Client, spec: DeskSpec, editorId: string): Promise<number> {
  const perArticle = claimsPerArticleSql(spec);
  const searchEvery = Math.floor(spec.articles / SEARCH_MATCHES);
  await client.query('SET synchronous_commit = off');
  await client.query(`
    INSERT INTO articles (id, title, body, url, outlet, author, published_at, content_hash, claim_count, version,
                          created_by_id, created_at, updated_at)
    SELECT ${uuidOf(`'checkmate-bench-article-' || i`)},
           CASE WHEN i % ${searchEvery} = 3 THEN 'Harbour levy: ' ELSE '' END ||
             (ARRAY['Council','Budget','Senate','Mayor','Schools','Transit','Police','Housing','Water','Energy'])[1 + i % 10]
             || ' ' || (ARRAY['vote','plan','report','audit','review','deal','cuts','hearing'])[1 + (i / 10) % 8]
             || ' in ' || (ARRAY['Springfield','Riverton','Lakeside','Hillcrest','Fairview','Oakdale','Millbrook'])[1 + (i / 80) % 7]
             || ', edition ' || i,
           body.text, 'https://news.example/' || i, 'Bench Wire', 'Reporter ' || (i % 50),
           timestamptz '2026-01-01 00:00:00Z' + i * interval '1 minute', encode(sha256(convert_to(body.text, 'UTF8')), 'hex'),
           n.claims, 1, $1::uuid,
           timestamptz '2026-01-01 06:00:00Z' + i * interval '1 minute', timestamptz '2026-01-01 06:00:00Z' + i * interval '1 minute'
    FROM generate_series(1, ${spec.articles}) i
    CROSS JOIN LATERAL (SELECT ${perArticle} AS claims) n
    CROSS JOIN LATERAL (SELECT string_agg(${CLAIM_TEXT} || ${SEPARATOR}, '' ORDER BY p) AS text
                        FROM generate_series(1, n.claims) p) body`,
    [editorId],
  );
  const inserted = await client.query(`
    INSERT INTO claims (id, article_id, position, paragraph, start, "end", sentence_start, sentence_end, text,
                        check_worthy, hint, status, status_changed_at, created_at, updated_at)
    SELECT ${uuidOf(`'checkmate-bench-claim-' || i || '-' || p`)}, ${uuidOf(`'checkmate-bench-article-' || i`)},
           p, (p - 1) / 5 + 1, (p - 1) * ${CLAIM_WIDTH + 1}, (p - 1) * ${CLAIM_WIDTH + 1} + ${CLAIM_WIDTH},
           (p - 1) * ${CLAIM_WIDTH + 1}, (p - 1) * ${CLAIM_WIDTH + 1} + ${CLAIM_WIDTH}, ${CLAIM_TEXT},
           p % 7 <> 0, ((i * 13 + p * 7) % 100) / 100.0,
           (ARRAY['unreviewed','unreviewed','unreviewed','in_review','awaiting_approval','approved','published']::"ClaimStatus"[])[1 + (i + p) % 7],
           timestamptz '2026-01-01 06:00:00Z' + i * interval '1 minute' + p * interval '1 second',
           timestamptz '2026-01-01 06:00:00Z' + i * interval '1 minute', timestamptz '2026-01-01 06:00:00Z' + i * interval '1 minute'
    FROM generate_series(1, ${spec.articles}) i
    CROSS JOIN LATERAL (SELECT ${perArticle} AS claims) n
    CROSS JOIN LATERAL generate_series(1, n.claims) p`);
  // Statistics for the planner, the visibility map for index-only scans, and the trigram index's pending list.
  await client.query('VACUUM ANALYZE');
  return inserted.rowCount ?? 0;
}
