/**
 * The final verdict's level of each checked claim of an article, for highlighting the text by verdict. The
 * article's claim list carries statuses only, so this reads the article's desk report (JSON), which holds every
 * claim's final verdict as this user may see it (the blind rule applied). One request per article view.
 */
import { api, call } from './client';
import type { LevelSummary } from './types';

interface ReportShape {
  claims?: Array<{ id: string; finalVerdict?: { level?: LevelSummary } | null }>;
}

export async function loadVerdictLevels(articleId: string): Promise<Record<string, LevelSummary>> {
  const text = await call(
    api.GET('/api/articles/{id}/report', { params: { path: { id: articleId }, query: { format: 'json', audience: 'desk' } }, parseAs: 'text' }),
  );
  const report = JSON.parse(text as string) as ReportShape;
  const levels: Record<string, LevelSummary> = {};
  for (const claim of report.claims ?? []) {
    const level = claim.finalVerdict?.level;
    if (level) levels[claim.id] = { key: level.key, label: level.label, value: level.value, color: level.color };
  }
  return levels;
}
