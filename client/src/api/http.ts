/**
 * `fetch` for the Sevenfold API: bearer token, JSON bodies, problem+json errors as `ApiError`. A 401
 * on an authenticated request ends the session as expired (the app returns to sign-in, drafts stay).
 */
import { sessionStore } from '../auth/sessionStore.js';
import { ApiError, type FieldProblem } from './ApiError.js';

/** Options of {@link apiFetch}. */
export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not send the token (sign-in, registration). */
  anonymous?: boolean;
}

/** Headers with the current bearer token. */
export function authHeaders(): Record<string, string> {
  const token = sessionStore.token();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Turns an error response into an `ApiError`, ending the session on a 401 that carried a token. */
export async function problemOf(res: Response, sentToken: boolean): Promise<ApiError> {
  let title = res.statusText || 'Error';
  let detail = '';
  let errors: FieldProblem[] = [];
  let code: string | undefined;
  let extra: Record<string, unknown> = {};
  try {
    const body = (await res.json()) as {
      title?: string;
      detail?: string;
      errors?: FieldProblem[];
      code?: unknown;
    };
    title = body.title ?? title;
    detail = body.detail ?? '';
    errors = Array.isArray(body.errors) ? body.errors : [];
    code = typeof body.code === 'string' ? body.code : undefined;
    extra = body as Record<string, unknown>;
  } catch {
    // not JSON: keep the status text
  }
  if (res.status === 401 && sentToken) sessionStore.end('expired');
  const retryAfter = Number(res.headers.get('Retry-After'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) extra = { ...extra, retryAfterSeconds: retryAfter };
  return new ApiError(res.status, title, detail, errors, code, extra);
}

/** Calls the API and returns the parsed JSON (undefined for 204). */
export async function apiFetch<T>(path: string, req: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
  const auth = req.anonymous ? {} : authHeaders();
  Object.assign(headers, auth);
  let body: BodyInit | undefined;
  if (req.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(req.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method: req.method ?? 'GET', headers, body, signal: req.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'Network error', (err as Error).message);
  }
  if (!res.ok) throw await problemOf(res, 'Authorization' in auth);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
