// The elements the extension inserts into pages: a person badge (an empty <span> beside the
// person's link, or inside a name element) and a topic highlight (a <span> wrapping the
// matched text, which stays in the light DOM). Neither is a custom element, so a page cannot
// pre-empt or upgrade them; neither carries an attribute the page could read (no person,
// topic or feed id, no "this is you", no community names). What a host stands for is kept
// in the isolated world (registry.ts); its look, its button role and its accessible name live
// in a *closed* shadow root, which screen readers read through the flat tree and page
// scripts cannot open (docs/security.md).
import type { ResolvedPerson } from '../match/identity';
import { displayLabel } from '../model/display-text';
import type { VocabularyTopic } from '../match/vocabulary';
import type { PersonRole } from '../sites/types';
import { registerHost } from './registry';
import { AVATAR_BADGE_CSS, BADGE_CSS, TOPIC_CSS } from './styles';

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

/** A stylesheet of this root's own, after the shared one; returns its setter. */
function ownRule(root: ShadowRoot): (css: string) => void {
  const document = root.ownerDocument;
  if (root.adoptedStyleSheets?.length > 0) {
    try {
      const View = document.defaultView as Window & { CSSStyleSheet: typeof CSSStyleSheet };
      const sheet = new View.CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return (css) => sheet.replaceSync(css);
    } catch {
      // Falls through to a <style> element, which follows the shared <style> element.
    }
  }
  const style = document.createElement('style');
  root.append(style);
  return (css) => {
    style.textContent = css;
  };
}

/** What a screen reader announces for a badge; it exists only inside the closed root. */
export function describePerson(person: ResolvedPerson): string {
  const parts = [displayLabel(person.name)];
  const where = [person.unitName, person.company]
    .filter((part): part is string => !!part)
    .map(displayLabel)
    .join(', ');
  if (where) parts.push(where);
  if (person.isMe) parts.push('this is you');
  else if (person.sharedWithMe.length > 0)
    parts.push(`your colleague in ${person.sharedWithMe.map(displayLabel).join(', ')}`);
  parts.push(person.communities === 1 ? 'in 1 community' : `in ${person.communities} communities`);
  return `Constellation: ${parts.join('; ')}. Press Enter for details.`;
}

/**
 * The button inside a closed root: it takes keyboard focus (the page sees focus on the host
 * only) and is named by a visually hidden text in the same root.
 */
function buttonIn(document: Document, root: ShadowRoot, className: string, label: string) {
  const button = document.createElement('span');
  button.className = className;
  button.setAttribute('role', 'button');
  button.setAttribute('tabindex', '0');
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  const name = document.createElement('span');
  name.className = 'sr';
  name.textContent = label;
  root.append(button);
  return { button, name };
}

export function createPersonHost(
  document: Document,
  person: ResolvedPerson,
  role: PersonRole,
  theme: Theme,
): HTMLElement {
  return personHost(document, person, role, theme, BADGE_CSS).host;
}

/**
 * Moves an avatar badge by (x, y) CSS pixels from where the page's layout put it; `shown`
 * false hides it (its avatar is clipped away by a box the badge does not share).
 */
export type PlaceBadge = (x: number, y: number, shown: boolean) => void;

/**
 * The badge of an avatar-only link: out of flow, one small fixed size, showing only the
 * relation's mark (the count is in its accessible name); `place` moves it onto the avatar.
 */
export function createAvatarPersonHost(
  document: Document,
  person: ResolvedPerson,
  role: PersonRole,
  theme: Theme,
): { host: HTMLElement; place: PlaceBadge } {
  const { host, root, badge } = personHost(document, person, role, theme, AVATAR_BADGE_CSS);
  badge.textContent = person.sharedWithMe.length > 0 ? '★' : '◆';
  // The offset lives in a rule of its own inside the closed root, after the shared sheet
  // (whose `all:initial !important` it must follow): the :host rules are !important and would
  // beat any inline style, and the page must not be able to move the badge.
  const setRule = ownRule(root);
  let last = '';
  const place: PlaceBadge = (x, y, shown) => {
    const rule = `:host{translate:${x}px ${y}px !important${shown ? '' : ';visibility:hidden !important'}}`;
    if (rule !== last) setRule((last = rule));
  };
  return { host, place };
}

function personHost(
  document: Document,
  person: ResolvedPerson,
  role: PersonRole,
  theme: Theme,
  css: string,
): { host: HTMLElement; root: ShadowRoot; badge: HTMLElement } {
  const host = document.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  styleRoot(root, css);
  const { button, name } = buttonIn(document, root, `button ${theme}`, describePerson(person));
  const badge = document.createElement('span');
  badge.className = person.isMe
    ? 'badge me'
    : person.sharedWithMe.length > 0
      ? 'badge colleague'
      : 'badge';
  badge.setAttribute('aria-hidden', 'true');
  // A small constellation mark and the number of communities; a star for colleagues. The
  // badge has one fixed size whatever it says, so its geometry (which a page can measure)
  // tells nothing about the count or the relation.
  const count = person.communities > 99 ? '99+' : String(person.communities);
  badge.textContent = `${person.sharedWithMe.length > 0 ? '★' : '◆'}${count}`;
  button.append(badge, name);
  registerHost(host, { kind: 'person', root, person, role, button });
  return { host, root, badge };
}

export function createTopicHost(
  document: Document,
  topic: VocabularyTopic,
  theme: Theme,
): HTMLElement {
  const host = document.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  styleRoot(root, TOPIC_CSS);
  const { button, name } = buttonIn(
    document,
    root,
    `button ${theme}`,
    topic.kind === 'community'
      ? ` (Constellation community: ${displayLabel(topic.label)}. Press Enter for how to take part and whom to ask.)`
      : ` (Constellation topic: ${displayLabel(topic.label)}. Press Enter for the communities that cover it.)`,
  );
  // The page's own text stays in the light DOM (copy, find-in-page, screen readers).
  const text = document.createElement('slot');
  const mark = document.createElement('span');
  mark.className = 'mark';
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = '◆';
  button.append(text, mark, name);
  registerHost(host, { kind: 'topic', root, topic, button });
  return host;
}
