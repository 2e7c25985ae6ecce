// The Debian packages the live-wiki tests run: installed once when missing (as root, without
// questions), otherwise a clear message naming what to install. Versions are read from dpkg
// so the test output says which real software was covered.
import { execFile } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** MediaWiki with its SQLite driver, and DokuWiki; PHP's CLI comes with them. */
export const WIKI_PACKAGES = ['mediawiki', 'php-sqlite3', 'dokuwiki'] as const;

export const INSTALL_COMMAND = `apt-get install -y --no-install-recommends ${WIKI_PACKAGES.join(' ')}`;

/** The installed version of each package, or undefined when it is not installed. */
export async function installedVersions(
  packages: readonly string[],
): Promise<Record<string, string | undefined>> {
  const out: Record<string, string | undefined> = {};
  for (const name of packages) {
    try {
      const { stdout } = await run('dpkg-query', [
        '--show',
        '--showformat=${db:Status-Status} ${Version}',
        name,
      ]);
      const [status, version] = stdout.trim().split(' ');
      out[name] = status === 'installed' ? version : undefined;
    } catch {
      out[name] = undefined;
    }
  }
  return out;
}

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// Another apt run (unattended upgrades, a parallel job) holds the lock for a while at most.
const APT_OPTIONS = ['-o', 'DPkg::Lock::Timeout=120', '-q'];

async function apt(args: string[]): Promise<void> {
  await run('apt-get', [...APT_OPTIONS, ...args], {
    env: APT_ENV,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
}

/** Whether apt knows a candidate for every package (false on a machine never updated). */
async function candidatesKnown(packages: readonly string[]): Promise<boolean> {
  try {
    const { stdout } = await run('apt-cache', ['policy', ...packages]);
    const candidates = stdout.match(/Candidate: (\S+)/g) ?? [];
    return candidates.length === packages.length && candidates.every((c) => !c.endsWith('(none)'));
  } catch {
    return false;
  }
}

const POLICY_RC = '/usr/sbin/policy-rc.d';

/**
 * Runs `work` with Debian's policy-rc.d saying "do not start services": mediawiki depends on a
 * web server (apache2), which apt would otherwise start on port 80. The tests serve the wikis
 * with `php -S` on 127.0.0.1 only. A policy-rc.d the machine already has is left alone.
 */
async function withoutServiceStarts<T>(work: () => Promise<T>): Promise<T> {
  if (existsSync(POLICY_RC)) return work();
  writeFileSync(
    POLICY_RC,
    '#!/bin/sh\n# Constellation e2e setup: no service starts during install\nexit 101\n',
    {
      mode: 0o755,
    },
  );
  try {
    return await work();
  } finally {
    rmSync(POLICY_RC, { force: true });
  }
}

/**
 * Installs whichever of `packages` is missing: as root with apt-get (after `apt-get update`
 * when apt does not know them yet); as anyone else it throws, naming the command to run.
 * Returns the installed versions.
 */
export async function ensurePackages(
  packages: readonly string[] = WIKI_PACKAGES,
): Promise<Record<string, string>> {
  let versions = await installedVersions(packages);
  const missing = packages.filter((name) => !versions[name]);
  if (missing.length > 0) {
    if (process.getuid?.() !== 0) {
      throw new Error(
        `The live-wiki e2e tests need the Debian packages ${missing.join(', ')}. ` +
          `Install them as root with: ${INSTALL_COMMAND}`,
      );
    }
    if (!(await candidatesKnown(missing))) await apt(['update']);
    await withoutServiceStarts(() => apt(['install', '-y', '--no-install-recommends', ...missing]));
    versions = await installedVersions(packages);
    const still = packages.filter((name) => !versions[name]);
    if (still.length > 0) throw new Error(`apt-get did not install ${still.join(', ')}`);
  }
  return versions as Record<string, string>;
}
