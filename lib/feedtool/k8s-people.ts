// The people of a Kubernetes community registry and their seats: every listing (chair,
// tech lead, emeritus lead, subproject lead, liaison) of a GitHub login adds to one person
// and one membership per group, so that someone who chairs and tech-leads a SIG holds one
// membership with the roles of both seats. Also reads the Slack user map (users.yaml).
import {
  LEADERSHIP_ROLES,
  PARTICIPATION_LEVELS,
  type LeadershipRole,
  type Participation,
} from '../model/vocabulary';
import type { PersonEntry } from './k8s-community';
import {
  problemAt,
  type MembershipInput,
  type Origin,
  type PersonInput,
  type SourceProblem,
  type Sourced,
} from './source';
import { loadYaml } from './yaml-load';
import { appendAll } from '../arrays';

interface Seat {
  person: string;
  community: string;
  participation: Participation;
  roles: Set<LeadershipRole>;
  origin: Origin;
}

export class K8sRoster {
  private readonly people = new Map<string, Sourced<PersonInput>>();
  private readonly seats = new Map<string, Seat>();

  constructor(
    private readonly slackIds: ReadonlyMap<string, string>,
    private readonly slackWorkspace: string,
    private readonly problems: SourceProblem[],
  ) {}

  /** Records a listing of a person; returns the person's id ("gh-" + lower-case login). */
  person(entry: PersonEntry, origin: Origin): string {
    const id = `gh-${entry.github.toLowerCase()}`;
    const email = entry.email && /^[^\s@]+@[^\s@]+$/.test(entry.email) ? entry.email : undefined;
    const found = this.people.get(id);
    if (!found) {
      const person: PersonInput = {
        id,
        name: entry.name.trim(),
        handles: { 'github.com': entry.github },
      };
      if (entry.company) person.company = entry.company;
      if (email) person.emails = [email];
      const slackId = this.slackIds.get(entry.github.toLowerCase());
      if (slackId) person.handles![this.slackWorkspace] = slackId;
      this.people.set(id, { record: person, origin });
      return id;
    }
    // The same person is listed once per seat and group; later listings only fill gaps.
    const person = found.record;
    if (entry.company && person.company && entry.company !== person.company) {
      this.problems.push(
        problemAt(
          'note',
          origin,
          `${entry.github}: company "${entry.company}" differs from "${person.company}" given earlier; kept the first`,
        ),
      );
    }
    if (!person.company && entry.company) person.company = entry.company;
    if (email && !person.emails?.some((e) => e.toLowerCase() === email.toLowerCase())) {
      person.emails = [...(person.emails ?? []), email];
    }
    return id;
  }

  /** Seats a person in a group; several seats in one group merge (strongest level, all roles). */
  seat(
    person: string,
    community: string,
    participation: Participation,
    roles: readonly LeadershipRole[],
    origin: Origin,
  ): void {
    const key = `${person}\u0000${community}`;
    const found = this.seats.get(key);
    if (!found) {
      this.seats.set(key, { person, community, participation, roles: new Set(roles), origin });
      return;
    }
    const rank = (p: Participation) => PARTICIPATION_LEVELS.indexOf(p);
    if (rank(participation) < rank(found.participation)) found.participation = participation;
    for (const role of roles) found.roles.add(role);
  }

  peopleRecords(): Sourced<PersonInput>[] {
    return [...this.people.values()];
  }

  membershipRecords(): Sourced<MembershipInput>[] {
    return [...this.seats.values()].map((s) => ({
      record: {
        person: s.person,
        community: s.community,
        participation: s.participation,
        roles: LEADERSHIP_ROLES.filter((r) => s.roles.has(r)),
      },
      origin: s.origin,
    }));
  }
}

/** users.yaml: `users: { <GitHub login>: <Slack member id> }`; keys compare without case. */
export function readSlackUsers(
  text: string,
  file: string,
  problems: SourceProblem[],
): Map<string, string> {
  const out = new Map<string, string>();
  const loaded = loadYaml(text, file);
  // The map is optional enrichment: its problems never stop the build.
  appendAll(
    problems,
    loaded.problems.map((p) => ({ ...p, severity: 'warning' as const })),
  );
  const users = (loaded.documents[0]?.value as { users?: unknown } | undefined)?.users;
  if (typeof users !== 'object' || users === null) {
    if (loaded.problems.length === 0) {
      problems.push(
        problemAt('warning', { file, line: 1 }, 'no "users" mapping; Slack ids are left out'),
      );
    }
    return out;
  }
  for (const [login, id] of Object.entries(users)) {
    if (typeof id === 'string' && /^[UW][A-Z0-9]+$/.test(id) && !/\s/.test(login)) {
      out.set(login.toLowerCase(), id);
    }
  }
  return out;
}
