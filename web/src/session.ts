/**
 * The signed-in session: kept in sessionStorage (this tab only, gone when it closes; never a cookie), watched
 * for expiry. When the token expires or any call answers 401, the session is marked expired: the app shows
 * a sign-in dialog over the page (which stays mounted, so the route and unsaved input survive) and the calls
 * that failed wait for it, then run again with the new token.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Session } from './api/types';

const KEY = 'checkmate.session';
/** setTimeout's limit; a longer wait would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SessionState {
  session: Session | null;
  /** True while the token has expired or been refused and the user has not signed in again. */
  expired: boolean;
}

type Listener = (state: SessionState) => void;

let state: SessionState = { session: load(), expired: false };
const listeners = new Set<Listener>();
let waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function set(next: SessionState) {
  state = next;
  try {
    if (next.session) sessionStorage.setItem(KEY, JSON.stringify(next.session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage may be unavailable (private mode); the session then lives in memory only.
  }
  scheduleExpiry();
  for (const listener of listeners) listener(state);
}

function scheduleExpiry() {
  clearTimeout(timer);
  const session = state.session;
  if (!session || state.expired) return;
  const left = Date.parse(session.expiresAt) - Date.now();
  if (left <= 0) {
    state = { ...state, expired: true };
    return;
  }
  timer = setTimeout(() => {
    if (Date.parse(session.expiresAt) <= Date.now()) markExpired();
    else scheduleExpiry();
  }, Math.min(left, MAX_TIMER_MS));
}
scheduleExpiry();

export const currentSession = () => state.session;
export const currentToken = () => (state.expired ? undefined : state.session?.token);

/** A fresh sign-in. A different user than before reloads the page: their drafts are not ours to keep. */
export function signIn(session: Session) {
  const previous = state.session;
  const pending = waiting;
  waiting = [];
  set({ session, expired: false });
  if (previous && previous.user.id !== session.user.id) {
    for (const w of pending) w.reject(new Error('Signed in as someone else'));
    window.location.reload();
    return;
  }
  for (const w of pending) w.resolve();
}

export function signOut() {
  const pending = waiting;
  waiting = [];
  set({ session: null, expired: false });
  for (const w of pending) w.reject(new Error('Signed out'));
}

/** The token stopped working (expired, revoked, account changed): ask the user to sign in again. */
export function markExpired() {
  if (!state.session || state.expired) return;
  set({ ...state, expired: true });
}

/** Resolves when the user has signed in again (rejects when they sign out instead). */
export function waitForSignIn(): Promise<void> {
  return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
}

export function useSession(): SessionState {
  const [value, setValue] = useState(state);
  useEffect(() => {
    listeners.add(setValue);
    setValue(state);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}
