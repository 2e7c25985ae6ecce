// The order e2e files start in: longest first. Three files run at once, so a long file that
// starts last holds the whole run up while the other slots stand idle; starting the long ones
// first and letting the short ones fill in behind them (longest-processing-time scheduling)
// ends all three slots close together. Vitest's own order needs timings from an earlier run on
// the same checkout, which a fresh CI clone never has, so it falls back to file size — and the
// short files are not the small ones (sync-resume.e2e.test.ts is small and takes ~50 s).
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each file took in a CI run (`CI=true bash .ci/run` in a fresh clone, 2026-12-03,
 * quiet 2-core machine, three files at a time). Only the order matters.
 */
export const E2E_SECONDS: Readonly<Record<string, number>> = {
  'live-wikis.e2e.test.ts': 80,
  'annotate.e2e.test.ts': 51,
  'sync-resume.e2e.test.ts': 51,
  'feed-trust.e2e.test.ts': 44,
  'sync.e2e.test.ts': 42,
  'real-pages.e2e.test.ts': 37,
  'page-isolation.e2e.test.ts': 31,
  'boundaries-readability.e2e.test.ts': 30,
  'peer-finder.e2e.test.ts': 26,
  'visual-popup.e2e.test.ts': 25,
  'visual-pages.e2e.test.ts': 25,
  'boundaries.e2e.test.ts': 20,
  'annotate-hostile.e2e.test.ts': 19,
  'firefox.e2e.test.ts': 18,
  'discovery-sample.e2e.test.ts': 18,
  'sync-delta.e2e.test.ts': 16,
  'cards-axe.e2e.test.ts': 15,
  'prose-names.e2e.test.ts': 14,
  'discovered-layer.e2e.test.ts': 11,
  'firefox-policy.e2e.test.ts': 10,
  'launcher.e2e.test.ts': 8,
  'popup.e2e.test.ts': 8,
  'keyboard.e2e.test.ts': 7,
  'ldap.e2e.test.ts': 4,
};

/** A file not listed yet (new) starts first: its time is unknown, so it may be the longest. */
const UNLISTED_SECONDS = Number.MAX_SAFE_INTEGER;

export const expectedSeconds = (file: string): number =>
  E2E_SECONDS[path.basename(file)] ?? UNLISTED_SECONDS;

export class LongestFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve(
      [...files].sort((a, b) => expectedSeconds(b.moduleId) - expectedSeconds(a.moduleId)),
    );
  }
}
