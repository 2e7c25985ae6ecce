// A fast "should the walk skip this element's subtree?" test for big pages. One
// querySelectorAll over a long selector list costs milliseconds on a long article, and so
// does Element.matches on every element; instead the selector list is compiled once into
// sets of tag names, classes and ids plus a few compound checks (tag.class, [attribute]),
// with Element.matches only for shapes outside that grammar. The extension's own hosts are
// skipped too (asked of the registry only for the tags hosts have). The walk calls this for
// every element of a prose region, so each check is gated by what is cheap to read first
// (the tag name; whether there is a class or any attribute at all).
import { ownHost } from './registry';
import { matchesSelector } from './tree';

export type SkipTest = (element: Element) => boolean;

/** The tags of the extension's hosts (hosts.ts: span; the hovercard: div). */
const HOST_TAGS = new Set(['span', 'div']);

interface Simple {
  tag?: string;
  classes: string[];
  id?: string;
  attribute?: { name: string; value?: string; notValue?: string };
}

const SIMPLE =
  /^([a-z][a-z0-9-]*)?((?:\.[\w-]+)*)(#[\w-]+)?(?:\[([\w-]+)(?:="([^"]*)")?\](?::not\(\[\4="([^"]*)"\]\))?)?$/i;

function parse(selector: string): Simple | undefined {
  const match = selector.match(SIMPLE);
  if (!match || !(match[1] || match[2] || match[3] || match[4])) return undefined;
  const simple: Simple = { classes: match[2] ? match[2].slice(1).split('.') : [] };
  if (match[1]) simple.tag = match[1].toLowerCase();
  if (match[3]) simple.id = match[3].slice(1);
  if (match[4]) {
    simple.attribute = { name: match[4] };
    if (match[5] !== undefined) simple.attribute.value = match[5];
    if (match[6] !== undefined) simple.attribute.notValue = match[6];
  }
  return simple;
}

export function compileSkip(selector: string): SkipTest {
  const tags = new Set<string>();
  const classes = new Set<string>();
  const others: Simple[] = [];
  const complex: string[] = [];
  const parts: string[] = [];
  for (const part of selector.split(',')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    parts.push(trimmed);
    const simple = parse(trimmed);
    if (!simple) complex.push(trimmed);
    else if (simple.tag && !simple.id && !simple.attribute && simple.classes.length === 0)
      tags.add(simple.tag);
    else if (!simple.tag && !simple.id && !simple.attribute && simple.classes.length === 1)
      classes.add(simple.classes[0]!);
    else others.push(simple);
  }
  // Compound selectors (tag.class, #id, [attribute]) are tested on the element itself; only
  // shapes outside that grammar (none in our lists today) fall back to Element.matches.
  const ids = new Set(
    others
      .filter((o) => o.id && !o.tag && !o.attribute && o.classes.length === 0)
      .map((o) => o.id!),
  );
  const compounds = others.filter(
    (o) => !(o.id && !o.tag && !o.attribute && o.classes.length === 0),
  );
  // Compounds with a tag are tried only on elements of that tag.
  const byTag = new Map<string, Simple[]>();
  const untagged: Simple[] = [];
  for (const simple of compounds) {
    if (!simple.tag) untagged.push(simple);
    else byTag.set(simple.tag, [...(byTag.get(simple.tag) ?? []), simple]);
  }
  const residual = complex.join(',');
  // When every residual selector ends in a tag ("body > header"), only elements of those
  // tags are tried against it.
  const residualTags = new Set<string>();
  for (const selector of complex) {
    const last = /(?:^|[\s>+~])([a-z][a-z0-9-]*)(?:[.#[:][^\s>+~]*)?$/i.exec(selector);
    if (last) residualTags.add(last[1]!.toLowerCase());
    else residualTags.add('*');
  }
  const tryResidual =
    residual === ''
      ? () => false
      : residualTags.has('*')
        ? (element: Element) => element.matches(residual)
        : (element: Element) => residualTags.has(element.localName) && element.matches(residual);
  // Tags by local name: lower case for HTML and for SVG alike (an <svg>'s tagName is "svg"
  // while a <div>'s is "DIV").
  const all = parts.join(',');
  return (element) => {
    const tag = element.localName;
    // A form's controls can shadow its properties (tree.ts): `<input name="id">` is its id,
    // `name="hasAttributes"` its hasAttributes. Forms are few; the DOM's own matches decides.
    if (tag === 'form' || typeof tag !== 'string')
      return all !== '' && matchesSelector(element, all);
    if (tags.has(tag)) return true;
    if (HOST_TAGS.has(tag) && ownHost(element)) return true;
    // No attribute at all (most inline elements of prose): no class, id or attribute rule
    // can match; only selectors outside the grammar (combinators) are left to try.
    if (!element.hasAttributes()) return tryResidual(element);
    if (classes.size > 0) {
      const list = element.classList;
      for (let i = 0; i < list.length; i++) if (classes.has(list[i]!)) return true;
    }
    if (ids.size > 0 && element.id && ids.has(element.id)) return true;
    const tagged = byTag.get(tag);
    if (tagged) for (const simple of tagged) if (matchesSimple(element, simple)) return true;
    for (const simple of untagged) if (matchesSimple(element, simple)) return true;
    return tryResidual(element);
  };
}

function matchesSimple(element: Element, simple: Simple): boolean {
  if (simple.tag && element.localName !== simple.tag) return false;
  if (simple.id && element.id !== simple.id) return false;
  for (const name of simple.classes) if (!element.classList.contains(name)) return false;
  const attribute = simple.attribute;
  if (attribute) {
    const value = element.getAttribute(attribute.name);
    if (value === null) return false;
    if (attribute.value !== undefined && value !== attribute.value) return false;
    if (attribute.notValue !== undefined && value === attribute.notValue) return false;
  }
  return true;
}
