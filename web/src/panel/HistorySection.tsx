import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { AuditEvent, Page } from '../api/types';
import { Alert, Spinner } from '../components/ui';
import { formatDateTime, useLoad } from '../hooks';
import { messageOf } from '../lib/errors';
import { describeEvent } from '../lib/history';
import type { SectionProps } from './sections';

const HISTORY_PAGE = 10;

export function HistorySection({ claim }: SectionProps) {
  const history = useLoad(
    () => call(api.GET('/api/claims/{id}/history', { params: { path: { id: claim.id }, query: { limit: HISTORY_PAGE } } })) as Promise<Page<AuditEvent>>,
    [claim.id, claim.version],
  );
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const loadOlder = async () => {
    const cursor = history.data?.nextCursor;
    if (!cursor) return;
    setMore({ busy: true });
    try {
      const next = await call(api.GET('/api/claims/{id}/history', { params: { path: { id: claim.id }, query: { limit: HISTORY_PAGE, cursor } } }));
      history.setData((page) => ({ items: [...(page?.items ?? []), ...next.items], nextCursor: next.nextCursor }));
      setMore({ busy: false });
    } catch (error) {
      setMore({ busy: false, error: messageOf(error) });
    }
  };

  if (history.error && !history.data) return <Alert messages={[messageOf(history.error)]} />;
  if (!history.data) return <Spinner label="Loading the history…" />;
  return (
    <>
      <ol class="history">
        {history.data.items.map((event) => {
          const line = describeEvent(event);
          return (
            <li key={line.id}>
              <p>
                <strong>{line.what}</strong> <span class="muted">by {line.who}, {formatDateTime(line.when)}</span>
              </p>
              {line.changes.length > 0 && (
                <ul class="history__changes">
                  {line.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {more.error && <Alert messages={[more.error]} />}
      {history.data.nextCursor && (
        <button type="button" class="button button--small" onClick={loadOlder} disabled={more.busy}>
          {more.busy ? 'Loading…' : 'Show older events'}
        </button>
      )}
    </>
  );
}
