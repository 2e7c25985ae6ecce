// How a community discovered from shared work (issue 16: `discovered: true` in the feed,
// standing "unrecognized") introduces itself, in the same words wherever a person meets it —
// the popup, the hovercards on pages, the boundaries view: a "discovered" badge, where and
// when it was found, that it is not a chartered community, and the evidence the feed carries.
import type { Evidence } from './model/feed';

/** The badge next to a discovered community's name. */
export const DISCOVERED_BADGE = 'discovered';

/** What the badge means, for its tooltip. */
export const DISCOVERED_TITLE =
  'Found in a history of shared work (who changed the same things, how regularly), not declared by anyone';

export function isDiscovered(community: { discovered?: boolean | undefined }): boolean {
  return community.discovered === true;
}

/** The years of the evidence: "2014–2026", "in 2024", "since 2019", or undefined. */
export function evidencePeriod(
  evidence: Pick<Evidence, 'since' | 'until'> | undefined,
): string | undefined {
  const since = evidence?.since?.slice(0, 4);
  const until = evidence?.until?.slice(0, 4);
  if (since && until) return since === until ? `in ${since}` : `${since}–${until}`;
  if (since) return `since ${since}`;
  if (until) return `until ${until}`;
  return undefined;
}

/** Where the evidence was read, readable: a repository URL loses its scheme. */
function sourceName(source: string | undefined): string | undefined {
  if (!source) return undefined;
  return source.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
}

/**
 * One short sentence: "Discovered from shared work in python/devguide history, 2014–2026 —
 * not a chartered community (standing: unrecognized)."
 */
export function discoveredOrigin(community: {
  standing: string;
  evidence?: Evidence | undefined;
}): string {
  const source = sourceName(community.evidence?.source);
  const period = evidencePeriod(community.evidence);
  const where = [source ? ` in ${source}` : '', period ? `, ${period}` : ''].join('');
  return `Discovered from shared work${where} — not a chartered community (standing: ${community.standing}).`;
}

/** "Evidence: 85 commits by 31 people on development-tools/clinic since 2014; …", if any. */
export function evidenceLine(evidence: Pick<Evidence, 'summary'> | undefined): string | undefined {
  const summary = evidence?.summary.trim();
  return summary ? `Evidence: ${summary}` : undefined;
}
