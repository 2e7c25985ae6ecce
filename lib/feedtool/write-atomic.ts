// Writing output files so that a reader (a web server, the extension polling a local
// file server, a CI artefact step) never sees half a feed: write a temporary file in the
// same folder, flush it to disk, then rename it over the target (atomic on POSIX file
// systems). On any failure the temporary file is removed and the old target is untouched.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

export type AtomicData = string | Uint8Array | Iterable<string | Uint8Array>;

export async function writeFileAtomic(
  target: string,
  data: AtomicData,
  options: { mode?: number } = {},
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', options.mode ?? 0o644);
  try {
    try {
      const chunks = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
      for (const chunk of chunks) {
        if (typeof chunk === 'string') await handle.write(chunk);
        else await handle.write(chunk);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
