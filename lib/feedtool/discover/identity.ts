// Who did the work: the names and addresses recorded in commits unified into people.
// Two recorded identities are one person when they share an address (case-insensitive), a
// GitHub login (from a users.noreply.github.com address), or — when `sameName` is on — the
// same full name of at least two words. Bots are recognised by configurable patterns over
// "Name <address>" and left out. The rules are in docs/discovery.md ("People").
import { foldText } from '../../model/keys';

/** Patterns over "Name <address>" that mark automation rather than a person. */
export const DEFAULT_BOT_PATTERNS = [
  '\\[bot\\]',
  '^(dependabot|renovate|github-actions|pre-commit-ci|greenkeeper|mergify|codecov|imgbot|allcontributors|web-flow|snyk-bot|pyup-bot|miss-islington|bedevere-bot)\\b',
  '(^|[\\s._-])bot(s)?\\s*<',
  '[._+-]bot@',
  '^[^<]*<(noreply|no-reply|bot|ci|automation)@',
];

/** "123+login@users.noreply.github.com" and "login@users.noreply.github.com" → login. */
export function githubLogin(email: string): string | undefined {
  const m =
    /^(?:\d+\+)?([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?)@users\.noreply\.github\.com$/i.exec(
      email.trim(),
    );
  return m ? m[1] : undefined;
}

export interface Person {
  /** Index in `people`. */
  index: number;
  /** The name used on most commits. */
  name: string;
  /** Every other spelling seen. */
  aliases: string[];
  /** Real addresses (noreply addresses become the handle instead). */
  emails: string[];
  github?: string;
}

interface Recorded {
  name: string;
  email: string;
  commits: number;
}

/** Collects recorded identities while commits stream, then unifies them once. */
export class IdentityBook {
  private readonly recorded: Recorded[] = [];
  private readonly byRaw = new Map<string, number>();
  private readonly bots: RegExp[];
  private readonly botIds = new Set<number>();

  constructor(botPatterns: readonly string[]) {
    this.bots = botPatterns.map((p) => new RegExp(p, 'i'));
  }

  /** The recorded identity's number, or -1 for a bot. */
  record(name: string, email: string): number {
    const raw = `${name}\u0000${email}`;
    let id = this.byRaw.get(raw);
    if (id === undefined) {
      id = this.recorded.length;
      this.recorded.push({ name, email, commits: 0 });
      this.byRaw.set(raw, id);
      const text = `${name} <${email}>`;
      if (this.bots.some((b) => b.test(text))) this.botIds.add(id);
    }
    this.recorded[id]!.commits++;
    return this.botIds.has(id) ? -1 : id;
  }

  /** Bot identities seen, as "Name <address>", with their commit counts. */
  botsSeen(): { identity: string; commits: number }[] {
    return [...this.botIds].map((id) => {
      const r = this.recorded[id]!;
      return { identity: `${r.name} <${r.email}>`, commits: r.commits };
    });
  }

  /** Unifies: returns the people and, per recorded identity, its person's index. */
  unify(options: { sameName: boolean }): { people: Person[]; personOf: Int32Array } {
    const n = this.recorded.length;
    const parent = Int32Array.from({ length: n }, (_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    const byKey = new Map<string, number>();
    const join = (key: string, id: number) => {
      const other = byKey.get(key);
      if (other === undefined) byKey.set(key, id);
      else parent[find(id)] = find(other);
    };
    this.recorded.forEach((r, id) => {
      if (this.botIds.has(id)) return;
      const login = githubLogin(r.email);
      if (login) join(`gh ${login.toLowerCase()}`, id);
      else if (r.email.includes('@')) join(`email ${r.email.trim().toLowerCase()}`, id);
      const name = foldText(r.name);
      if (options.sameName && name.split(' ').length >= 2) join(`name ${name}`, id);
    });

    const people: Person[] = [];
    const personOf = new Int32Array(n).fill(-1);
    const members = new Map<number, number[]>();
    this.recorded.forEach((_, id) => {
      if (this.botIds.has(id)) return;
      const root = find(id);
      let list = members.get(root);
      if (!list) members.set(root, (list = []));
      list.push(id);
    });
    for (const ids of members.values()) {
      const index = people.length;
      const names = new Map<string, number>();
      const logins = new Map<string, number>();
      const emails = new Map<string, string>();
      for (const id of ids) {
        personOf[id] = index;
        const r = this.recorded[id]!;
        names.set(r.name, (names.get(r.name) ?? 0) + r.commits);
        const login = githubLogin(r.email);
        if (login) logins.set(login, (logins.get(login) ?? 0) + r.commits);
        else if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.email))
          emails.set(r.email.toLowerCase(), r.email);
      }
      const ranked = [...names.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
      const person: Person = {
        index,
        name: ranked[0]!,
        aliases: ranked.slice(1).filter((a) => foldText(a) !== foldText(ranked[0]!)),
        emails: [...emails.values()],
      };
      const login = [...logins.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      if (login) person.github = login;
      people.push(person);
    }
    return { people, personOf };
  }
}
