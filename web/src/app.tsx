import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ROLE_LABEL } from './lib/status';
import { matchPath } from './lib/routing';
import { Link, useLocation } from './router';
import { NAV_HREF, PAGES } from './routes';
import { SessionExpiredDialog, SignInPage } from './pages/SignIn';
import { signOut, useSession } from './session';

export function App() {
  const { session } = useSession();
  const location = useLocation();

  if (!session) return <SignInPage />;
  const user = session.user;

  const match = PAGES.map((route) => ({ route, params: matchPath(route.path, location.path) })).find((m) => m.params);
  const allowed = match && (!match.route.roles || match.route.roles.includes(user.role));
  const Page = match?.route.page;

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <Link href="/" class="brand">
          <span class="brand-mark" aria-hidden="true">
            ✓
          </span>{' '}
          Checkmate
        </Link>
        <nav aria-label="Main">
          <ul class="nav">
            {PAGES.filter((p) => p.nav && (!p.roles || p.roles.includes(user.role))).map((p) => (
              <li key={p.section}>
                <Link href={NAV_HREF[p.section] ?? p.path} aria-current={match?.route.section === p.section ? 'page' : undefined}>
                  {p.nav}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="whoami">
          <span>
            {user.name} <span class="muted">· {ROLE_LABEL[user.role]}</span>
          </span>
          <button type="button" class="button button--quiet" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <MainArea key={location.path}>
        {Page && allowed ? (
          <Page params={match!.params!} query={location.query} />
        ) : match ? (
          <Message title="Not for your role" text="Your role cannot open this page. Ask an admin if you need it." />
        ) : (
          <Message title="Page not found" text="There is no page at this address." />
        )}
      </MainArea>
      <SessionExpiredDialog />
    </>
  );
}

let started = false;

/** The page area; focus moves to it when the route changes, so screen readers start at the new page. */
function MainArea({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (started) ref.current?.focus({ preventScroll: true });
    started = true;
  }, []);
  return (
    <main id="main" ref={ref} tabIndex={-1} class="main">
      {children}
    </main>
  );
}

function Message({ title, text }: { title: string; text: string }) {
  return (
    <section class="page">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link href="/">Go to the articles</Link>
      </p>
    </section>
  );
}
