/**
 * The one API client: openapi-fetch typed by the generated `paths`, so every path, parameter, body and
 * response here is checked against the server's OpenAPI document at build time.
 *
 * Every request carries the session's token. A 401 (expired, revoked) marks the session expired, waits for
 * the user to sign in again in the dialog, and sends the same request once more: the caller just sees its
 * call succeed a little later, with the page and its unsaved input untouched.
 */
import createClient from 'openapi-fetch';
import { ApiFailure } from '../lib/errors';
import { currentToken, markExpired, waitForSignIn } from '../session';
import type { ApiErrorBody, paths } from './types';

async function sessionFetch(request: Request): Promise<Response> {
  const isLogin = new URL(request.url).pathname === '/api/auth/login';
  const retry = isLogin ? undefined : request.clone();
  const response = await fetch(withToken(request));
  if (response.status !== 401 || !retry) return response;
  markExpired();
  await waitForSignIn();
  return fetch(withToken(retry));
}

function withToken(request: Request): Request {
  const token = currentToken();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

export const api = createClient<paths>({ baseUrl: '', fetch: sessionFetch });

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call: its data, or an ApiFailure carrying the API's error body. */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  return (await callWithResponse(request)).data;
}

/** Like call(), with the response too (its headers: Content-Disposition of a download, say). */
export async function callWithResponse<T>(request: Promise<FetchResult<T>>): Promise<{ data: T; response: Response }> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw new ApiFailure(0, undefined);
  }
  if (result.response.ok) return { data: result.data as T, response: result.response };
  const body = (result.error as { error?: ApiErrorBody } | undefined)?.error;
  throw new ApiFailure(result.response.status, body);
}
