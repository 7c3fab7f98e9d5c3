import { currentLocale, i18n } from './i18n.ts';

/** One field problem from a problem+json answer, already translated by the server. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** An API answer that was not a success, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  /** Translated message per field name, for the form's validationErrors. */
  readonly fields: Record<string, string>;
  /**
   * The whole parsed problem+json body, for problems that carry more than a message
   * (a version conflict carries the record as it is saved now). Check its shape before use.
   */
  readonly body?: unknown;

  constructor(status: number, code: string, title: string, problems: FieldProblem[] = [], body?: unknown) {
    super(title);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.body = body;
    this.fields = {};
    for (const p of problems) this.fields[p.field] ??= p.message;
  }
}

let csrfToken: string | undefined;
let unauthorizedHandler: ((error: ApiError) => void) | undefined;

/** The session's synchronizer token, sent back on every write. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** Called on a 401 from a request that expected a logged-in user (the app sends them to the login page). */
export function onUnauthorized(handler: (error: ApiError) => void) {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** The caller handles 401 itself (login, second factor, public pages). */
  allowUnauthorized?: boolean;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function isProblemBody(
  value: unknown,
): value is { status?: number; code?: string; title?: string; errors?: unknown } {
  return typeof value === 'object' && value !== null;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.message === 'string';
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = i18n.t('web.errors.generic', { status: response.status });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return new ApiError(response.status, `http.${response.status}`, fallback);
  const body: unknown = await response.json().catch(() => null);
  if (!isProblemBody(body)) return new ApiError(response.status, `http.${response.status}`, fallback);
  const problems = Array.isArray(body.errors) ? body.errors.filter(isFieldProblem) : [];
  return new ApiError(
    response.status,
    typeof body.code === 'string' ? body.code : `http.${response.status}`,
    typeof body.title === 'string' && body.title ? body.title : fallback,
    problems,
    body,
  );
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLocale(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', i18n.t('web.errors.network'));
  }
}

/** Asks the server for a fresh CSRF token: the session may have been renewed in another tab. */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('GET', '/api/session', {});
  if (!response.ok) return false;
  const session = (await response.json()) as { csrfToken?: string };
  setCsrfToken(session.csrfToken);
  return session.csrfToken !== undefined;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (response.status === 403 && method !== 'GET') {
    const error = await toApiError(response.clone());
    if (error.code === 'auth.csrf' && (await refreshCsrfToken()))
      response = await send(method, path, options);
  }
  if (response.ok) {
    if (response.status === 204 || response.status === 202) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = await toApiError(response);
  if (error.status === 401 && !options.allowUnauthorized) unauthorizedHandler?.(error);
  throw error;
}

/** Builds "path?a=1&b=2", leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T = void>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: (path: string, options?: RequestOptions) => request<void>('DELETE', path, options),
};

/** Any thrown value as an ApiError, so forms can always show a title. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'client', i18n.t('web.errors.unexpected'));
}
