/**
 * Rating scales (admins): every scale with its levels (label, value, colour swatch with its label, description,
 * archived). Admins add a scale with its levels, and relabel, recolour, re-describe, archive or restore levels and
 * add new ones (PATCH with the version read: a conflict says who changed what and offers a reload, keeping the
 * form). A level's value never changes, so published verdicts keep their meaning.
 */
import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { RatingScale } from '../api/types';
import { Outcome, useSave } from '../components/outcome';
import { Alert, Field, LevelTag, Spinner } from '../components/ui';
import { forgetScales, loadScales } from '../api/scales';
import { formatDateTime, useLoad, useTitle } from '../hooks';
import { messageOf } from '../lib/errors';
import { draftsOf, emptyLevel, keyFromLabel, newLevelBody, scalePatch, type LevelDraft } from '../lib/scales';

export function ScalesPage() {
  useTitle('Rating scales');
  const scales = useLoad(() => loadScales({ fresh: true }), []);
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const refresh = async () => {
    forgetScales();
    const fresh = await loadScales({ fresh: true });
    scales.setData(fresh);
    return fresh;
  };

  return (
    <section class="page">
      <div class="page__head">
        <h1>Rating scales</h1>
        {!adding && (
          <button
            type="button"
            class="button button--primary"
            onClick={() => {
              setDone(undefined);
              setAdding(true);
            }}
          >
            Add a scale
          </button>
        )}
      </div>
      <p class="muted">
        The levels reviewers and editors rate claims with. Each article uses one scale (the desk default unless an editor picks
        another before the first verdict). A level's value never changes; archive a level instead of deleting it.
      </p>
      {done && (
        <p class="outcome outcome--ok" role="status">
          {done}
        </p>
      )}
      {adding && (
        <NewScaleForm
          onCancel={() => setAdding(false)}
          onCreated={async (scale) => {
            setAdding(false);
            setDone(`Scale “${scale.name}” added.`);
            await refresh();
          }}
        />
      )}
      {scales.error && !scales.data ? <Alert messages={[messageOf(scales.error)]} /> : null}
      {!scales.data && !scales.error ? <Spinner /> : null}
      {scales.data?.map((scale) => <ScaleCard key={scale.id} scale={scale} refresh={refresh} />)}
    </section>
  );
}

