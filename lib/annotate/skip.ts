// A fast "is this element inside a never-touch region?" test for big pages. One
// querySelectorAll over a long selector list costs milliseconds on a long article; instead
// the selector list is compiled once into sets of tag names, classes and ids plus a few
// attribute checks, tested on each element that holds text (memoised up the tree), with
// Element.matches only for the rare selectors that fit none of those shapes.

export interface SkipTest {
  (element: Element): boolean;
  /** Prepares the test for one region (finds its rare attribute-selector matches at once). */
  prepare?(region: Element): void;
}

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
  if (match[1]) simple.tag = match[1].toUpperCase();
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
  for (const part of selector.split(',')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const simple = parse(trimmed);
    if (!simple) complex.push(trimmed);
    else if (simple.tag && !simple.id && !simple.attribute && simple.classes.length === 0)
      tags.add(simple.tag);
    else if (!simple.tag && !simple.id && !simple.attribute && simple.classes.length === 1)
      classes.add(simple.classes[0]!);
    else others.push(simple);
  }
  // Selectors that are neither a tag nor a single class are rare on real pages: one native
  // querySelectorAll per region finds their elements, then membership is a Set lookup.
  const rare = [...others.map(simpleSelector), ...complex].join(',');
  let found = new Set<Element>();
  const test: SkipTest = (element) => {
    if (tags.has(element.tagName)) return true;
    const list = element.classList;
    for (let i = 0; i < list.length; i++) if (classes.has(list[i]!)) return true;
    return found.has(element);
  };
  test.prepare = (region) => {
    found = new Set(rare ? Array.from(region.querySelectorAll(rare)) : []);
    if (rare && region.matches(rare)) found.add(region);
  };
  return test;
}

function simpleSelector(simple: Simple): string {
  let out = (simple.tag ?? '').toLowerCase();
  for (const name of simple.classes) out += `.${name}`;
  if (simple.id) out += `#${simple.id}`;
  const attribute = simple.attribute;
  if (attribute) {
    out +=
      attribute.value !== undefined
        ? `[${attribute.name}="${attribute.value}"]`
        : `[${attribute.name}]`;
    if (attribute.notValue !== undefined)
      out += `:not([${attribute.name}="${attribute.notValue}"])`;
  }
  return out;
}
