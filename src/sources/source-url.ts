/**
 * One source record per normalised URL. Normalising: http(s) only; no credentials; lower-case scheme and host
 * (IDN hosts in punycode); no default port; no fragment; tracking parameters (utm_*, fbclid, gclid, …) removed and
 * the rest sorted; an empty path is "/", a trailing slash elsewhere is dropped. Path case is kept (it matters).
 */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|yclid|ref_src)$/i;

export type UrlProblem = 'not-a-url' | 'scheme' | 'credentials' | 'host';

export function normaliseSourceUrl(input: string): { url: string } | { problem: UrlProblem } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { problem: 'not-a-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'scheme' };
  if (url.username || url.password) return { problem: 'credentials' };
  if (!url.hostname || !url.hostname.includes('.') && url.hostname !== 'localhost') return { problem: 'host' };
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([name]) => !TRACKING.test(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  return { url: url.toString() };
}

export const URL_PROBLEMS: Record<UrlProblem, string> = {
  'not-a-url': 'must be an absolute URL such as https://example.org/report',
  scheme: 'must be an http or https URL',
  credentials: 'must not contain a user name or password',
  host: 'must have a host name',
};
