// Person badges: resolves the people an adapter found (one background message per batch of
// new lookup keys, answers cached per key), and puts a badge beside each link or image, or
// inside a name element. A badge beside a link follows the link's visibility (see below).
import {
  identityKeys,
  mergeQueries,
  personRefKey,
  queryBatches,
  resolveIdentity,
  type IdentityAnswer,
  type IdentityQuery,
  type ResolvedPerson,
} from '../match/identity';
import type { PersonMention } from '../sites/types';
import type { AnnotateClient } from './client';
import { avatarPlacer } from './avatar-badges';
import { createAvatarPersonHost, createPersonHost, type Theme } from './hosts';
import { isEditableNode } from './editable';
import { ownHost } from './registry';
import { closestOf } from './tree';

export interface PeopleContext {
  document: Document;
  client: AnnotateClient;
  signal: AbortSignal;
  theme: Theme;
  /** Selector of places where no badge may go (site chrome, excluded areas, code, editors). */
  skip: string;
  /** The same without site chrome: owners in the page head ('owner' role) are badged there. */
  ownerSkip?: string;
  /** Every host this page's annotation inserted (removed on abort). */
  inserted: Set<HTMLElement>;
  onUpdate?: () => void;
}

export interface PeopleAnnotator {
  /** Resolves and badges `mentions`; `pause` (optional) is awaited between badges. */
  annotate(mentions: PersonMention[], pause?: () => Promise<void>): Promise<void>;
  /** The people found on this page so far, by `personRefKey`. */
  readonly onPage: ReadonlyMap<string, ResolvedPerson>;
}

export function createPeopleAnnotator(context: PeopleContext): PeopleAnnotator {
  const { document, client, signal, theme, skip, inserted } = context;
  // By element, or by the text node a name in prose ends with (several in one paragraph).
  const badged = new WeakMap<Node, HTMLElement>();
  const onPage = new Map<string, ResolvedPerson>();
  const resolved = new Map<string, IdentityAnswer>();
  const followLink = linkFollower(document, signal);
  const placeOnAvatar = avatarPlacer(document, signal);

  async function annotate(mentions: PersonMention[], pause?: () => Promise<void>): Promise<void> {
    const queries = new Map<PersonMention, IdentityQuery>();
    for (const mention of mentions) queries.set(mention, identityKeys(mention.identity));
    const unknown = mergeQueries(
      [...queries.values()].map((q) => ({
        handles: q.handles.filter((k) => !resolved.has(`h${k}`)),
        emails: q.emails.filter((k) => !resolved.has(`e${k}`)),
        names: q.names.filter((k) => !resolved.has(`n${k}`)),
      })),
    );
    // In messages the background takes (a staff directory names more people than one holds).
    for (const batch of queryBatches(unknown)) {
      let answer: IdentityAnswer;
      try {
        answer = await client.resolve(batch);
      } catch {
        return;
      }
      if (signal.aborted) return;
      for (const key of batch.handles) resolved.set(`h${key}`, answer);
      for (const key of batch.emails) resolved.set(`e${key}`, answer);
      for (const key of batch.names) resolved.set(`n${key}`, answer);
    }
    for (const [mention, query] of queries) {
      const person = resolveWith(query);
      if (!person) continue;
      onPage.set(personRefKey(person.feedId, person.id), person);
      insertBadge(mention, person);
      if (pause) {
        await pause();
        if (signal.aborted) return;
      }
    }
    context.onUpdate?.();
  }

  /** Resolves one mention against the answers cached for each of its keys. */
  function resolveWith(query: IdentityQuery): ResolvedPerson | undefined {
    const merged: IdentityAnswer = { handles: {}, emails: {}, names: {}, people: {} };
    const take = (prefix: string, keys: string[], kind: 'handles' | 'emails' | 'names') => {
      for (const key of keys) {
        const answer = resolved.get(`${prefix}${key}`);
        const refs = answer?.[kind][key];
        if (!answer || !refs) continue;
        merged[kind][key] = refs;
        for (const ref of refs) if (answer.people[ref]) merged.people[ref] = answer.people[ref];
      }
    };
    take('h', query.handles, 'handles');
    take('e', query.emails, 'emails');
    take('n', query.names, 'names');
    return resolveIdentity(query, merged);
  }

  function insertBadge(mention: PersonMention, person: ResolvedPerson): void {
    const element = mention.element;
    const blocked = mention.role === 'owner' ? (context.ownerSkip ?? skip) : skip;
    // A name in prose is in whatever element holds its text, a form too (tree.ts).
    if (!element.isConnected || closestOf(element, blocked) || isEditableNode(document, element))
      return;
    const anchor = mention.textEnd ?? element;
    const existing = badged.get(anchor);
    if (existing?.isConnected) return;
    if (mention.textEnd && mention.textEnd.parentNode !== element) return;
    // Someone else's badge for this element (a second run) already sits where this run would
    // put it: after a name in prose, after a link, an image or an avatar, else inside.
    const beside =
      mention.avatarRole !== undefined || element.localName === 'a' || element.localName === 'img';
    const next = ownHost(
      mention.textEnd
        ? (mention.textEnd.nextSibling as Element | null)
        : beside
          ? element.nextElementSibling
          : element.lastElementChild,
    );
    if (next?.kind === 'person' && next.person.id === person.id) return;
    // A lone avatar's badge sits on the avatar, out of flow (lib/annotate/avatar-badges.ts).
    if (mention.avatarRole !== undefined && !mention.textEnd) {
      const { host, place } = createAvatarPersonHost(document, person, mention.role, theme);
      element.after(host);
      followLink(element, host);
      placeOnAvatar(element, host, place);
      badged.set(anchor, host);
      inserted.add(host);
      return;
    }
    const host = createPersonHost(document, person, mention.role, theme);
    // Links and images get the badge beside them; a name in prose right after its text;
    // name elements (headings, cells) inside.
    if (mention.textEnd) mention.textEnd.after(host);
    else if (element.localName === 'a' || element.localName === 'img') {
      element.after(host);
      followLink(element, host);
    } else element.append(host);
    badged.set(anchor, host);
    inserted.add(host);
  }

  return { annotate, onPage };
}

/**
 * A badge beside a link is not inside it, so it would stay visible when the page hides the
 * link: GitLab renders an author twice and hides one per screen width with CSS, which would
 * show two badges. Such badges follow their link: after each insertion and on every resize
 * (responsive layouts switch there), one style read for all, in the next frame.
 */
function linkFollower(
  document: Document,
  signal: AbortSignal,
): (link: Element, host: HTMLElement) => void {
  const followers = new Map<Element, HTMLElement>();
  const view = document.defaultView;
  let scheduled = false;
  const follow = () => {
    if (scheduled || signal.aborted || !view) return;
    scheduled = true;
    view.requestAnimationFrame(() => {
      scheduled = false;
      for (const [link, host] of followers) {
        if (!host.isConnected || !link.isConnected) {
          followers.delete(link);
          continue;
        }
        const shown = typeof link.checkVisibility === 'function' ? link.checkVisibility() : true;
        // `hidden`, not an inline style: the badge's :host rules are !important (page CSS
        // for <span> must not restyle it) and would win over style="display:none"; the
        // attribute says only what the page already knows (its link is hidden).
        if (host.hidden === shown) host.hidden = !shown;
      }
    });
  };
  view?.addEventListener('resize', follow, { passive: true });
  signal.addEventListener('abort', () => {
    view?.removeEventListener('resize', follow);
    followers.clear();
  });
  return (link, host) => {
    followers.set(link, host);
    follow();
  };
}
