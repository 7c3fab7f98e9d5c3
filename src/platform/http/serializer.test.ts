import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './serializer.ts';

const compile = (schema: z.ZodType) =>
  responseSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' }) as (
    data: unknown,
  ) => string;

describe('the response serializer', () => {
  it('writes only the fields the contract declares, so a raw row cannot leak', () => {
    const write = compile(z.object({ id: z.string(), name: z.string(), when: z.iso.datetime().nullable() }));
    const row = { id: 'a', name: 'Fien', when: null, password_hash: '$argon2id$…', totp_secret: 'ABC' };
    expect(JSON.parse(write(row))).toEqual({ id: 'a', name: 'Fien', when: null });
  });

  it('keeps nested arrays, unions and enums intact', () => {
    const write = compile(
      z.object({
        items: z.array(z.object({ role: z.enum(['admin', 'worker']), effective: z.boolean() })),
        total: z.number().int(),
        note: z.string().optional(),
      }),
    );
    const value = { items: [{ role: 'worker', effective: true }], total: 1 };
    expect(JSON.parse(write(value))).toEqual(value);
  });
});
