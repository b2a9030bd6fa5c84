import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { ArticleSummary, Page } from '../api/types';
import { Alert, Field, Progress, Spinner, TextAreaField } from '../components/ui';
import { formatDate, formatDateTime, useLoad, useTitle } from '../hooks';
import { formErrors, messageOf, type FormErrors } from '../lib/errors';
import { isEditor } from '../lib/status';
import { Link, navigate, setQuery } from '../router';
import type { PageProps } from '../routes';
import { useSession } from '../session';

const PAGE_SIZE = 20;

export function ArticlesPage({ query }: PageProps) {
  useTitle('Articles');
  const { session } = useSession();
  const q = query.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [importing, setImporting] = useState(query.get('import') === '1');
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const list = useLoad(
    () => call(api.GET('/api/articles', { params: { query: { limit: PAGE_SIZE, q: q || undefined } } })) as Promise<Page<ArticleSummary>>,
    [q],
  );

  const loadMore = async () => {
    const cursor = list.data?.nextCursor;
    if (!cursor) return;
    setMore({ busy: true });
    try {
      const next = await call(api.GET('/api/articles', { params: { query: { limit: PAGE_SIZE, q: q || undefined, cursor } } }));
      list.setData((previous) => ({ items: [...(previous?.items ?? []), ...next.items], nextCursor: next.nextCursor }));
      setMore({ busy: false });
    } catch (error) {
      setMore({ busy: false, error: messageOf(error) });
    }
  };

  return (
    <section class="page">
      <div class="page__head">
        <h1>Articles</h1>
        {isEditor(session?.user.role) && !importing && (
          <button type="button" class="button button--primary" onClick={() => setImporting(true)}>
            Import an article
          </button>
        )}
      </div>

      {importing && <ImportForm onCancel={() => setImporting(false)} />}

      <form
        class="searchbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: search.trim() || undefined });
        }}
      >
        <Field label="Search titles" type="search" value={search} onValue={setSearch} />
        <button type="submit" class="button">
          Search
        </button>
        {q && (
          <button
            type="button"
            class="button button--quiet"
            onClick={() => {
              setSearch('');
              setQuery({ q: undefined });
            }}
          >
            Clear
          </button>
        )}
      </form>

      {list.error ? <Alert messages={[messageOf(list.error)]} /> : null}
      {list.loading && !list.data ? <Spinner /> : null}
      {list.data && list.data.items.length === 0 && (
        <p class="empty">{q ? `No article title contains “${q}”.` : 'No articles yet.'}</p>
      )}
      {list.data && list.data.items.length > 0 && (
        <ul class="article-list" aria-label={q ? `Articles matching ${q}` : 'Articles, newest first'}>
          {list.data.items.map((article) => (
            <li key={article.id} class="article-card">
              <h2 class="article-card__title">
                <Link href={`/articles/${article.id}`}>{article.title}</Link>
              </h2>
              <p class="article-card__meta muted">
                {[article.outlet, article.author, article.publishedAt ? formatDate(article.publishedAt) : null].filter(Boolean).join(' · ') ||
                  'No source details'}{' '}
                · imported {formatDateTime(article.createdAt)}
              </p>
              <Progress progress={article.progress} />
            </li>
          ))}
        </ul>
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

const IMPORT_FIELDS = ['title', 'url', 'outlet', 'author', 'publishedAt', 'body'] as const;
type ImportField = (typeof IMPORT_FIELDS)[number];

/** Paste an article (editors). On a failed import everything typed stays, with the API's messages beside the fields. */
function ImportForm({ onCancel }: { onCancel: () => void }) {
  const [values, setValues] = useState<Record<ImportField, string>>({ title: '', url: '', outlet: '', author: '', publishedAt: '', body: '' });
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (field: ImportField) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors(undefined);
    try {
      const article = await call(
        api.POST('/api/articles', {
          body: {
            title: values.title,
            body: values.body,
            url: optional(values.url),
            outlet: optional(values.outlet),
            author: optional(values.author),
            publishedAt: optional(values.publishedAt),
          },
        }),
      );
      navigate(`/articles/${article.id}`);
    } catch (error) {
      setErrors(formErrors(error, IMPORT_FIELDS));
      setBusy(false);
    }
  };

  return (
    <form class="panel-box import-form" onSubmit={submit} noValidate aria-labelledby="import-title">
      <h2 id="import-title">Import an article</h2>
      <p class="muted">Paste the text; Checkmate splits it into sentences, one claim each. Only the title and the text are required.</p>
      <Alert messages={errors?.general} />
      <Field label="Title" value={values.title} onValue={set('title')} error={errors?.fields.title} required />
      <div class="grid-2">
        <Field label="URL" type="url" value={values.url} onValue={set('url')} error={errors?.fields.url} placeholder="https://…" />
        <Field label="Outlet" value={values.outlet} onValue={set('outlet')} error={errors?.fields.outlet} />
        <Field label="Author" value={values.author} onValue={set('author')} error={errors?.fields.author} hint="The default claimant of every claim" />
        <Field label="Publication date" type="date" value={values.publishedAt} onValue={set('publishedAt')} error={errors?.fields.publishedAt} />
      </div>
      <TextAreaField label="Article text" rows={12} value={values.body} onValue={set('body')} error={errors?.fields.body} required />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
