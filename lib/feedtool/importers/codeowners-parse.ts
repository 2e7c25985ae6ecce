// Parsing GitHub/GitLab CODEOWNERS files: one rule per line, "<pattern> <owner>…", owners
// being @user, @org/team or an email address; "#" starts a comment; GitLab sections
// ("[Docs] @docs-team", "^[Optional]") give default owners to the rules below them. A path
// with a space escapes it ("docs/My\ Folder"). Also turns a pattern into the owned area
// (its leading folders up to the first wildcard).

export interface OwnerRule {
  pattern: string;
  owners: string[];
  line: number;
  section?: string;
}

export function parseCodeowners(text: string): OwnerRule[] {
  const rules: OwnerRule[] = [];
  let section: { name: string; owners: string[] } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = stripComment(raw).trim();
    if (!line) return;
    const header = /^\^?\[([^\]]+)\](?:\[\d+\])?\s*(.*)$/.exec(line);
    if (header) {
      section = { name: header[1]!.trim(), owners: tokens(header[2] ?? '') };
      return;
    }
    const [pattern, ...owners] = tokens(line);
    if (!pattern) return;
    rules.push({
      pattern,
      owners: owners.length > 0 ? owners : (section?.owners ?? []),
      line: index + 1,
      ...(section ? { section: section.name } : {}),
    });
  });
  return rules;
}

/** "#" starts a comment unless escaped ("\#"). */
function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '#') return line.slice(0, i);
  }
  return line;
}

/** White-space separated tokens; "\ " keeps a space inside a token. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      current += line[++i];
    } else if (/\s/.test(c)) {
      if (current) out.push(current);
      current = '';
    } else current += c;
  }
  if (current) out.push(current);
  return out;
}

/** The folder a pattern owns, cut to `depth` folders: "/docs/api/*.md" → "docs" (depth 1);
 * "*", "*.js" and "**\/logs" own the whole repository (""). */
export function areaOf(pattern: string, depth: number): string {
  const parts = pattern.replace(/^\/+/, '').split('/').filter(Boolean);
  const fixed: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (/[*?[\]]/.test(part)) break;
    // The last part without a trailing "/" may be a file ("/README.md"): its folder owns it.
    if (i === parts.length - 1 && !pattern.endsWith('/') && /\.[A-Za-z0-9]+$/.test(part)) break;
    fixed.push(part);
  }
  return fixed.slice(0, depth).join('/');
}

export type Owner =
  | { kind: 'user'; login: string }
  | { kind: 'team'; org: string; team: string }
  | { kind: 'email'; email: string }
  | { kind: 'unknown'; text: string };

export function parseOwner(text: string): Owner {
  const team = /^@([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text);
  if (team) return { kind: 'team', org: team[1]!, team: team[2]! };
  const user = /^@([A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)$/.exec(text);
  if (user) return { kind: 'user', login: user[1]! };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { kind: 'email', email: text };
  return { kind: 'unknown', text };
}
