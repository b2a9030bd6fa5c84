/**
 * A reviewed desk for the export bench: deterministic data generated inside PostgreSQL with generate_series (no
 * rows travel from Node), every row as the review workflow would have left it.
 *
 * `articles` articles of `claimsPerArticle` claims each, every claim checked (the export's subject): mostly
 * published, some approved and not yet published, a few corrected (a second, published revision with a public
 * note), being corrected (a second, approved revision) or retracted (a public note, the published verdict withdrawn).
 * Each claim has three sources from a shared pool of source records (the same URL cited on many claims is one
 * record), linked with a stance and a quoted excerpt; two assigned reviewers whose submitted verdicts agree (each
 * resting on two of the sources); and its rulings on the article's scale (the default Truth scale), published ones
 * with the snapshot of their sources the app freezes at publication. Article 1 (the report article) also has its
 * audit trail (import, assignments, sources, verdicts, approvals, publications) and some desk notes, as the
 * per-article report reads them; the desk-wide export reads neither. BENCH_DEBUG=1 prints each statement's time.
 */
import { createHash } from 'node:crypto';
import type { Client } from 'pg';

export interface ReviewDeskSpec {
  articles: number;
  claimsPerArticle: number;
  /** Source records in the shared pool. */
  sources: number;
  /** Reviewers (role reviewer); two are assigned to each claim. */
  reviewers: number;
}

export const REVIEW_DESK: ReviewDeskSpec = { articles: 100, claimsPerArticle: 1_000, sources: 6_000, reviewers: 12 };
export const REPORT_ARTICLE = 1;
export const SOURCES_PER_CLAIM = 3;
/** Fixed-width claim text (then one separator), so offsets are arithmetic. */
const CLAIM_WIDTH = 120;

/** The same function as uuidOf in SQL: md5, with the version (4) and variant (8) digits of a valid UUID. */
function md5Uuid(text: string): string {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}
const uuidOf = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

export const reviewArticleId = (i: number) => md5Uuid(`checkmate-review-article-${i}`);
/** The editor who approves and publishes (the bench editor is the reader). */
const DESK_EDITOR_ID = md5Uuid('checkmate-review-desk-editor');

/**
 * Per claim (SQL, with i = article, p = position): its global number g, and its fate k in 0..99:
 * 0–79 published, 80–89 approved, 90–93 published after a correction, 94–96 correction under way, 97–99 retracted.
 */
const G = (spec: ReviewDeskSpec) => `((i - 1) * ${spec.claimsPerArticle} + p)`;
const K = `((i * 7 + p * 13) % 100)`;
const STATUS = `(CASE WHEN k < 80 THEN 'published' WHEN k < 90 THEN 'approved' WHEN k < 94 THEN 'published'
                      WHEN k < 97 THEN 'correcting' ELSE 'retracted' END)::"ClaimStatus"`;
/** Level of the first revision (skewed towards the false side, as checked claims are), then of a correction. */
const LEVEL_1 = `(ARRAY['false','mostly_false','half_true','mostly_true','true','false','mostly_false','misleading','pants_on_fire',
                        'half_true','false','unverifiable','mostly_true','mostly_false','false','half_true'])[1 + (g * 5 + i) % 16]`;
const LEVEL_2 = `(ARRAY['half_true','mostly_true','mostly_false','misleading'])[1 + g % 4]`;

/** The fixed-width text of claim p of article i: a realistic sentence with a comma and, now and then, quotes. */
const CLAIM_TEXT = `rpad(format('%s said %s spending on %s rose %s%% to $%s million in %s, "the highest since %s"',
    (ARRAY['The mayor','The council','A spokesperson','The minister','The report','Councillor Reyes'])[1 + (i + p) % 6],
    (ARRAY['city','county','state','school-board','transit'])[1 + p % 5],
    (ARRAY['housing','policing','roads','water','schools','parks','energy'])[1 + (i * 3 + p) % 7],
    (i * 31 + p * 7) % 97, 10 + (i * 17 + p * 11) % 900, 2000 + (i + p) % 25, 1950 + (i * p) % 60),
  ${CLAIM_WIDTH - 1}, ' and more') || '.'`;
const SEPARATOR = `CASE WHEN p % 5 = 0 THEN E'\\n' ELSE ' ' END`;

