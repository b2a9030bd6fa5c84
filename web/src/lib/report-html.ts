/**
 * Takes the styles out of a report's HTML as text, before any browser parses it: a document opened from a Blob URL
 * inherits this app's Content-Security-Policy (no inline styles or scripts), and even an inert DOMParser document
 * reports every inline style as a CSP violation. The styles are applied to the opened tab through the CSSOM
 * instead (see api/reports.ts). Scripts, stylesheet links and <base> are dropped, as are on* attributes (the
 * report has none; the CSP would block them anyway). Pure string work on the service's own report.
 */

export interface SplitReport {
  /** The report without <style>, style attributes, scripts, stylesheet links, <base> and on* attributes. */
  html: string;
  /** The text of every <style> element, in order. */
  css: string;
  /** The style attributes, in order; the element that had style number i now carries data-checkmate-style="i". */
  inlineStyles: string[];
}

export const STYLE_MARK = 'data-checkmate-style';

const NAME = /[A-Za-z][A-Za-z0-9:-]*/y;

interface Attribute {
  name: string;
  /** The value as written, quotes included ('' when the attribute has no value). */
  raw: string;
  value: string;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, code: string) => {
    const lower = code.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const n = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
  });
}

/** Reads the attributes of a start tag from `at` (just after its name); returns them and the index after '>'. */
function readAttributes(html: string, at: number): { attributes: Attribute[]; end: number; selfClosing: boolean } {
  const attributes: Attribute[] = [];
  let i = at;
  let selfClosing = false;
  while (i < html.length) {
    while (i < html.length && /[\s/]/.test(html[i])) {
      if (html[i] === '/') selfClosing = true;
      i++;
    }
    if (i >= html.length) break;
    if (html[i] === '>') return { attributes, end: i + 1, selfClosing };
    selfClosing = false;
    const nameStart = i;
    while (i < html.length && !/[\s=>/]/.test(html[i])) i++;
    const name = html.slice(nameStart, i);
    while (i < html.length && /\s/.test(html[i])) i++;
    if (html[i] !== '=') {
      attributes.push({ name, raw: '', value: '' });
      continue;
    }
    i++;
    while (i < html.length && /\s/.test(html[i])) i++;
    const quote = html[i];
    let raw: string;
    let value: string;
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      const stop = close < 0 ? html.length : close;
      raw = html.slice(i, stop + 1);
      value = html.slice(i + 1, stop);
      i = stop + 1;
    } else {
      const start = i;
      while (i < html.length && !/[\s>]/.test(html[i])) i++;
      raw = html.slice(start, i);
      value = raw;
    }
    attributes.push({ name, raw, value: decodeEntities(value) });
  }
  return { attributes, end: html.length, selfClosing };
}

/** The index just after the end tag `</name>` from `from` (case-insensitive), or the end of the text. */
function afterEndTag(html: string, name: string, from: number): { contentEnd: number; end: number } {
  const close = html.toLowerCase().indexOf(`</${name}`, from);
  if (close < 0) return { contentEnd: html.length, end: html.length };
  const gt = html.indexOf('>', close);
  return { contentEnd: close, end: gt < 0 ? html.length : gt + 1 };
}

export function splitReportStyles(html: string): SplitReport {
  let out = '';
  const css: string[] = [];
  const inlineStyles: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      const end = close < 0 ? html.length : close + 3;
      out += html.slice(lt, end);
      i = end;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      // <!doctype>, <?…>, or an end tag: as written.
      const gt = html.indexOf('>', lt);
      const end = gt < 0 ? html.length : gt + 1;
      out += html.slice(lt, end);
      i = end;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const match = NAME.exec(html);
    if (!match) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const name = match[0].toLowerCase();
    const { attributes, end, selfClosing } = readAttributes(html, NAME.lastIndex);
    if (name === 'style' || name === 'script') {
      const close = afterEndTag(html, name, end);
      if (name === 'style') css.push(html.slice(end, close.contentEnd));
      i = close.end;
      continue;
    }
    const rel = attributes.find((a) => a.name.toLowerCase() === 'rel')?.value.toLowerCase() ?? '';
    if (name === 'base' || (name === 'link' && /\bstylesheet\b/.test(rel))) {
      i = end;
      continue;
    }
    let tag = `<${match[0]}`;
    for (const attribute of attributes) {
      const lower = attribute.name.toLowerCase();
      if (lower.startsWith('on')) continue;
      if (lower === 'style') {
        tag += ` ${STYLE_MARK}="${inlineStyles.length}"`;
        inlineStyles.push(attribute.value);
        continue;
      }
      tag += attribute.raw ? ` ${attribute.name}=${attribute.raw}` : ` ${attribute.name}`;
    }
    out += `${tag}${selfClosing ? ' /' : ''}>`;
    i = end;
  }
  return { html: out, css: css.join('\n'), inlineStyles };
}
