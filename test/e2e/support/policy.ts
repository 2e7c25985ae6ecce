// Deploying feeds by browser policy, as an administrator does, for the built extension only:
// Chromium on Linux reads managed policy from /etc/chromium/policies/managed/*.json, and the
// "3rdparty" section hands an extension its storage.managed values by extension id. The id
// of an unpacked extension is derived from its directory, so a policy file written for it
// reaches no other build (other worktrees' extensions have other ids). The file is removed
// again by the returned function.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const POLICY_DIR = '/etc/chromium/policies/managed';

/** Chromium's id for an unpacked extension: sha256 of its absolute path, hex digits as a–p. */
export function unpackedExtensionId(dir: string): string {
  const digest = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...digest].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

/** Writes the policy; answers a function that removes it (and the folders it created). */
export function deployPolicyFeeds(extensionDir: string, feeds: object[]): () => void {
  const id = unpackedExtensionId(extensionDir);
  const created = ['/etc/chromium', '/etc/chromium/policies', POLICY_DIR].filter(
    (dir) => !existsSync(dir),
  );
  const file = join(POLICY_DIR, `constellation-e2e-${id}.json`);
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: { feeds } } } }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
    throw new Error(
      `Deploying feeds by policy needs write access to ${POLICY_DIR} (where Chromium on Linux ` +
        `reads managed policy; the test removes its file again): ${code}. Run the end-to-end ` +
        `tests as root, as CI does, or give your user that folder ` +
        `(sudo mkdir -p ${POLICY_DIR} && sudo chown "$USER" ${POLICY_DIR}).`,
      { cause: error },
    );
  }
  return () => {
    rmSync(file, { force: true });
    for (const dir of created.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty: something else lives there now; leave it.
      }
    }
  };
}
