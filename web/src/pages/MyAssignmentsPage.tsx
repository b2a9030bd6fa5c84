/** "My assignments": the claims I am assigned to, due soonest first, overdue marked; pending or overdue only. */
import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { MyAssignment, Page } from '../api/types';
import { Alert, Spinner, StatusTag } from '../components/ui';
import { formatDay, useLoad, useTitle } from '../hooks';
import { messageOf } from '../lib/errors';
import { describeDue, VERDICT_PROGRESS } from '../lib/review';
import { Link, setQuery } from '../router';
import type { PageProps } from '../routes';

const PAGE_SIZE = 50;

export function MyAssignmentsPage({ query }: PageProps) {
  useTitle('My assignments');
  const show = query.get('show') === 'all' ? 'all' : query.get('show') === 'overdue' ? 'overdue' : 'pending';
  const params = { limit: PAGE_SIZE, pending: show === 'pending' ? 'true' : undefined, overdue: show === 'overdue' ? 'true' : undefined } as const;
  const list = useLoad(() => call(api.GET('/api/me/assignments', { params: { query: params } })) as Promise<Page<MyAssignment>>, [show]);
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const loadMore = async () => {
    const cursor = list.data?.nextCursor;
    if (!cursor) return;
    setMore({ busy: true });
    try {
      const next = await call(api.GET('/api/me/assignments', { params: { query: { ...params, cursor } } }));
      list.setData((page) => ({ items: [...(page?.items ?? []), ...next.items], nextCursor: next.nextCursor }));
      setMore({ busy: false });
    } catch (error) {
      setMore({ busy: false, error: messageOf(error) });
    }
  };
  const now = Date.now();
  const overdueCount = list.data?.items.filter((a) => a.overdue).length ?? 0;

  return (
    <section class="page">
      <h1>My assignments</h1>
      <p class="muted">Claims you are assigned to, the soonest due first. Open one to add sources and write your verdict.</p>
      <nav class="presets" aria-label="Which assignments">
        {(
          [
            ['pending', 'Waiting for my verdict'],
            ['overdue', 'Overdue'],
            ['all', 'All, submitted too'],
          ] as const
        ).map(([value, label]) => (
          <Link key={value} href={`/assignments${value === 'pending' ? '' : `?show=${value}`}`} class="preset" aria-current={show === value ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      {list.error ? <Alert messages={[messageOf(list.error)]} /> : null}
      {list.loading && !list.data ? <Spinner /> : null}
      {list.data && list.data.items.length === 0 && (
        <p class="empty">
          {show === 'pending' ? 'Nothing is waiting for your verdict.' : show === 'overdue' ? 'Nothing overdue.' : 'You have no assignments.'}{' '}
          {show !== 'all' && (
            <button type="button" class="button button--link" onClick={() => setQuery({ show: 'all' })}>
              Show all
            </button>
          )}
        </p>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          {overdueCount > 0 && (
            <p class="notice">
              <strong>{overdueCount}</strong> {overdueCount === 1 ? 'assignment is' : 'assignments are'} overdue.
            </p>
          )}
          <table class="table assignments">
            <caption class="sr-only">My assignments, soonest due first</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Article</th>
                <th scope="col">Due</th>
                <th scope="col">My verdict</th>
                <th scope="col">Claim status</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => (
                <tr key={a.claim.id} class={a.overdue ? 'is-overdue' : ''}>
                  <td>
                    <Link href={`/articles/${a.claim.articleId}?claim=${a.claim.id}`}>{a.claim.text}</Link>
                  </td>
                  <td>{a.claim.articleTitle}</td>
                  <td class="due">
                    {a.overdue && <span class="tag tag--overdue">Overdue</span>} {describeDue(a.dueAt, now, formatDay)}
                  </td>
                  <td>
                    <span class={`tag tag--progress-${VERDICT_PROGRESS[a.verdict].tone}`}>{VERDICT_PROGRESS[a.verdict].label}</span>
                  </td>
                  <td>
                    <StatusTag status={a.claim.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
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
