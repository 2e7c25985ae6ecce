// Importer for an LDAP directory (OpenLDAP, 389-ds, Active Directory's LDAP side): people
// (inetOrgPerson), units (organizationalUnit, nested by DN) and groups (groupOfNames,
// groupOfUniqueNames) become people, units and communities, with paged searches so a large
// directory is read whole. Connects with ldapts (a maintained, typed client) over ldaps://
// or StartTLS; binds with the DN from the config and a password read only from the
// environment variable the config names, so no secret ever sits in a config file or a
// message. Attribute values fill the same templates as csv ("{uid|lower}", "{cn}").
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import { Client, type Entry } from 'ldapts';
import type { LdapSourceConfig } from '../config-registries';
import {
  emptyRecords,
  problemAt,
  type CommunityInput,
  type ImportResult,
  type Origin,
  type PersonInput,
  type SourceProblem,
} from '../source';
import { parseTemplate, renderTemplate, type Template } from '../template';
import { cellOf, describe, nearest, normalizeDn, values, type Cell } from './ldap-entries';
import { Roster } from './roster';
import { appendAll } from '../../arrays';

export interface LdapContext {
  baseDir: string;
  display: (p: string) => string;
  env: NodeJS.ProcessEnv;
}

export async function importLdap(
  config: LdapSourceConfig,
  context: LdapContext,
): Promise<ImportResult> {
  const records = emptyRecords();
  const problems: SourceProblem[] = [];
  const file = config.url;
  const fail = (message: string): ImportResult => {
    problems.push(problemAt('error', { file }, message));
    return { records, problems };
  };

  const templates = new Map<string, Template>();
  const compile = (source: string | undefined, where: string) => {
    if (source === undefined || templates.has(source)) return;
    const parsed = parseTemplate(source);
    if (parsed.ok) templates.set(source, parsed.template);
    else problems.push(problemAt('error', { file }, `${where}: ${parsed.message}`));
  };
  const p = config.people;
  for (const t of [p.id].flat()) compile(t, 'people.id');
  compile(p.name, 'people.name');
  compile(p.fallbackName, 'people.fallbackName');
  compile(p.title, 'people.title');
  compile(p.emails, 'people.emails');
  compile(p.timezone, 'people.timezone');
  compile(p.company, 'people.company');
  for (const [host, t] of Object.entries(p.handles)) compile(t, `people.handles.${host}`);
  if (config.units) {
    compile(config.units.id, 'units.id');
    compile(config.units.name, 'units.name');
  }
  if (config.groups) {
    compile(config.groups.id, 'groups.id');
    compile(config.groups.name, 'groups.name');
    compile(config.groups.domain, 'groups.domain');
  }
  if (problems.length > 0) return { records, problems };

  let password: string | undefined;
  if (config.bindDN) {
    if (!config.passwordEnv)
      return fail(
        'bindDN needs passwordEnv: the name of the environment variable holding the password',
      );
    password = context.env[config.passwordEnv];
    if (password === undefined || password === '')
      return fail(`the environment variable ${config.passwordEnv} (the bind password) is not set`);
  }
  const tlsOptions: ConnectionOptions = {};
  if (config.caFile) {
    const caPath = path.resolve(context.baseDir, config.caFile);
    try {
      tlsOptions.ca = [await readFile(caPath, 'utf8')];
    } catch (error) {
      return fail(`cannot read caFile ${context.display(caPath)}: ${(error as Error).message}`);
    }
  }
  // The certificate is checked against the URL's host, also after StartTLS (where the TLS
  // layer would otherwise not know the name).
  const host = new URL(config.url).hostname.replace(/^\[|\]$/g, '');
  tlsOptions.host = host;
  if (!isIP(host)) tlsOptions.servername = host;
  if (config.startTLS && config.url.startsWith('ldaps:'))
    return fail('startTLS is for ldap:// URLs; an ldaps:// connection is already encrypted');

  const client = new Client({
    url: config.url,
    timeout: config.timeoutMs,
    connectTimeout: config.timeoutMs,
    ...(config.url.startsWith('ldaps:') ? { tlsOptions } : {}),
  });
  let entries: { units: Entry[]; people: Entry[]; groups: Entry[] };
  try {
    if (config.startTLS) await client.startTLS(tlsOptions);
    if (config.bindDN) await client.bind(config.bindDN, password);
    const search = async (filter: string) =>
      (
        await client.search(config.base, {
          scope: 'sub',
          filter,
          paged: { pageSize: config.pageSize },
        })
      ).searchEntries;
    entries = {
      units: config.units ? await search(config.units.filter) : [],
      people: await search(p.filter),
      groups: config.groups ? await search(config.groups.filter) : [],
    };
  } catch (error) {
    return fail(`LDAP: ${describe(error)}`);
  } finally {
    await client.unbind().catch(() => undefined);
  }
  const total = entries.units.length + entries.people.length + entries.groups.length;
  if (total === 0)
    return fail(
      `found nothing under "${config.base}": expected entries matching ${p.filter}${config.groups ? `, ${config.groups.filter}` : ''}${config.units ? ` or ${config.units.filter}` : ''}; check base and filters`,
    );

  const render = (source: string | undefined, cell: Cell) =>
    source === undefined ? undefined : renderTemplate(templates.get(source)!, cell);
  const origin = (entry: Entry): Origin => ({
    source: config.id,
    file: `${config.url} ${entry.dn}`,
  });

  // Units first: people and units are placed in the nearest unit above them in the tree.
  const unitByDn = new Map<string, string>();
  const unitIds = new Set<string>();
  const pendingParents: { record: { id: string; name: string; parent?: string }; dn: string }[] =
    [];
  for (const entry of entries.units) {
    const cell = cellOf(entry);
    const id = render(config.units!.id, cell);
    const name = render(config.units!.name, cell);
    if (!id || !name) {
      problems.push(problemAt('warning', origin(entry), 'unit without id or name; left out'));
      continue;
    }
    if (unitIds.has(id)) {
      problems.push(
        problemAt(
          'warning',
          origin(entry),
          `unit id "${id}" is used by another unit too; this one is left out (set units.id to tell them apart)`,
        ),
      );
      continue;
    }
    unitIds.add(id);
    unitByDn.set(normalizeDn(entry.dn), id);
    const record = { id, name };
    pendingParents.push({ record, dn: entry.dn });
    records.units.push({ record, origin: origin(entry) });
  }
  for (const { record, dn } of pendingParents) {
    const parent = nearest(dn, unitByDn);
    if (parent) (record as { parent?: string }).parent = parent;
  }

  const roster = new Roster();
  const personByDn = new Map<string, string>();
  for (const entry of entries.people) {
    const cell = cellOf(entry);
    const id = [p.id]
      .flat()
      .map((t) => render(t, cell))
      .find(Boolean);
    const name = render(p.name, cell) ?? render(p.fallbackName, cell);
    if (!id || !name) {
      problems.push(
        problemAt(
          'warning',
          origin(entry),
          `person left out: ${!id ? `no id (${[p.id].flat().join(' or ')})` : 'no name'}`,
        ),
      );
      continue;
    }
    const person: PersonInput = { id, name };
    const unit = nearest(entry.dn, unitByDn);
    if (unit) person.unit = unit;
    for (const [field, source] of [
      ['title', p.title],
      ['company', p.company],
      ['timezone', p.timezone],
    ] as const) {
      const v = render(source, cell);
      if (v) person[field] = v;
    }
    const emails = (render(p.emails, cell) ?? '')
      .split(/[;,]/)
      .map((e) => e.trim())
      .filter(Boolean);
    if (emails.length > 0) person.emails = emails;
    const handles: Record<string, string> = {};
    for (const [host, t] of Object.entries(p.handles)) {
      const v = render(t, cell);
      if (v) handles[host] = v;
    }
    if (Object.keys(handles).length > 0) person.handles = handles;
    personByDn.set(normalizeDn(entry.dn), roster.person(person, origin(entry)));
  }

  if (config.groups) {
    const g = config.groups;
    const groupByDn = new Map<string, string>();
    const groupIds = new Set<string>();
    const accepted: { entry: Entry; community: CommunityInput }[] = [];
    for (const entry of entries.groups) {
      const cell = cellOf(entry);
      const id = render(g.id, cell);
      const name = render(g.name, cell);
      if (!id || !name || groupIds.has(id)) {
        problems.push(
          problemAt(
            'warning',
            origin(entry),
            !id || !name
              ? 'group without id or name; left out'
              : `group id "${id}" is used by another group too; left out`,
          ),
        );
        continue;
      }
      groupIds.add(id);
      groupByDn.set(normalizeDn(entry.dn), id);
      const community: CommunityInput = {
        id,
        name,
        domain: render(g.domain, cell) ?? '',
        stage: config.community.stage,
        standing: config.community.standing,
        openToNewcomers: config.community.openToNewcomers,
      };
      accepted.push({ entry, community });
      records.communities.push({ record: community, origin: origin(entry) });
    }
    let strangers = 0;
    for (const { entry, community } of accepted) {
      const id = community.id;
      for (const [attribute, seat] of [
        ['member', g.members],
        ['uniqueMember', g.members],
        ['owner', g.owners],
      ] as const) {
        for (const dn of values(entry, attribute)) {
          // groupOfUniqueNames may add an optional unique identifier: "uid=x,dc=…#'0101'B".
          const key = normalizeDn(dn.replace(/#'[01]*'B$/, ''));
          const person = personByDn.get(key);
          if (person) roster.seat(person, id, seat.participation, seat.roles, origin(entry));
          else if (groupByDn.has(key)) {
            const nested = groupByDn.get(key)!;
            if (nested !== id && !(community.related ?? []).includes(nested))
              community.related = [...(community.related ?? []), nested];
          } else strangers++;
        }
      }
    }
    if (strangers > 0)
      problems.push(
        problemAt(
          'note',
          { file },
          `${strangers} group member${strangers === 1 ? ' is' : 's are'} neither a person nor a group found by the filters (e.g. the placeholder member of an empty groupOfNames); left out`,
        ),
      );
  }
  appendAll(records.people, roster.peopleRecords());
  appendAll(records.memberships, roster.membershipRecords());
  return { records, problems };
}
