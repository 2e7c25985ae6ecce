// Full names anywhere in prose (an option, off by default; docs/annotation.md): when the
// vocabulary carries `personNames` (hashes of the full names that identify one person), the
// prose regions' text is searched for them (lib/match/prose-names.ts) and each name found
// becomes a mention whose badge goes right after the name's text. Text inside links, code,
// editors and our own elements is never read (the topic walker's skip test), nor text an
// adapter already read as a person (a byline, an author field): one badge per name.
import { findProseNames } from '../match/prose-names';
import type { PersonMention } from '../sites/types';
import type { AnnotateClient } from './client';
import { proseTextNodes } from './scan';
import type { SkipTest } from './skip';
import { parentElementOf } from './tree';

export type ProseNameFinder = (
  regions: Element[],
  people: readonly PersonMention[],
  pause: () => Promise<void>,
) => Promise<PersonMention[]>;

export function createProseNameFinder(client: AnnotateClient, skip: SkipTest): ProseNameFinder {
  let hashes: Promise<ReadonlySet<number> | undefined> | undefined;
  const load = () =>
    (hashes ??= client
      .vocabulary()
      .then((v) => (v.personNames?.length ? new Set(v.personNames) : undefined))
      .catch(() => undefined));

  return async (regions, people, pause) => {
    if (regions.length === 0) return [];
    const names = await load();
    if (!names) return [];
    const read = new Set(people.map((m) => m.element));
    // Up through the DOM's own accessors: a form's controls can shadow its properties (tree.ts).
    const readByAdapter = (node: Text, region: Element) => {
      const end = parentElementOf(region);
      for (let e = parentElementOf(node); e && e !== end; e = parentElementOf(e))
        if (read.has(e)) return true;
      return false;
    };
    const out: PersonMention[] = [];
    for (const region of regions) {
      for (const node of proseTextNodes(region, skip)) {
        const found = findProseNames(node.data, names);
        if (found.length === 0 || readByAdapter(node, region)) continue;
        // Each name ends a text node of its own (split from the first name on), so its badge
        // can follow it; split text serialises exactly as before.
        let current = node;
        let base = 0;
        for (const hit of found) {
          const end = hit.end - base;
          if (end < current.data.length) {
            const rest = current.splitText(end);
            out.push(proseMention(current, hit.name));
            current = rest;
            base = hit.end;
          } else out.push(proseMention(current, hit.name));
        }
      }
      await pause();
    }
    return out;
  };
}

function proseMention(textEnd: Text, name: string): PersonMention {
  return {
    element: textEnd.parentElement!,
    role: 'mention',
    identity: { handles: [], emails: [], names: [name] },
    badge: true,
    textEnd,
  };
}
