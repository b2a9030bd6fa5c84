/**
 * The claim's sources: each with its record (title, publisher, type, date accessed, archived copy), its stance and
 * excerpt on this claim, and who attached it. Assignees and editors attach sources; whoever attached one (or an
 * editor) changes its stance or excerpt, or removes it. Others are not offered these actions.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { ClaimSource, SourceType, Stance } from '../api/types';
import { Outcome, useSave } from '../components/outcome';
import { Alert, Field, RadioGroup, SelectField, Spinner, TextAreaField } from '../components/ui';
import { formatDate } from '../hooks';
import { messageOf } from '../lib/errors';
import { canAddSource, canEditSource, SOURCE_TYPE_LABEL, SOURCE_TYPES, STANCE_LABEL, STANCES } from '../lib/review';
import type { SectionProps } from './sections';

const stanceChoices = STANCES.map((s) => ({ value: s, label: STANCE_LABEL[s] }));

export function SourcesSection(props: SectionProps) {
  const { claim, user, sources } = props;
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | undefined>();
  const mayAdd = canAddSource(claim, user);
  return (
    <div class="sources">
      {sources.error && !sources.loaded ? <Alert messages={[messageOf(sources.error)]} /> : null}
      {!sources.loaded && !sources.error ? <Spinner label="Loading the sources…" /> : null}
      {sources.loaded && sources.items.length === 0 && <p class="muted">No source attached yet.</p>}
      {sources.items.length > 0 && (
        <ul class="source-list">
          {sources.items.map((s) => (
            <SourceItem key={s.sourceId} source={s} editable={canEditSource(s, user)} {...props} />
          ))}
        </ul>
      )}
      {added && !adding && (
        <p class="outcome outcome--ok" role="status">
          {added}
        </p>
      )}
      {mayAdd && !adding && (
        <button
          type="button"
          class="button"
          onClick={() => {
            setAdded(undefined);
            setAdding(true);
          }}
        >
          Add a source
        </button>
      )}
      {mayAdd && adding && (
        <AddSourceForm
          {...props}
          onCancel={() => setAdding(false)}
          onAdded={(title) => {
            setAdding(false);
            setAdded(`Source “${title}” attached.`);
          }}
        />
      )}
      {!mayAdd && <p class="muted small">The claim's assignees and editors attach sources.</p>}
    </div>
  );
}

function SourceItem({ source: s, editable, claim, sources, reload }: SectionProps & { source: ClaimSource; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const remove = useSave([]);
  return (
    <li class="source">
      <p class="source__title">
        <a href={s.url} target="_blank" rel="noreferrer noopener">
          {s.title}
          <span class="sr-only"> (opens in a new tab)</span>
        </a>{' '}
        <span class={`stance stance--${s.stance}`}>{STANCE_LABEL[s.stance]}</span>
      </p>
      <p class="muted small">
        {[s.publisher, SOURCE_TYPE_LABEL[s.sourceType], s.accessedAt ? `accessed ${formatDate(s.accessedAt)}` : null].filter(Boolean).join(' · ')}
        {s.archivedUrl && (
          <>
            {' · '}
            <a href={s.archivedUrl} target="_blank" rel="noreferrer noopener">
              archived copy<span class="sr-only"> of {s.title} (opens in a new tab)</span>
            </a>
          </>
        )}
      </p>
      {s.excerpt && <blockquote class="excerpt">{s.excerpt}</blockquote>}
      <p class="muted small">Attached by {s.addedBy?.name ?? 'someone'}</p>
      {editable && !editing && (
        <div class="actions">
          <button type="button" class="button button--small" onClick={() => setEditing(true)}>
            Edit stance or excerpt<span class="sr-only"> of {s.title}</span>
          </button>
          <button
            type="button"
            class="button button--small button--danger"
            disabled={remove.state.busy}
            onClick={() =>
              remove.run(async () => {
                await call(api.DELETE('/api/claims/{id}/sources/{sourceId}', { params: { path: { id: claim.id, sourceId: s.sourceId } } }));
                await Promise.all([sources.reload(), reload()]);
              }, '')
            }
          >
            Remove<span class="sr-only"> {s.title}</span>
          </button>
        </div>
      )}
      <Outcome state={remove.state} reload={reload} onReloaded={remove.clear} />
      {editing && <EditSourceForm source={s} claimId={claim.id} sources={sources} onDone={() => setEditing(false)} />}
    </li>
  );
}

function EditSourceForm({ source, claimId, sources, onDone }: { source: ClaimSource; claimId: string; sources: SectionProps['sources']; onDone: () => void }) {
  const [stance, setStance] = useState<Stance>(source.stance);
  const [excerpt, setExcerpt] = useState(source.excerpt ?? '');
  const [version, setVersion] = useState(source.version);
  const save = useSave(['stance', 'excerpt']);
  const errors = save.state.errors?.fields ?? {};
  return (
    <form
      class="source-edit"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const ok = await save.run(async () => {
          await call(
            api.PATCH('/api/claims/{id}/sources/{sourceId}', {
              params: { path: { id: claimId, sourceId: source.sourceId } },
              body: { stance, excerpt: excerpt.trim() ? excerpt : null, version },
            }),
          );
          await sources.reload();
        }, 'Saved.');
        if (ok) onDone();
      }}
    >
      <RadioGroup legend="Stance" name={`stance-${source.sourceId}`} value={stance} onValue={(v) => setStance(v as Stance)} choices={stanceChoices} error={errors.stance} inline />
      <TextAreaField label="Excerpt" rows={3} value={excerpt} onValue={setExcerpt} error={errors.excerpt} />
      <div class="actions">
        <button type="submit" class="button button--primary button--small" disabled={save.state.busy}>
          Save<span class="sr-only"> the stance and excerpt</span>
        </button>
        <button type="button" class="button button--quiet button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
      <Outcome
        state={save.state}
        what="source"
        reload={async () => {
          const page = await call(api.GET('/api/claims/{id}/sources', { params: { path: { id: claimId }, query: { limit: 200 } } }));
          const fresh = page.items.find((x) => x.sourceId === source.sourceId);
          if (fresh) setVersion(fresh.version);
          return fresh ? { version: fresh.version } : undefined;
        }}
        onReloaded={save.clear}
      />
    </form>
  );
}

const SOURCE_FIELDS = ['url', 'title', 'publisher', 'sourceType', 'accessedAt', 'archivedUrl', 'stance', 'excerpt'] as const;
type SourceField = (typeof SOURCE_FIELDS)[number];

function AddSourceForm({ claim, sources, reload, onCancel, onAdded }: SectionProps & { onCancel: () => void; onAdded: (title: string) => void }) {
  const [values, setValues] = useState<Record<SourceField, string>>({
    url: '',
    title: '',
    publisher: '',
    sourceType: 'primary_document',
    accessedAt: '',
    archivedUrl: '',
    stance: 'supports',
    excerpt: '',
  });
  const set = (field: SourceField) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const save = useSave(SOURCE_FIELDS);
  const errors = save.state.errors?.fields ?? {};
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <form
      class="panel-box add-source"
      noValidate
      aria-labelledby="add-source-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const ok = await save.run(async () => {
          await call(
            api.POST('/api/claims/{id}/sources', {
              params: { path: { id: claim.id } },
              body: {
                url: values.url.trim(),
                title: values.title,
                publisher: optional(values.publisher),
                sourceType: values.sourceType as SourceType,
                accessedAt: optional(values.accessedAt),
                archivedUrl: optional(values.archivedUrl),
                stance: values.stance as Stance,
                excerpt: optional(values.excerpt),
              },
            }),
          );
          await Promise.all([sources.reload(), reload()]);
        }, '');
        if (ok) onAdded(values.title.trim());
      }}
    >
      <h4 id="add-source-heading">Add a source</h4>
      <Field label="Source URL" type="url" value={values.url} onValue={set('url')} error={errors.url} placeholder="https://…" required inputRef={first} />
      <Field label="Source title" value={values.title} onValue={set('title')} error={errors.title} required />
      <Field label="Publisher" value={values.publisher} onValue={set('publisher')} error={errors.publisher} />
      <SelectField
        label="Type of source"
        value={values.sourceType}
        onValue={set('sourceType')}
        options={SOURCE_TYPES.map((t) => ({ value: t, label: SOURCE_TYPE_LABEL[t] }))}
        error={errors.sourceType}
      />
      <div class="grid-2">
        <Field label="Date accessed" type="date" value={values.accessedAt} onValue={set('accessedAt')} error={errors.accessedAt} hint="Empty: today" />
        <Field label="Archived copy URL" type="url" value={values.archivedUrl} onValue={set('archivedUrl')} error={errors.archivedUrl} placeholder="https://web.archive.org/…" />
      </div>
      <RadioGroup legend="Stance on this claim" name={`new-stance-${claim.id}`} value={values.stance} onValue={set('stance')} choices={stanceChoices} error={errors.stance} inline />
      <TextAreaField label="Excerpt" rows={3} value={values.excerpt} onValue={set('excerpt')} error={errors.excerpt} hint="The passage that bears on the claim, quoted" />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={save.state.busy}>
          {save.state.busy ? 'Attaching…' : 'Attach the source'}
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
    </form>
  );
}