const RATIONALE = `format('We compared the claim with the %s figures for %s. The published accounts show a change of %s%%, not the '
  || 'figure quoted; the total was $%s million. Officials we contacted confirmed the series and its method. The '
  || 'comparison year chosen in the claim also differs from the one in the records, which changes the picture.',
  (ARRAY['audited','budget','census','treasury'])[1 + g % 4], 2000 + g % 25, (g * 7) % 41, 10 + (g * 13) % 900)`;
const EXCERPT = `format('"Expenditure on the programme was %s%% higher than in the previous financial year, at $%s million, '
  || 'according to table %s of the annual accounts."', (g * 3 + j) % 50, 10 + (g * 7 + j) % 900, 1 + (g + j) % 40)`;

/** Timestamps: claim g was imported with its article, reviewed over the next days. */
const AT = (days: string) => `(timestamptz '2026-01-05 08:00:00Z' + i * interval '1 hour' + (${days})::float8 * interval '1 day' + p * interval '1 second')`;

const LOADED_TABLES = ['claims', 'sources', 'claim_sources', 'assignments', 'verdicts', 'verdict_sources', 'rulings'];

/** Rows whose foreign keys point nowhere, over every reference the generator writes (0 when the desk is sound). */
const DANGLING_REFERENCES = `SELECT
  (SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id))
  + (SELECT count(*) FROM claim_sources x WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = x.claim_id)
       OR NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = x.source_id) OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.added_by_id))
  + (SELECT count(*) FROM assignments x WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = x.claim_id)
       OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.reviewer_id) OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.assigned_by_id))
  + (SELECT count(*) FROM verdicts x WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = x.claim_id)
       OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.reviewer_id) OR NOT EXISTS (SELECT 1 FROM rating_levels l WHERE l.id = x.level_id))
  + (SELECT count(*) FROM verdict_sources x WHERE NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.id = x.verdict_id)
       OR NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = x.source_id))
  + (SELECT count(*) FROM rulings x WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = x.claim_id)
       OR NOT EXISTS (SELECT 1 FROM rating_levels l WHERE l.id = x.level_id AND l.scale_id = x.scale_id)
       OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.approved_by_id)
       OR (x.published_by_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.published_by_id)))
  + (SELECT count(*) FROM notes x WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = x.claim_id)
       OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.author_id))
  + (SELECT count(*) FROM audit_events x WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.actor_id))
  + (SELECT count(*) FROM sources x WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.created_by_id))
  AS n`;

