/** The desk's rating scales, read once per page load (admins' edits refresh them). */
import { api, call } from './client';
import type { RatingScale } from './types';

let cache: Promise<RatingScale[]> | undefined;

export function loadScales({ fresh = false }: { fresh?: boolean } = {}): Promise<RatingScale[]> {
  if (!cache || fresh) {
    const request = (async () => {
      const scales: RatingScale[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(api.GET('/api/rating-scales', { params: { query: { limit: 200, cursor } } }));
        scales.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return scales;
    })();
    cache = request;
    request.catch(() => {
      if (cache === request) cache = undefined;
    });
  }
  return cache;
}

/** The scale an article uses: its own, or the desk default when it has none. */
export function scaleOf(scales: readonly RatingScale[], ratingScaleId: string | null | undefined): RatingScale | undefined {
  return (ratingScaleId ? scales.find((s) => s.id === ratingScaleId) : undefined) ?? scales.find((s) => s.isDefault);
}

export const forgetScales = () => {
  cache = undefined;
};
