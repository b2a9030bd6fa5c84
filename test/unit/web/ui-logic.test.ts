/** Pure logic of the web desk: error mapping to form fields, conflict summaries, history lines, routes. */
import type { AuditEvent } from '../../../web/src/api/types';
import { ApiFailure, describeChanges, formErrors, messageOf } from '../../../web/src/lib/errors';
import { describeEvent } from '../../../web/src/lib/history';
import { matchPath, step, toQuery } from '../../../web/src/lib/routing';
import { CLAIM_STATUSES, describeHint, isEditor, STATUS_INFO } from '../../../web/src/lib/status';
import { ClaimStatus } from '../../../src/domain/enums';

const failure = (status: number, body: Partial<NonNullable<ApiFailure['body']>>) =>
  new ApiFailure(status, { code: 'X', message: 'Failed', requestId: 'r', ...body });

describe('formErrors', () => {
  it('puts validation details next to the fields they name', () => {
    const error = failure(400, {
      code: 'VALIDATION_FAILED',
      message: 'Invalid request body',
      details: [
        { path: 'body.url', message: 'must be an http(s) URL' },
        { path: 'body.claimant.name', message: 'must not be empty' },
        { path: 'body', message: 'send at least one of title, url' },
      ],
    });
    expect(formErrors(error, ['title', 'url', 'claimant.name'])).toEqual({
      fields: { url: 'Must be an http(s) URL', 'claimant.name': 'Must not be empty' },
      general: ['send at least one of title, url'],
    });
  });

  it('maps a nested path to its parent field when that is the form field', () => {
    const error = failure(400, { details: [{ path: 'body.claimant.role', message: 'is too long' }] });
    expect(formErrors(error, ['claimant']).fields).toEqual({ claimant: 'Is too long' });
    expect(formErrors(error, ['claimant']).general).toEqual(['Please correct the highlighted fields.']);
  });

  it('without details, gives the message; unreachable server is said plainly', () => {
    expect(formErrors(failure(409, { code: 'EMAIL_TAKEN', message: 'That email is taken' }), ['email'])).toEqual({
      fields: {},
      general: ['That email is taken'],
    });
    expect(messageOf(new ApiFailure(0, undefined))).toMatch(/Could not reach Checkmate/);
    expect(messageOf(failure(401, { code: 'INVALID_CREDENTIALS' }))).toBe('The email or password is not right.');
  });

  it('knows a stale version', () => {
    expect(failure(409, { code: 'VERSION_CONFLICT' }).isStale).toBe(true);
    expect(failure(412, { code: 'PRECONDITION_FAILED' }).isStale).toBe(true);
    expect(failure(409, { code: 'CLAIM_HAS_WORK' }).isStale).toBe(false);
  });
});

describe('describeChanges', () => {
  it('says who changed which fields, in words', () => {
    const lines = describeChanges(
      [
        { version: 2, at: '2026-01-02T10:05:00.000Z', by: { id: 'u', name: 'Eddie Editor' }, action: 'claim.updated', fields: ['checkWorthy', 'claimantName', 'claimDate'] },
        { version: 3, at: '2026-01-02T10:06:00.000Z', by: null, action: 'claim.merged', fields: [] },
      ],
      (iso) => iso.slice(11, 16),
    );
    expect(lines).toEqual([
      'Eddie Editor changed check-worthiness, claimant and claim date (version 2, 10:05)',
      'The system merged (version 3, 10:06)',
    ]);
  });
});

describe('describeEvent', () => {
  const event = (over: Partial<AuditEvent>): AuditEvent => ({
    id: 'e',
    occurredAt: '2026-01-02T10:05:00.000Z',
    actor: { id: 'u', email: 'e@x', name: 'Eddie Editor', role: 'editor' },
    entityType: 'claim',
    entityId: 'c',
    action: 'claim.updated',
    claimId: 'c',
    before: null,
    after: null,
    context: null,
    requestId: null,
    ...over,
  });

  it('lists what changed, in the desk’s words', () => {
    const base = { start: 0, end: 10, text: 't', checkWorthy: true, claimantName: null, claimantRole: null, claimDate: null, status: 'unreviewed', version: 1 };
    const line = describeEvent(event({ before: base, after: { ...base, checkWorthy: false, claimantName: 'Ana Ruiz', start: 2, version: 2 } }));
    expect(line).toMatchObject({ who: 'Eddie Editor', what: 'Triage' });
    expect(line.changes).toEqual(['check-worthy: yes → no', 'claimant: none → Ana Ruiz', 'span: 0–10 → 2–10']);
  });

  it('names the system and unknown actions as they are', () => {
    expect(describeEvent(event({ actor: null, action: 'article.created' }))).toMatchObject({ who: 'System', what: 'Article imported', changes: [] });
    expect(describeEvent(event({ action: 'claim.verdict_added' })).what).toBe('claim.verdict_added');
  });
});

describe('routing and status helpers', () => {
  it('matches path patterns', () => {
    expect(matchPath('/articles/:id', '/articles/abc')).toEqual({ id: 'abc' });
    expect(matchPath('/articles/:id', '/articles/abc/')).toEqual({ id: 'abc' });
    expect(matchPath('/articles/:id', '/articles')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/queue', '/admin')).toBeNull();
    expect(matchPath('/a/:x', '/a/%E0%A4%A')).toBeNull();
  });

  it('steps through a list, clamped', () => {
    expect(step(-1, 3, 1)).toBe(0);
    expect(step(-1, 3, -1)).toBe(2);
    expect(step(2, 3, 1)).toBe(2);
    expect(step(0, 3, -1)).toBe(0);
    expect(step(0, 0, 1)).toBe(-1);
  });

  it('builds query strings without empty values', () => {
    expect(toQuery({ status: 'in_review', q: '', cursor: undefined })).toBe('?status=in_review');
    expect(toQuery({})).toBe('');
  });

  it('labels every status the API has (colour is never the only signal)', () => {
    expect([...CLAIM_STATUSES].sort()).toEqual(Object.values(ClaimStatus).sort());
    for (const status of CLAIM_STATUSES) expect(STATUS_INFO[status].label).toMatch(/\w/);
    expect(describeHint(0.82)).toBe('82% · likely check-worthy');
    expect(describeHint(null)).toBe('not scored');
    expect(isEditor('admin')).toBe(true);
    expect(isEditor('reviewer')).toBe(false);
  });
});
