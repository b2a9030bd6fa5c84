/**
 * A download's file name, from the title: ASCII letters, digits and hyphens only (accents folded, everything else
 * dropped), so no client, shell or file system is surprised; the article id's first block when nothing is left.
 */
export function reportFileName(title: string, articleId: string, extension: string, audience: 'desk' | 'public'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  const base = slug || `article-${articleId.slice(0, 8)}`;
  return `${base}${audience === 'public' ? '-public' : ''}.${extension}`;
}

export const contentDisposition = (kind: 'inline' | 'attachment', fileName: string) => `${kind}; filename="${fileName}"`;

/** Reports are documents, never applications: no script may run in one, nothing may be loaded from elsewhere. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";