function ScaleCard({ scale, refresh }: { scale: RatingScale; refresh: () => Promise<RatingScale[]> }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | undefined>();
  const headingId = `scale-${scale.id}`;
  return (
    <article class="panel-box scale" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {scale.name} {scale.isDefault && <span class="tag tag--plain">Desk default</span>}
      </h2>
      {scale.description && <p>{scale.description}</p>}
      <p class="muted small">
        Values from {scale.worstValue ?? '—'} (worst) to {scale.bestValue ?? '—'} (best) · version {scale.version} · changed {formatDateTime(scale.updatedAt)}
      </p>
      {saved && !editing && (
        <p class="outcome outcome--ok" role="status">
          {saved}
        </p>
      )}
      {editing ? (
        <EditScaleForm
          scale={scale}
          refresh={refresh}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved('Saved.');
          }}
        />
      ) : (
        <>
          <table class="table levels">
            <caption class="sr-only">Levels of {scale.name}</caption>
            <thead>
              <tr>
                <th scope="col">Level</th>
                <th scope="col">Key</th>
                <th scope="col">Value</th>
                <th scope="col">Colour</th>
                <th scope="col">Description</th>
                <th scope="col">In use</th>
              </tr>
            </thead>
            <tbody>
              {scale.levels.map((l) => (
                <tr key={l.key} class={l.archived ? 'is-inactive' : ''}>
                  <th scope="row">
                    <LevelTag level={l} />
                  </th>
                  <td>
                    <code>{l.key}</code>
                  </td>
                  <td>{l.value ?? <span class="muted">off the axis</span>}</td>
                  <td>
                    <code>{l.color}</code>
                  </td>
                  <td>{l.description}</td>
                  <td>{l.archived ? <span class="tag tag--skip">Archived</span> : 'Yes'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="actions">
            <button
              type="button"
              class="button"
              onClick={() => {
                setSaved(undefined);
                setEditing(true);
              }}
            >
              Edit<span class="sr-only"> {scale.name}</span>
            </button>
          </div>
        </>
      )}
    </article>
  );
}

/** Error messages of level rows, by row index and field, from the API's detail paths. */
type RowErrors = Record<number, Record<string, string>>;

function LevelRows({
  drafts,
  onChange,
  errors,
  existing,
}: {
  drafts: LevelDraft[];
  onChange: (drafts: LevelDraft[]) => void;
  errors: RowErrors;
  /** Editing a scale: existing levels keep their key and value. */
  existing: boolean;
}) {
  const set = (index: number, change: Partial<LevelDraft>) => onChange(drafts.map((d, i) => (i === index ? { ...d, ...change } : d)));
  return (
    <div class="level-rows">
      {drafts.map((d, i) => {
        const e = errors[i] ?? {};
        const n = i + 1;
        const name = d.label.trim() || (d.isNew ? 'new level' : d.key);
        return (
          <fieldset key={i} class={`level-row${d.archived ? ' is-inactive' : ''}`}>
            <legend>
              Level {n}: {name} {d.label.trim() && <LevelTag level={{ label: d.label.trim(), color: d.color }} />}
            </legend>
            <div class="grid-3">
              <Field label={`Label of level ${n}`} value={d.label} onValue={(label) => set(i, { label })} error={e.label} />
              {d.isNew || !existing ? (
                <Field
                  label={`Key of level ${n}`}
                  value={d.key}
                  onValue={(key) => set(i, { key })}
                  error={e.key}
                  placeholder={keyFromLabel(d.label) || 'e.g. mostly_true'}
                  hint="Empty: made from the label"
                />
              ) : (
                <p class="small">
                  <span class="muted">Key</span> <code>{d.key}</code>
                </p>
              )}
              {d.isNew || !existing ? (
                <Field label={`Value of level ${n}`} value={d.value} onValue={(value) => set(i, { value })} error={e.value} inputMode="numeric" hint="Higher is more accurate; empty: off the truth axis" />
              ) : (
                <p class="small">
                  <span class="muted">Value</span> {d.value || 'off the axis'} <span class="muted">(never changes)</span>
                </p>
              )}
              <Field label={`Colour of level ${n}`} type="color" value={d.color} onValue={(color) => set(i, { color })} error={e.color} hint={d.color} />
            </div>
            <Field label={`Description of level ${n}`} value={d.description} onValue={(description) => set(i, { description })} error={e.description} />
            <div class="actions">
              {!d.isNew && existing ? (
                <label class="checkbox">
                  <input type="checkbox" checked={d.archived} onChange={(ev) => set(i, { archived: (ev.currentTarget as HTMLInputElement).checked })} /> Archived
                  (not offered for new verdicts)
                </label>
              ) : (
                <button type="button" class="button button--small button--quiet" onClick={() => onChange(drafts.filter((_, k) => k !== i))}>
                  Remove level {n}
                </button>
              )}
            </div>
          </fieldset>
        );
      })}
      <button type="button" class="button button--small" onClick={() => onChange([...drafts, emptyLevel()])}>
        Add a level
      </button>
    </div>
  );
}

/** Sorts field errors like "levels.2.label" into rows; `rowOf` maps an API path's list and index to a row. */
function splitRowErrors(fields: Record<string, string>, rowOf: (list: string, index: number) => number | undefined): { rows: RowErrors; rest: Record<string, string> } {
  const rows: RowErrors = {};
  const rest: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const match = /^(levels|addLevels)\.(\d+)\.(\w+)/.exec(path);
    const row = match ? rowOf(match[1], Number(match[2])) : undefined;
    if (match && row !== undefined) rows[row] = { ...rows[row], [match[3]]: message };
    else rest[path] = message;
  }
  return { rows, rest };
}

const fieldPaths = (count: number, lists: readonly string[]) =>
  lists.flatMap((list) => Array.from({ length: count }, (_, i) => ['key', 'label', 'value', 'description', 'color', 'archived'].map((f) => `${list}.${i}.${f}`)).flat());

function NewScaleForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (scale: RatingScale) => Promise<void> }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [drafts, setDrafts] = useState<LevelDraft[]>([emptyLevel(), emptyLevel()]);
  const save = useSave(['name', 'description', 'levels', ...fieldPaths(Math.max(drafts.length, 30), ['levels'])]);
  const { rows, rest } = splitRowErrors(save.state.errors?.fields ?? {}, (_, index) => index);
  return (
    <form
      class="panel-box"
      noValidate
      aria-labelledby="new-scale-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        let created: RatingScale | undefined;
        const ok = await save.run(async () => {
          created = await call(api.POST('/api/rating-scales', { body: { name, description: description.trim() || undefined, levels: drafts.map(newLevelBody) } }));
        }, '');
        if (ok && created) await onCreated(created);
      }}
    >
      <h2 id="new-scale-heading">Add a scale</h2>
      <Field label="Scale name" value={name} onValue={setName} error={rest.name} />
      <Field label="Scale description" value={description} onValue={setDescription} error={rest.description} />
      {rest.levels && <p class="field__error">{rest.levels}</p>}
      <LevelRows drafts={drafts} onChange={setDrafts} errors={rows} existing={false} />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={save.state.busy}>
          Add the scale
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <Outcome state={save.state} what="scale" reload={async () => undefined} onReloaded={save.clear} />
    </form>
  );
}

