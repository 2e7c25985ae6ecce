// The readable report of `constellation-feed discover`: what was read, who was left out,
// and per discovered community its stage, evidence, members by participation, boundary
// people, newcomers and whether it is a declared community — ending with the candidates
// (communities no source declares) that a boundary leader may want to look at.
import type { DeclaredMatch } from './declared';
import type { DiscoveredCommunity, Discovery } from './discover';
import { communityEvidence, isoDay, memberEvidence, period } from './evidence';

const SHOWN_PER_LEVEL = 8;

export function formatDiscovery(
  discovery: Discovery,
  input: string,
  matches: ReadonlyMap<string, DeclaredMatch>,
  declaredRead: boolean,
): string[] {
  const out: string[] = [];
  const { people, communities } = discovery;
  out.push(
    `${input} (${discovery.kind === 'repository' ? 'git repository' : 'saved git log'}): ` +
      `${discovery.commits.toLocaleString('en')} commits from ${isoDay(discovery.start)} to ${isoDay(discovery.end)}, ` +
      `${people.length.toLocaleString('en')} people`,
  );
  if (discovery.bots.length > 0) {
    const bots = discovery.bots.map((b) => `${b.identity} (${b.commits})`).slice(0, 5);
    out.push(`Left out as bots: ${bots.join(', ')}${discovery.bots.length > 5 ? ', …' : ''}`);
  }
  out.push(
    `${communities.length} communities discovered; ${discovery.unplaced.toLocaleString('en')} people in none ` +
      '(one-off or scattered contributions)',
  );
  communities.forEach((community, i) => {
    out.push('');
    out.push(
      ...formatCommunity(community, i + 1, discovery, matches.get(community.key), declaredRead),
    );
  });
  const candidates = communities.filter((c) => !matches.has(c.key));
  out.push('');
  if (!declaredRead) {
    out.push(
      'No declared communities to compare with (give --declared <feed.json>): every community above is a candidate.',
    );
  } else if (candidates.length === 0) {
    out.push('Every discovered community is one that is already declared.');
  } else {
    out.push(`Candidates — discovered communities no declared one matches (${candidates.length}):`);
    for (const c of candidates)
      out.push(
        `  • ${c.name} (${c.stage}; ${c.members.length} members; ${period(c.first, c.last, discovery.end)})`,
      );
  }
  return out;
}

function formatCommunity(
  community: DiscoveredCommunity,
  number: number,
  discovery: Discovery,
  match: DeclaredMatch | undefined,
  declaredRead: boolean,
): string[] {
  const { people } = discovery;
  const lines = [
    `${number}. ${community.name} — ${community.stage}, unrecognized`,
    `   ${community.domain}`,
    `   Evidence: ${communityEvidence(community, people, discovery.end, undefined).summary}`,
  ];
  if (community.words.length) lines.push(`   Topics: ${community.words.slice(0, 6).join(', ')}`);
  for (const level of ['core', 'active', 'peripheral'] as const) {
    const members = community.members.filter((m) => m.participation === level);
    if (members.length === 0) continue;
    lines.push(`   ${level[0]!.toUpperCase()}${level.slice(1)} (${members.length}):`);
    for (const m of members.slice(0, level === 'peripheral' ? 3 : SHOWN_PER_LEVEL)) {
      const marks = [
        ...(m.roles.includes('boundary') ? ['boundary: also core or active in another'] : []),
        ...(m.newcomer ? ['newcomer'] : []),
      ];
      lines.push(
        `     - ${people[m.person]!.name}: ${memberEvidence(m, people, discovery.end, undefined).summary}` +
          (marks.length ? ` [${marks.join('; ')}]` : ''),
      );
    }
    const hidden = members.length - (level === 'peripheral' ? 3 : SHOWN_PER_LEVEL);
    if (hidden > 0) lines.push(`     … and ${hidden} more`);
  }
  if (match)
    lines.push(
      `   Declared: this is "${match.name}" (member overlap ${Math.round(match.overlap * 100)}%` +
        `${match.sharedWords.length ? `; shared words: ${match.sharedWords.slice(0, 4).join(', ')}` : ''}) — it enriches that one`,
    );
  else if (declaredRead) lines.push('   Declared: none matches — a candidate for boundary leaders');
  return lines;
}
