// Build step for the real sample feeds: when .sample-feeds/ (from `npm run sample-feeds`) is
// present, the extension gets samples/index.json (the fields the options page shows, checked
// by lib/samples.ts) plus each feed and its licence file. A missing folder bundles nothing; a
// broken one is reported and bundles nothing — a build never fails over optional samples, and
// never ships a sample whose bytes differ from what its index says.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLES_DIR, SAMPLES_INDEX, sampleEntrySchema, type SamplesIndex } from '../lib/samples';

export type SampleAsset =
  { absoluteSrc: string; relativeDest: string } | { contents: string; relativeDest: string };

export interface SampleAssets {
  assets: SampleAsset[];
  /** What happened, for the build log. */
  message: string;
}

interface SourceEntry {
  file: string;
  label: string;
  source: { repository: string; commit: string; snapshotDate: string };
  license: string;
  licenseFile: string;
  attribution: string;
  counts: Record<string, number>;
  bytes: number;
  sha256: string;
}

export function sampleAssets(folder: string): SampleAssets {
  const indexPath = path.join(folder, 'index.json');
  if (!existsSync(indexPath))
    return { assets: [], message: `no sample feeds (${folder} not built; npm run sample-feeds)` };
  let source: { feeds?: SourceEntry[] };
  try {
    source = JSON.parse(readFileSync(indexPath, 'utf8')) as typeof source;
  } catch (error) {
    return {
      assets: [],
      message: `sample feeds skipped: ${indexPath} is not JSON (${String(error)})`,
    };
  }
  const index: SamplesIndex = { feeds: [] };
  const assets: SampleAsset[] = [];
  const problems: string[] = [];
  for (const [i, entry] of (source.feeds ?? []).entries()) {
    const name = sampleEntrySchema.shape.file.safeParse(entry.file);
    if (!name.success) {
      problems.push(`feeds[${i}].file: ${name.error.issues[0]!.message}`);
      continue;
    }
    let feedId: unknown;
    try {
      feedId = (
        JSON.parse(readFileSync(path.join(folder, name.data), 'utf8')) as { feedId?: unknown }
      ).feedId;
    } catch {
      problems.push(`feeds[${i}]: ${name.data} is missing or not JSON`);
      continue;
    }
    const candidate = {
      file: entry.file,
      feedId,
      label: entry.label,
      repository: entry.source?.repository,
      commit: entry.source?.commit,
      snapshotDate: entry.source?.snapshotDate,
      license: entry.license,
      licenseFile: entry.licenseFile,
      attribution: entry.attribution,
      counts: entry.counts,
      bytes: entry.bytes,
      sha256: entry.sha256,
    };
    const checked = sampleEntrySchema.safeParse(candidate);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      problems.push(`feeds[${i}].${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    const feedPath = path.join(folder, checked.data.file);
    const licensePath = path.join(folder, checked.data.licenseFile);
    if (!existsSync(feedPath) || !existsSync(licensePath)) {
      problems.push(`feeds[${i}]: ${checked.data.file} or its licence file is missing`);
      continue;
    }
    const digest = createHash('sha256').update(readFileSync(feedPath)).digest('hex');
    if (digest !== checked.data.sha256) {
      problems.push(`feeds[${i}]: ${checked.data.file} does not match its sha256 (rebuild it)`);
      continue;
    }
    index.feeds.push(checked.data);
    assets.push(
      { absoluteSrc: feedPath, relativeDest: `${SAMPLES_DIR}/${checked.data.file}` },
      { absoluteSrc: licensePath, relativeDest: `${SAMPLES_DIR}/${checked.data.licenseFile}` },
    );
  }
  if (index.feeds.length === 0)
    return {
      assets: [],
      message: `no sample feeds bundled${problems.length ? `: ${problems.join('; ')}` : ''}`,
    };
  assets.push({ contents: `${JSON.stringify(index)}\n`, relativeDest: SAMPLES_INDEX });
  return {
    assets,
    message:
      `sample feeds bundled: ${index.feeds.map((f) => f.file).join(', ')}` +
      (problems.length ? ` (skipped: ${problems.join('; ')})` : ''),
  };
}