/** Fills an empty, migrated database (the bench editor inserted) with the reviewed desk. Returns the claim count. */
export async function generateReviewDesk(client: Client, spec: ReviewDeskSpec, editorId: string, passwordHash: string): Promise<number> {
  const g = G(spec);
  const q = async (sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const r = await client.query(sql, params);
    if (process.env.BENCH_DEBUG) console.error(`${Date.now() - t} ms ${r.rowCount} ${sql.trim().slice(0, 40)}`);
    return r;
  };
  await q('SET synchronous_commit = off');
  // Bulk load: with the server's permission, foreign-key triggers are off while the rows go in (every reference is
  // made valid by construction, and checked by one query at the end); otherwise they stay on, only slower.
  const triggersOff = await q('SET session_replication_role = replica').then(() => true, () => false);
  await q(`SET work_mem = '256MB'`);
  await q(`SET maintenance_work_mem = '256MB'`);
  await q('BEGIN');
  // The secondary indexes of the tables filled below are built once at the end, from their own definitions, rather
  // than row by row (primary keys and constraints stay): the same schema, loaded several times faster.
  const { rows: deferred } = await q(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i WHERE i.indrelid = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [LOADED_TABLES],
  );
  for (const index of deferred) await q(`DROP INDEX ${index.name}`);

  await q(
    `INSERT INTO users (id, email, name, password_hash, role, updated_at)
     SELECT ${uuidOf(`'checkmate-review-reviewer-' || r`)}, 'reviewer' || r || '@desk.example',
            (ARRAY['Ada','Bo','Chidi','Dana','Emeka','Fatima','Goran','Hana','Ines','Jun','Kofi','Lena','Mateo','Nia'])[1 + (r - 1) % 14]
              || ' ' || (ARRAY['Okafor','Lindqvist','Moreau','Tanaka','Silva','Novak','Haddad'])[1 + (r - 1) % 7],
            $1, 'reviewer'::"Role", now()
     FROM generate_series(1, ${spec.reviewers}) r
     UNION ALL SELECT $2::uuid, 'desk-editor@desk.example', 'Desk Editor', $1, 'editor'::"Role", now()`,
    [passwordHash, DESK_EDITOR_ID],
  );
  const reviewer = (n: string) => uuidOf(`'checkmate-review-reviewer-' || (1 + (${n}) % ${spec.reviewers})`);

  // Every claim once (number g, fate k, levels, text), and the ids rows refer to, in temporary tables: each id and
  // text is computed once, every row that refers to one joins it.
  await q(
    `CREATE TEMP TABLE gen ON COMMIT DROP AS
     SELECT x.*, ${LEVEL_1} AS level1, CASE WHEN ${LEVEL_2} = ${LEVEL_1} THEN 'unverifiable' ELSE ${LEVEL_2} END AS level2
     FROM (SELECT i, p, ${g} AS g, ${K} AS k, ${uuidOf(`'checkmate-review-claim-' || i || '-' || p`)} AS claim_id, ${CLAIM_TEXT} AS text
           FROM generate_series(1, ${spec.articles}) i CROSS JOIN generate_series(1, ${spec.claimsPerArticle}) p) x`,
  );
  await q(`ALTER TABLE gen ADD PRIMARY KEY (g)`);
  await q('ANALYZE gen');
  await q(`CREATE TEMP TABLE lvl ON COMMIT DROP AS
           SELECT l.* FROM rating_levels l JOIN rating_scales s ON s.id = l.scale_id WHERE s.is_default`);
  await q(`CREATE TEMP TABLE rev ON COMMIT DROP AS
           SELECT r - 1 AS n, ${uuidOf(`'checkmate-review-reviewer-' || r`)} AS id FROM generate_series(1, ${spec.reviewers}) r`);
  await q(`CREATE TEMP TABLE src ON COMMIT DROP AS
           SELECT s AS n, ${uuidOf(`'checkmate-review-source-' || s`)} AS id FROM generate_series(1, ${spec.sources}) s`);

  await q(
    `INSERT INTO articles (id, title, body, url, outlet, author, published_at, content_hash, claim_count, created_by_id, created_at, updated_at)
     SELECT ${uuidOf(`'checkmate-review-article-' || i`)},
            (ARRAY['Council','Budget','Senate','Mayor','Schools','Transit'])[1 + i % 6] || ' spending under scrutiny, part ' || i,
            body.text, 'https://news.example/review/' || i, 'Bench Wire', 'Reporter ' || (i % 20),
            timestamptz '2026-01-05 00:00:00Z' + i * interval '1 hour', encode(sha256(convert_to(body.text, 'UTF8')), 'hex'),
            ${spec.claimsPerArticle}, $1::uuid,
            timestamptz '2026-01-05 08:00:00Z' + i * interval '1 hour', timestamptz '2026-01-05 08:00:00Z' + i * interval '1 hour'
     FROM (SELECT i, string_agg(text || ${SEPARATOR}, '' ORDER BY p) AS text FROM gen GROUP BY i) body`,
    [editorId],
  );

  const claimWidth = CLAIM_WIDTH + 1;
  await q(
    `INSERT INTO claims (id, article_id, position, paragraph, start, "end", sentence_start, sentence_end, text, check_worthy, hint,
                         status, status_changed_at, claimant_name, claimant_role, retraction_note, retracted_at, version, created_at, updated_at)
     SELECT claim_id, ${uuidOf(`'checkmate-review-article-' || i`)}, p, (p - 1) / 5 + 1,
            (p - 1) * ${claimWidth}, (p - 1) * ${claimWidth} + ${CLAIM_WIDTH}, (p - 1) * ${claimWidth}, (p - 1) * ${claimWidth} + ${CLAIM_WIDTH},
            text, true, 0.5 + ((i * 13 + p * 7) % 50) / 100.0, ${STATUS},
            CASE WHEN k < 80 THEN ${AT('3')} WHEN k < 90 THEN ${AT('2')} WHEN k < 94 THEN ${AT('6')} ELSE ${AT('5')} END,
            CASE WHEN p % 4 = 0 THEN 'Councillor ' || (ARRAY['Reyes','Osei','Brandt','Kowalski'])[1 + p % 4] END,
            CASE WHEN p % 4 = 0 THEN 'city councillor' END,
            CASE WHEN k >= 97 THEN 'We withdrew this fact-check: the figures it relied on were revised by the statistics office.' END,
            CASE WHEN k >= 97 THEN ${AT('5')} END,
            CASE WHEN k < 80 THEN 6 WHEN k < 90 THEN 5 WHEN k < 94 THEN 8 ELSE 7 END,
            ${AT('0')}, ${AT('6')}
     FROM gen`,
  );

  await q(
    `INSERT INTO sources (id, url, title, publisher, source_type, accessed_at, archived_url, created_by_id, created_at, updated_at)
     SELECT src.id,
            'https://' || (ARRAY['stats.gov.example','treasury.example.org','data.city.example','archive.news.example','university.example.edu'])[1 + n % 5]
              || '/publications/' || (2000 + n % 25) || '/report-' || n,
            format('%s %s, table %s', (ARRAY['Annual accounts','Budget outturn','Census release','Audit report','Spending review'])[1 + n % 5], 2000 + n % 25, 1 + n % 40),
            (ARRAY['Statistics Office','Treasury','City Hall','News Archive','University Research Unit'])[1 + n % 5],
            (ARRAY['primary_document','official_statement','dataset','news_report','expert','other'])[1 + n % 6]::"SourceType",
            date '2026-01-01' + n % 60,
            CASE WHEN n % 3 = 0 THEN 'https://web.archive.org/web/2026/report-' || n END,
            $1::uuid, timestamptz '2026-01-01 00:00:00Z' + n * interval '1 minute', timestamptz '2026-01-01 00:00:00Z' + n * interval '1 minute'
     FROM src`,
    [editorId],
  );

  // Three distinct sources per claim (consecutive numbers times a prime, modulo the pool, are distinct), each
  // attached by one of its two reviewers.
  await q(
    `CREATE TEMP TABLE lk ON COMMIT DROP AS
     SELECT gen.g, j, gen.claim_id, ${uuidOf(`'checkmate-review-link-' || g || '-' || j`)} AS id, src.id AS source_id,
            (CASE j WHEN 1 THEN CASE WHEN level1 IN ('true','mostly_true') THEN 'supports' ELSE 'refutes' END
                    WHEN 2 THEN 'context' ELSE CASE WHEN g % 2 = 0 THEN 'supports' ELSE 'refutes' END END)::"Stance" AS stance,
            ${EXCERPT} AS excerpt, rev.id AS added_by, ${AT('1')} + j * interval '1 minute' AS at
     FROM gen CROSS JOIN generate_series(1, ${SOURCES_PER_CLAIM}) j
     JOIN src ON src.n = 1 + ((g::bigint * ${SOURCES_PER_CLAIM} + j - 1) * 7919) % ${spec.sources}
     JOIN rev ON rev.n = (g + ((j - 1) % 2) * 5) % ${spec.reviewers}`,
  );
  await q('ANALYZE lk');
  await q(
    `INSERT INTO claim_sources (id, claim_id, source_id, stance, excerpt, added_by_id, created_at, updated_at)
     SELECT id, claim_id, source_id, stance, excerpt, added_by, at, at FROM lk`,
  );

  // Two reviewers per claim (distinct: the offset is below the reviewer count), both submitted, agreeing, each
  // resting on two of the claim's sources.
  await q(
    `INSERT INTO assignments (id, claim_id, reviewer_id, assigned_by_id, due_at, created_at)
     SELECT ${uuidOf(`'checkmate-review-assignment-' || g || '-' || v`)}, claim_id, rev.id, $1::uuid, ${AT('4')}, ${AT('0.5')} + v * interval '1 minute'
     FROM gen CROSS JOIN generate_series(1, 2) v JOIN rev ON rev.n = (g + (v - 1) * 5) % ${spec.reviewers}`,
    [DESK_EDITOR_ID],
  );
  await q(
    `CREATE TEMP TABLE vd ON COMMIT DROP AS
     SELECT gen.g, v, i, p, gen.claim_id, ${uuidOf(`'checkmate-review-verdict-' || g || '-' || v`)} AS id, rev.id AS reviewer_id, lvl.id AS level_id
     FROM gen CROSS JOIN generate_series(1, 2) v JOIN rev ON rev.n = (g + (v - 1) * 5) % ${spec.reviewers} JOIN lvl ON lvl.key = gen.level1`,
  );
  await q('ANALYZE vd');
  await q(
    `INSERT INTO verdicts (id, claim_id, reviewer_id, level_id, rationale, status, submitted_at, created_at, updated_at)
     SELECT id, claim_id, reviewer_id, level_id, format('Reviewer %s: the records contradict the figure in the claim; see the sources cited.', v),
            'submitted', ${AT('1.5')} + v * interval '1 hour', ${AT('1')}, ${AT('1.5')} + v * interval '1 hour'
     FROM vd`,
  );
  await q(
    `INSERT INTO verdict_sources (verdict_id, source_id)
     SELECT vd.id, lk.source_id FROM vd JOIN lk ON lk.g = vd.g AND (lk.j = 1 OR lk.j = vd.v + 1)`,
  );

  // Rulings. Revision 1: approved on day 2; published on day 3 unless the claim is only approved; superseded on
  // day 6 when a correction was published. Revision 2: a correction, published on day 6 or still approved.
  const snapshotOf = (l: string, src: string) =>
    `jsonb_build_object('sourceId', ${src}.id, 'url', ${src}.url, 'title', ${src}.title, 'publisher', ${src}.publisher,
       'sourceType', ${src}.source_type, 'accessedAt', ${src}.accessed_at::text, 'archivedUrl', ${src}.archived_url,
       'stance', ${l}.stance, 'excerpt', ${l}.excerpt)`;
  // What publication freezes: the claim's sources in the order they were attached (l1, l2, l3).
  await q(
    `CREATE TEMP TABLE snap ON COMMIT DROP AS
     SELECT l1.g, jsonb_build_array(${snapshotOf('l1', 's1')}, ${snapshotOf('l2', 's2')}, ${snapshotOf('l3', 's3')}) AS sources
     FROM lk l1 JOIN lk l2 ON l2.g = l1.g AND l2.j = 2 JOIN lk l3 ON l3.g = l1.g AND l3.j = 3
     JOIN sources s1 ON s1.id = l1.source_id JOIN sources s2 ON s2.id = l2.source_id JOIN sources s3 ON s3.id = l3.source_id
     WHERE l1.j = 1`,
  );
  await q('ANALYZE snap');
  const ruling = (revision: 1 | 2) => {
    const level = revision === 1 ? 'level1' : 'level2';
    const published = revision === 1 ? 'k < 80 OR k >= 90' : 'k BETWEEN 90 AND 93';
    return `INSERT INTO rulings (id, claim_id, revision, scale_id, level_id, level_key, level_label, level_value, level_color, best_value,
                                 worst_value, rationale, reason, correction_note, consensus_level_key, agreement, sources_snapshot,
                                 approved_by_id, approved_at, published_by_id, published_at, superseded_at)
      SELECT ${uuidOf(`'checkmate-review-ruling-' || g || '-${revision}'`)}, claim_id, ${revision}, lvl.scale_id, lvl.id, lvl.key,
             lvl.label, lvl.value, lvl.color, 5, 0, ${RATIONALE},
             NULL,
             ${revision === 1 ? 'NULL' : `'Corrected: the statistics office revised the figure we relied on; the rating changed.'`},
             gen.level1, 1,
             CASE WHEN ${published} THEN snap.sources END,
             $1::uuid, ${AT(revision === 1 ? '2' : '5')},
             CASE WHEN ${published} THEN $1::uuid END, CASE WHEN ${published} THEN ${AT(revision === 1 ? '3' : '6')} END,
             ${revision === 1 ? `CASE WHEN k BETWEEN 90 AND 93 THEN ${AT('6')} END` : 'NULL'}
      FROM gen JOIN lvl ON lvl.key = gen.${level} JOIN snap USING (g) ${revision === 2 ? 'WHERE k BETWEEN 90 AND 96' : ''}`;
  };
  await q(ruling(1), [DESK_EDITOR_ID]);
  await q(ruling(2), [DESK_EDITOR_ID]);

  // The report article's audit trail and a few desk notes.
  await q(
    `INSERT INTO audit_events (occurred_at, actor_id, entity_type, entity_id, action, after)
     VALUES ($1::timestamptz, $2::uuid, 'article', $3::uuid, 'article.created', jsonb_build_object('claimCount', ${spec.claimsPerArticle}))`,
    [new Date(Date.UTC(2026, 0, 5, 8) + REPORT_ARTICLE * 3_600_000).toISOString(), editorId, reviewArticleId(REPORT_ARTICLE)],
  );
  await q(
    `INSERT INTO audit_events (occurred_at, actor_id, entity_type, entity_id, action, claim_id, after, context)
     SELECT ${AT('e.day')} + e.step * interval '1 minute',
            CASE WHEN e.actor = 'reviewer' THEN ${reviewer('g + e.n * 5')} ELSE $1::uuid END,
            e.entity, CASE WHEN e.entity = 'claim' THEN claim_id ELSE ${uuidOf(`'checkmate-review-' || format(e.ref, g)`)} END,
            e.action, claim_id,
            CASE WHEN e.status IS NOT NULL THEN jsonb_build_object('status', e.status) END,
            CASE WHEN e.status = 'retracted' THEN jsonb_build_object('note', 'Figures revised') END
     FROM gen CROSS JOIN (VALUES
       (1, 0.5, 'editor', 'assignment', 'assignment.created', NULL, 0, 'assignment-%s-1', 'all'),
       (2, 0.5, 'editor', 'assignment', 'assignment.created', NULL, 1, 'assignment-%s-2', 'all'),
       (3, 0.5, 'editor', 'claim', 'claim.status_changed', 'in_review', 0, NULL, 'all'),
       (4, 1, 'reviewer', 'claim_source', 'claim_source.added', NULL, 0, 'link-%s-1', 'all'),
       (5, 1, 'reviewer', 'claim_source', 'claim_source.added', NULL, 1, 'link-%s-2', 'all'),
       (6, 1, 'reviewer', 'claim_source', 'claim_source.added', NULL, 0, 'link-%s-3', 'all'),
       (7, 1.5, 'reviewer', 'verdict', 'verdict.submitted', NULL, 0, 'verdict-%s-1', 'all'),
       (8, 1.5, 'reviewer', 'verdict', 'verdict.submitted', NULL, 1, 'verdict-%s-2', 'all'),
       (9, 1.5, 'editor', 'claim', 'claim.status_changed', 'awaiting_approval', 0, NULL, 'all'),
       (10, 2, 'editor', 'ruling', 'ruling.approved', NULL, 0, 'ruling-%s-1', 'all'),
       (11, 2, 'editor', 'claim', 'claim.status_changed', 'approved', 0, NULL, 'all'),
       (12, 3, 'editor', 'ruling', 'ruling.published', NULL, 0, 'ruling-%s-1', 'published'),
       (13, 3, 'editor', 'claim', 'claim.status_changed', 'published', 0, NULL, 'published'),
       (14, 5, 'editor', 'ruling', 'ruling.correction_opened', NULL, 0, 'ruling-%s-2', 'corrected'),
       (15, 5, 'editor', 'claim', 'claim.status_changed', 'correcting', 0, NULL, 'corrected'),
       (16, 6, 'editor', 'ruling', 'ruling.republished', NULL, 0, 'ruling-%s-2', 'republished'),
       (17, 6, 'editor', 'claim', 'claim.status_changed', 'published', 0, NULL, 'republished'),
       (18, 5, 'editor', 'claim', 'claim.status_changed', 'retracted', 0, NULL, 'retracted')
     ) AS e(step, day, actor, entity, action, status, n, ref, applies)
     WHERE gen.i = ${REPORT_ARTICLE}
       AND (e.applies = 'all' OR (e.applies = 'published' AND (k < 80 OR k >= 90))
            OR (e.applies = 'corrected' AND k BETWEEN 90 AND 96) OR (e.applies = 'republished' AND k BETWEEN 90 AND 93)
            OR (e.applies = 'retracted' AND k >= 97))`,
    [DESK_EDITOR_ID],
  );
  await q(
    `INSERT INTO notes (id, claim_id, author_id, body, created_at)
     SELECT ${uuidOf(`'checkmate-review-note-' || g`)}, claim_id, $1::uuid,
            'Checked the 2019 series too; the revision does not affect the earlier years.', ${AT('1.2')}
     FROM gen WHERE i = ${REPORT_ARTICLE} AND p % 10 = 0`,
    [DESK_EDITOR_ID],
  );
  for (const index of deferred) await q(index.definition);
  const { rows } = await q('SELECT count(*)::int AS n FROM claims');
  if (triggersOff) {
    const broken = (await q(DANGLING_REFERENCES)).rows[0].n as number;
    if (broken > 0) throw new Error(`review desk: ${broken} rows reference nothing`);
  }
  await q('COMMIT');
  if (triggersOff) await q('RESET session_replication_role');
  await q('VACUUM ANALYZE');
  return rows[0].n as number;
}
