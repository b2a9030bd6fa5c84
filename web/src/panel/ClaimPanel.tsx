/**
 * The claim panel beside the article text: one claim's details as a stack of sections (panel/sections.tsx).
 * It reads the claim (with its review state), its sources and the article's rating scale, and hands every section
 * the version it read. A list of links at the top jumps to each section.
 */
import { useCallback } from 'preact/hooks';
import { api, call } from '../api/client';
import type { Article, Claim, ClaimDetail, ClaimSource, Page, Role } from '../api/types';
import { Alert, Spinner } from '../components/ui';
import { loadScales, scaleOf } from '../api/scales';
import { useLoad } from '../hooks';
import { messageOf } from '../lib/errors';
import { useSession } from '../session';
import { PANEL_SECTIONS, type PanelSources, type SectionProps } from './sections';

export interface PanelProps {
  claimId: string;
  article: Article;
  role: Role;
  /** Claims the page has loaded (to name the next claim before a merge). */
  loadedClaims: readonly Claim[];
  onUpdated: (claim: Claim | ClaimDetail) => void;
  onStructureChanged: () => void;
  onClose: () => void;
}

export function ClaimPanel({ claimId, article, role, loadedClaims, onUpdated, onStructureChanged, onClose }: PanelProps) {
  const { session } = useSession();
  const detail = useLoad(() => call(api.GET('/api/claims/{id}', { params: { path: { id: claimId } } })) as Promise<ClaimDetail>, [claimId]);
  const sourceList = useLoad(
    () => call(api.GET('/api/claims/{id}/sources', { params: { path: { id: claimId }, query: { limit: 200 } } })) as Promise<Page<ClaimSource>>,
    [claimId],
  );
  const scales = useLoad(() => loadScales(), []);

  /** Reads the claim again (after a change, or to resolve a conflict); returns the fresh claim. */
  const reload = useCallback(async () => {
    const fresh = await call(api.GET('/api/claims/{id}', { params: { path: { id: claimId } } }));
    detail.setData(fresh);
    onUpdated(fresh);
    return fresh;
  }, [claimId, onUpdated]);

  if (detail.error && !detail.data) {
    return (
      <div class="claim-panel">
        <Alert messages={[messageOf(detail.error)]} />
        <button type="button" class="button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
  if (!detail.data || !session) return <Spinner label="Loading the claim…" />;
  const claim = detail.data;
  const sources: PanelSources = { items: sourceList.data?.items ?? [], loaded: Boolean(sourceList.data), error: sourceList.error, reload: sourceList.reload };
  const scale = scales.data ? scaleOf(scales.data, claim.ratingScale?.id ?? article.ratingScaleId) : undefined;
  const context: SectionProps = { claim, article, role, user: session.user, scale, sources, loadedClaims, reload, onUpdated, onStructureChanged };
  const shown = PANEL_SECTIONS.filter((s) => !s.visible || s.visible(context));

  return (
    <div class="claim-panel">
      <div class="claim-panel__head">
        <h2 id="panel-title" class="col-heading">
          Claim {claim.position} <span class="muted">of {article.claimCount}</span>
        </h2>
        <button type="button" class="button button--quiet button--small" onClick={onClose}>
          Close<span class="sr-only"> the claim panel</span>
        </button>
      </div>
      <nav class="panel-toc" aria-label="Sections of the claim panel">
        <ul>
          {shown.map((section) => (
            <li key={section.id}>
              <button
                type="button"
                class="button button--link"
                onClick={() => {
                  const heading = document.getElementById(`section-${section.id}`);
                  heading?.scrollIntoView({ block: 'start' });
                  heading?.focus({ preventScroll: true });
                }}
              >
                {section.title}
                {section.id === 'sources' && claim.sourceCount ? ` (${claim.sourceCount})` : ''}
                {section.id === 'notes' && claim.noteCount ? ` (${claim.noteCount})` : ''}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {shown.map((section) => (
        <section key={section.id} class="panel-section" aria-labelledby={`section-${section.id}`}>
          <h3 id={`section-${section.id}`} tabIndex={-1}>
            {section.title}
          </h3>
          <section.Component {...context} />
        </section>
      ))}
    </div>
  );
}
