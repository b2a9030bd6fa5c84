/**
 * Verdicts on the claim. An assignee writes their own (level from the article's scale, rationale, the sources it
 * rests on; save a draft or submit, after which it shows frozen). The list shows what the API lets this user see:
 * under the blind rule an assignee who has not submitted sees only their own, and is told so. Editors see every
 * verdict, drafts included, and reopen a submitted one.
 */
import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { ClaimSource, Page, Verdict } from '../api/types';
import { Outcome, useSave } from '../components/outcome';
import { Alert, CheckboxGroup, LevelTag, RadioGroup, Spinner, TextAreaField } from '../components/ui';
import { formatDateTime, useLoad } from '../hooks';
import { messageOf } from '../lib/errors';
import { blindNotice, canWriteVerdict, myAssignment, STANCE_LABEL } from '../lib/review';
import { isEditor } from '../lib/status';
import { isUnderReview } from '../lib/workflow';
import type { SectionProps } from './sections';

export function VerdictsSection(props: SectionProps) {
  const { claim, user } = props;
  const list = useLoad(
    () => call(api.GET('/api/claims/{id}/verdicts', { params: { path: { id: claim.id }, query: { limit: 200 } } })) as Promise<Page<Verdict>>,
    [claim.id, claim.version, claim.review.submittedVerdicts],
  );
  const reloadList = async () => {
    const page = (await call(api.GET('/api/claims/{id}/verdicts', { params: { path: { id: claim.id }, query: { limit: 200 } } }))) as Page<Verdict>;
    list.setData(page);
    return page;
  };
  const [done, setDone] = useState<string | undefined>();
  if (list.error && !list.data) return <Alert messages={[messageOf(list.error)]} />;
  if (!list.data) return <Spinner label="Loading the verdicts…" />;

  const mine = list.data.items.find((v) => v.mine);
  const others = list.data.items.filter((v) => !v.mine);
  const writes = canWriteVerdict(claim, user.id);
  // The list may be fresher than the claim (just submitted): a submitted verdict of mine lifts the blind rule.
  const notice = mine?.status === 'submitted' ? undefined : blindNotice(claim, user);
  return (
    <div class="verdicts">
      {done && (
        <p class="outcome outcome--ok" role="status">
          {done}
        </p>
      )}
      {notice && <p class="notice small">{notice}</p>}
      {writes && mine?.status !== 'submitted' && <MyVerdictForm key={claim.id} {...props} mine={mine} reloadList={reloadList} />}
      {mine && (mine.status === 'submitted' || !writes) && <VerdictCard verdict={mine} sources={props.sources.items} title="Your verdict" />}
      {myAssignment(claim, user.id) && !writes && !mine && <p class="muted small">Verdicts are written while the claim is in review.</p>}
      {others.length > 0 && (
        <>
          <h4>{isEditor(user.role) ? 'All verdicts' : 'Other verdicts'}</h4>
          <ul class="verdict-list">
            {others.map((v) => (
              <li key={v.id}>
                <VerdictCard verdict={v} sources={props.sources.items} title={v.reviewer.name} />
                {isEditor(user.role) && v.status === 'submitted' && isUnderReview(claim.status) && <ReopenButton {...props} verdict={v} reloadList={reloadList} announce={setDone} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {isEditor(user.role) && mine?.status === 'submitted' && isUnderReview(claim.status) && <ReopenButton {...props} verdict={mine} reloadList={reloadList} announce={setDone} />}
      {others.length === 0 && !notice && !mine && <p class="muted">No verdict yet.</p>}
    </div>
  );
}

function VerdictCard({ verdict: v, sources, title }: { verdict: Verdict; sources: readonly ClaimSource[]; title: string }) {
  const cited = sources.filter((s) => v.sourceIds.includes(s.sourceId));
  return (
    <div class={`verdict verdict--${v.status}`}>
      <p class="verdict__head">
        <strong>{title}</strong> {v.level ? <LevelTag level={v.level} /> : <span class="tag tag--plain">No level yet</span>}{' '}
        <span class={`tag tag--progress-${v.status === 'submitted' ? 'submitted' : 'draft'}`}>{v.status === 'submitted' ? 'Submitted' : 'Draft'}</span>
      </p>
      {v.rationale ? <p class="rationale">{v.rationale}</p> : <p class="muted small">No rationale yet.</p>}
      {cited.length > 0 && (
        <p class="small">
          <span class="muted">Rests on:</span> {cited.map((s) => `${s.title} (${STANCE_LABEL[s.stance].toLowerCase()})`).join('; ')}
        </p>
      )}
      <p class="muted small">
        {v.status === 'submitted' ? `Submitted ${formatDateTime(v.submittedAt)}; frozen unless an editor reopens it.` : `Last saved ${formatDateTime(v.updatedAt)}.`}
      </p>
    </div>
  );
}

function ReopenButton({
  claim,
  verdict,
  reload,
  reloadList,
  announce,
}: SectionProps & { verdict: Verdict; reloadList: () => Promise<unknown>; announce: (message: string) => void }) {
  const save = useSave([]);
  return (
    <div class="actions">
      <button
        type="button"
        class="button button--small"
        disabled={save.state.busy}
        onClick={() =>
          save.run(async () => {
            announce('');
            await call(api.POST('/api/claims/{id}/verdicts/{verdictId}/reopen', { params: { path: { id: claim.id, verdictId: verdict.id } } }));
            // The button goes once the verdict is a draft: the section says what happened.
            announce(`${verdict.reviewer.name}'s verdict is a draft again.`);
            await Promise.all([reload(), reloadList()]);
          }, '')
        }
      >
        Reopen<span class="sr-only"> {verdict.reviewer.name}'s verdict</span>
      </button>
      <Outcome state={save.state} reload={reload} onReloaded={save.clear} />
    </div>
  );
}

const FIELDS = ['levelKey', 'rationale', 'sourceIds'];

function MyVerdictForm({
  claim,
  scale,
  sources,
  reload,
  mine,
  reloadList,
}: SectionProps & { mine: Verdict | undefined; reloadList: () => Promise<Page<Verdict>> }) {
  const [level, setLevel] = useState(mine?.level?.key ?? '');
  const [rationale, setRationale] = useState(mine?.rationale ?? '');
  const [sourceIds, setSourceIds] = useState<string[]>(mine?.sourceIds ?? []);
  const [version, setVersion] = useState<number | undefined>(mine?.version);
  const save = useSave(FIELDS);
  const errors = save.state.errors?.fields ?? {};
  const levels = (scale?.levels ?? []).filter((l) => !l.archived);

  const put = (submit: boolean) =>
    save.run(async () => {
      const saved = await call(
        api.PUT('/api/claims/{id}/verdicts/mine', {
          params: { path: { id: claim.id } },
          body: { levelKey: level || null, rationale, sourceIds, submit, version },
        }),
      );
      setVersion(saved.version);
      await Promise.all([reloadList(), reload()]);
    }, submit ? 'Submitted. Your verdict is frozen now.' : 'Draft saved.');

  return (
    <form
      class="my-verdict"
      noValidate
      aria-labelledby="my-verdict-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void put(false);
      }}
    >
      <h4 id="my-verdict-heading">Your verdict {mine ? <span class="tag tag--progress-draft">Draft</span> : null}</h4>
      <RadioGroup
        legend="Rating"
        name={`my-level-${claim.id}`}
        value={level}
        onValue={setLevel}
        choices={levels.map((l) => ({ value: l.key, label: l.label, color: l.color, description: l.description }))}
        error={errors.levelKey}
        hint={scale ? `From the article's scale: ${scale.name}.` : undefined}
      />
      <TextAreaField label="Rationale" rows={4} value={rationale} onValue={setRationale} error={errors.rationale} hint="What the evidence shows, in your words." />
      <CheckboxGroup
        legend="Sources it rests on"
        values={sourceIds}
        onValues={setSourceIds}
        choices={sources.items.map((s) => ({ value: s.sourceId, label: s.title, detail: `(${STANCE_LABEL[s.stance].toLowerCase()})` }))}
        error={errors.sourceIds}
        empty="No source is attached to this claim yet: add one under Sources."
      />
      <p class="muted small">Submitting freezes your verdict; an editor can reopen it. Until you submit, other verdicts stay hidden from you.</p>
      <div class="actions">
        <button type="submit" class="button" disabled={save.state.busy}>
          Save draft
        </button>
        <button type="button" class="button button--primary" disabled={save.state.busy} onClick={() => void put(true)}>
          Submit verdict
        </button>
      </div>
      <Outcome
        state={save.state}
        what="verdict"
        reload={async () => {
          const page = await reloadList();
          const fresh = page.items.find((v) => v.mine);
          setVersion(fresh?.version);
          return fresh ? { version: fresh.version } : undefined;
        }}
        onReloaded={save.clear}
      />
    </form>
  );
}
