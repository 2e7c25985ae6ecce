// Avatar-only profile links (`<a href="/login" data-hovercard-type="user"><img alt="@login">
// </a>`): a person a reader sees, often the only sign of them on the page (a repository's
// contributor grid, reviewer and participant lists). Such an avatar gets a visible badge
// unless its person is also named right beside it — the avatar next to a comment header's
// author link — where one badge (on the name) is enough. "Beside" is decided without
// site-specific selectors: going up from the avatar, the first ancestor that holds any other
// mention decides; if one of those names the same person, the avatar stays without a badge.
import { handleKey } from '../model/keys';
import type { PersonMention, PersonRole } from './types';
import { parentElementOf } from '../annotate/tree';

/** Ancestors looked at; a comment's avatar and its header sit well within this. */
const MAX_DEPTH = 12;

/** Every key a mention can be known by: its handles, e-mails and (folded) names. */
function identityKeys(mention: PersonMention): Set<string> {
  const { handles, emails, names } = mention.identity;
  return new Set([
    ...handles.map((h) => handleKey(h.host, h.login)),
    ...emails.map((e) => `mail ${e.toLowerCase()}`),
    // Sites that name people only by display name (Atlassian Cloud) give names alone.
    ...names.map((n) => `name ${n.normalize('NFC').toLowerCase()}`),
  ]);
}

function samePerson(keys: Set<string>, other: PersonMention): boolean {
  for (const key of identityKeys(other)) if (keys.has(key)) return true;
  return false;
}

/** An avatar-only mention (decided before, or still role 'avatar'). */
const isAvatar = (m: PersonMention) => m.role === 'avatar' || m.avatarRole !== undefined;

/**
 * Gives lone avatars (role 'avatar') a visible badge and the role `roleOf` says, in place;
 * returns the same list. Each avatar keeps that role in `avatarRole`, so the decision can be
 * made again over a longer list (`redecideAvatars`).
 */
export function badgeLoneAvatars(
  mentions: PersonMention[],
  roleOf: (element: Element) => PersonRole,
): PersonMention[] {
  if (!mentions.some(isAvatar)) return mentions;
  for (const mention of mentions)
    if (mention.role === 'avatar' && mention.avatarRole === undefined) {
      const role = roleOf(mention.element);
      mention.avatarRole = role === 'avatar' ? 'member' : role;
    }
  return decide(mentions);
}

/**
 * Decides again, over `mentions` (the union of several adapter calls), the avatars an
 * adapter decided on; avatars it left alone stay as they are.
 */
export function redecideAvatars(mentions: PersonMention[]): PersonMention[] {
  return mentions.some((m) => m.avatarRole !== undefined) ? decide(mentions) : mentions;
}

function decide(mentions: PersonMention[]): PersonMention[] {
  // From the start: every avatar unbadged; in document order, a lone one gets its badge and
  // from then on counts as a sign of its person for the avatars after it.
  for (const mention of mentions)
    if (mention.avatarRole !== undefined) {
      mention.role = 'avatar';
      mention.badge = false;
    }
  // Each ancestor (up to MAX_DEPTH) → the mentions inside it.
  const inside = new Map<Element, PersonMention[]>();
  for (const mention of mentions) {
    let ancestor = parentElementOf(mention.element);
    for (let depth = 0; ancestor && depth < MAX_DEPTH; depth++) {
      const list = inside.get(ancestor);
      if (list) list.push(mention);
      else inside.set(ancestor, [mention]);
      ancestor = parentElementOf(ancestor);
    }
  }
  for (const mention of mentions) {
    if (mention.avatarRole === undefined) continue;
    const keys = identityKeys(mention);
    let named = false;
    let ancestor = parentElementOf(mention.element);
    for (let depth = 0; ancestor && depth < MAX_DEPTH; depth++) {
      const others = inside.get(ancestor)!.filter((m) => m !== mention);
      if (others.length > 0) {
        named = others.some((m) => m.role !== 'avatar' && samePerson(keys, m));
        break;
      }
      ancestor = parentElementOf(ancestor);
    }
    mention.role = named ? 'avatar' : mention.avatarRole;
    mention.badge = !named;
  }
  return mentions;
}
