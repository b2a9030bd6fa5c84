/**
 * The claim panel beside the article text: one claim's details as a stack of sections (panel/sections.tsx).
 * It reads the claim (with the features behind its hint) and hands every section the version it read.
 */
import { useCallback } from 'preact/hooks';
import { api, call } from '../api/client';
import type { Article, Claim, ClaimDetail, Role } from '../api/types';
import { Alert, Spinner } from '../components/ui';
import { useLoad } from '../hooks';
import { messageOf } from '../lib/errors';
import { PANEL_SECTIONS } from './sections';

export interface PanelProps {
  claimId: string;
  article: Article;
  role: Role;
  /** Claims the page has loaded (to name the next claim before a merge). */
  loadedClaims: readonly Claim[];
  onUpdated: (claim: Claim) => void;
  onStructureChanged: () => void;
  onClose: () => void;
}

export function ClaimPanel({ claimId, article, role, loadedClaims, onUpdated, onStructureChanged, onClose }: PanelProps) {
  const detail = useLoad(() => call(api.GET('/api/claims/{id}', { params: { path: { id: claimId } } })) as Promise<ClaimDetail>, [claimId]);

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
  if (!detail.data) return <Spinner label="Loading the claim…" />;
  const claim = detail.data;
  const context = { claim, article, role, loadedClaims, reload, onUpdated, onStructureChanged };

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
      {PANEL_SECTIONS.filter((s) => !s.visible || s.visible(context)).map((section) => (
        <section key={section.id} class="panel-section" aria-labelledby={`section-${section.id}`}>
          <h3 id={`section-${section.id}`}>{section.title}</h3>
          <section.Component {...context} />
        </section>
      ))}
    </div>
  );
}
