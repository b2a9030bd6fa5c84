import type { HTMLAttributes } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { Article, Claim, ClaimDetail, ClaimStatus, LevelSummary, Page, RatingScale } from '../api/types';
import { ExportControl, ScaleControl } from '../article/ArticleTools';
import { Alert, LevelTag, Progress, SelectField, Spinner, StatusTag } from '../components/ui';
import { loadScales, scaleOf } from '../api/scales';
import { formatDate, useLoad, useTitle } from '../hooks';
import { levelColours } from '../lib/colors';
import { messageOf } from '../lib/errors';
import { step } from '../lib/routing';
import { segmentText } from '../lib/segments';
import { CLAIM_STATUSES, describeHint, STATUS_INFO } from '../lib/status';
import { isChecked, progressAfter, shownVerdict } from '../lib/workflow';
import { ClaimPanel } from '../panel/ClaimPanel';
import { Link, setQuery } from '../router';
import type { PageProps } from '../routes';
import { useSession } from '../session';

const CLAIM_PAGE = 200;

interface Filters {
  status: ClaimStatus[];
  worthy: '' | 'true' | 'false';
  sort: 'position' | 'worthiness';
}

function readFilters(query: URLSearchParams): Filters {
  const status = (query.get('status') ?? '').split(',').filter((s): s is ClaimStatus => (CLAIM_STATUSES as string[]).includes(s));
  const worthy = query.get('worthy');
  return {
    status,
    worthy: worthy === 'true' || worthy === 'false' ? worthy : '',
    sort: query.get('sort') === 'worthiness' ? 'worthiness' : 'position',
  };
}

const isUnfiltered = (f: Filters) => f.status.length === 0 && f.worthy === '' && f.sort === 'position';

