// People shown by name where a page presents a person (issue 14, "people by name"): bylines
// ("Posted 2026-10-18 by Zoë Okafor", "By Ana Lima"), author/owner fields (a `dt`/`th`
// "Author", "Owner", "Maintainer", "Contact" and its value), signatures ("— Zoë Okafor"
// closing a comment), person cells (`.person .name`), and links to a page about the person
// (`/wiki/Bill_Gates`, `/people/zoe-okafor` whose text is the name). A name counts only as a
// whole full name of two tokens or more; the background then needs an exact match (folded,
// diacritic-aware) of a feed person's name or alias, naming exactly one person. Single
// tokens never count, and free prose never does (see lib/match/identity.ts).
import { mention, text, within } from './dom';
import type { PersonMention, PersonRole } from './types';
import { appendAll } from '../arrays';

/** A full name: 2–4 tokens, each starting with a capital letter (particles allowed). */
const FULL_NAME =
  /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:van|von|der|de|da|di|du|le|la|bin|al|dos|del)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*){1,3}$/u;

export function isFullName(value: string): boolean {
  const name = value.trim();
  return name.length <= 60 && FULL_NAME.test(name);
}

const BYLINE = [
  '.byline',
  // Atlassian Cloud's React bylines ("Owned by …", "Last updated … by …").
  '[data-testid*="byline" i]',
  '.post-byline',
  '.post-author',
  '.entry-author',
  '.article-author',
  '.author-name',
  '.meta-author',
  '.submitted',
  '[class*="byline" i]',
].join(',');

/** "Posted 2026-10-18 by Zoë Okafor", "By Ana Lima · 3 min read", "Written by X on …" */
const BY_NAME =
  /(?:^|\s)(?:posted|written|published|created|edited|updated|maintained|owned)?\s*by\s+(.+?)(?:\s+(?:on|at|in)\s.*|\s*[·|•,—–(].*)?$/iu;
const FIELD_LABEL =
  /^\s*(?:author|authors|owner|owners|maintainer|maintained by|contact|created by|written by|posted by|page owner|editor|lead)\s*:?\s*$/i;
const SIGNATURE = /^\s*(?:—|–|--|-)\s*(.+?)\s*$/u;

function fieldValueElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const label of within(root, 'dt, th')) {
    if (!FIELD_LABEL.test(label.textContent ?? '')) continue;
    const value =
      label.localName === 'dt'
        ? label.nextElementSibling
        : label.parentElement?.localName === 'tr'
          ? label.nextElementSibling
          : null;
    if (value && (value.localName === 'dd' || value.localName === 'td')) out.push(value);
  }
  // "Author: Zoë Okafor" as one line: <p><strong>Author:</strong> Zoë Okafor</p>
  for (const label of within(root, 'strong, b, .label, .field-label')) {
    if (!FIELD_LABEL.test(label.textContent ?? '') || !label.parentElement) continue;
    out.push(label.parentElement);
  }
  return out;
}

/** The name a field value or byline holds: a link or emphasis inside, else the text itself. */
function nameIn(
  element: Element,
  pattern?: RegExp,
): { element: Element; name: string } | undefined {
  for (const inner of Array.from(element.querySelectorAll('a, strong, b, em, span'))) {
    const name = text(inner);
    if (isFullName(name)) return { element: inner, name };
  }
  let value = text(element);
  if (pattern) value = pattern.exec(value)?.[1]?.trim() ?? '';
  else value = value.replace(FIELD_LABEL_PREFIX, '').trim();
  return isFullName(value) ? { element, name: value } : undefined;
}

const FIELD_LABEL_PREFIX =
  /^\s*(?:author|authors|owner|owners|maintainer|maintained by|contact|created by|written by|posted by|page owner|editor|lead)\s*:\s*/i;

/** The last path segment as words: "/wiki/Bill_Gates" → "bill gates". */
function slugWords(href: string): string {
  let last = href.split(/[?#]/)[0]!.split('/').filter(Boolean).pop() ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    return '';
  }
  return last
    .replace(/^[^:]*:/, '')
    .replace(/[_+.-]+/g, ' ')
    .toLowerCase()
    .trim();
}

function linksAboutPeople(root: ParentNode, skip: Set<Element>): PersonMention[] {
  const out: PersonMention[] = [];
  for (const link of within(root, 'a[href]')) {
    if (skip.has(link)) continue;
    const name = text(link);
    if (!isFullName(name)) continue;
    // The link's target is a page named after that person (the slug spells the name).
    const words = name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[.'’-]/g, ' ');
    const slug = slugWords(link.getAttribute('href')!).normalize('NFKD').replace(/\p{M}/gu, '');
    if (words.replace(/\s+/g, ' ').trim() !== slug.replace(/\s+/g, ' ')) continue;
    out.push(mention(link, 'mention', { names: [name] }));
  }
  return out;
}

/**
 * Name mentions in root; `skip` holds elements other rules already read (a profile link
 * whose text is also a name stays the profile link).
 */
export function nameMentions(
  root: ParentNode,
  skip: Set<Element>,
  options: { linksAboutPeople?: boolean } = {},
): PersonMention[] {
  const out: PersonMention[] = [];
  const add = (found: { element: Element; name: string } | undefined, role: PersonRole) => {
    if (!found) return;
    // Another rule already read this name (or an element around or inside it).
    for (const seen of skip)
      if (seen.contains(found.element) || found.element.contains(seen)) return;
    skip.add(found.element);
    out.push(mention(found.element, role, { names: [found.name] }));
  };
  for (const byline of within(root, BYLINE)) {
    add(nameIn(byline, BY_NAME), 'author');
    // A byline of several parts ("Owned by A · Last updated … by B"): each part on its own.
    for (const part of Array.from(byline.children)) {
      const found = nameIn(part, BY_NAME);
      add(found, /updated|edited|modified/i.test(part.textContent ?? '') ? 'editor' : 'author');
    }
  }
  for (const value of fieldValueElements(root)) add(nameIn(value), 'author');
  for (const cell of within(root, '.person .name, tr.person td.name, .member .name'))
    if (!cell.querySelector('a[href]')) add(nameIn(cell), 'member');
  for (const line of within(root, '.signature, p, em')) {
    // Cheap length check first: an article has thousands of paragraphs, signatures are short.
    if ((line.textContent?.length ?? 0) > 120) continue;
    const raw = text(line);
    if (raw.length > 70 || !SIGNATURE.test(raw)) continue;
    add(nameIn(line, SIGNATURE), 'commenter');
  }
  // Off where every page link's text spells its target (a wiki's page titles).
  if (options.linksAboutPeople !== false) appendAll(out, linksAboutPeople(root, skip));
  return out;
}
