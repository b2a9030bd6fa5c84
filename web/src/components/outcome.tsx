/**
 * The outcome of a save, next to the form that made it: done, field errors (shown by the fields themselves; the
 * rest here), a version conflict (who changed what since it was read, what was typed is kept, reload offered), or
 * a workflow step that no longer exists (the statuses reachable now).
 */
import { useState } from 'preact/hooks';
import { ApiFailure, describeChanges, formErrors, type FormErrors } from '../lib/errors';
import { describeInvalidTransition } from '../lib/workflow';
import { Alert } from './ui';

export interface SaveState {
  busy: boolean;
  failure?: unknown;
  errors?: FormErrors;
  done?: string;
}

/** Runs one change; keeps its outcome (success, field errors, or a conflict) for the form that made it. */
export function useSave(fields: readonly string[]) {
  const [state, setState] = useState<SaveState>({ busy: false });
  const run = async (action: () => Promise<unknown>, done: string): Promise<boolean> => {
    setState({ busy: true });
    try {
      await action();
      setState({ busy: false, done });
      return true;
    } catch (failure) {
      setState({ busy: false, failure, errors: formErrors(failure, fields) });
      return false;
    }
  };
  const clear = () => setState({ busy: false });
  return { state, run, clear };
}

type Reload = () => Promise<{ version: number } | void>;

export function Outcome({ state, reload, onReloaded, what = 'claim' }: { state: SaveState; reload: Reload; onReloaded: () => void; what?: string }) {
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState<number | null | undefined>();
  if (state.done) {
    return (
      <p class="outcome outcome--ok" role="status">
        {state.done}
      </p>
    );
  }
  if (reloaded !== undefined && !state.failure) {
    return (
      <p class="outcome" role="status">
        {reloaded === null ? `Reloaded the ${what}.` : `Reloaded version ${reloaded}.`} Your input is still here: check it and save again.
      </p>
    );
  }
  const failure = state.failure;
  const reloadButton = (
    <button
      type="button"
      class="button button--small"
      disabled={reloading}
      onClick={async () => {
        setReloading(true);
        try {
          const fresh = await reload();
          setReloaded(fresh ? fresh.version : null);
          onReloaded();
        } finally {
          setReloading(false);
        }
      }}
    >
      {reloading ? 'Reloading…' : `Reload the ${what}`}
    </button>
  );
  if (failure instanceof ApiFailure && failure.isStale) {
    const lines = describeChanges(failure.body?.changes);
    return (
      <div class="alert alert--warning conflict" role="alert">
        <p>
          <strong>Not saved: this {what} changed since you opened it.</strong>
        </p>
        {lines.length > 0 ? (
          <ul>
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        ) : (
          <p>It is now at version {failure.body?.currentVersion ?? '?'}.</p>
        )}
        <p>What you typed is kept. Reload the {what} to see the current version, then save again.</p>
        {reloadButton}
      </div>
    );
  }
  const transition = describeInvalidTransition(failure);
  if (transition) {
    return (
      <div class="alert alert--warning conflict" role="alert">
        <p>{transition}</p>
        {reloadButton}
      </div>
    );
  }
  if (state.errors) return <Alert messages={state.errors.general} />;
  return null;
}
