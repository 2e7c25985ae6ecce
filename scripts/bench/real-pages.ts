// Real pages report (issue 8): per-host precision and recall of person detection on every
// saved real page of ../shared/corpus/pages/, in real Chromium with the built extension
// ($CONSTELLATION_OUT_DIR or .output), each page under its real URL, self-hosted sites
// enabled with the popup's real button — the same run as test/e2e/real-pages.e2e.test.ts
// (test/e2e/support/real-pages.ts), against the hand-labelled detections in
// test/fixtures/expected/. A true positive is one badge of the right person in the right
// role; counts are compared per page and "person:role", so a missing duplicate counts too.
// `npx wxt build && npm run bench -- --suite real-pages`
import { execFileSync } from 'node:child_process';
import {
  REAL_PAGES,
  counts,
  expectedBadges,
  openRealPages,
  percent,
  scoreByHost,
  visitRealPage,
  type RealPageResult,
} from '../../test/e2e/support/real-pages';
import { chromiumExecutable } from '../chromium';
import { printTable } from './harness';

/** "Chromium 156.0.8078.79" (the user agent reports only the major version). */
function chromiumVersion(): string {
  return (
    /Chromium [\d.]+/.exec(
      execFileSync(chromiumExecutable(), ['--version'], { encoding: 'utf8' }),
    )?.[0] ?? 'Chromium (unknown version)'
  );
}

/** "person:role ×n" entries of `a` beyond those of `b`. */
function beyond(a: Record<string, number>, b: Record<string, number>): string[] {
  return Object.entries(a)
    .filter(([key, n]) => n > (b[key] ?? 0))
    .map(([key, n]) => `${key} ×${n - (b[key] ?? 0)}`);
}

export async function benchRealPages(): Promise<void> {
  const session = await openRealPages();
  const results: RealPageResult[] = [];
  try {
    for (const page of REAL_PAGES) results.push(await visitRealPage(session, page));
  } finally {
    await session.close();
  }

  console.log(
    `\nReal pages: person detection on ${results.length} saved pages under their real URLs ` +
      `(${chromiumVersion()}, ${new Date().toISOString().slice(0, 10)})\n`,
  );
  const perPage: string[][] = [
    ['page', 'adapter', 'expected', 'detected', 'missing', 'unexpected', 'in code', 'seconds'],
  ];
  for (const result of results) {
    const expected = expectedBadges(result.page.name);
    const detected = counts(result.people);
    const total = (record: Record<string, number>) =>
      Object.values(record).reduce((n, v) => n + v, 0);
    perPage.push([
      result.page.name,
      result.adapter,
      String(total(expected)),
      String(total(detected)),
      beyond(expected, detected).join(', ') || '–',
      beyond(detected, expected).join(', ') || '–',
      String(result.inCode.length),
      result.seconds.toFixed(1),
    ]);
  }
  printTable(perPage);

  console.log('');
  const perHost: string[][] = [
    [
      'host',
      'pages',
      'expected',
      'detected',
      'true positives',
      'precision',
      'recall',
      'recall (authors, reviewers, commenters)',
      'annotations in code',
      'topic terms in code (skipped)',
    ],
  ];
  for (const row of scoreByHost(results)) {
    perHost.push([
      row.host,
      String(row.pages),
      String(row.expected),
      String(row.detected),
      String(row.truePositives),
      percent(row.truePositives, row.detected),
      percent(row.truePositives, row.expected),
      `${percent(row.goalFound, row.goalExpected)} (${row.goalFound}/${row.goalExpected})`,
      String(row.inCode),
      String(row.termsInCode),
    ]);
  }
  printTable(perHost);
  console.log(
    `\nRequests aborted (page sub-resources): ${session.aborted.length}; ` +
      `responses other than the saved pages: ${session.leaked.length}.`,
  );
}