export function ArticlePage({ params, query }: PageProps) {
  const id = params.id;
  const { session } = useSession();
  const role = session!.user.role;
  const filters = readFilters(query);
  const filterKey = `${filters.status.join(',')}|${filters.worthy}|${filters.sort}`;
  const selectedId = query.get('claim') ?? undefined;
  const [showLabels, setShowLabels] = useState(query.get('labels') !== 'off');
  const [version, setVersion] = useState(0);

  const article = useLoad(() => call(api.GET('/api/articles/{id}', { params: { path: { id } } })) as Promise<Article>, [id, version]);
  useTitle(article.data?.title ?? 'Article');
  const scales = useLoad(() => loadScales(), []);
  const scale = scales.data && article.data ? scaleOf(scales.data, article.data.ratingScaleId) : undefined;

  // Final verdicts' levels, to highlight checked claims by verdict: each claim of the list carries its own
  // (published ones for everyone, approved ones for editors), kept up to date from the claim panel.
  const [levelUpdates, setLevelUpdates] = useState<Record<string, LevelSummary | null>>({});

  const claims = useLoad<Page<Claim>>(
    () =>
      call(
        api.GET('/api/articles/{id}/claims', {
          params: {
            path: { id },
            query: {
              limit: CLAIM_PAGE,
              sort: filters.sort,
              status: filters.status.length ? filters.status.join(',') : undefined,
              checkWorthy: filters.worthy || undefined,
            },
          },
        }),
      ) as Promise<Page<Claim>>,
    [id, filterKey, version],
  );

  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const loadMore = async () => {
    const cursor = claims.data?.nextCursor;
    if (!cursor) return;
    setMore({ busy: true });
    try {
      const next = await call(
        api.GET('/api/articles/{id}/claims', {
          params: {
            path: { id },
            query: {
              limit: CLAIM_PAGE,
              cursor,
              sort: filters.sort,
              status: filters.status.length ? filters.status.join(',') : undefined,
              checkWorthy: filters.worthy || undefined,
            },
          },
        }),
      );
      claims.setData((previous) => ({ items: [...(previous?.items ?? []), ...next.items], nextCursor: next.nextCursor }));
      setMore({ busy: false });
    } catch (error) {
      setMore({ busy: false, error: messageOf(error) });
    }
  };

  const items = claims.data?.items ?? [];
  const listedLevels = useMemo(() => {
    const map = new Map<string, LevelSummary>();
    for (const c of items) if (c.verdict) map.set(c.id, { key: c.verdict.key, label: c.verdict.label, value: c.verdict.value, color: c.verdict.color });
    return map;
  }, [items]);
  const levelOf = (claimId: string): LevelSummary | undefined => {
    const updated = levelUpdates[claimId];
    return updated === null ? undefined : (updated ?? listedLevels.get(claimId));
  };
  const byPosition = useMemo(() => [...items].sort((a, b) => a.position - b.position), [items]);
  const segments = useMemo(() => (article.data ? segmentText(article.data.body, byPosition) : []), [article.data?.body, byPosition]);

  const open = (claimId: string) => setQuery({ claim: claimId });

  /**
   * A change to one claim (triage, or a workflow step in the panel): show it in place (status, verdict colour)
   * and keep the progress right without reloading.
   */
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const onClaimUpdated = useCallback((claim: Claim | ClaimDetail) => {
    const before = itemsRef.current.find((c) => c.id === claim.id);
    const { id: claimId, status, checkWorthy } = claim;
    claims.setData(
      (page) =>
        page && {
          ...page,
          items: page.items.map((c) => (c.id === claimId ? { ...c, ...pickClaim(claim) } : c)),
        },
    );
    if ('finalVerdict' in claim) {
      const level = shownVerdict(claim);
      setLevelUpdates((map) => ({ ...map, [claimId]: level ?? null }));
    }
    if (before && (before.checkWorthy !== checkWorthy || before.status !== status)) {
      article.setData((a) => {
        if (!a) return a;
        let progress = progressAfter(a.progress, before.status, status);
        if (before.checkWorthy !== checkWorthy) progress = { ...progress, checkWorthy: progress.checkWorthy + (checkWorthy ? 1 : -1) };
        return { ...a, progress };
      });
    }
  }, []);
  /** Merge and split move positions: read the article and its claims again, keeping the selected claim. */
  const onStructureChanged = () => setVersion((v) => v + 1);

  // --- Keyboard: j/k or arrows move between claims (in the text, or in the list when focus is there); Enter opens.
  const textRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const activeId = focusId ?? selectedId ?? byPosition[0]?.id;

  const move = (delta: 1 | -1) => {
    const inList = listRef.current?.contains(document.activeElement) ?? false;
    const container = inList ? listRef.current : textRef.current;
    const order = inList ? items : byPosition;
    if (!container || order.length === 0) return;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.claimId;
    // From outside the claims, the first key press goes to the current claim; then it steps.
    const current = order.findIndex((c) => c.id === (focused ?? activeId));
    const next = focused ? order[step(current, order.length, delta)] : (order[current] ?? order[0]);
    if (!next) return;
    setFocusId(next.id);
    container.querySelector<HTMLElement>(`[data-claim-id="${next.id}"]`)?.focus();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable], dialog[open]') || document.querySelector('dialog[open]')) return;
      const onClaim = Boolean(target.dataset?.claimId);
      if (event.key === 'j' || (onClaim && (event.key === 'ArrowDown' || event.key === 'ArrowRight'))) {
        event.preventDefault();
        move(1);
      } else if (event.key === 'k' || (onClaim && (event.key === 'ArrowUp' || event.key === 'ArrowLeft'))) {
        event.preventDefault();
        move(-1);
      } else if (onClaim && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        open(target.dataset.claimId!);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (article.error && !article.data) {
    return (
      <section class="page">
        <h1>Article</h1>
        <Alert messages={[messageOf(article.error)]} />
        <p>
          <Link href="/">Back to the articles</Link>
        </p>
      </section>
    );
  }
  if (!article.data) return <Spinner label="Loading the article…" />;
  const a = article.data;
  const filtered = !isUnfiltered(filters);

  return (
    <section class="article-page">
      <header class="article-head">
        <p class="crumbs">
          <Link href="/">Articles</Link> <span aria-hidden="true">›</span>
        </p>
        <h1>{a.title}</h1>
        <p class="muted">
          {[a.outlet, a.author, a.publishedAt ? formatDate(a.publishedAt) : null].filter(Boolean).join(' · ') || 'No source details'}
          {a.url && (
            <>
              {' · '}
              <a href={a.url} rel="noreferrer noopener" target="_blank">
                Original article<span class="sr-only"> (opens in a new tab)</span>
              </a>
            </>
          )}
        </p>
        <Progress progress={a.progress} />
        <div class="article-tools">
          <ScaleControl article={a} scales={scales.data} scale={scale} role={role} onChanged={() => article.reload()} />
          <ExportControl article={a} />
        </div>
      </header>

      <div class="toolbar" role="group" aria-label="Which claims to show">
        <SelectField
          label="Status"
          value={filters.status.join(',')}
          onValue={(v) => setQuery({ status: v || undefined })}
          options={[{ value: '', label: 'Any status' }, ...CLAIM_STATUSES.map((s) => ({ value: s, label: STATUS_INFO[s].label }))]}
        />
        <SelectField
          label="Check-worthiness"
          value={filters.worthy}
          onValue={(v) => setQuery({ worthy: v || undefined })}
          options={[
            { value: '', label: 'All claims' },
            { value: 'true', label: 'Check-worthy only' },
            { value: 'false', label: 'Not check-worthy only' },
          ]}
        />
        <SelectField
          label="Order"
          value={filters.sort}
          onValue={(v) => setQuery({ sort: v === 'worthiness' ? v : undefined })}
          options={[
            { value: 'position', label: 'Article order' },
            { value: 'worthiness', label: 'Check-worthiness hint' },
          ]}
        />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={showLabels}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              setShowLabels(on);
              setQuery({ labels: on ? undefined : 'off' });
            }}
          />{' '}
          Status labels in the text
        </label>
      </div>

      <Legend scale={scale} />

      <div class="workspace">
        <aside class="claims-col" aria-labelledby="claims-heading">
          <h2 id="claims-heading" class="col-heading">
            Claims <span class="muted">({filtered ? `${items.length}${claims.data?.nextCursor ? '+' : ''} shown` : a.claimCount})</span>
          </h2>
          {claims.error ? <Alert messages={[messageOf(claims.error)]} /> : null}
          {claims.loading && !claims.data ? <Spinner /> : null}
          {claims.data && items.length === 0 && <p class="empty">No claim matches these filters.</p>}
          <ol class="claim-list" ref={listRef} aria-label={filters.sort === 'worthiness' ? 'Claims by check-worthiness hint' : 'Claims in article order'}>
            {items.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  class={`claim-row${c.id === selectedId ? ' is-selected' : ''}`}
                  data-claim-id={c.id}
                  tabIndex={c.id === activeId ? 0 : -1}
                  aria-pressed={c.id === selectedId}
                  onClick={() => open(c.id)}
                  onFocus={() => setFocusId(c.id)}
                >
                  <span class="claim-row__top">
                    <span class="claim-row__pos">#{c.position}</span> <StatusTag status={c.status} />
                    {levelOf(c.id) && showsVerdict(c.status) && <LevelTag level={levelOf(c.id)!} />}
                    {!c.checkWorthy && <span class="tag tag--skip">Not check-worthy</span>}
                  </span>
                  <span class="claim-row__text">{c.text}</span>
                  <span class="claim-row__hint muted">Hint {describeHint(c.hint)}</span>
                </button>
              </li>
            ))}
          </ol>
          {more.error && <Alert messages={[more.error]} />}
          {claims.data?.nextCursor && (
            <button type="button" class="button load-more" onClick={loadMore} disabled={more.busy}>
              {more.busy ? 'Loading…' : 'Load more claims'}
            </button>
          )}
        </aside>

        <article class="text-col" aria-labelledby="text-heading">
          <h2 id="text-heading" class="col-heading">
            Text
          </h2>
          <p class="muted small" id="keys-help">
            Keys: <kbd>j</kbd>/<kbd>k</kbd> or arrows for the next or previous claim, <kbd>Enter</kbd> opens it.
          </p>
          <div class={`article-text${showLabels ? '' : ' article-text--quiet'}`} ref={textRef} aria-describedby="keys-help">
            {segments.map((segment) => {
              const c = segment.item;
              if (!c) return <span key={`t${segment.start}`}>{segment.text}</span>;
              return (
                <ClaimMark
                  key={c.id}
                  claim={c}
                  level={showsVerdict(c.status) ? levelOf(c.id) : undefined}
                  text={segment.text}
                  selected={c.id === selectedId}
                  tabbable={c.id === activeId}
                  onOpen={() => open(c.id)}
                  onFocus={() => setFocusId(c.id)}
                />
              );
            })}
          </div>
          {claims.data?.nextCursor && (
            <p class="muted small">
              Highlights show the {items.length} claims loaded so far.{' '}
              <button type="button" class="button button--link" onClick={loadMore} disabled={more.busy}>
                Load more claims
              </button>
            </p>
          )}
        </article>

        <aside class="panel-col" aria-label="Claim panel">
          {selectedId ? (
            <ClaimPanel
              key={selectedId}
              claimId={selectedId}
              article={a}
              role={role}
              loadedClaims={items}
              onUpdated={onClaimUpdated}
              onStructureChanged={onStructureChanged}
              onClose={() => setQuery({ claim: undefined })}
            />
          ) : (
            <div class="panel-empty">
              <h2 class="col-heading">Claim</h2>
              <p class="muted">
                Select a claim in the text or the list to see its details, fact-check, assignees, verdicts, sources, notes and history
                {role === 'reviewer' ? '' : ', and to triage and decide on it'}.
              </p>
            </div>
          )}
        </aside>
      </div>
    </section>
  );
}

