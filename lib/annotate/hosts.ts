// The light-DOM elements the extension inserts into pages, and the stable contract they
// carry (docs/annotation.md): `data-constellation-person="<person id>"` on a person badge,
// `data-constellation-topic="<topic id>"` on a highlighted topic, both with
// `data-constellation-feed="<feed id>"`. Each host holds its look in an open shadow root,
// so page CSS cannot restyle it and our CSS cannot leak into the page.
import type { ResolvedPerson } from '../match/identity';
import type { VocabularyTopic } from '../match/vocabulary';
import type { PersonRole } from '../sites/types';
import { BADGE_CSS, TOPIC_CSS } from './styles';

export const PERSON_TAG = 'constellation-person';
export const TOPIC_TAG = 'constellation-topic';
export const HOVERCARD_TAG = 'constellation-hovercard';
export const OWN_TAGS = new Set([PERSON_TAG, TOPIC_TAG, HOVERCARD_TAG].map((t) => t.toUpperCase()));

/** Is this node (or an ancestor) something the extension inserted? */
export function isOwnNode(node: Node | null): boolean {
  for (let current = node; current; current = current.parentNode) {
    if (current.nodeType === 1 && OWN_TAGS.has((current as Element).tagName)) return true;
  }
  return false;
}

export type Theme = 'light' | 'dark';

const sheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

/** One constructed stylesheet per document and CSS text, shared by every shadow root. */
function styleRoot(root: ShadowRoot, css: string): void {
  const document = root.ownerDocument;
  let perDocument = sheets.get(document);
  if (!perDocument) sheets.set(document, (perDocument = new Map<string, CSSStyleSheet | null>()));
  let sheet = perDocument.get(css);
  if (sheet === undefined) {
    try {
      const View = document.defaultView as
        (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
      sheet = View ? new View.CSSStyleSheet() : null;
      sheet?.replaceSync(css);
    } catch {
      sheet = null;
    }
    perDocument.set(css, sheet);
  }
  if (sheet && 'adoptedStyleSheets' in root) {
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

export function describePerson(person: ResolvedPerson): string {
  const parts = [person.name];
  const where = [person.unitName, person.company].filter(Boolean).join(', ');
  if (where) parts.push(where);
  if (person.isMe) parts.push('this is you');
  else if (person.sharedWithMe.length > 0)
    parts.push(`your colleague in ${person.sharedWithMe.join(', ')}`);
  parts.push(person.communities === 1 ? 'in 1 community' : `in ${person.communities} communities`);
  return `Constellation: ${parts.join('; ')}. Press Enter for details.`;
}

export function createPersonHost(
  document: Document,
  person: ResolvedPerson,
  role: PersonRole,
  theme: Theme,
): HTMLElement {
  const host = document.createElement(PERSON_TAG);
  host.setAttribute('data-constellation-person', person.id);
  host.setAttribute('data-constellation-feed', person.feedId);
  host.setAttribute('data-constellation-role', role);
  host.setAttribute('data-constellation-theme', theme);
  if (person.sharedWithMe.length > 0) host.setAttribute('data-constellation-colleague', '');
  host.setAttribute('tabindex', '0');
  host.setAttribute('role', 'button');
  host.setAttribute('aria-haspopup', 'dialog');
  host.setAttribute('aria-expanded', 'false');
  host.setAttribute('aria-label', describePerson(person));
  const root = host.attachShadow({ mode: 'open' });
  styleRoot(root, BADGE_CSS);
  const badge = document.createElement('span');
  badge.className = person.isMe
    ? 'badge me'
    : person.sharedWithMe.length > 0
      ? 'badge colleague'
      : 'badge';
  badge.setAttribute('aria-hidden', 'true');
  badge.setAttribute('part', 'badge');
  // A small constellation mark and the number of communities; a star for colleagues.
  badge.textContent = `${person.sharedWithMe.length > 0 ? '★' : '◆'}${person.communities}`;
  root.append(badge);
  return host;
}

export function createTopicHost(
  document: Document,
  topic: VocabularyTopic,
  theme: Theme,
): HTMLElement {
  const host = document.createElement(TOPIC_TAG);
  host.setAttribute('data-constellation-topic', topic.id);
  host.setAttribute('data-constellation-feed', topic.feedId);
  host.setAttribute('data-constellation-theme', theme);
  host.setAttribute('tabindex', '0');
  host.setAttribute('role', 'button');
  host.setAttribute('aria-haspopup', 'dialog');
  host.setAttribute('aria-expanded', 'false');
  host.setAttribute(
    'aria-label',
    `Constellation topic: ${topic.label}. Press Enter for the communities that cover it.`,
  );
  const root = host.attachShadow({ mode: 'open' });
  styleRoot(root, TOPIC_CSS);
  // The page's own text stays in the light DOM (copy, find-in-page, screen readers).
  const text = document.createElement('slot');
  const mark = document.createElement('span');
  mark.className = 'mark';
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = '◆';
  root.append(text, mark);
  return host;
}
