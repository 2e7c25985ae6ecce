// The demo organisation's people: the featured characters plus generated colleagues in every
// unit, each with the identities a page might show (emails, logins on the demo hosts, other
// spellings of their name). Logins and addresses are unique per host, as in a real directory,
// so every annotation on a demo page resolves to exactly one person.
import type { FeedInput } from '../model/feed';
import { FEATURED_PEOPLE, type FeaturedPerson } from './featured-people';
import { LONG_VOWEL_SPELLINGS, NAME_CULTURES, NICKNAMES, asciiFold, loginPart } from './names';
import type { Random } from './random';
import { LUMEN, UNIT_PLANS, type UnitPlan } from './units';

type PersonInput = FeedInput['people'][number];

export const HOSTS = {
  code: 'git.northwind.test',
  wiki: 'wiki.northwind.test',
  intranet: 'intranet.northwind.test',
  github: 'github.com',
} as const;

export interface DemoPerson {
  record: PersonInput;
  unit: UnitPlan;
  featured: boolean;
}

// Who has an account where: engineers live on the code host, few people outside technology
// do, partners get guest accounts; github.com accounts are a minority everywhere.
const TECH_UNITS = new Set(['data-platform', 'security', 'digital-channels']);
const CODE_HOST_SHARE: Readonly<Record<string, number>> = { actuarial: 0.6, claims: 0.3 };
const GITHUB_SHARE: Readonly<Record<string, number>> = { actuarial: 0.2 };

/** Hands out logins and addresses, appending 2, 3… when a spelling is already taken. */
class Registry {
  private readonly taken = new Set<string>();