/** The fields of a claim list item, taken from a claim or a claim detail. */
function pickClaim(claim: Claim | ClaimDetail): Claim {
  const { id, articleId, position, paragraph, text, start, end, sentenceStart, sentenceEnd, narrowed, checkWorthy, hint, status, statusChangedAt, claimant, claimantIsDefault, claimDate, retraction, verdict, version, createdAt, updatedAt } = claim;
  return { id, articleId, position, paragraph, text, start, end, sentenceStart, sentenceEnd, narrowed, checkWorthy, hint, status, statusChangedAt, claimant, claimantIsDefault, claimDate, retraction, verdict, version, createdAt, updatedAt };
}

/** Checked claims show their verdict's colour and label (a retracted one shows its status: it was withdrawn). */
const showsVerdict = (status: ClaimStatus) => isChecked(status) && status !== 'retracted';

function ClaimMark({
  claim,
  level,
  text,
  selected,
  tabbable,
  onOpen,
  onFocus,
}: {
  claim: Claim;
  level: LevelSummary | undefined;
  text: string;
  selected: boolean;
  tabbable: boolean;
  onOpen: () => void;
  onFocus: () => void;
}) {
  const info = STATUS_INFO[claim.status];
  const colours = level ? levelColours(level.color) : undefined;
  const props: HTMLAttributes<HTMLSpanElement> = {
    class: `claim ${colours ? 'claim--verdict' : `claim--${info.tone}`}${claim.checkWorthy ? '' : ' claim--skip'}${selected ? ' is-selected' : ''}`,
    role: 'button',
    tabIndex: tabbable ? 0 : -1,
    'aria-pressed': selected,
    onClick: onOpen,
    onFocus,
  };
  // Custom properties, set through the CSSOM (the app's CSP allows no inline style attributes).
  const style = colours ? ({ '--level': colours.color, '--level-ink': colours.ink, '--level-tint': colours.tint } as Record<string, string>) : undefined;
  return (
    <span {...props} style={style} data-claim-id={claim.id}>
      <span class="claim__tag">
        {claim.position} · {level ? `${level.label} · ${info.label.toLowerCase()}` : info.label}
        {claim.checkWorthy ? '' : ' · not check-worthy'}
      </span>
      <span class="sr-only"> </span>
      {text}
    </span>
  );
}

