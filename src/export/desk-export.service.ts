import { once } from 'node:events';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/sql';
import { isEditor } from '../domain/enums';
import { claimsInRanges, nextArticles, type ArticleBatchRow, type ClaimRange, type DeskRow } from './desk-export.queries';
import { CSV_BOM, csvHeader, csvStreamLine, type CsvClaimFields } from './formats/csv';
import type { DeskExportQuery } from './report.schema';
import type { DeskRowResponse } from './report.response';
import type { z } from 'zod';

/** Claims per batch read from the database (a larger article is read in several batches, by position). */
const CLAIMS_PER_BATCH = 1_000;
const ARTICLES_PER_PAGE = 500;

/** The desk file has the per-article CSV's columns, after these. */
const ARTICLE_COLUMNS = ['article id', 'article title', 'article URL', 'claim id'];

function fieldsOf(row: DeskRow): CsvClaimFields {
  return {
    position: row.position,
    paragraph: row.paragraph,
    text: row.text,
    status: row.status,
    checkWorthy: row.checkWorthy,
    verdictLabel: row.levelLabel,
    verdictValue: row.levelValue,
    rationale: row.rationale,
    sourceUrls: row.sourceUrls,
    reviewers: row.reviewers,
    claimDate: row.claimDate,
    publishedAt: row.firstPublishedAt?.toISOString() ?? null,
    correctedAt: row.correctedAt?.toISOString() ?? null,
  };
}

const csvRowOf = (row: DeskRow) => csvStreamLine(fieldsOf(row), [row.articleId, row.articleTitle, row.articleUrl, row.claimId]);

const jsonRowOf = (row: DeskRow) => {
  const json: z.infer<typeof DeskRowResponse> = {
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    articleUrl: row.articleUrl,
    claimId: row.claimId,
    ...fieldsOf(row),
    status: row.status,
    verdictState: row.verdictState,
    claimant: row.claimant,
    retractedAt: row.retractedAt?.toISOString() ?? null,
  };
  return JSON.stringify(json);
};

/**
 * Streams the whole desk as CSV or JSON: rows are written while they are read, waiting for the client to drain
 * (backpressure) and stopping when it goes away. The first batch is read before any header is sent, so a bad
 * request or an unreachable database still gets a proper JSON error. While a batch is written, the next one is
 * already being read (one batch ahead, never more), so the database and the writing overlap.
 */
export function createDeskExportService({ pool }: Db) {
  async function* batches(query: DeskExportQuery, reader: Actor): AsyncGenerator<DeskRow[]> {
    let after: ArticleBatchRow | undefined;
    const options = { audience: query.audience, readerId: reader.userId, readerIsEditor: isEditor(reader.role), statuses: query.status };
    for (;;) {
      const articles = await nextArticles(pool, { from: query.from, to: query.to }, after, ARTICLES_PER_PAGE);
      if (articles.length === 0) return;
      let ranges: ClaimRange[] = [];
      let claims = 0;
      for (const article of articles) {
        after = article;
        // The article's claims in as many ranges as it takes to fill batches; the last range runs to its end.
        for (let from = 0; ; ) {
          const room = CLAIMS_PER_BATCH - claims;
          const upTo = article.claimCount - from > room ? from + room : null;
          ranges.push({ articleId: article.id, after: from, upTo });
          claims += (upTo ?? article.claimCount) - from;
          if (claims >= CLAIMS_PER_BATCH) {
            yield await claimsInRanges(pool, ranges, options);
            ranges = [];
            claims = 0;
          }
          if (upTo === null) break;
          from = upTo;
        }
      }
      if (ranges.length) yield await claimsInRanges(pool, ranges, options);
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
      if (res.write(chunk)) return;
      // Whichever comes first; the other listener is removed (a long export waits thousands of times).
      const waiting = new AbortController();
      await Promise.race([once(res, 'drain', { signal: waiting.signal }), once(res, 'close', { signal: waiting.signal })]);
      waiting.abort();
    };
    await write(csv ? CSV_BOM + csvHeader(query.audience, ARTICLE_COLUMNS) : '[');
    let written = 0;
    let step = first;
    while (!step.done && !aborted) {
      const next = source.next();
      // The read ahead is awaited below; a failure while the client went away must not go unhandled meanwhile.
      next.catch(() => undefined);
      if (csv) await write(step.value.map(csvRowOf).join(''));
      else if (step.value.length) await write((written ? ',' : '') + step.value.map(jsonRowOf).join(','));
      written += step.value.length;
      step = await next;
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
