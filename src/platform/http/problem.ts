import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError, type FieldProblem } from '../errors.ts';
import { translator } from '../i18n/i18n.ts';
import { requestLocale } from './locale.ts';

type Issue = z.core.$ZodIssue;
const MESSAGE_KEY = /^[a-z_]+\.[a-z_.]+$/;

/** Maps one zod issue to a translatable field problem. */
export function fieldProblemFromIssue(issue: Issue, prefix?: string): FieldProblem[] {
  const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const field = base || (prefix ?? 'body');
  // A contract may name its own translated message: .regex(re, 'tenancy.nis_code_format').
  if (MESSAGE_KEY.test(issue.message)) return [{ field, code: issue.message }];
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves the input out of issues; its message says what it received.
      return [
        {
          field,
          code:
            issue.input === undefined && /received undefined$/.test(issue.message)
              ? 'validation.required'
              : 'validation.invalid_type',
        },
      ];
    case 'too_small':
      // An empty required text (min 1) is "fill this in", not "use at least 1 character".
      if (issue.origin === 'string' && Number(issue.minimum) === 1)
        return [{ field, code: 'validation.required' }];
      return [
        {
          field,
          code: issue.origin === 'string' ? 'validation.too_short' : 'validation.too_small',
          params: { min: Number(issue.minimum) },
        },
      ];
    case 'too_big':
      return [
        {
          field,
          code: issue.origin === 'string' ? 'validation.too_long' : 'validation.too_big',
          params: { max: Number(issue.maximum) },
        },
      ];
    case 'invalid_format':
      return [{ field, code: issue.format === 'email' ? 'validation.email' : 'validation.format' }];
    case 'invalid_value':
      return [{ field, code: 'validation.one_of', params: { values: issue.values.join(', ') } }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        code: 'validation.unknown_field',
      }));
    default:
      return [{ field, code: 'validation.invalid' }];
  }
}

function fromFastifyError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'body';
    const fields = error.validation.flatMap((v) => {
      // The provider flattens each zod issue into Ajv's error shape; rebuild the issue.
      const issue = {
        ...v.params,
        code: v.keyword,
        message: v.message,
        path: v.instancePath.split('/').filter(Boolean),
      } as unknown as Issue;
      return fieldProblemFromIssue(issue, context === 'body' ? undefined : context);
    });
    return new AppError('validation.failed', 400, {}, fields);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('http.body_too_large', 413);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('http.unsupported_media_type', 415);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('http.empty_body', 400);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('http.bad_request', 400);
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return new AppError('http.malformed_json', 400);
  if (error.statusCode === 429) return new AppError('http.too_many_requests', 429);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return new AppError('http.bad_request', 400);
  return new AppError('http.internal', 500);
}

/** Writes any error as RFC 9457 problem+json, translated; never a stack trace or SQL. */
export function sendProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let problem: AppError;
  try {
    problem = fromFastifyError(error);
  } catch (mappingError) {
    request.log.error({ err: mappingError }, 'could not map an error to a problem');
    problem = new AppError('http.internal', 500);
  }
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  const t = translator(requestLocale(request));
  const retry = problem.params.retryAfterSeconds;
  if (typeof retry === 'number') reply.header('retry-after', String(Math.ceil(retry)));
  return reply
    .status(problem.status)
    .type('application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({
      type: `urn:verbonden:problem:${problem.code}`,
      title: t(`errors.${problem.code}`, problem.params),
      status: problem.status,
      code: problem.code,
      ...(problem.fields.length > 0
        ? {
            errors: problem.fields.map((f) => ({
              field: f.field,
              code: f.code,
              message: t(`errors.${f.code}`, f.params ?? {}),
            })),
          }
        : {}),
    });
}
