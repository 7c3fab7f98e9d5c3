import { createHash } from 'node:crypto';

/** A stable uuid from a text key: md5(key) read as a uuid, exactly as the migration computes it in SQL. */
export function stableId(key: string): string {
  const h = createHash('md5').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
