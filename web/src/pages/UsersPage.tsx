import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import type { Page, Role, User } from '../api/types';
import { Alert, Field, SelectField, Spinner } from '../components/ui';
import { formatDateTime, useLoad, useTitle } from '../hooks';
import { formErrors, messageOf, type FormErrors } from '../lib/errors';
import { ROLE_LABEL, ROLES } from '../lib/status';
import { useSession } from '../session';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

/** Accounts (admins): list, create, change role, deactivate or reactivate. Accounts are never deleted. */
export function UsersPage() {
  useTitle('Users');
  const { session } = useSession();
  const users = useLoad(() => call(api.GET('/api/users', { params: { query: { limit: 200 } } })) as Promise<Page<User>>, []);
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const replace = (user: User) => users.setData((page) => page && { ...page, items: page.items.map((u) => (u.id === user.id ? user : u)) });

  const loadMore = async () => {
    const cursor = users.data?.nextCursor;
    if (!cursor) return;
    setMore({ busy: true });
    try {
      const next = await call(api.GET('/api/users', { params: { query: { limit: 200, cursor } } }));
      users.setData((page) => ({ items: [...(page?.items ?? []), ...next.items], nextCursor: next.nextCursor }));
      setMore({ busy: false });
    } catch (error) {
      setMore({ busy: false, error: messageOf(error) });
    }
  };

  return (
    <section class="page">
      <h1>Users</h1>
      <p class="muted">Reviewers check claims; editors also import and triage; admins also manage accounts. Deactivated accounts stay in the history.</p>
      <CreateUserForm onCreated={(user) => users.setData((page) => page && { ...page, items: [...page.items, user] })} />
      {users.error ? <Alert messages={[messageOf(users.error)]} /> : null}
      {!users.data ? (
        <Spinner />
      ) : (
        <table class="table users">
          <caption class="sr-only">Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Account</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <UserRow key={user.id} user={user} self={user.id === session?.user.id} onChanged={replace} />
            ))}
          </tbody>
        </table>
      )}
      {more.error && <Alert messages={[more.error]} />}
      {users.data?.nextCursor && (
        <button type="button" class="button load-more" onClick={loadMore} disabled={more.busy}>
          {more.busy ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}

function UserRow({ user, self, onChanged }: { user: User; self: boolean; onChanged: (user: User) => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>();
  const update = async (body: { role?: Role; active?: boolean }, done: string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const updated = await call(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body }));
      onChanged(updated);
      setMessage({ tone: 'ok', text: done });
    } catch (error) {
      setMessage({ tone: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr class={user.active ? '' : 'is-inactive'}>
      <th scope="row">
        {user.name}
        {self && <span class="muted"> (you)</span>}
      </th>
      <td>{user.email}</td>
      <td>
        <SelectField
          label={`Role of ${user.name}`}
          class="compact"
          value={user.role}
          disabled={busy}
          onValue={(role) => void update({ role: role as Role }, `Now ${ROLE_LABEL[role as Role].toLowerCase()}.`)}
          options={ROLE_OPTIONS}
        />
      </td>
      <td>
        <span class={`tag ${user.active ? 'tag--worthy' : 'tag--skip'}`}>{user.active ? 'Active' : 'Deactivated'}</span>{' '}
        <button
          type="button"
          class="button button--small"
          disabled={busy}
          onClick={() => update({ active: !user.active }, user.active ? 'Deactivated: their sessions ended.' : 'Reactivated.')}
        >
          {user.active ? 'Deactivate' : 'Reactivate'}
          <span class="sr-only"> {user.name}</span>
        </button>
        <span class="muted small"> since {formatDateTime(user.createdAt)}</span>
        {message && (
          <p class={message.tone === 'ok' ? 'outcome outcome--ok' : 'field__error'} role={message.tone === 'ok' ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </td>
    </tr>
  );
}

const USER_FIELDS = ['name', 'email', 'password', 'role'];

function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ name: '', email: '', password: '', role: 'reviewer' as Role });
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  if (!open) {
    return (
      <div class="actions">
        <button type="button" class="button button--primary" onClick={() => setOpen(true)}>
          Add a user
        </button>
        {done && (
          <p class="outcome outcome--ok" role="status">
            {done}
          </p>
        )}
      </div>
    );
  }
  return (
    <form
      class="panel-box"
      noValidate
      aria-labelledby="new-user-title"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setErrors(undefined);
        try {
          const user = await call(api.POST('/api/users', { body: values }));
          onCreated(user);
          setDone(`${user.name} can now sign in as ${ROLE_LABEL[user.role].toLowerCase()}.`);
          setValues({ name: '', email: '', password: '', role: 'reviewer' });
          setOpen(false);
        } catch (error) {
          setErrors(formErrors(error, USER_FIELDS));
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="new-user-title">Add a user</h2>
      <Alert messages={errors?.general} />
      <div class="grid-2">
        <Field label="Name" value={values.name} onValue={set('name')} error={errors?.fields.name} autoComplete="off" />
        <Field label="Email" type="email" value={values.email} onValue={set('email')} error={errors?.fields.email} autoComplete="off" />
        <Field
          label="Password"
          type="password"
          value={values.password}
          onValue={set('password')}
          error={errors?.fields.password}
          autoComplete="new-password"
          hint="At least 12 characters; not a common password, not the name or email"
        />
        <SelectField label="Role" value={values.role} onValue={set('role')} options={ROLE_OPTIONS} error={errors?.fields.role} />
      </div>
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add the user'}
        </button>
        <button type="button" class="button button--quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
