/**
 * The claim's fact-check: the current final verdict (approved, or published with the sources frozen with it),
 * every published revision with its dates and correction notes, and the retraction note.
 */
import type { Ruling } from '../api/types';
import { LevelTag } from '../components/ui';
import { formatDate, formatDateTime } from '../hooks';
import { SOURCE_TYPE_LABEL, STANCE_LABEL } from '../lib/review';
import type { SectionProps } from './sections';

export function FactCheckSection({ claim }: SectionProps) {
  const final = claim.finalVerdict;
  const revisions = claim.publishedVerdicts;
  const current = final && !revisions.some((r) => r.id === final.id) ? final : undefined;
  return (
    <div class="factcheck">
      {claim.retraction && (
        <div class="alert alert--error retraction">
          <p>
            <strong>Retracted</strong> on {formatDateTime(claim.retraction.at)}. The fact-check was withdrawn:
          </p>
          <p class="public-note">{claim.retraction.note}</p>
        </div>
      )}
      {current && (
        <div class="ruling ruling--pending">
          <p class="ruling__head">
            <LevelTag level={current.level} />{' '}
            <strong>{claim.status === 'correcting' ? `Correction (revision ${current.revision}) approved, not yet published` : 'Approved, not yet published'}</strong>
          </p>
          <RulingBody ruling={current} />
        </div>
      )}
      {revisions.length > 0 && (
        <>
          <h4>{revisions.length === 1 ? 'Published verdict' : `Published verdicts (${revisions.length} revisions, newest first)`}</h4>
          <ol class="revisions">
            {revisions.map((ruling) => (
              <li key={ruling.id} class={`ruling${ruling.state === 'superseded' ? ' ruling--superseded' : ''}`}>
                <p class="ruling__head">
                  <LevelTag level={ruling.level} /> <strong>Revision {ruling.revision}</strong>{' '}
                  <span class="muted small">
                    {ruling.state === 'superseded'
                      ? `published ${formatDate(ruling.publishedAt)}, superseded ${formatDate(ruling.supersededAt)}`
                      : `published ${formatDateTime(ruling.publishedAt)}${claim.retraction ? ', since retracted' : ' · current'}`}
                  </span>
                </p>
                {ruling.correctionNote && (
                  <p class="correction-note">
                    <strong>Correction note:</strong> {ruling.correctionNote}
                  </p>
                )}
                {ruling.state === 'superseded' ? (
                  <details>
                    <summary>Rationale and sources of revision {ruling.revision}</summary>
                    <RulingBody ruling={ruling} />
                  </details>
                ) : (
                  <RulingBody ruling={ruling} />
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function RulingBody({ ruling }: { ruling: Ruling }) {
  return (
    <>
      <p class="rationale">{ruling.rationale}</p>
      {ruling.reason && (
        <p class="small">
          <strong>Why it departs from the consensus (desk only):</strong> {ruling.reason}
        </p>
      )}
      <p class="muted small">
        Approved by {ruling.approvedBy?.name ?? 'someone'} on {formatDateTime(ruling.approvedAt)}
        {ruling.publishedAt && <>; published by {ruling.publishedBy?.name ?? 'someone'} on {formatDateTime(ruling.publishedAt)}</>}
        {ruling.consensus?.levelKey && <>; consensus then: {ruling.consensus.levelKey.replace(/_/g, ' ')}</>}.
      </p>
      {ruling.sources && ruling.sources.length > 0 && (
        <>
          <p class="small">
            <strong>Sources as published</strong>
          </p>
          <ul class="snapshot-sources small">
            {ruling.sources.map((s) => (
              <li key={s.sourceId}>
                <a href={s.url} target="_blank" rel="noreferrer noopener">
                  {s.title}
                  <span class="sr-only"> (opens in a new tab)</span>
                </a>
                {s.publisher ? `, ${s.publisher}` : ''} · {SOURCE_TYPE_LABEL[s.sourceType as keyof typeof SOURCE_TYPE_LABEL] ?? s.sourceType} ·{' '}
                <span class={`stance stance--${s.stance}`}>{STANCE_LABEL[s.stance as keyof typeof STANCE_LABEL] ?? s.stance}</span>
                {s.excerpt && <q class="excerpt">{s.excerpt}</q>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
