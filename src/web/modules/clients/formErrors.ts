import { ApiError, asApiError } from '../../api.ts';

/**
 * The server's field problems under the names this form's fields carry (the shared
 * municipality field answers to "municipality", the API calls it "municipalityNis"),
 * and our own words where a generic message would say too little.
 */
export function renameFields(
  error: unknown,
  names: Record<string, string>,
  messages: Record<string, string> = {},
): ApiError {
  const e = asApiError(error);
  const problems = Object.entries(e.fields).map(([field, message]) => {
    const name = names[field] ?? field;
    return { field: name, code: '', message: messages[name] ?? message };
  });
  return new ApiError(e.status, e.code, e.title, problems);
}

/** A form value as the API wants it: trimmed, and left out when empty. */
export const optional = (values: Record<string, string>, name: string) => values[name]?.trim() || undefined;
