/**
 * Reports of an article, fetched with the session's token (no cookies, nothing in the URL): downloads go through a
 * Blob and an `a[download]` named as the API's Content-Disposition says; the HTML report opens in a new tab from a
 * Blob URL.
 *
 * A document opened from a Blob URL inherits this app's Content-Security-Policy (Chromium applies the creator's
 * policy to blob: documents), which allows no inline styles or scripts. The report's own styles are therefore
 * taken out of its text before the Blob is made (lib/report-html.ts) and applied to the new tab through the CSSOM
 * (a constructed stylesheet and element.style), which CSP does not govern; scripts stay blocked, as the report has none.
 */
import { api, callWithResponse } from './client';
import type { Audience, ReportFormat } from './types';
import { fileNameFromDisposition } from '../lib/download';
import { splitReportStyles, STYLE_MARK, type SplitReport } from '../lib/report-html';

async function fetchReport(articleId: string, format: ReportFormat, audience: Audience) {
  const { data, response } = await callWithResponse(
    api.GET('/api/articles/{id}/report', { params: { path: { id: articleId }, query: { format, audience } }, parseAs: 'blob' }),
  );
  const fallback = `report${audience === 'public' ? '-public' : ''}.${format}`;
  return { blob: data as Blob, fileName: fileNameFromDisposition(response.headers.get('Content-Disposition'), fallback) };
}

/** Downloads one report; resolves with the file name. */
export async function downloadReport(articleId: string, format: ReportFormat, audience: Audience): Promise<string> {
  const { blob, fileName } = await fetchReport(articleId, format, audience);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}

/**
 * Opens an empty tab at once, while the click still counts as the user's (browsers block pop-ups opened later);
 * null when the browser blocked it anyway.
 */
export function openBlankTab(): Window | null {
  const tab = window.open('', '_blank');
  if (tab) {
    tab.document.title = 'Loading the report…';
    tab.document.body.textContent = 'Loading the report…';
  }
  return tab;
}

function waitForDocument(tab: Window, url: string, timeoutMs = 15_000): Promise<Document> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      try {
        if (tab.closed) return reject(new Error('The report tab was closed.'));
        const doc = tab.document;
        if (doc.URL === url && doc.readyState === 'complete') return resolve(doc);
      } catch {
        // Not readable yet (still navigating).
      }
      if (Date.now() - started > timeoutMs) return reject(new Error('The report tab did not load in time.'));
      setTimeout(check, 50);
    };
    check();
  });
}

/** Fetches the HTML report (`html`: that format's name in the API's list) and shows it in `tab` (from openBlankTab). */
export async function showHtmlReport(tab: Window, articleId: string, html: ReportFormat, audience: Audience): Promise<string> {
  let fileName: string;
  let prepared: SplitReport;
  try {
    const report = await fetchReport(articleId, html, audience);
    fileName = report.fileName;
    prepared = splitReportStyles(await report.blob.text());
  } catch (error) {
    tab.close();
    throw error;
  }
  const url = URL.createObjectURL(new Blob([prepared.html], { type: 'text/html' }));
  tab.location.replace(url);
  const doc = await waitForDocument(tab, url);
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && prepared.css) {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(prepared.css);
    doc.adoptedStyleSheets = [sheet];
  }
  doc.querySelectorAll<HTMLElement>(`[${STYLE_MARK}]`).forEach((el) => {
    el.style.cssText = prepared.inlineStyles[Number(el.getAttribute(STYLE_MARK))] ?? '';
    el.removeAttribute(STYLE_MARK);
  });
  try {
    tab.opener = null;
  } catch {
    // Some browsers do not allow it; the report runs no script anyway.
  }
  return fileName;
}
