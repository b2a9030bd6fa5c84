/**
 * Editors' triage of one claim: check-worthiness, claimant and date, narrowing, splitting, merging. Every
 * change sends the version the panel read. When someone else changed the claim meanwhile (409/412), the
 * panel says who changed what and offers to reload the claim; what the editor typed stays in the form.
 */
import { useRef, useState } from 'preact/hooks';
import { api, call } from '../api/client';
import { Outcome, useSave } from '../components/outcome';
import { Field } from '../components/ui';
import { sliceCodePoints, toCodePointOffset, trimSpan } from '../lib/text';
import type { SectionProps } from './sections';

export function TriageSection(props: SectionProps) {
  // Open at first for a narrowed claim; afterwards only the editor opens or closes it.
  const [spanTools, setSpanTools] = useState(props.claim.narrowed);
  return (
    <div class="triage">
      <WorthyControl {...props} />
      <ClaimantForm {...props} />
      <details class="triage__more" open={spanTools} onToggle={(e) => setSpanTools((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>Change what the claim covers: narrow, split, merge</summary>
        <NarrowForm {...props} />
        <SplitForm {...props} />
        <MergeControl {...props} />
      </details>
    </div>
  );
}

function WorthyControl({ claim, reload }: SectionProps) {
  const save = useSave([]);
  const toggle = () =>
    save.run(async () => {
      await call(api.PATCH('/api/claims/{id}', { params: { path: { id: claim.id } }, body: { checkWorthy: !claim.checkWorthy, version: claim.version } }));
      await reload();
    }, claim.checkWorthy ? 'Marked not check-worthy.' : 'Marked check-worthy.');
  return (
    <div class="triage__part">
      <h4>Check-worthy</h4>
      <p>
        {claim.checkWorthy ? 'Yes: this claim is on the desk’s list to check.' : 'No: the desk will not check this claim.'}
      </p>
      <button type="button" class="button" onClick={toggle} disabled={save.state.busy}>
        {claim.checkWorthy ? 'Mark not check-worthy' : 'Mark check-worthy'}
      </button>
      <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
    </div>
  );
}

const CLAIMANT_FIELDS = ['claimant.name', 'claimant.role', 'claimant', 'claimDate'];

function ClaimantForm({ claim, reload }: SectionProps) {
  const [name, setName] = useState(claim.claimantIsDefault ? '' : (claim.claimant?.name ?? ''));
  const [role, setRole] = useState(claim.claimantIsDefault ? '' : (claim.claimant?.role ?? ''));
  const [date, setDate] = useState(claim.claimantIsDefault ? '' : (claim.claimDate ?? ''));
  const save = useSave(CLAIMANT_FIELDS);
  const errors = save.state.errors?.fields ?? {};

  const submit = (event: Event) => {
    event.preventDefault();
    void save.run(async () => {
      await call(
        api.PATCH('/api/claims/{id}', {
          params: { path: { id: claim.id } },
          body: {
            claimant: name.trim() ? { name: name.trim(), role: role.trim() || null } : null,
            claimDate: date || null,
            version: claim.version,
          },
        }),
      );
      await reload();
    }, 'Claimant and date saved.');
  };
  const useDefault = () =>
    save.run(async () => {
      await call(api.PATCH('/api/claims/{id}', { params: { path: { id: claim.id } }, body: { claimant: null, claimDate: null, version: claim.version } }));
      setName('');
      setRole('');
      setDate('');
      await reload();
    }, "Back to the article's author and date.");

  return (
    <form class="triage__part" onSubmit={submit} noValidate aria-labelledby="claimant-heading">
      <h4 id="claimant-heading">Claimant and date</h4>
      <p class="muted small">Who made the claim and when. Left empty, they are the article's author and publication date.</p>
      <Field label="Claimant" value={name} onValue={setName} error={errors['claimant.name'] ?? errors.claimant} autoComplete="off" />
      <Field label="Claimant's role" value={role} onValue={setRole} error={errors['claimant.role']} placeholder="e.g. Mayor" autoComplete="off" />
      <Field label="Claim date" type="date" value={date} onValue={setDate} error={errors.claimDate} />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={save.state.busy}>
          Save claimant
        </button>
        {!claim.claimantIsDefault && (
          <button type="button" class="button button--quiet" onClick={useDefault} disabled={save.state.busy}>
            Use the article's author and date
          </button>
        )}
      </div>
      <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
    </form>
  );
}

function NarrowForm({ claim, article, reload }: SectionProps) {
  const sentence = sliceCodePoints(article.body, claim.sentenceStart, claim.sentenceEnd);
  const [start, setStart] = useState(String(claim.start));
  const [end, setEnd] = useState(String(claim.end));
  const [note, setNote] = useState<string | undefined>();
  const box = useRef<HTMLTextAreaElement>(null);
  const save = useSave(['start', 'end']);
  const errors = save.state.errors?.fields ?? {};
  const s = Number(start);
  const e = Number(end);
  const preview = Number.isInteger(s) && Number.isInteger(e) && e > s ? sliceCodePoints(article.body, s, e) : '';

  const useSelection = () => {
    const area = box.current;
    if (!area || area.selectionStart === area.selectionEnd) {
      setNote('Select part of the sentence first (with the mouse, or Shift and the arrow keys).');
      return;
    }
    const from = claim.sentenceStart + toCodePointOffset(sentence, area.selectionStart);
    const to = claim.sentenceStart + toCodePointOffset(sentence, area.selectionEnd);
    const span = trimSpan(article.body, from, to);
    if (!span) {
      setNote('The selection is only spaces.');
      return;
    }
    setStart(String(span.start));
    setEnd(String(span.end));
    setNote(undefined);
  };

  const narrow = (from: number, to: number, done: string) =>
    save.run(async () => {
      await call(api.PATCH('/api/claims/{id}', { params: { path: { id: claim.id } }, body: { start: from, end: to, version: claim.version } }));
      await reload();
    }, done);

  return (
    <form
      class="triage__part"
      noValidate
      aria-labelledby="narrow-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void narrow(s, e, 'Claim narrowed.');
      }}
    >
      <h4 id="narrow-heading">Narrow to the checkable part</h4>
      <label for="narrow-sentence" class="small">
        The whole sentence (select the part to keep)
      </label>
      <textarea id="narrow-sentence" ref={box} class="sentence-box" readOnly rows={3} value={sentence} />
      <div class="actions">
        <button type="button" class="button button--small" onClick={useSelection}>
          Use the selected text
        </button>
      </div>
      {note && <p class="field__error">{note}</p>}
      <div class="grid-2">
        <Field label="Start" type="number" inputMode="numeric" value={start} onValue={setStart} error={errors.start} />
        <Field label="End" type="number" inputMode="numeric" value={end} onValue={setEnd} error={errors.end} />
      </div>
      <p class="small">
        <span class="muted">The claim will read:</span> {preview ? <q>{preview}</q> : <span class="muted">(nothing)</span>}
      </p>
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={save.state.busy}>
          Narrow the claim
        </button>
        {claim.narrowed && (
          <button
            type="button"
            class="button button--quiet"
            disabled={save.state.busy}
            onClick={() => {
              setStart(String(claim.sentenceStart));
              setEnd(String(claim.sentenceEnd));
              void narrow(claim.sentenceStart, claim.sentenceEnd, 'Back to the whole sentence.');
            }}
          >
            Undo narrowing
          </button>
        )}
      </div>
      <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
    </form>
  );
}

function SplitForm({ claim, reload, onStructureChanged }: SectionProps) {
  const [offset, setOffset] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const save = useSave(['offset']);
  const errors = save.state.errors?.fields ?? {};
  const at = Number(offset);
  const valid = offset !== '' && Number.isInteger(at) && at > claim.start && at < claim.end;
  const first = valid ? sliceCodePoints(claim.text, 0, at - claim.start).trim() : '';
  const second = valid ? sliceCodePoints(claim.text, at - claim.start, claim.end - claim.start).trim() : '';

  const useCursor = () => {
    const area = box.current;
    if (!area) return;
    setOffset(String(claim.start + toCodePointOffset(claim.text, area.selectionStart)));
  };

  return (
    <form
      class="triage__part"
      noValidate
      aria-labelledby="split-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run(async () => {
          await call(api.POST('/api/claims/{id}/split', { params: { path: { id: claim.id } }, body: { offset: at, version: claim.version } }));
          onStructureChanged();
          await reload();
        }, 'Split in two: this claim keeps the first part.');
      }}
    >
      <h4 id="split-heading">Split in two</h4>
      <label for="split-text" class="small">
        The claim (put the cursor where the second claim begins)
      </label>
      <textarea id="split-text" ref={box} class="sentence-box" readOnly rows={3} value={claim.text} onSelect={useCursor} onClick={useCursor} onKeyUp={useCursor} />
      <Field
        label="Split at character"
        type="number"
        inputMode="numeric"
        value={offset}
        onValue={setOffset}
        error={errors.offset}
        hint={`Between ${claim.start + 1} and ${claim.end - 1}`}
      />
      {valid && (
        <ol class="small split-preview">
          <li>{first}</li>
          <li>{second}</li>
        </ol>
      )}
      <div class="actions">
        <button type="submit" class="button" disabled={save.state.busy || offset === ''}>
          Split the claim
        </button>
      </div>
      <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
    </form>
  );
}

function MergeControl({ claim, loadedClaims, reload, onStructureChanged }: SectionProps) {
  const save = useSave([]);
  const next = loadedClaims.find((c) => c.position === claim.position + 1);
  const noNext = next !== undefined && next.paragraph !== claim.paragraph;
  return (
    <div class="triage__part">
      <h4>Merge with the next claim</h4>
      {next && !noNext && (
        <p class="small">
          <span class="muted">Next claim:</span> <q>{next.text}</q>
        </p>
      )}
      {noNext ? (
        <p class="muted small">This is the last claim of its paragraph; claims never span two paragraphs.</p>
      ) : (
        <button
          type="button"
          class="button"
          disabled={save.state.busy}
          onClick={() =>
            save.run(async () => {
              await call(api.POST('/api/claims/{id}/merge-next', { params: { path: { id: claim.id } }, body: { version: claim.version } }));
              onStructureChanged();
              await reload();
            }, 'Merged with the next claim.')
          }
        >
          Merge with the next claim
        </button>
      )}
      <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
    </div>
  );
}
