/**
 * The editor's decisions on a claim, offered only in the statuses where the workflow has them
 * (lib/workflow.ts, mirroring src/workflow/claim-workflow.ts): approve a final verdict (a written reason when it
 * departs from the consensus or there is none), send back to review with a note, publish, open a correction with a
 * public note, retract with a public note. Each step sends the claim's version; a claim that moved on meanwhile
 * is explained (who changed what, or which steps exist now) with a reload.
 */
import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { RatingScale } from '../api/types';
import { Outcome, useSave } from '../components/outcome';
import { RadioGroup, TextAreaField } from '../components/ui';
import { reasonRequired } from '../lib/review';
import { availableDecisions } from '../lib/workflow';
import type { SectionProps } from './sections';

type DecisionProps = SectionProps & {
  /** Says what was done above the decisions (the form that did it goes when the status moves on). */
  announce: (message: string) => void;
};

export function DecisionSection(props: SectionProps) {
  const [done, setDone] = useState<string | undefined>();
  const decisions = availableDecisions(props.claim.status);
  const own: DecisionProps = { ...props, announce: setDone };
  return (
    <div class="decisions">
      {done && (
        <p class="outcome outcome--ok" role="status">
          {done}
        </p>
      )}
      {decisions.includes('approve') && <ApproveForm {...own} />}
      {decisions.includes('publish') && <PublishControl {...own} />}
      {decisions.includes('sendBack') && <SendBackForm {...own} />}
      {decisions.includes('correct') && <CorrectionForm {...own} />}
      {decisions.includes('retract') && <RetractForm {...own} />}
    </div>
  );
}

const levelChoices = (scale: RatingScale | undefined) =>
  (scale?.levels ?? []).filter((l) => !l.archived).map((l) => ({ value: l.key, label: l.label, color: l.color }));

function ApproveForm({ claim, scale, reload, announce }: DecisionProps) {
  const consensus = claim.review.consensus;
  const [level, setLevel] = useState(consensus?.level?.key ?? '');
  const [rationale, setRationale] = useState('');
  const [reason, setReason] = useState('');
  const save = useSave(['levelKey', 'rationale', 'reason']);
  const errors = save.state.errors?.fields ?? {};
  const needsReason = reasonRequired(level, consensus) || Boolean(errors.reason);
  const reasonHint = consensus?.level
    ? `The consensus is ${consensus.level.label}: say why the final verdict differs.`
    : 'There is no consensus: say how you decided.';

  return (
    <form
      class="decision"
      noValidate
      aria-labelledby="approve-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run(async () => {
          announce('');
          await call(
            api.POST('/api/claims/{id}/approve', {
              params: { path: { id: claim.id } },
              body: { levelKey: level, rationale, reason: needsReason && reason.trim() ? reason : undefined, version: claim.version },
            }),
          );
          announce('Approved. Publish it when it is ready to go public.');
          await reload();
        }, '');
      }}
    >
      <h4 id="approve-heading">Approve a final verdict</h4>
      <RadioGroup
        legend="Final verdict"
        name={`approve-level-${claim.id}`}
        value={level}
        onValue={setLevel}
        choices={levelChoices(scale)}
        error={errors.levelKey}
        hint={consensus?.level ? `Preselected: the consensus (${consensus.level.label}).` : 'There is no consensus to start from.'}
      />
      <TextAreaField label="Public rationale" rows={4} value={rationale} onValue={setRationale} error={errors.rationale} required />
      {needsReason && (
        <TextAreaField
          label="Reason for departing from the consensus (desk only)"
          hint={reasonHint}
          rows={3}
          value={reason}
          onValue={setReason}
          error={errors.reason}
          required
        />
      )}
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={save.state.busy}>
          Approve
        </button>
      </div>
      <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
    </form>
  );
}

function PublishControl({ claim, reload, announce }: DecisionProps) {
  const save = useSave([]);
  const correcting = claim.status === 'correcting';
  return (
    <div class="decision">
      <h4>{correcting ? 'Publish the correction' : 'Publish'}</h4>
      <p class="small">
        {correcting
          ? 'The corrected verdict becomes current; the earlier revision stays readable, marked superseded.'
          : `Publishing makes the verdict public and freezes its sources (${claim.sourceCount}) as they are now.`}
      </p>
      <button
        type="button"
        class="button button--primary"
        disabled={save.state.busy}
        onClick={() =>
          save.run(async () => {
            announce('');
            await call(api.POST('/api/claims/{id}/publish', { params: { path: { id: claim.id } }, body: { version: claim.version } }));
            announce(correcting ? 'Correction published.' : 'Published.');
            await reload();
          }, '')
        }
      >
        {correcting ? 'Publish the correction' : 'Publish'}
      </button>
      <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
    </div>
  );
}

