/** One problem with one input field; `code` is translated under `errors.`. */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/**
 * An error the API shows to people: a stable dotted code (`accounts.not_found`),
 * an HTTP status, parameters for the translated message and, for validation,
 * the fields at fault.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(code);
  }
}

export const badRequest = (code: string, params?: Record<string, unknown>) => new AppError(code, 400, params);
export const invalid = (fields: FieldProblem[]) => new AppError('validation.failed', 400, {}, fields);
export const invalidField = (field: string, code: string, params?: Record<string, unknown>) =>
  invalid([{ field, code, params }]);
export const unauthenticated = () => new AppError('auth.unauthenticated', 401);
export const forbidden = () => new AppError('auth.forbidden', 403);
export const notFound = (code = 'http.not_found') => new AppError(code, 404);
export const conflict = (code: string, params?: Record<string, unknown>) => new AppError(code, 409, params);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError('http.too_many_requests', 429, { retryAfterSeconds });