function Legend({ scale }: { scale: RatingScale | undefined }) {
  const levels = (scale?.levels ?? []).filter((l) => !l.archived);
  return (
    <details class="legend">
      <summary>Legend: what the colours and lines mean</summary>
      {levels.length > 0 && (
        <>
          <p class="legend__heading">Checked claims (approved, published, being corrected) show their verdict: the level's colour and label.</p>
          <ul class="legend__list legend__list--levels">
            {levels.map((l) => {
              const colours = levelColours(l.color);
              return (
                <li key={l.key}>
                  <span class="claim claim--verdict legend__sample" style={{ '--level': colours.color, '--level-ink': colours.ink, '--level-tint': colours.tint } as Record<string, string>}>
                    <span class="claim__tag">{l.label}</span> sample
                  </span>{' '}
                  {l.description}
                </li>
              );
            })}
          </ul>
          <p class="legend__heading">Other claims show their status:</p>
        </>
      )}
      <ul class="legend__list">
        {CLAIM_STATUSES.map((s) => (
          <li key={s}>
            <span class={`claim claim--${STATUS_INFO[s].tone} legend__sample`}>
              <span class="claim__tag">{STATUS_INFO[s].label}</span> sample
            </span>{' '}
            {STATUS_INFO[s].meaning}
          </li>
        ))}
        <li>
          <span class="claim claim--unreviewed claim--skip legend__sample">
            <span class="claim__tag">not check-worthy</span> sample
          </span>{' '}
          An editor decided it needs no check (no tint, no underline)
        </li>
      </ul>
    </details>
  );
}
