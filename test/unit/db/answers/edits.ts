// Random edits of a feed that keep it whole (every reference resolves, ids unique): what a
// producer's next document may change, for the changes-file property.
import fc from 'fast-check';
import type { FeedInput } from '../../../../lib/model/feed';
import { LEADERSHIP_ROLES, PARTICIPATION_LEVELS } from '../../../../lib/model/vocabulary';
import { NAME_POOL } from './feed-arbitrary';

export type Edit = { kind: (typeof EDIT_KINDS)[number]; at: number; value: number };

const EDIT_KINDS = [
  'rename-person',
  'person-unit',
  'person-company',
  'person-handle',
  'person-email',
  'remove-person',
  'add-person',
  'participation',
  'roles',
  'remove-membership',
  'add-membership',
  'visibility',
  'rename-community',
  'unit-company',
  'topic-label',
  'expertise-level',
  'remove-community',
  'remove-topic',
  'remove-unit',
  'rename-unit',
  'community-topic',
  'topic-alias',
  'person-alias',
] as const;

export const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...EDIT_KINDS),
  at: fc.nat(),
  value: fc.nat(),
});

const NEW_IDS = ['n-é', 'n-e\u0301', 'n-人', 'n-🦊', 'N-A', 'n-a'];

function pick<T>(list: readonly T[], at: number): T | undefined {
  return list.length === 0 ? undefined : list[at % list.length];
}

/** Applies `edit` to `f` in place; an edit with nothing to act on changes nothing. */
export function applyEdit(f: FeedInput, edit: Edit): void {
  const { at, value } = edit;
  const person = pick(f.people, at);
  const membership = pick(f.memberships, at);
  const community = pick(f.communities, at);
  switch (edit.kind) {
    case 'rename-person':
      if (person) person.name = NAME_POOL[value % NAME_POOL.length]!;
      break;
    case 'person-unit': {
      if (!person) break;
      const unit = pick(f.units, value);
      if (unit && value % 3 !== 0) person.unit = unit.id;
      else delete person.unit;
      break;
    }
    case 'person-company':
      if (!person) break;
      if (person.company) delete person.company;
      else person.company = value % 2 ? 'Acme' : 'Ünïcorn GmbH';
      break;
    case 'person-handle':
      if (person) person.handles = value % 3 ? { 'GitHub.com': value % 2 ? 'ALICE' : 'zoë' } : {};
      break;
    case 'person-email':
      if (person)
        person.emails = value % 3 ? [value % 2 ? 'Ana@Acme.Example' : 'new@x.example'] : [];
      break;
    case 'remove-person':
      if (!person) break;
      f.people = f.people.filter((p) => p !== person);
      f.memberships = f.memberships.filter((m) => m.person !== person.id);
      f.expertise = f.expertise.filter((e) => e.person !== person.id);
      break;
    case 'add-person': {
      const id = pick(NEW_IDS, value)!;
      if (f.people.some((p) => p.id === id)) break;
      f.people.push({ id, name: NAME_POOL[value % NAME_POOL.length]!, handles: {} });
      if (community)
        f.memberships.push({ person: id, community: community.id, participation: 'core' });
      break;
    }
    case 'participation':
      if (membership)
        membership.participation = PARTICIPATION_LEVELS[value % PARTICIPATION_LEVELS.length]!;
      break;
    case 'roles':
      if (membership)
        membership.roles = LEADERSHIP_ROLES.filter((_, i) => (value >> i) & 1).slice(0, 3);
      break;
    case 'remove-membership':
      if (membership) f.memberships = f.memberships.filter((m) => m !== membership);
      break;
    case 'add-membership': {
      const c = pick(f.communities, value);
      if (!person || !c) break;
      if (f.memberships.some((m) => m.person === person.id && m.community === c.id)) break;
      f.memberships.push({ person: person.id, community: c.id, participation: 'peripheral' });
      break;
    }
    case 'visibility':
      if (community)
        community.visibility = community.visibility === 'members' ? 'public' : 'members';
      break;
    case 'rename-community':
      if (community) community.name = NAME_POOL[value % NAME_POOL.length]!;
      break;
    case 'unit-company': {
      const unit = pick(f.units, at);
      if (!unit) break;
      if (unit.company) delete unit.company;
      else unit.company = value % 2 ? 'Globex' : 'acme';
      break;
    }
    case 'topic-label': {
      const topic = pick(f.topics, at);
      if (topic) topic.label = NAME_POOL[value % NAME_POOL.length]!;
      break;
    }
    case 'expertise-level': {
      const e = pick(f.expertise, at);
      if (e) e.level = (value % 5) + 1;
      break;
    }
    case 'remove-community':
      if (!community) break;
      f.communities = f.communities.filter((c) => c !== community);
      for (const c of f.communities)
        c.related = (c.related ?? []).filter((r) => r !== community.id);
      f.memberships = f.memberships.filter((m) => m.community !== community.id);
      break;
    case 'remove-topic': {
      const topic = pick(f.topics, at);
      if (!topic) break;
      f.topics = f.topics.filter((t) => t !== topic);
      for (const c of f.communities) c.topics = (c.topics ?? []).filter((t) => t !== topic.id);
      f.expertise = f.expertise.filter((e) => e.topic !== topic.id);
      break;
    }
    case 'remove-unit': {
      const unit = pick(f.units, at);
      if (!unit) break;
      f.units = f.units.filter((u) => u !== unit);
      for (const u of f.units) if (u.parent === unit.id) delete u.parent;
      for (const p of f.people) if (p.unit === unit.id) delete p.unit;
      break;
    }
    case 'rename-unit': {
      const unit = pick(f.units, at);
      if (unit) unit.name = NAME_POOL[value % NAME_POOL.length]!;
      break;
    }
    case 'community-topic': {
      const topic = pick(f.topics, value);
      if (!community || !topic) break;
      const topics = community.topics ?? [];
      community.topics = topics.includes(topic.id)
        ? topics.filter((t) => t !== topic.id)
        : [...topics, topic.id];
      break;
    }
    case 'topic-alias': {
      const topic = pick(f.topics, at);
      if (topic) topic.aliases = value % 3 ? [NAME_POOL[value % NAME_POOL.length]!] : [];
      break;
    }
    case 'person-alias':
      if (person) person.aliases = value % 3 ? [NAME_POOL[value % NAME_POOL.length]!] : [];
      break;
  }
}
