/** The consensus of the submitted verdicts, with the vote distribution and agreement, when the blind rule allows. */
import { LevelTag } from '../components/ui';
import { describeConsensus, myAssignment, percent } from '../lib/review';
import { isEditor } from '../lib/status';
import type { SectionProps } from './sections';

export function ConsensusSection({ claim, user }: SectionProps) {
  const consensus = claim.review.consensus;
  if (!consensus) {
    const mine = myAssignment(claim, user.id);
    return (
      <p class="notice small">
        {mine && !isEditor(user.role)
          ? 'Hidden until you submit your verdict (blind review).'
          : "Shown to the claim's assignees once they have submitted, and to editors."}
      </p>
    );
  }
  const total = consensus.distribution.reduce((n, d) => n + d.count, 0) || 1;
  return (
    <div class="consensus">
      <p>
        {consensus.level ? (
          <>
            <span class="muted">Consensus:</span> <LevelTag level={consensus.level} />{' '}
          </>
        ) : null}
        {describeConsensus(consensus)}
      </p>
      {consensus.distribution.length > 0 && (
        <table class="distribution">
          <caption class="sr-only">Submitted verdicts per level</caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Verdicts</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {consensus.distribution.map((d) => (
              <tr key={d.level.key}>
                <th scope="row">
                  <LevelTag level={d.level} />
                </th>
                <td>{d.count}</td>
                <td>
                  <span class="bar" aria-hidden="true">
                    <span class="bar__fill" style={{ width: `${(d.count / total) * 100}%`, backgroundColor: d.level.color }} />
                  </span>{' '}
                  {percent(d.count / total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="small">
        <span class="muted">Agreement:</span> {percent(consensus.agreement)} · {claim.review.submittedVerdicts} of {claim.review.requiredVerdicts} required verdicts submitted
      </p>
    </div>
  );
}
