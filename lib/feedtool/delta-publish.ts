// Publishing a feed with the delta protocol (docs/feed-format.md, "Deltas") and signatures:
// `build --deltas [--key]` writes, beside the document,
//   <feed>.deltas/<sha256>.json      one delta per earlier document kept (content-addressed),
//                                    and one changes file (changes-build.ts) when both
//                                    documents are free of record problems,
//   <feed>.manifest.json (+ .sig)    what the current document is, the deltas that rebuild it
//                                    and the changes files that lead to its records,
//   <feed>.sig                       the document's own signature (clients without deltas),
// and keeps earlier documents in <feed>.deltas/history/ (not served) to compute the next
// deltas from. Order matters for readers polling meanwhile: deltas and changes files first,
// then the document, then the manifest, so a manifest never names a file that is not there yet.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { applyDelta, DELTA_FORMAT, DELTA_VERSION } from '../feed/delta';
import {
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type FeedManifest,
  type ManifestDelta,
} from '../feed/manifest';
import { verifyDetachedSignature } from '../feed/signature';
import { changesOrWhy, cleanFeedOf, notWorthwhile } from './changes-build';
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

export interface PublishedFile {
  file: string;
  bytes: number;
  /** SHA-256 of the earlier document it applies to. */
  from: string;
}

export interface Published {
  manifest?: string;
  deltas: PublishedFile[];
  changes: PublishedFile[];
  /** Earlier documents no delta leads from, and why. */
  noDeltas: { from: string; why: string }[];
  /** Earlier documents no changes file leads from, and why. */
  noChanges: { from: string; why: string }[];
  signed: string[];
}

const HEX = /^[0-9a-f]{64}\.json$/;

export async function publishFeed(
  outFile: string,
  text: string,
  options: PublishOptions,
): Promise<Published> {
  const next = Buffer.from(text);
  const nextSha = sha256(next);
  const published: Published = {
    deltas: [],
    changes: [],
    noDeltas: [],
    noChanges: [],
    signed: [],
  };
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
    // The new document is validated once for the changes files from every earlier one.
    const nextFeed = bases.length > 0 ? cleanFeedOf(next) : undefined;
    for (const base of bases) {
      const baseBytes = await readFile(base.file);
      const delta = deltaOrWhy(baseBytes, base.sha, next, nextSha);
      if ('text' in delta) {
        const entry = await writeContentAddressed(deltaDir, delta.text, base.sha);
        manifest.deltas.push(entry.listed);
        published.deltas.push(entry.written);
      } else {
        published.noDeltas.push({ from: base.sha, why: delta.why });
      }
      const changes = changesOrWhy(baseBytes, base.sha, next, nextSha, nextFeed);
      if ('text' in changes) {
        const entry = await writeContentAddressed(deltaDir, changes.text, base.sha);
        manifest.changes.push(entry.listed);
        published.changes.push(entry.written);
      } else {
        published.noChanges.push({ from: base.sha, why: changes.why });
      }
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
  const delta = deltaOrWhy(base, baseSha, next, nextSha);
  return 'text' in delta ? delta.text : undefined;
}

/** The delta file `deltaBetween` writes, or why there is none (its share of the document). */
export function deltaOrWhy(
  base: Uint8Array,
  baseSha: string,
  next: Uint8Array,
  nextSha: string,
): { text: string } | { why: string } {
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
  const why = notWorthwhile(text.length, next.length);
  if (why) return { why };
  return { text };
}

/** Writes a delta or changes file under its own SHA-256: what the manifest lists, and where. */
async function writeContentAddressed(
  deltaDir: string,
  text: string,
  from: string,
): Promise<{ listed: ManifestDelta; written: PublishedFile }> {
  const bytes = Buffer.from(text);
  const sha = sha256(bytes);
  const file = path.join(deltaDir, `${sha}.json`);
  await writeFileAtomic(file, bytes);
  return {
    listed: {
      from,
      path: `${path.basename(deltaDir)}/${sha}.json`,
      sha256: sha,
      bytes: bytes.length,
    },
    written: { file, bytes: bytes.length, from },
  };
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

/**
 * Removes deltas and changes files the manifest no longer lists, and history beyond what the
 * next build needs.
 */
async function prune(
  deltaDir: string,
  historyDir: string,
  manifest: FeedManifest,
  keepHistory: number,
): Promise<void> {
  const listed = new Set(
    [...manifest.deltas, ...manifest.changes].map((entry) => `${entry.sha256}.json`),
  );
  for (const name of await readdir(deltaDir)) {
    if (HEX.test(name) && !listed.has(name)) await unlink(path.join(deltaDir, name));
  }
  for (const old of (await historyByAge(historyDir)).slice(keepHistory)) await unlink(old.file);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
