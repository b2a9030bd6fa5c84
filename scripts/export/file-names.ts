/**
 * File names for exported reports, from the service's `Content-Disposition` header (RFC 6266: `filename*` in
 * RFC 8187 encoding wins over `filename`), made safe to create on Linux, macOS and Windows: no folders, no control
 * or reserved characters, no leading dots, no reserved device names, at most 200 UTF-8 bytes.
 */

const RESERVED = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_BYTES = 200;

function unquote(value: string): string {
  const v = value.trim();
  if (!v.startsWith('"')) return v;
  // quoted-string: a backslash escapes the next character; the string ends at the next unescaped quote
  let out = '';
  for (let i = 1; i < v.length; i++) {
    const c = v[i];
    if (c === '\\' && i + 1 < v.length) {
      out += v[++i];
      continue;
    }
    if (c === '"') break;
    out += c;
  }
  return out;
}

/** Splits header parameters on `;` outside quoted strings. */
function parameters(header: string): Map<string, string> {
  const params = new Map<string, string>();
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i];
    if (c === '\\' && quoted && i + 1 < header.length) {
      current += c + header[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    if (!params.has(name)) params.set(name, part.slice(eq + 1));
  }
  return params;
}

function decodeExtValue(value: string): string | null {
  // charset'language'percent-encoded (RFC 8187); only UTF-8 (and its ASCII subset) is accepted.
  const match = /^([^']*)'[^']*'(.*)$/.exec(value.trim());
  if (!match) return null;
  const charset = match[1].toLowerCase();
  if (charset !== 'utf-8' && charset !== 'us-ascii') return null;
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return null;
  }
}

function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/** A name safe to create in a folder; `fallback` (already safe) when nothing usable is left. */
export function safeFileName(name: string, fallback: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  let cleaned = base.normalize('NFC').replace(RESERVED, '_').replace(/\s+/g, ' ').trim();
  cleaned = cleaned.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (!cleaned || /^_+$/.test(cleaned)) return fallback;
  if (WINDOWS_DEVICE.test(cleaned)) cleaned = `_${cleaned}`;
  if (Buffer.byteLength(cleaned, 'utf8') > MAX_BYTES) {
    const dot = cleaned.lastIndexOf('.');
    const ext = dot > 0 && cleaned.length - dot <= 24 ? cleaned.slice(dot) : '';
    cleaned = truncateUtf8(cleaned.slice(0, cleaned.length - ext.length), MAX_BYTES - Buffer.byteLength(ext, 'utf8')).trimEnd() + ext;
  }
  return cleaned;
}

/** The file name the service suggests, made safe; `fallback` when there is none. */
export function fileNameFromContentDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const params = parameters(header);
  const extended = params.get('filename*');
  const decoded = extended !== undefined ? decodeExtValue(extended) : null;
  const plain = params.get('filename');
  const name = decoded ?? (plain !== undefined ? unquote(plain) : null);
  return name === null ? fallback : safeFileName(name, fallback);
}

/**
 * `name`, or `name-2.ext`, `name-3.ext`… if a file of that name (compared case-insensitively, as macOS and Windows
 * do) was already written in this run; records the result in `taken`. `extension` (e.g. `claimreview.jsonld`)
 * says where the extension starts; otherwise it is the part after the last dot.
 */
export function uniqueFileName(name: string, taken: Set<string>, extension?: string): string {
  const known = extension && name.toLowerCase().endsWith(`.${extension.toLowerCase()}`) ? name.length - extension.length - 1 : -1;
  const dot = known > 0 ? known : name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
