import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { ClaimQueueItem, ClaimStatus, Page } from '../api/types';
import { Alert, SelectField, Spinner, StatusTag } from '../components/ui';
import { formatDateTime, useLoad, useTitle } from '../hooks';
import { messageOf } from '../lib/errors';
import { CLAIM_STATUSES, describeHint, STATUS_INFO } from '../lib/status';
import { Link, setQuery } from '../router';
import type { PageProps } from '../routes';

const PAGE_SIZE = 50;

/** The desk queue: claims across articles in one status, longest waiting first. */
export function QueuePage({ query }: PageProps) {
  useTitle('Desk queue');
  const statusParam = query.get('status') ?? 'unreviewed';
  const status = statusParam === 'any' ? undefined : (CLAIM_STATUSES as string[]).includes(statusParam) ? (statusParam as ClaimStatus) : 'unreviewed';
  const worthy = query.get('worthy') === 'false' ? 'false' : query.get('worthy') === 'any' ? undefined : 'true';
  const params = { status, checkWorthy: worthy, limit: PAGE_SIZE } as const;

  const list = useLoad(() => call(api.GET('/api/claims', { params: { query: params } })) as Promise<Page<ClaimQueueItem>>, [status, worthy]);
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

  return (
    <section class="page">
      <h1>Desk queue</h1>
      <p class="muted">Claims across all articles, the longest waiting in their status first.</p>
      <div class="toolbar" role="group" aria-label="Which claims to show">
        <SelectField
          label="Status"
          value={status ?? 'any'}
          onValue={(v) => setQuery({ status: v === 'unreviewed' ? undefined : v })}
          options={[...CLAIM_STATUSES.map((s) => ({ value: s, label: STATUS_INFO[s].label })), { value: 'any', label: 'Any status' }]}
        />
        <SelectField
          label="Check-worthiness"
          value={worthy ?? 'any'}
          onValue={(v) => setQuery({ worthy: v === 'true' ? undefined : v })}
          options={[
            { value: 'true', label: 'Check-worthy only' },
            { value: 'false', label: 'Not check-worthy only' },
            { value: 'any', label: 'All claims' },
          ]}
        />
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
