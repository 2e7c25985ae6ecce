// Publishing a feed with the delta protocol (docs/feed-format.md, "Deltas") and signatures:
// `build --deltas [--key]` writes, beside the document,
//   <feed>.deltas/<sha256>.json      one delta per earlier document kept (content-addressed),
//   <feed>.manifest.json (+ .sig)    what the current document is and which deltas rebuild it,
//   <feed>.sig                       the document's own signature (clients without deltas),
// and keeps earlier documents in <feed>.deltas/history/ (not served) to compute the next
// deltas from. Order matters for readers polling meanwhile: deltas first, then the document,
// then the manifest, so a manifest never names a document or delta that is not there yet.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { applyDelta, DELTA_FORMAT, DELTA_VERSION } from '../feed/delta';
import { MANIFEST_FORMAT, MANIFEST_VERSION, type FeedManifest } from '../feed/manifest';
import { verifyDetachedSignature } from '../feed/signature';
import { CliError } from './cli-types';
import { encodeDelta } from './delta-encode';
import { signBytes } from './keys';
import { writeFileAtomic } from './write-atomic';

export interface PublishOptions {
  /** Write the manifest and deltas. */
  deltas: boolean;
  /** How many earlier documents to keep deltas from. */
  keep: number;
  /** PEM private key: sign the document (and the manifest). */
  keyPem?: string;
  feedId: string;
  generatedAt: string;
}

export interface Published {
  manifest?: string;
  deltas: { file: string; bytes: number; from: string }[];
  signed: string[];
}

const HEX = /^[0-9a-f]{64}\.json$/;

/** A delta larger than this share of the document is not worth publishing. */
const WORTHWHILE = 0.5;

export async function publishFeed(
  outFile: string,
  text: string,
  options: PublishOptions,
): Promise<Published> {
  const next = Buffer.from(text);
  const nextSha = sha256(next);
  const published: Published = { deltas: [], signed: [] };
  const deltaDir = `${outFile}.deltas`;
  const historyDir = path.join(deltaDir, 'history');
  let manifest: FeedManifest | undefined;
  if (options.deltas) {
    await mkdir(historyDir, { recursive: true });
    // The document being replaced becomes history: the clients that hold it need a delta.
    const previous = await readFile(outFile).catch(() => undefined);
    if (previous) await keepInHistory(historyDir, previous);
    const bases = (await historyByAge(historyDir))
      .filter((h) => h.sha !== nextSha)
      .slice(0, options.keep);
    manifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      feedId: options.feedId,
      generatedAt: options.generatedAt,
      document: { sha256: nextSha, bytes: next.length },
      deltas: [],
      changes: [],
    };
    for (const base of bases) {
      const deltaText = deltaBetween(await readFile(base.file), base.sha, next, nextSha);
      if (deltaText === undefined) continue;
      const deltaSha = sha256(Buffer.from(deltaText));
      const file = path.join(deltaDir, `${deltaSha}.json`);
      await writeFileAtomic(file, deltaText);
      manifest.deltas.push({
        from: base.sha,
        path: `${path.basename(deltaDir)}/${deltaSha}.json`,
        sha256: deltaSha,
        bytes: Buffer.byteLength(deltaText),
      });
      published.deltas.push({ file, bytes: Buffer.byteLength(deltaText), from: base.sha });
    }
  }
  await writeFileAtomic(outFile, next);
  if (options.keyPem) await signFile(outFile, next, options.keyPem, published);
  if (manifest) {
    const manifestFile = `${outFile}.manifest.json`;
    const manifestText = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await writeFileAtomic(manifestFile, manifestText);
    if (options.keyPem) await signFile(manifestFile, manifestText, options.keyPem, published);
    published.manifest = manifestFile;
    await keepInHistory(historyDir, next);
    await prune(deltaDir, historyDir, manifest, options.keep + 1);
  }
  return published;
}

/**
 * The delta file that rebuilds `next` from `base`, checked by applying it; undefined when it
 * would not be worth fetching (over half the document).
 */
export function deltaBetween(
  base: Uint8Array,
  baseSha: string,
  next: Uint8Array,
  nextSha: string,
): string | undefined {
  const ops = encodeDelta(base, next);
  const rebuilt = applyDelta(base, ops, next.length);
  if (!rebuilt.ok || !Buffer.from(rebuilt.bytes).equals(next))
    throw new CliError(`the delta from ${baseSha} does not rebuild the feed; nothing written`);
  const text = JSON.stringify({
    format: DELTA_FORMAT,
    version: DELTA_VERSION,
    from: baseSha,
    to: nextSha,
    ops,
  });
  return text.length > next.length * WORTHWHILE ? undefined : text;
}

async function signFile(
  file: string,
  bytes: Buffer,
  keyPem: string,
  published: Published,
): Promise<void> {
  const signed = signBytes(bytes, keyPem);
  if (!signed.ok) throw new CliError(`--key: ${signed.reason}`);
  // Checked with the extension's own verifier: what is published is what it accepts.
  const check = await verifyDetachedSignature(bytes, signed.signature, signed.publicKeyPem);
  if (!check.ok) throw new CliError(`the signature of ${file} does not verify (${check.reason})`);
  await writeFileAtomic(`${file}.sig`, `${signed.signature}\n`);
  published.signed.push(`${file}.sig`);
}

async function keepInHistory(historyDir: string, bytes: Buffer): Promise<void> {
  const file = path.join(historyDir, `${sha256(bytes)}.json`);
  if (!(await stat(file).catch(() => undefined))) await writeFileAtomic(file, bytes);
}

/** Earlier documents, newest first. */
async function historyByAge(historyDir: string): Promise<{ sha: string; file: string }[]> {
  const names = (await readdir(historyDir)).filter((name) => HEX.test(name));
  const dated = await Promise.all(
    names.map(async (name) => {
      const file = path.join(historyDir, name);
      return { sha: name.slice(0, 64), file, mtime: (await stat(file)).mtimeMs };
    }),
  );
  return dated.sort((a, b) => b.mtime - a.mtime);
}

/** Removes deltas the manifest no longer lists and history beyond what the next build needs. */
async function prune(
  deltaDir: string,
  historyDir: string,
  manifest: FeedManifest,
  keepHistory: number,
): Promise<void> {
  const listed = new Set(manifest.deltas.map((d) => `${d.sha256}.json`));
  for (const name of await readdir(deltaDir)) {
    if (HEX.test(name) && !listed.has(name)) await unlink(path.join(deltaDir, name));
  }
  for (const old of (await historyByAge(historyDir)).slice(keepHistory)) await unlink(old.file);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
