/** Report downloads: file names from Content-Disposition, labels for the API's formats. */
import type { ReportFormat } from '../api/types';

/**
 * The file name a Content-Disposition header gives (RFC 6266: `filename*=UTF-8''…` wins over `filename="…"`),
 * reduced to a plain name (no folders); `fallback` when there is none.
 */
export function fileNameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = undefined;
    }
  }
  if (!name) {
    const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
    const bare = /filename\s*=\s*([^;\s"]+)/i.exec(header);
    name = quoted ? quoted[1].replace(/\\(.)/g, '$1') : bare?.[1];
  }
  const plain = name?.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return plain && plain !== '.' && plain !== '..' ? plain : fallback;
}

/** Readable names of the formats the desk knows; any other format the API adds shows under its own name. */
const FORMAT_LABELS: Record<string, string> = {
  json: 'JSON',
  csv: 'CSV',
  markdown: 'Markdown',
  html: 'HTML',
  claimreview: 'ClaimReview JSON-LD',
  annotations: 'Web Annotations',
};

export const formatLabel = (format: ReportFormat | string) => FORMAT_LABELS[format] ?? format.toUpperCase();

/** What the API's `format` list means for the export buttons: every format downloads; html (when listed) also opens. */
export function exportChoices<F extends string>(formats: readonly F[]): { downloads: F[]; html: F | undefined } {
  return { downloads: [...formats], html: formats.find((f) => f === ('html' as string)) };
}
