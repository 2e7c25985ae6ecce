// `discover <repo-or-log>`: communities of practice found in a repository's history (or a
// saved `git log --numstat`), printed as a readable report; optionally compared with a
// declared feed (--declared) and written as a feed of its own (--out). The method and the
// rules are in docs/discovery.md.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FEED_FORMAT, FEED_VERSION, type FeedInput } from '../model/feed';
import { validateFeed } from '../model/validate';
import { CliError, type Command } from './cli-types';
import { indexDeclared } from './discover/declared';
import { discover } from './discover/discover';
import { discoveryOptions } from './discover/options';
import { formatDiscovery } from './discover/report';
import { discoveryRecords } from './discover/to-feed';
import { importFeed } from './feed-source';
import type { SourceRecords } from './source';
import { writeFileAtomic } from './write-atomic';

export const runDiscover: Command = {
  summary: 'find the communities of practice in a git repository or a saved git log',
  help: [
    'Usage: constellation-feed discover <repository|log-file> [options]',
    '',
    '  <repository|log-file>  a git repository folder (read with the git program), or the output of',
    "                         git log --no-merges --date=iso-strict --numstat --format='commit %H%nAuthor: %aN <%aE>%nDate:   %ad%n%n    %s%n'",
    '  --since <when>         only commits since a date (2024-01-01) or a span ("2 years", "18 months")',
    '  --declared <feed>      a feed of declared communities: matching ones are named, the rest are candidates',
    "  --mailmap <file>       a .mailmap for a saved log (git applies a repository's own)",
    '  --bot <pattern>        one more bot pattern (regular expression over "Name <address>"); repeatable',
    "  --min-commits <n>      commits in a community's areas to count as a member (default 2)",
    '  --min-members <n>      members for a community (default 3)',
    '  --depth <n>            folder levels that make an area (default 2)',
    '  --out <file>           also write the discovered communities as a feed (validated first)',
    '  --feed-id <id>         feedId of that feed (default "discovered")',
  ],
  options: {
    since: { type: 'string' },
    declared: { type: 'string' },
    mailmap: { type: 'string' },
    bot: { type: 'string', multiple: true },
    'min-commits': { type: 'string' },
    'min-members': { type: 'string' },
    depth: { type: 'string' },
    out: { type: 'string' },
    'feed-id': { type: 'string' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1)
      throw new CliError('expected exactly one repository folder or log file', 2);
    const input = path.resolve(io.cwd, positionals[0]!);
    const display = (p: string) => path.relative(io.cwd, p) || p;
    const number = (name: string, min: number): number | undefined => {
      const raw = values[name];
      if (typeof raw !== 'string') return undefined;
      if (!/^\d+$/.test(raw) || Number(raw) < min)
        throw new CliError(`--${name} "${raw}" must be a whole number of at least ${min}`, 2);
      return Number(raw);
    };
    const settings = {
      ...(typeof values.since === 'string' ? { since: values.since } : {}),
      ...(typeof values.mailmap === 'string' ? { mailmap: values.mailmap } : {}),
      extraBots: (values.bot as unknown as string[] | undefined) ?? [],
      ...optional('minCommits', number('min-commits', 1)),
      ...optional('minMembers', number('min-members', 2)),
      ...optional('depth', number('depth', 1)),
    };
    const prepared = await discoveryOptions(settings, io.cwd, display, 'command line');
    if (!prepared.options) throw new CliError(prepared.problems.map(problemLine).join('; '), 2);

    const declared: SourceRecords[] = [];
    if (typeof values.declared === 'string') {
      const file = path.resolve(io.cwd, values.declared);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new CliError(`${display(file)}: cannot read: ${(error as Error).message}`);
      }
      const feed = importFeed('declared', text, display(file));
      const refused = feed.problems.find((p) => p.severity === 'error');
      if (refused) throw new CliError(problemLine(refused));
      declared.push(feed.records);
    }

    const discovery = await discover(input, display(input), prepared.options);
    for (const p of [...prepared.problems, ...discovery.problems]) io.err(problemLine(p));
    if (!discovery.ok) throw new CliError(`nothing discovered in ${display(input)}`);
    const label = path.basename(input);
    const { records, matches } = discoveryRecords(
      discovery,
      {
        personIdPrefix: 'git-',
        communityIdPrefix: 'git-',
        topicIdPrefix: 't-git-',
        label,
        match: { people: 0.5, peopleWithTopics: 0.3 },
      },
      indexDeclared(declared),
      { source: 'discover', file: display(input) },
    );
    formatDiscovery(discovery, display(input), matches, declared.length > 0).forEach((l) =>
      io.out(l),
    );

    if (typeof values.out === 'string') {
      const feedId = typeof values['feed-id'] === 'string' ? values['feed-id'] : 'discovered';
      const feed: FeedInput = {
        format: FEED_FORMAT,
        version: FEED_VERSION,
        feedId,
        generatedAt: new Date(discovery.end).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        organization: { name: `Discovered in ${label}` },
        units: [],
        people: records.people.map((r) => r.record),
        topics: records.topics.map((r) => r.record),
        // Matched communities live in the declared feed; this feed carries the discovered ones.
        communities: records.communities.map((r) => r.record).filter((c) => c.discovered === true),
        memberships: records.memberships
          .map((r) => r.record)
          .filter((m) => ![...matches.values()].some((x) => x.community === m.community)),
        expertise: [],
      };
      const validation = validateFeed(feed);
      if (!validation.ok)
        throw new CliError(`the discovered feed is not valid: ${validation.error.reason}`);
      for (const p of validation.problems)
        io.err(
          `warning: ${p.list} "${p.id ?? p.index}": ${p.field ? `${p.field}: ` : ''}${p.reason}; left out`,
        );
      const outFile = path.resolve(io.cwd, values.out);
      await mkdir(path.dirname(outFile), { recursive: true });
      await writeFileAtomic(outFile, `${JSON.stringify(validation.feed, null, 2)}\n`);
      io.err(`wrote ${display(outFile)}`);
    }
    return 0;
  },
};

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

function problemLine(p: {
  severity: string;
  file: string;
  line?: number;
  message: string;
}): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`;
}