  claim(base: string, separator = ''): string {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}${separator}${n}`;
      const key = candidate.toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}

interface Registries {
  email: Registry;
  code: Registry;
  wiki: Registry;
  intranet: Registry;
  github: Registry;
  ids: Registry;
}

interface NameParts {
  given: string;
  family: string;
}

/** Featured people first (in their fixed order), then each unit's generated colleagues. */
export function buildDemoPeople(random: Random): DemoPerson[] {
  const unitsById = new Map(UNIT_PLANS.map((u) => [u.id, u]));
  const registries: Registries = {
    email: new Registry(),
    code: new Registry(),
    wiki: new Registry(),
    intranet: new Registry(),
    github: new Registry(),
    ids: new Registry(),
  };
  const usedNames = new Set(FEATURED_PEOPLE.map((p) => `${p.given} ${p.family}`));
  const people: DemoPerson[] = FEATURED_PEOPLE.map((featured) => {
    const unit = unitsById.get(featured.unit);
    if (!unit)
      throw new Error(`featured person ${featured.id} names unknown unit ${featured.unit}`);
    return { record: featuredRecord(featured, unit, registries), unit, featured: true };
  });
  for (const unit of UNIT_PLANS) {
    for (let i = 0; i < unit.headcount; i++) {
      people.push({
        record: generatedRecord(unit, usedNames, registries, random),
        unit,
        featured: false,
      });
    }
  }
  return people;
}

function featuredRecord(featured: FeaturedPerson, unit: UnitPlan, registries: Registries) {
  registries.ids.claim(featured.id);
  const name = { given: featured.given, family: featured.family };
  const handles: Record<string, string> = {
    [HOSTS.code]: codeLogin(name, unit, registries),
    [HOSTS.wiki]: wikiLogin(name, registries),
  };
  if (featured.intranet) handles[HOSTS.intranet] = intranetLogin(name, registries);
  if (featured.github) handles[HOSTS.github] = githubLogin(name, 0, registries);
  return personRecord(featured.id, name, unit, featured.title, handles, featured, registries);
}

function generatedRecord(
  unit: UnitPlan,
  usedNames: Set<string>,
  registries: Registries,
  random: Random,
): PersonInput {
  let culture = random.pick(NAME_CULTURES);
  let name: NameParts = { given: random.pick(culture.given), family: random.pick(culture.family) };
  // Namesakes exist in real directories, but in a curated demo they would only confuse.
  while (usedNames.has(`${name.given} ${name.family}`)) {
    culture = random.pick(NAME_CULTURES);
    name = { given: random.pick(culture.given), family: random.pick(culture.family) };
  }
  usedNames.add(`${name.given} ${name.family}`);
  const fullName = `${name.given} ${name.family}`;
  const id = registries.ids.claim(`p-${slug(fullName)}`, '-');

  const partner = unit.company === LUMEN;
  const handles: Record<string, string> = {};
  const codeShare = partner || TECH_UNITS.has(unit.id) ? 1 : (CODE_HOST_SHARE[unit.id] ?? 0.1);
  if (random.chance(codeShare)) handles[HOSTS.code] = codeLogin(name, unit, registries);
  if (random.chance(partner ? 0.3 : 0.75)) handles[HOSTS.wiki] = wikiLogin(name, registries);
  const intranetShare = unit.id === 'people-culture' ? 1 : partner ? 0 : 0.04;
  if (random.chance(intranetShare)) handles[HOSTS.intranet] = intranetLogin(name, registries);
  const githubShare = partner
    ? 0.5
    : TECH_UNITS.has(unit.id)
      ? 0.45
      : (GITHUB_SHARE[unit.id] ?? 0.04);
  if (random.chance(githubShare)) {
    handles[HOSTS.github] = githubLogin(name, random.int(0, 2), registries);
  }

  const aliases: string[] = [];
  const nickname = NICKNAMES[name.given];
  if (nickname && random.chance(0.7)) aliases.push(`${nickname} ${name.family}`);
  const folded = asciiFold(fullName);
  if (folded !== fullName && random.chance(0.6)) aliases.push(folded);
  if (culture.familyFirst && random.chance(0.4)) {
    const family = LONG_VOWEL_SPELLINGS[name.family] ?? name.family;
    aliases.push(`${family} ${name.given}`);
  }
  const timezone = random.chance(0.7) ? random.pick(unit.offices) : random.pick(culture.timezones);
  const title = random.pick(unit.titles);
  return personRecord(id, name, unit, title, handles, { aliases, timezone }, registries);
}

function personRecord(
  id: string,
  name: NameParts,
  unit: UnitPlan,
  title: string,
  handles: Record<string, string>,
  extra: { aliases: string[]; timezone: string },
  registries: Registries,
): PersonInput {
  const partner = unit.company === LUMEN;
  const local = registries.email.claim(`${loginPart(name.given)}.${loginPart(name.family)}`);
  const emails = [`${local}@${partner ? 'lumen-analytics.example' : 'northwind.example'}`];
  // Partners working inside Northwind also get a guest address on Northwind's domain.
  if (partner) emails.push(`${local}@partners.northwind.example`);
  return {
    id,
    name: `${name.given} ${name.family}`,
    unit: unit.id,
    company: unit.company,
    title,
    emails,
    handles,
    aliases: extra.aliases,
    timezone: extra.timezone,
  };
}

/** Gitea style: first initial and family name ("zokafor"); partners get an "ext-" guest login. */
function codeLogin(name: NameParts, unit: UnitPlan, registries: Registries): string {
  const base = `${loginPart(name.given).slice(0, 1)}${loginPart(name.family)}`;
  return registries.code.claim(unit.company === LUMEN ? `ext-${base}` : base);
}

/** MediaWiki user names keep their spelling; spaces become underscores as in the page URL. */
function wikiLogin(name: NameParts, registries: Registries): string {
  return registries.wiki.claim(`${name.given} ${name.family}`.replace(/ /g, '_'), '_');
}

function intranetLogin(name: NameParts, registries: Registries): string {
  return registries.intranet.claim(`${loginPart(name.given)}.${loginPart(name.family)}`);
}

/** Fictional "nw-" logins so the demo can never point at a real GitHub account. */
function githubLogin(name: NameParts, style: number, registries: Registries): string {
  const given = loginPart(name.given);
  const family = loginPart(name.family);
  const bases = [
    `nw-${given}${family}`,
    `nw-${given}-${family.slice(0, 1)}`,
    `nw-${given}${family}-dev`,
  ];
  return registries.github.claim(bases[style] ?? bases[0]!, '-');
}

function slug(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
