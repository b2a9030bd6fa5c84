import { useEffect, useRef, useState } from 'preact/hooks';
import { api, call } from '../api/client';
import { Alert, Field } from '../components/ui';
import { useTitle } from '../hooks';
import { formErrors, type FormErrors } from '../lib/errors';
import { currentSession, signIn, signOut, useSession } from '../session';

const FIELDS = ['email', 'password'];

/** The sign-in form, on its own page or in the "session ended" dialog. */
export function SignInForm({ email: initialEmail = '', autoFocus = true }: { email?: string; autoFocus?: boolean }) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) first.current?.focus();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors(undefined);
    try {
      const session = await call(api.POST('/api/auth/login', { body: { email, password } }));
      signIn(session);
    } catch (error) {
      setErrors(formErrors(error, FIELDS));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={submit} noValidate>
      <Alert messages={errors?.general} />
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        onValue={setEmail}
        error={errors?.fields.email}
        inputRef={initialEmail ? undefined : first}
        required
      />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onValue={setPassword}
        error={errors?.fields.password}
        inputRef={initialEmail ? first : undefined}
        required
      />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}

export function SignInPage() {
  useTitle('Sign in');
  return (
    <main id="main" class="signin" tabIndex={-1}>
      <div class="signin__card">
        <h1>
          <span class="brand-mark" aria-hidden="true">
            ✓
          </span>{' '}
          Checkmate
        </h1>
        <p class="muted">The fact-check desk. Sign in with your newsroom account.</p>
        <SignInForm />
      </div>
    </main>
  );
}

/**
 * Shown over the page when the session expired or was refused: signing in again lets the page carry on
 * (the requests that failed are sent again), so nothing typed is lost.
 */
export function SessionExpiredDialog() {
  const { session, expired } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (expired && !element.open) element.showModal();
    if (!expired && element.open) element.close();
  }, [expired]);

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby="session-expired-title"
      onCancel={(event) => event.preventDefault()}
    >
      {expired && (
        <>
          <h2 id="session-expired-title">Your session has ended</h2>
          <p>Sign in again to carry on. This page and everything you typed on it are kept.</p>
          <SignInForm email={currentSession()?.user.email ?? session?.user.email ?? ''} />
          <p class="dialog__alt">
            <button type="button" class="button button--link" onClick={() => signOut()}>
              Sign out instead
            </button>
          </p>
        </>
      )}
    </dialog>
  );
}
