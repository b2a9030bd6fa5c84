/**
 * Tools in the article header: the rating scale the article's verdicts use (editors change it before the first
 * verdict; the API answers 409 SCALE_LOCKED afterwards), and exports: one click per format the API offers (the
 * list comes from the OpenAPI document), for the desk or the public, plus "Open HTML report" when HTML is offered.
 */
import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import { REPORT_FORMATS } from '../api/api-values';
import type { Article, Audience, RatingScale, ReportFormat, Role } from '../api/types';
import { Outcome, useSave } from '../components/outcome';
import { Alert, RadioGroup, SelectField } from '../components/ui';
import { downloadReport, openBlankTab, showHtmlReport } from '../api/reports';
import { exportChoices, formatLabel } from '../lib/download';
import { ApiFailure, messageOf } from '../lib/errors';
import { isEditor } from '../lib/status';

export function ScaleControl({ article, scales, scale, role, onChanged }: { article: Article; scales: readonly RatingScale[] | undefined; scale: RatingScale | undefined; role: Role; onChanged: () => Promise<unknown> }) {
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState(scale?.id ?? '');
  const save = useSave(['ratingScaleId']);
  const failure = save.state.failure;
  const locked = failure instanceof ApiFailure && failure.code === 'SCALE_LOCKED' ? messageOf(failure) : undefined;
  const fieldError = locked ?? save.state.errors?.fields.ratingScaleId;

  if (!editing) {
    return (
      <div class="tool tool--scale">
        <p class="small">
          <span class="muted">Rating scale:</span> <strong>{scale?.name ?? '…'}</strong>
          {scale?.isDefault && !article.ratingScaleId ? <span class="muted"> (the desk default)</span> : null}{' '}
          {isEditor(role) && (
            <button
              type="button"
              class="button button--link"
              onClick={() => {
                setChoice(scale?.id ?? '');
                save.clear();
                setEditing(true);
              }}
            >
              Change<span class="sr-only"> the rating scale</span>
            </button>
          )}
        </p>
        {save.state.done && (
          <p class="outcome outcome--ok" role="status">
            {save.state.done}
          </p>
        )}
      </div>
    );
  }
  return (
    <form
      class="tool tool--scale"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const ok = await save.run(async () => {
          await call(api.PATCH('/api/articles/{id}', { params: { path: { id: article.id } }, body: { ratingScaleId: choice, version: article.version } }));
          await onChanged();
        }, 'Rating scale saved.');
        if (ok) setEditing(false);
      }}
    >
      <SelectField
        label="Rating scale of this article"
        value={choice}
        onValue={setChoice}
        options={(scales ?? []).map((s) => ({ value: s.id, label: `${s.name}${s.isDefault ? ' (desk default)' : ''}` }))}
        error={fieldError}
        hint="Fixed once the first verdict on the article exists."
      />
      <div class="actions">
        <button type="submit" class="button button--primary button--small" disabled={save.state.busy || !choice}>
          Save the scale
        </button>
        <button type="button" class="button button--quiet button--small" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
      {!locked && <Outcome state={save.state} what="article" reload={async () => (await onChanged(), undefined)} onReloaded={save.clear} />}
    </form>
  );
}

const AUDIENCES = [
  { value: 'desk', label: 'Desk' },
  { value: 'public', label: 'Public' },
];

export function ExportControl({ article }: { article: Article }) {
  const [audience, setAudience] = useState<Audience>('desk');
  const [busy, setBusy] = useState<string | undefined>();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>();
  const { downloads, html } = exportChoices(REPORT_FORMATS);

  const download = async (format: ReportFormat) => {
    setBusy(format);
    setMessage(undefined);
    try {
      const name = await downloadReport(article.id, format, audience);
      setMessage({ tone: 'ok', text: `Downloaded ${name}.` });
    } catch (error) {
      setMessage({ tone: 'error', text: `The ${formatLabel(format)} report did not download: ${messageOf(error)}` });
    } finally {
      setBusy(undefined);
    }
  };

  const openHtml = async (format: ReportFormat) => {
    setMessage(undefined);
    const tab = openBlankTab();
    if (!tab) {
      setMessage({ tone: 'error', text: 'The browser blocked the new tab. Allow pop-ups for Checkmate, or download the HTML report.' });
      return;
    }
    setBusy('open');
    try {
      const name = await showHtmlReport(tab, article.id, format, audience);
      setMessage({ tone: 'ok', text: `Opened ${name} in a new tab.` });
    } catch (error) {
      setMessage({ tone: 'error', text: `The HTML report did not open: ${messageOf(error)}` });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div class="tool tool--export" role="group" aria-labelledby="export-heading">
      <h2 id="export-heading" class="tool__heading">
        Export the article's report
      </h2>
      <RadioGroup legend="For" name={`audience-${article.id}`} value={audience} onValue={(v) => setAudience(v as Audience)} choices={AUDIENCES} inline class="compact-choices" />
      <p class="muted small">{audience === 'public' ? 'Published verdicts only: no names, votes, drafts or desk notes.' : 'Everything you may read in the desk.'}</p>
      <div class="actions">
        <span class="small">Download:</span>
        {downloads.map((format) => (
          <button key={format} type="button" class="button button--small" disabled={Boolean(busy)} onClick={() => void download(format)}>
            {busy === format ? 'Preparing…' : formatLabel(format)}
            <span class="sr-only"> report ({audience === 'public' ? 'public' : 'desk'}): download</span>
          </button>
        ))}
        {html && (
          <button type="button" class="button button--small button--primary" disabled={Boolean(busy)} onClick={() => void openHtml(html)}>
            {busy === 'open' ? 'Opening…' : 'Open HTML report'}
          </button>
        )}
      </div>
      {message?.tone === 'ok' && (
        <p class="outcome outcome--ok" role="status">
          {message.text}
        </p>
      )}
      {message?.tone === 'error' && <Alert messages={[message.text]} />}
    </div>
  );
}
