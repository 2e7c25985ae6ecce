// .mailmap (git's own format, `git help mailmap`): maps the names and addresses recorded in
// commits to the canonical ones. git already applies a repository's .mailmap to %aN/%aE; this
// is for saved logs and for a mailmap kept outside the repository.
export interface MailmapEntry {
  properName?: string;
  properEmail?: string;
  commitName?: string;
  commitEmail: string;
}

export interface Mailmap {
  entries: MailmapEntry[];
  /** Lines that are not mailmap entries, with their 1-based numbers. */
  unreadable: number[];
}

const PART = /^\s*([^<>]*?)\s*<([^<>]*)>/;

export function parseMailmap(text: string): Mailmap {
  const entries: MailmapEntry[] = [];
  const unreadable: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    const first = PART.exec(line);
    if (!first) return unreadable.push(i + 1);
    const rest = line.slice(first[0].length);
    const second = PART.exec(rest);
    const [, name1, email1] = first as unknown as [string, string, string];
    if (!second) {
      // "Proper Name <commit@email>": only the name is corrected.
      if (name1 === '') return unreadable.push(i + 1);
      entries.push({ properName: name1, commitEmail: email1 });
      return;
    }
    const [, name2, email2] = second as unknown as [string, string, string];
    const entry: MailmapEntry = { commitEmail: email2 };
    if (name1 !== '') entry.properName = name1;
    if (email1 !== '') entry.properEmail = email1;
    if (name2 !== '') entry.commitName = name2;
    entries.push(entry);
  });
  return { entries, unreadable };
}

/** The canonical name and address of one commit's author (git's matching: case-insensitive). */
export function applyMailmap(
  map: Mailmap,
  name: string,
  email: string,
): { name: string; email: string } {
  const e = email.toLowerCase();
  const n = name.toLowerCase();
  let found: MailmapEntry | undefined;
  for (const entry of map.entries) {
    if (entry.commitEmail.toLowerCase() !== e) continue;
    if (entry.commitName !== undefined) {
      if (entry.commitName.toLowerCase() === n) found = entry; // the most specific entry wins
    } else found ??= entry;
  }
  if (!found) return { name, email };
  return { name: found.properName ?? name, email: found.properEmail ?? email };
}
