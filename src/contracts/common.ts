import { z } from 'zod';

export const localeSchema = z.enum(['nl-BE', 'fr-BE', 'en']).describe('Interface language');
export const roleSchema = z
  .enum(['admin', 'coordinator', 'worker', 'volunteer'])
  .describe('Role within an organisation');
export const emailSchema = z.email().max(254).describe('Email address');
/** Free text of a person's name: trimmed, no control characters. */
export const nameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'validation.control_characters');
export const passwordSchema = z.string().min(1).max(200).describe('Password');

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('Page number, from 1'),
  per_page: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page'),
});

export const idParams = z.object({ id: z.uuid().describe('Record id') }).strict();

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('Items over all pages'),
    page: z.number().int(),
    per_page: z.number().int(),
  });
}
