import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { ClaimQueueItem, ClaimStatus, Page } from '../api/types';
import { Alert, SelectField, Spinner, StatusTag } from '../components/ui';
import { formatDateTime, useLoad, useTitle } from '../hooks';
import { messageOf } from '../lib/errors';
import { QUEUE_PRESETS, queueFilters, queueHref, type QueueFilters } from '../lib/queue';
import { CLAIM_STATUSES, describeHint, STATUS_INFO } from '../lib/status';
import { Link, navigate } from '../router';
import type { PageProps } from '../routes';

const PAGE_SIZE = 50;

/** The desk queue: claims across articles, longest waiting first; presets for the usual questions, and filters. */
export function QueuePage({ query }: PageProps) {
  useTitle('Desk queue');
  const filters = queueFilters(query);
  const params = {
    status: filters.status === 'any' ? undefined : (filters.status as ClaimStatus),
    checkWorthy: filters.worthy === 'any' ? undefined : filters.worthy,
    assignee: filters.assignee === 'any' ? undefined : filters.assignee,
    overdue: filters.overdue ? 'true' : undefined,
    limit: PAGE_SIZE,
  } as const;
  const key = queueHref(filters);

  const list = useLoad(() => call(api.GET('/api/claims', { params: { query: params } })) as Promise<Page<ClaimQueueItem>>, [key]);
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const loadMore = async () => {
    const cursor = list.data?.nextCursor;
    if (!cursor) return;
    setMore({ busy: true });
    try {
      const next = await call(api.GET('/api/claims', { params: { query: { ...params, cursor } } }));
      list.setData((page) => ({ items: [...(page?.items ?? []), ...next.items], nextCursor: next.nextCursor }));
      setMore({ busy: false });
    } catch (error) {
      setMore({ busy: false, error: messageOf(error) });
    }
  };
  const change = (changes: Partial<QueueFilters>) => navigate(queueHref({ ...filters, ...changes }), { replace: true });

  return (
    <section class="page">
      <h1>Desk queue</h1>
      <p class="muted">Claims across all articles, the longest waiting in their status first.</p>
      <nav class="presets" aria-label="Queue presets">
        {QUEUE_PRESETS.map((preset) => {
          const href = queueHref(preset.filters);
          return (
            <Link key={preset.id} href={href} class="preset" aria-current={href === key ? 'page' : undefined}>
              {preset.label}
            </Link>
          );
        })}
      </nav>
      <div class="toolbar" role="group" aria-label="Which claims to show">
        <SelectField
          label="Status"
          value={filters.status}
          onValue={(v) => change({ status: v })}
          options={[...CLAIM_STATUSES.map((s) => ({ value: s, label: STATUS_INFO[s].label })), { value: 'any', label: 'Any status' }]}
        />
        <SelectField
          label="Check-worthiness"
          value={filters.worthy}
          onValue={(v) => change({ worthy: v as QueueFilters['worthy'] })}
          options={[
            { value: 'true', label: 'Check-worthy only' },
            { value: 'false', label: 'Not check-worthy only' },
            { value: 'any', label: 'All claims' },
          ]}
        />
        <SelectField
          label="Assignee"
          value={filters.assignee}
          onValue={(v) => change({ assignee: v as QueueFilters['assignee'] })}
          options={[
            { value: 'any', label: 'Anyone or no one' },
            { value: 'me', label: 'Assigned to me' },
            { value: 'none', label: 'No one assigned' },
          ]}
        />
        <label class="checkbox">
          <input type="checkbox" checked={filters.overdue} onChange={(e) => change({ overdue: (e.currentTarget as HTMLInputElement).checked })} /> Overdue only
        </label>
      </div>
      {list.error ? <Alert messages={[messageOf(list.error)]} /> : null}
      {list.loading && !list.data ? <Spinner /> : null}
      {list.data && list.data.items.length === 0 && <p class="empty">Nothing in this queue.</p>}
      {list.data && list.data.items.length > 0 && (
        <table class="table queue">
          <caption class="sr-only">Claims in the queue</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Article</th>
              <th scope="col">Status</th>
              <th scope="col">Hint</th>
              <th scope="col">In this status since</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/articles/${c.articleId}?claim=${c.id}`}>{c.text}</Link>
                </td>
                <td>{c.articleTitle}</td>
                <td>
                  <StatusTag status={c.status} />
                  {!c.checkWorthy && <span class="tag tag--skip">Not check-worthy</span>}
                </td>
                <td class="nowrap">{describeHint(c.hint).split(' · ')[0]}</td>
                <td class="nowrap">{formatDateTime(c.statusChangedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more.error && <Alert messages={[more.error]} />}
      {list.data?.nextCursor && (
        <button type="button" class="button load-more" onClick={loadMore} disabled={more.busy}>
          {more.busy ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