function EditScaleForm({ scale, refresh, onCancel, onSaved }: { scale: RatingScale; refresh: () => Promise<RatingScale[]>; onCancel: () => void; onSaved: () => void }) {
  const [name, setName] = useState(scale.name);
  const [description, setDescription] = useState(scale.description ?? '');
  const [drafts, setDrafts] = useState<LevelDraft[]>(draftsOf(scale));
  const [base, setBase] = useState(scale);
  const [sent, setSent] = useState<{ levelKeys: string[]; newRows: number[] }>({ levelKeys: [], newRows: [] });
  const save = useSave(['name', 'description', 'levels', 'addLevels', ...fieldPaths(Math.max(drafts.length, 30), ['levels', 'addLevels'])]);
  const { rows, rest } = splitRowErrors(save.state.errors?.fields ?? {}, (list, index) => {
    if (list === 'addLevels') return sent.newRows[index];
    const key = sent.levelKeys[index];
    const row = drafts.findIndex((d) => !d.isNew && d.key === key);
    return row >= 0 ? row : undefined;
  });
  const patch = scalePatch(base, name, description, drafts);
  const unchanged = Object.keys(patch).length === 0;

  return (
    <form
      noValidate
      aria-label={`Edit ${scale.name}`}
      onSubmit={async (event) => {
        event.preventDefault();
        setSent({
          levelKeys: (patch.levels ?? []).map((l) => l.key),
          newRows: drafts.map((d, i) => (d.isNew ? i : -1)).filter((i) => i >= 0),
        });
        const ok = await save.run(async () => {
          await call(api.PATCH('/api/rating-scales/{id}', { params: { path: { id: scale.id } }, body: { ...patch, version: base.version } }));
          await refresh();
        }, '');
        if (ok) onSaved();
      }}
    >
      <Field label="Scale name" value={name} onValue={setName} error={rest.name} />
      <Field label="Scale description" value={description} onValue={setDescription} error={rest.description} />
      {(rest.levels || rest.addLevels) && <p class="field__error">{rest.levels ?? rest.addLevels}</p>}
      <LevelRows drafts={drafts} onChange={setDrafts} errors={rows} existing />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={save.state.busy || unchanged}>
          Save changes
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
        {unchanged && <span class="muted small">Nothing changed yet.</span>}
      </div>
      <Outcome
        state={save.state}
        what="scale"
        reload={async () => {
          const fresh = (await refresh()).find((s) => s.id === scale.id);
          if (fresh) {
            setBase(fresh);
            // Keep what was typed; levels someone else added meanwhile join the form.
            setDrafts((current) => [...current, ...draftsOf(fresh).filter((f) => !current.some((d) => !d.isNew && d.key === f.key))]);
          }
          return fresh ? { version: fresh.version } : undefined;
        }}
        onReloaded={save.clear}
      />
    </form>
  );
}
