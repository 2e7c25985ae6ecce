// The floor of an extension page on this machine, for the popup-open benchmark: a copy of the
// built extension with one more page, `bench-floor.html`, that holds one line of text and one
// tiny module script marking the end of its first frame exactly as the popup marks its first
// useful paint. Whatever that page takes, no popup can beat: it is the browser creating an
// extension page, fetching one script from the extension and painting. The page is written
// into a temporary copy, never into the build that ships.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The performance mark `bench-floor.js` sets after its first frame is painted. */
export const FLOOR_MARK = 'constellation-bench:floor-paint';
export const FLOOR_PAGE = 'bench-floor.html';

const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Constellation</title>
    <script type="module" src="/bench-floor.js"></script>
  </head>
  <body><p>Constellation</p></body>
</html>
`;

// The same frame-end mark as the popup's (components/PopupApp.tsx › markFirstUsefulPaint).
const script = `requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => performance.mark(${JSON.stringify(FLOOR_MARK)});
  channel.port2.postMessage(undefined);
});
`;

/** Copies the built extension with the floor page added; `remove` deletes the copy. */
export async function extensionWithFloorPage(
  extensionDir: string,
): Promise<{ dir: string; remove(): Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'constellation-floor-'));
  const dir = join(parent, 'chrome-mv3');
  await cp(extensionDir, dir, { recursive: true });
  await writeFile(join(dir, FLOOR_PAGE), html);
  await writeFile(join(dir, 'bench-floor.js'), script);
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}
