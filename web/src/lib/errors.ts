import type { ApiErrorBody, VersionChange } from '../api/types';

/** A failed API call: the HTTP status and the API's error body (undefined when the server was unreachable). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(body?.message ?? (status === 0 ? 'Could not reach Checkmate' : `Request failed (${status})`));
    this.name = 'ApiFailure';
  }

  get code(): string {
    return this.body?.code ?? (this.status === 0 ? 'NETWORK' : 'UNKNOWN');
  }

  /** True for 409 VERSION_CONFLICT and 412 PRECONDITION_FAILED: someone else changed it since it was read. */
  get isStale(): boolean {
    return this.code === 'VERSION_CONFLICT' || this.code === 'PRECONDITION_FAILED';
  }
}

export interface FormErrors {
  /** Messages by field name ("title", "claimant.name"), from `details[].path` without its "body." prefix. */
  fields: Record<string, string>;
  /** What is not about one of the form's fields: the error's message and unmapped details. */
  general: string[];
}

const FRIENDLY: Record<string, string> = {
  NETWORK: 'Could not reach Checkmate. Check the connection and try again; nothing was lost on this page.',
  INVALID_CREDENTIALS: 'The email or password is not right.',
  FORBIDDEN: 'Your role does not allow this.',
  INTERNAL: 'Something went wrong on the server. Try again; if it keeps failing, tell the desk admin.',
  SERVICE_UNAVAILABLE: 'The database is not answering right now. Try again in a moment.',
};

/** A readable sentence for an error, preferring the API's own message. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiFailure) {
    if (error.code === 'RATE_LIMITED') return 'Too many failed sign-ins. Wait a few minutes, then try again.';
    return FRIENDLY[error.code] ?? error.body?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Splits an API error into messages for the form's own fields and the rest. `fieldNames` are the form's
 * fields; a detail path "body.claimant.name" goes to field "claimant.name" (or to "claimant" when that is
 * the form's field).
 */
export function formErrors(error: unknown, fieldNames: readonly string[]): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  if (!(error instanceof ApiFailure) || !error.body?.details?.length) {
    result.general.push(messageOf(error));
    return result;
  }
  for (const detail of error.body.details) {
    const path = detail.path.replace(/^(body|query)\.?/, '');
    const field = matchField(path, fieldNames);
    if (field && !result.fields[field]) result.fields[field] = capitalise(detail.message);
    else if (field) continue;
    else result.general.push(path ? `${path}: ${detail.message}` : detail.message);
  }
  if (result.general.length === 0 && Object.keys(result.fields).length === 0) result.general.push(messageOf(error));
  if (Object.keys(result.fields).length > 0 && result.general.length === 0) {
    result.general.push('Please correct the highlighted fields.');
  }
  return result;
}

function matchField(path: string, fieldNames: readonly string[]): string | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (fieldNames.includes(candidate)) return candidate;
  }
  return undefined;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const FIELD_LABELS: Record<string, string> = {
  checkWorthy: 'check-worthiness',
  claimantName: 'claimant',
  claimantRole: 'claimant role',
  claimDate: 'claim date',
  start: 'start',
  end: 'end',
  text: 'text',
  status: 'status',
  publishedAt: 'publication date',
  ratingScaleId: 'rating scale',
  stance: 'stance',
  excerpt: 'excerpt',
  levelKey: 'level',
  levelId: 'level',
  rationale: 'rationale',
  sourceIds: 'sources',
  color: 'colour',
  archived: 'archived',
  levels: 'levels',
  name: 'name',
  description: 'description',
};

/** "Eddie Editor changed check-worthiness and claimant (version 3, 14:05)", one line per change. */
export function describeChanges(changes: readonly VersionChange[] | undefined, formatTime = defaultTime): string[] {
  if (!changes?.length) return [];
  return changes.map((change) => {
    const who = change.by?.name ?? 'The system';
    const fields = change.fields.map((f) => FIELD_LABELS[f] ?? f);
    const what = fields.length ? `changed ${joinWords(fields)}` : describeAction(change.action);
    return `${who} ${what} (version ${change.version}, ${formatTime(change.at)})`;
  });
}

function describeAction(action: string): string {
  const verb = action.split('.').pop() ?? action;
  return verb.replace(/_/g, ' ');
}

export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function defaultTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
