// The people and seats one registry names: every listing of a person adds to one person
// record (later listings only fill gaps and add emails and handles), and every seat of a
// person in a community adds to one membership with the strongest participation and the
// union of roles. A registry that lists someone as both lead and liaison of a team means one
// member with two roles, never two memberships or a conflict.
import {
  LEADERSHIP_ROLES,
  PARTICIPATION_LEVELS,
  type LeadershipRole,
  type Participation,
} from '../../model/vocabulary';
import type { MembershipInput, Origin, PersonInput, Sourced } from '../source';

interface Seat {
  person: string;
  community: string;
  participation: Participation;
  roles: Set<LeadershipRole>;
  since?: string;
  origin: Origin;
}

export class Roster {
  private readonly people = new Map<string, Sourced<PersonInput>>();
  private readonly seats = new Map<string, Seat>();

  /**
   * A person known only by a login on a code host (org-as-code, CODEOWNERS): keyed by the
   * lower-cased login, the login as a placeholder name until a source names them.
   */
  login(login: string, at: { personIdPrefix: string; host: string }, origin: Origin): string {
    return this.person(
      {
        id: `${at.personIdPrefix}${login.toLowerCase()}`,
        name: login,
        handles: { [at.host]: login },
      },
      origin,
      true,
    );
  }

  /** Adds or completes a person. `weakName`: the name is only a placeholder (a login). */
  person(record: PersonInput, origin: Origin, weakName = false): string {
    const found = this.people.get(record.id);
    if (!found) {
      this.people.set(record.id, {
        record: structuredClone(record),
        origin,
        ...(weakName ? { weak: ['name'] } : {}),
      });
      return record.id;
    }
    const into = found.record;
    if (found.weak?.includes('name') && !weakName) {
      into.name = record.name;
      found.weak = found.weak.filter((f) => f !== 'name');
    }
    for (const field of ['unit', 'company', 'title', 'timezone', 'avatar'] as const) {
      if (into[field] === undefined && record[field] !== undefined) into[field] = record[field];
    }
    for (const email of record.emails ?? []) {
      if (!(into.emails ?? []).some((e) => e.toLowerCase() === email.toLowerCase()))
        into.emails = [...(into.emails ?? []), email];
    }
    for (const alias of record.aliases ?? []) {
      if (alias !== into.name && !(into.aliases ?? []).includes(alias))
        into.aliases = [...(into.aliases ?? []), alias];
    }
    for (const [host, login] of Object.entries(record.handles ?? {})) {
      if (!into.handles?.[host]) into.handles = { ...(into.handles ?? {}), [host]: login };
    }
    return into.id;
  }

  has(id: string): boolean {
    return this.people.has(id);
  }

  /** Seats a person in a community; several seats merge (strongest level, all roles). */
  seat(
    person: string,
    community: string,
    participation: Participation,
    roles: readonly LeadershipRole[],
    origin: Origin,
    since?: string,
  ): void {
    const key = `${person}\u0000${community}`;
    const found = this.seats.get(key);
    if (!found) {
      this.seats.set(key, {
        person,
        community,
        participation,
        roles: new Set(roles),
        origin,
        ...(since ? { since } : {}),
      });
      return;
    }
    const rank = (p: Participation) => PARTICIPATION_LEVELS.indexOf(p);
    if (rank(participation) < rank(found.participation)) found.participation = participation;
    for (const role of roles) found.roles.add(role);
    // The earliest date is when the person joined.
    if (since && (!found.since || since < found.since)) found.since = since;
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
        ...(s.since ? { since: s.since } : {}),
      },
      origin: s.origin,
    }));
  }
}
