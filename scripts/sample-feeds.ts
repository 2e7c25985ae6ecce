// `npm run sample-feeds`: builds real sample feeds with constellation-feed from the public
// corpus read in place (../shared/corpus beside the checkout) into .sample-feeds/, which is
// git-ignored: neither the corpus nor anything generated from it is committed. Next to the
// feeds it writes index.json (label, source, commit, licence, attribution, counts, sha256
// per feed), each source's LICENSE (Apache-2.0 asks for a copy with redistributed works),
// and each build's JSON report. generatedAt is the corpus snapshot date, so rebuilding the
// same corpus gives byte-identical feeds. The discovery sample (issue 16) is built the same
// way, by the real feed tool through a `type: git` source, from the saved history of
// python/devguide (corpus/python-devguide/history/, whose licence is the repository's).
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../lib/feedtool/cli';
import { writeFileAtomic } from '../lib/feedtool/write-atomic';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpus');
const outDir = path.join(root, '.sample-feeds');

interface Sample {
  /** The feed's file name (without .json) in .sample-feeds/. */
  name: string;
  label: string;
  config: string;
  credit: string;
  /** The corpus folder with the PROVENANCE.md (relative to the corpus). */
  corpus: string;
  /** The licence file to ship with the feed (relative to the corpus). */
  license: string;
  /** What documents how the data became a feed. */
  mapping: string;
  /** What the feed is derived from, for the attribution ("" = the repository's files). */
  derivedFrom?: string;
}

const SAMPLES: readonly Sample[] = [
  {
    name: 'kubernetes-community',
    label: 'Kubernetes community: SIGs, working groups and committees with their leads',
    config: 'lib/feedtool/samples/kubernetes-community.yaml',
    credit: '© The Kubernetes Authors, licensed under the Apache License 2.0',
    corpus: 'kubernetes-community',
    license: 'kubernetes-community/LICENSE',
    mapping: 'the mapping is documented in docs/feed-tooling.md',
  },
  {
    name: 'python-devguide',
    label: 'CPython core development: core team and experts index',
    config: 'lib/feedtool/samples/python-devguide.yaml',
    credit: 'by the Python devguide contributors, dedicated to the public domain under CC0 1.0',
    corpus: 'python-devguide',
    license: 'python-devguide/LICENSE',
    mapping: 'the mapping is documented in docs/feed-tooling.md',
  },
  {
    name: 'python-devguide-discovered',
    label:
      'Communities discovered in the Python devguide history (from its commits; declared by no one)',
    config: 'lib/feedtool/samples/python-devguide-discovered.yaml',
    credit: 'by the Python devguide contributors, dedicated to the public domain under CC0 1.0',
    corpus: 'python-devguide/history',
    license: 'python-devguide/LICENSE',
    mapping:
      'the communities, their members and evidence were discovered from the commit history as documented in docs/discovery.md',
    derivedFrom: 'the commit history (git log --numstat) of',
  },
];

interface Provenance {
  repository: string;
  commit: string;
  date: string;
  license: string;
}

async function provenance(dir: string): Promise<Provenance> {
  const text = await readFile(path.join(dir, 'PROVENANCE.md'), 'utf8');
  const repository = /Source repository:\s*(\S+)/.exec(text)?.[1];
  const snapshot = /Snapshot commit[^`]*`([0-9a-f]{40})`\s*\((\d{4}-\d{2}-\d{2})\)/.exec(text);
  // "Licence: CC0-1.0" or "(licence CC0-1.0, see ../LICENSE)".
  const license = /\blicen[cs]e:?\s+([A-Za-z0-9][A-Za-z0-9.-]*)/i.exec(text)?.[1];
  if (!repository || !snapshot || !license)
    throw new Error(`${dir}/PROVENANCE.md: source, snapshot commit or licence not found`);
  return { repository, commit: snapshot[1]!, date: snapshot[2]!, license };
}

async function run(): Promise<number> {
  try {
    await readFile(path.join(corpus, 'kubernetes-community', 'PROVENANCE.md'));
  } catch {
    console.error(
      `sample-feeds: the corpus is not at ${path.relative(root, corpus)}; check out the shared corpus beside this repository`,
    );
    return 1;
  }
  await mkdir(outDir, { recursive: true });
  const index = [];
  let failed = false;
  for (const sample of SAMPLES) {
    const dir = path.join(corpus, sample.corpus);
    const source = await provenance(dir);
    const feedFile = `${sample.name}.json`;
    const io = {
      out: (line: string) => console.log(line),
      err: (line: string) => console.error(`[${sample.name}] ${line}`),
      cwd: root,
    };
    const code = await main(
      [
        'build',
        '--config',
        sample.config,
        '--out',
        `.sample-feeds/${feedFile}`,
        '--report',
        `.sample-feeds/${sample.name}.report.json`,
        '--generated-at',
        `${source.date}T00:00:00Z`,
      ],
      io,
    );
    if (code !== 0) {
      failed = true;
      continue;
    }
    const bytes = await readFile(path.join(outDir, feedFile));
    const feed = JSON.parse(bytes.toString('utf8')) as Record<string, unknown[]>;
    const licenseFile = `${sample.name}.LICENSE.txt`;
    await writeFileAtomic(
      path.join(outDir, licenseFile),
      await readFile(path.join(corpus, sample.license)),
    );
    index.push({
      file: feedFile,
      label: sample.label,
      source: {
        repository: source.repository,
        commit: source.commit,
        snapshotDate: source.date,
        files: path.relative(root, dir),
      },
      license: source.license,
      licenseFile,
      attribution:
        `Derived from ${sample.derivedFrom ? `${sample.derivedFrom} ` : ''}${source.repository} (commit ${source.commit.slice(0, 12)}, ${source.date}), ${sample.credit}. ` +
        `Converted into a Constellation feed by constellation-feed (${sample.config}); ${sample.mapping}.`,
      counts: Object.fromEntries(
        ['units', 'people', 'topics', 'communities', 'memberships', 'expertise'].map((l) => [
          l,
          feed[l]?.length ?? 0,
        ]),
      ),
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  await writeFileAtomic(
    path.join(outDir, 'index.json'),
    `${JSON.stringify({ generatedBy: 'npm run sample-feeds', feeds: index }, null, 2)}\n`,
  );
  console.log(
    `sample feeds in ${path.relative(root, outDir)}/: ${index.map((f) => f.file).join(', ')} (+ index.json)`,
  );
  return failed ? 1 : 0;
}

process.exitCode = await run();
