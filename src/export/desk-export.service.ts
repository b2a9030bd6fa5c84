import { once } from 'node:events';
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/sql';
import { isEditor } from '../domain/enums';
import { guardCell } from './csv-cells';
import { claimsOfArticles, nextArticles, type ArticleBatchRow, type DeskRow } from './desk-export.queries';
import type { DeskExportQuery } from './report.schema';

/** Claims per batch read from the database (a single article larger than this is read whole). */
const CLAIMS_PER_BATCH = 2_000;
const ARTICLES_PER_PAGE = 500;

export const DESK_COLUMNS = [
  'article_id', 'article_title', 'article_url', 'claim_id', 'position', 'paragraph', 'text', 'status', 'check_worthy',
  'claimant', 'claim_date', 'verdict', 'verdict_value', 'verdict_state', 'rationale', 'source_count', 'source_urls',
  'reviewers', 'published_at', 'corrected_at', 'retracted_at',
] as const;

function cells(row: DeskRow): Array<string | number | boolean | null> {
  return [
    row.articleId, row.articleTitle, row.articleUrl, row.claimId, row.position, row.paragraph, row.text, row.status, row.checkWorthy,
    row.claimant, row.claimDate, row.levelLabel, row.levelValue, row.verdictState, row.rationale, row.sourceCount,
    row.sourceUrls.join(' '), row.reviewers.join('; '), row.firstPublishedAt?.toISOString() ?? null,
    row.correctedAt?.toISOString() ?? null, row.retractedAt?.toISOString() ?? null,
  ];
}

const jsonRow = (row: DeskRow) =>
  JSON.stringify(Object.fromEntries(DESK_COLUMNS.map((name, i) => [name, name === 'source_urls' ? row.sourceUrls : name === 'reviewers' ? row.reviewers : cells(row)[i]])));

/**
 * Streams the whole desk as CSV or JSON: rows are written while they are read, waiting for the client to drain
 * (backpressure) and stopping when it goes away. The first batch is read before any header is sent, so a bad
 * request or an unreachable database still gets a proper JSON error.
 */
export function createDeskExportService({ pool }: Db) {
  async function* batches(query: DeskExportQuery, reader: Actor): AsyncGenerator<DeskRow[]> {
    let after: ArticleBatchRow | undefined;
    const options = { audience: query.audience, readerId: reader.userId, readerIsEditor: isEditor(reader.role), statuses: query.status };
    for (;;) {
      const articles = await nextArticles(pool, { from: query.from, to: query.to }, after, ARTICLES_PER_PAGE);
      if (articles.length === 0) return;
      let batch: string[] = [];
      let claims = 0;
      for (const article of articles) {
        batch.push(article.id);
        claims += article.claimCount;
        after = article;
        if (claims >= CLAIMS_PER_BATCH) {
          yield await claimsOfArticles(pool, batch, options);
          batch = [];
          claims = 0;
        }
      }
      if (batch.length) yield await claimsOfArticles(pool, batch, options);
    }
  }

  async function stream(query: DeskExportQuery, reader: Actor, res: Response): Promise<void> {
    const source = batches(query, reader);
    const first = await source.next();
    const csv = query.format === 'csv';
    const day = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="desk-${query.audience}-${day}.${query.format}"`);
    let aborted = false;
    res.on('close', () => (aborted = !res.writableFinished));
    const write = async (chunk: string) => {
      if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    };
    await write(csv ? `\ufeff${stringify([[...DESK_COLUMNS]])}` : '[');
    let written = 0;
    for (let step = first; !step.done && !aborted; step = await source.next()) {
      if (csv) await write(stringify(step.value.map((row) => cells(row).map(guardCell))));
      else if (step.value.length) await write((written ? ',' : '') + step.value.map(jsonRow).join(','));
      written += step.value.length;
    }
    if (aborted) {
      await source.return(undefined);
      return;
    }
    res.end(csv ? '' : ']');
  }

  return { stream };
}

export type DeskExportService = ReturnType<typeof createDeskExportService>;
