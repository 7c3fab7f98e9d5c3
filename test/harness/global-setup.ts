import { ensurePgliteTemplate, ensurePostgresTemplate } from './template.ts';

/** Prepares the migrated template once per run; each test file copies it. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) await ensurePostgresTemplate(url);
  else await ensurePgliteTemplate();
}
