/**
 * Who is assigned to the claim: due dates (overdue marked in words, not only colour) and each one's progress
 * (not started, draft, submitted). Editors assign reviewers or editors with a due date, change a due date, and
 * remove an assignee who has not submitted.
 */
import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { Assignment } from '../api/types';
import { Outcome, useSave } from '../components/outcome';
import { Alert, Field, SelectField } from '../components/ui';
import { loadPeople } from '../api/people';
import { formatDateTime, formatDay, useLoad } from '../hooks';
import { messageOf } from '../lib/errors';
import { assignable, canAssign, canUnassign, dateInputOf, describeDue, dueAtFromDate, VERDICT_PROGRESS } from '../lib/review';
import { ROLE_LABEL } from '../lib/status';
import { isChecked } from '../lib/workflow';
import type { SectionProps } from './sections';

export function AssigneesSection(props: SectionProps) {
  const { claim, role, user } = props;
  const editor = canAssign(claim, role);
  const { requiredVerdicts, submittedVerdicts } = claim.review;
  return (
    <div class="assignees">
      {claim.assignments.length === 0 ? (
        <p class="muted">No one is assigned yet.</p>
      ) : (
        <>
          <p class="small">
            <strong>
              {submittedVerdicts} of {requiredVerdicts}
            </strong>{' '}
            required verdicts submitted.
          </p>
          <ul class="assignee-list">
            {claim.assignments.map((a) => (
              <AssigneeRow key={a.reviewer.id} assignment={a} self={a.reviewer.id === user.id} removable={editor && canUnassign(a)} {...props} />
            ))}
          </ul>
        </>
      )}
      {editor && <AssignForm {...props} />}
      {isChecked(claim.status) && claim.assignments.length > 0 && <p class="muted small">Assignments closed when the claim was approved.</p>}
    </div>
  );
}

function AssigneeRow({ assignment: a, self, removable, claim, reload }: SectionProps & { assignment: Assignment; self: boolean; removable: boolean }) {
  const save = useSave([]);
  const progress = VERDICT_PROGRESS[a.verdict];
  return (
    <li class={`assignee${a.overdue ? ' assignee--overdue' : ''}`}>
      <p class="assignee__who">
        <strong>{a.reviewer.name}</strong>
        {self && <span class="muted"> (you)</span>}
        {a.reviewer.role !== 'reviewer' && <span class="muted"> · {ROLE_LABEL[a.reviewer.role]}</span>}{' '}
        <span class={`tag tag--progress-${progress.tone}`}>Verdict: {progress.label}</span>
        {a.overdue && <span class="tag tag--overdue">Overdue</span>}
      </p>
      <p class="small assignee__due">{describeDue(a.dueAt, Date.now(), formatDay)}</p>
      <p class="muted small">
        Assigned by {a.assignedBy?.name ?? 'the system'} on {formatDateTime(a.assignedAt)}
      </p>
      {removable && (
        <button
          type="button"
          class="button button--small"
          disabled={save.state.busy}
          onClick={() =>
            save.run(async () => {
              await call(api.DELETE('/api/claims/{id}/assignments/{reviewerId}', { params: { path: { id: claim.id, reviewerId: a.reviewer.id } } }));
              await reload();
            }, '')
          }
        >
          Remove<span class="sr-only"> {a.reviewer.name}</span>
        </button>
      )}
      <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
    </li>
  );
}

function AssignForm({ claim, role, reload }: SectionProps) {
  const people = useLoad(() => loadPeople(), []);
  const [personId, setPersonId] = useState('');
  const [due, setDue] = useState('');
  const save = useSave(['reviewerId', 'dueAt']);
  const errors = save.state.errors?.fields ?? {};
  const existing = claim.assignments.find((a) => a.reviewer.id === personId);
  const { reviewers, editors } = assignable(people.data ?? []);
  const option = (p: { id: string; name: string }) => ({
    value: p.id,
    label: `${p.name}${claim.assignments.some((a) => a.reviewer.id === p.id) ? ' (assigned)' : ''}`,
  });

  return (
    <form
      class="assign-form"
      noValidate
      aria-labelledby="assign-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const who = [...reviewers, ...editors].find((p) => p.id === personId)?.name ?? 'them';
        void save.run(async () => {
          await call(
            api.POST('/api/claims/{id}/assignments', {
              params: { path: { id: claim.id } },
              body: { reviewerId: personId, dueAt: due ? dueAtFromDate(due) : null },
            }),
          );
          await reload();
          setPersonId('');
          setDue('');
        }, existing ? `Due date of ${who} changed.` : `${who} assigned.`);
      }}
    >
      <h4 id="assign-heading">Assign someone</h4>
      {people.error ? <Alert messages={[`The list of people did not load: ${messageOf(people.error)}`]} /> : null}
      <SelectField
        label="Person"
        value={personId}
        onValue={(id) => {
          setPersonId(id);
          const a = claim.assignments.find((x) => x.reviewer.id === id);
          setDue(a ? dateInputOf(a.dueAt) : '');
        }}
        options={[{ value: '', label: people.loading && !people.data ? 'Loading…' : 'Choose a reviewer or editor' }]}
        groups={[
          { label: 'Reviewers', options: reviewers.map(option) },
          { label: 'Editors', options: editors.map(option) },
        ]}
        error={errors.reviewerId}
      />
      <Field label="Due date (optional)" type="date" value={due} onValue={setDue} error={errors.dueAt} hint="Due by the end of that day" />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={save.state.busy || !personId}>
          {existing ? 'Change the due date' : 'Assign'}
        </button>
      </div>
      <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
    </form>
  );
}
