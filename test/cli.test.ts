import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/database.ts';
import { createTestDatabase } from './harness/database.ts';

const bin = new URL('../bin/verbonden.mjs', import.meta.url).pathname;
let env: Record<string, string>;
let dataDir: string;
let closeServerDb: (() => Promise<void>) | undefined;

/** Runs the real CLI in a child process, as an operator would. */
function verbonden(
  args: string[],
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

beforeAll(async () => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'vb-cli-')), 'data');
  env = { VERBONDEN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  if (process.env.TEST_DATABASE_URL) {
    const database = await createTestDatabase();
    env.DATABASE_URL = database.url ?? '';
    closeServerDb = () => database.close();
  }
});
afterAll(async () => {
  await closeServerDb?.();
});

// Each command is a new process that opens the database: slow on a busy 2-core machine.
describe('the verbonden command', { timeout: 180_000 }, () => {
  it('explains itself with --help and refuses an unknown command', async () => {
    const help = await verbonden(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'demo', 'user', 'token', 'backup', 'restore', 'import'])
      expect(help.stdout).toContain(command);
    const wrong = await verbonden(['frobnicate']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain("unknown command 'frobnicate'");
  });

  it('migrates, loads the demo region once, and creates users and tokens', async () => {
    const migrate = await verbonden(['migrate']);
    expect(migrate.stderr).toBe('');
    expect(migrate.stdout).toMatch(/is at migration \d{4}-/);
    const demo = await verbonden(['demo']);
    expect(demo.stdout).toContain('Demo region loaded.');
    expect((await verbonden(['demo'])).stdout).toContain('already there');

    const weak = await verbonden(
      ['user', 'create', '--email', 'nieuw@example.org', '--name', 'Nieuwe Gebruiker', '--password-stdin'],
      'wachtwoord123\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password: This password is too easy to guess.');
    const created = await verbonden(
      [
        'user',
        'create',
        '--email',
        'nieuw@example.org',
        '--name',
        'Nieuwe Gebruiker',
        '--org',
        'Sociaal Huis Brugge (demo)',
        '--role',
        'coordinator',
        '--password-stdin',
      ],
      'een veilige zin voor de CLI\n',
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/^Created nieuw@example.org/);

    const invited = await verbonden([
      'user',
      'create',
      '--email',
      'uitgenodigd@example.org',
      '--name',
      'Uit Genodigd',
      '--org',
      'Sociaal Huis Brugge (demo)',
      '--role',
      'worker',
    ]);
    expect(invited.stdout).toContain('Invitation for uitgenodigd@example.org queued');

    const token = await verbonden(['token', 'create', '--email', 'nieuw@example.org']);
    expect(token.stdout.trim()).toMatch(/^vb_[A-Za-z0-9_-]{43}$/);
    const unknown = await verbonden(['token', 'create', '--email', 'niemand@example.org']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('email: This user does not exist.');
  });

  if (!process.env.TEST_DATABASE_URL) {
    it('refuses to open an embedded data folder that another process has open', async () => {
      const held = await openDatabase({ dataDir });
      try {
        const res = await verbonden(['migrate']);
        expect(res.code).toBe(1);
        expect(res.stderr).toContain('is in use by another Verbonden process');
      } finally {
        await held.close();
      }
    });
  }
});
