import { StatusTag, WorthyTag } from '../components/ui';
import { formatDate, formatDateTime } from '../hooks';
import { STATUS_INFO } from '../lib/status';
import type { SectionProps } from './sections';

export function OverviewSection({ claim }: SectionProps) {
  const claimant = claim.claimant;
  return (
    <>
      <p class="tags">
        <StatusTag status={claim.status} /> <WorthyTag checkWorthy={claim.checkWorthy} />
        {claim.narrowed && <span class="tag tag--plain">Narrowed</span>}
      </p>
      <blockquote class="claim-quote">{claim.text}</blockquote>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          {STATUS_INFO[claim.status].label}: {STATUS_INFO[claim.status].meaning.toLowerCase()} (since {formatDateTime(claim.statusChangedAt)})
        </dd>
        <dt>Claimant</dt>
        <dd>
          {claimant ? (
            <>
              {claimant.name}
              {claimant.role ? `, ${claimant.role}` : ''}
            </>
          ) : (
            <span class="muted">Not known</span>
          )}
          {claim.claimantIsDefault && <span class="muted"> (the article's author)</span>}
        </dd>
        <dt>Date</dt>
        <dd>
          {claim.claimDate ? formatDate(claim.claimDate) : <span class="muted">Not known</span>}
          {claim.claimantIsDefault && claim.claimDate && <span class="muted"> (the article's date)</span>}
        </dd>
        <dt>Where</dt>
        <dd>
          Paragraph {claim.paragraph}, characters {claim.start}–{claim.end}
        </dd>
      </dl>
    </>
  );
}
