/** Desk notes on the claim: never public; anyone on the desk reads and adds them. */
import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { Note, Page } from '../api/types';
import { Outcome, useSave } from '../components/outcome';
import { Alert, Spinner, TextAreaField } from '../components/ui';
import { formatDateTime, useLoad } from '../hooks';
import { messageOf } from '../lib/errors';
import type { SectionProps } from './sections';

export function NotesSection({ claim, reload }: SectionProps) {
  const notes = useLoad(
    () => call(api.GET('/api/claims/{id}/notes', { params: { path: { id: claim.id }, query: { limit: 200 } } })) as Promise<Page<Note>>,
    [claim.id, claim.noteCount],
  );
  const [body, setBody] = useState('');
  const save = useSave(['body']);
  return (
    <div class="notes">
      <p class="muted small">For the desk only: notes never appear in public reports.</p>
      {notes.error && !notes.data ? <Alert messages={[messageOf(notes.error)]} /> : null}
      {!notes.data && !notes.error ? <Spinner label="Loading the notes…" /> : null}
      {notes.data && notes.data.items.length === 0 && <p class="muted">No notes yet.</p>}
      {notes.data && notes.data.items.length > 0 && (
        <ol class="note-list">
          {notes.data.items.map((n) => (
            <li key={n.id}>
              <p class="note__body">{n.body}</p>
              <p class="muted small">
                {n.author.name}, {formatDateTime(n.createdAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const ok = await save.run(async () => {
            await call(api.POST('/api/claims/{id}/notes', { params: { path: { id: claim.id } }, body: { body } }));
            await Promise.all([notes.reload(), reload()]);
          }, 'Note added.');
          if (ok) setBody('');
        }}
      >
        <TextAreaField label="Add a desk note" rows={2} value={body} onValue={setBody} error={save.state.errors?.fields.body} />
        <div class="actions">
          <button type="submit" class="button button--small" disabled={save.state.busy}>
            Add the note
          </button>
        </div>
        <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
      </form>
    </div>
  );
}
