/** Path patterns like "/articles/:id": the route table's matcher (pure, unit-tested). */

export type Params = Record<string, string>;

export function matchPath(pattern: string, path: string): Params | null {
  const want = split(pattern);
  const got = split(path);
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== got[i]) return null;
  }
  return params;
}

const split = (path: string) => path.replace(/\/+$/, '').split('/').filter(Boolean);

/** Query string from an object, leaving out empty values; keys in the given order. */
export function toQuery(values: Record<string, string | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Next index in a list of `count` items, clamped at both ends; -1 (nothing yet) starts at the first. */
export function step(current: number, count: number, delta: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  return Math.max(0, Math.min(count - 1, current + delta));
}