/** A decision behind a disclosure: a note and one button. */
function NoteDecision({
  title,
  intro,
  label,
  button,
  done,
  send,
  reload,
  announce,
  danger,
}: {
  title: string;
  intro: string;
  label: string;
  button: string;
  done: string;
  send: (note: string) => Promise<unknown>;
  reload: SectionProps['reload'];
  announce: (message: string) => void;
  danger?: boolean;
}) {
  const [note, setNote] = useState('');
  const save = useSave(['note']);
  return (
    <details class="decision decision--more">
      <summary>{title}</summary>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run(async () => {
            announce('');
            await send(note);
            announce(done);
            await reload();
          }, '');
        }}
      >
        <p class="small">{intro}</p>
        <TextAreaField label={label} rows={3} value={note} onValue={setNote} error={save.state.errors?.fields.note} required />
        <div class="actions">
          <button type="submit" class={`button${danger ? ' button--danger' : ''}`} disabled={save.state.busy}>
            {button}
          </button>
        </div>
        <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
      </form>
    </details>
  );
}

function SendBackForm({ claim, reload, announce }: DecisionProps) {
  return (
    <NoteDecision
      title="Send back to review"
      intro={
        claim.status === 'approved'
          ? 'The approval is withdrawn, submitted verdicts reopen, and the note joins the desk notes.'
          : 'Submitted verdicts reopen so the reviewers can revise them; the note joins the desk notes.'
      }
      label="Note to the reviewers"
      button="Send back"
      done="Sent back to review."
      reload={reload}
      announce={announce}
      send={(note) => call(api.POST('/api/claims/{id}/return', { params: { path: { id: claim.id } }, body: { note, version: claim.version } }))}
    />
  );
}

function RetractForm({ claim, reload, announce }: DecisionProps) {
  return (
    <NoteDecision
      title="Retract the fact-check"
      intro="Withdraws the published fact-check. The note is public; the published revisions stay readable, marked retracted. This is final."
      label="Public retraction note"
      button="Retract"
      done="Retracted."
      danger
      reload={reload}
      announce={announce}
      send={(note) => call(api.POST('/api/claims/{id}/retract', { params: { path: { id: claim.id } }, body: { note, version: claim.version } }))}
    />
  );
}

function CorrectionForm({ claim, scale, reload, announce }: DecisionProps) {
  const current = claim.finalVerdict ?? claim.publishedVerdicts[0];
  const [level, setLevel] = useState('');
  const [rationale, setRationale] = useState('');
  const [note, setNote] = useState('');
  const save = useSave(['levelKey', 'rationale', 'note']);
  const errors = save.state.errors?.fields ?? {};
  const keep = { value: '', label: `Keep ${current ? current.level.label : 'the current level'}` };
  return (
    <details class="decision decision--more">
      <summary>Open a correction</summary>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save.run(async () => {
            announce('');
            await call(
              api.POST('/api/claims/{id}/corrections', {
                params: { path: { id: claim.id } },
                body: { levelKey: level || undefined, rationale: rationale.trim() ? rationale : undefined, note, version: claim.version },
              }),
            );
            announce('Correction opened: publish it to make it current.');
            await reload();
          }, '');
        }}
      >
        <p class="small">A new level, a new rationale, or both, with a public correction note. Publish it afterwards to make it current.</p>
        <RadioGroup legend="New level" name={`correct-level-${claim.id}`} value={level} onValue={setLevel} choices={[keep, ...levelChoices(scale)]} error={errors.levelKey} />
        <TextAreaField label="New public rationale (empty keeps the current one)" rows={3} value={rationale} onValue={setRationale} error={errors.rationale} />
        <TextAreaField label="Public correction note" rows={3} value={note} onValue={setNote} error={errors.note} required />
        <div class="actions">
          <button type="submit" class="button" disabled={save.state.busy}>
            Open the correction
          </button>
        </div>
        <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
      </form>
    </details>
  );
}
