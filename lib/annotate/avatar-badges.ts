// Keeps the badges of avatar-only links on their avatars (issue 14). Such a badge is out of
// flow (lib/annotate/styles.ts, AVATAR_BADGE_CSS), so it never reflows the avatar row; where
// the layout leaves it (its static position: right after the link in a line, the container's
// start in a flex or grid row) is not where it belongs, so it is moved by a translation onto
// the avatar's lower right corner, inside the avatar's box: it covers neither the next avatar
// nor anything beyond the avatar, and an avatar that is visible shows it.
//
// Being out of flow, the badge escapes the clipping and scrolling of boxes between the avatar
// and the badge's containing block (its nearest positioned ancestor): a row that clips or
// scrolls its avatars would leave the badges of hidden avatars floating outside it. So each
// placement also intersects those boxes (the ones whose overflow is not visible) with the
// avatar: the badge sits on the corner of the part a reader sees, and is hidden when that part
// is smaller than the badge.
//
// Positions are read for all badges at once in one frame (one layout), then written; they are
// read again when the window is resized, an avatar or its row changes size (pictures that
// load late, rows that wrap), or an element (not the page) scrolls.
import type { PlaceBadge } from './hosts';
import { AVATAR_BADGE_PX } from './styles';
import { boundingRectOf, parentElementOf } from './tree';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The part of the viewport where boxes between `avatar` and `stop` (exclusive) let content
 * show: the intersection of those that clip (overflow other than visible). Cached per frame,
 * as the avatars of one row share their ancestors.
 */
function clipBetween(
  avatar: Element,
  stop: Element | null,
  view: Window,
  cache: Map<Element, Box | null>,
): Box | null {
  // Up through the DOM's own accessors: an avatar's ancestor can be a form, whose
  // parentElement a control can shadow — the recursion would never end (tree.ts).
  const parent = parentElementOf(avatar);
  if (!parent || parent === stop) return null;
  if (cache.has(parent)) return cache.get(parent)!;
  const outer = clipBetween(parent, stop, view, cache);
  const style = view.getComputedStyle(parent);
  let clip = outer;
  const box =
    style.overflowX !== 'visible' || style.overflowY !== 'visible'
      ? boundingRectOf(parent)
      : undefined;
  if (box) {
    clip = outer
      ? {
          left: Math.max(outer.left, box.left),
          top: Math.max(outer.top, box.top),
          right: Math.min(outer.right, box.right),
          bottom: Math.min(outer.bottom, box.bottom),
        }
      : { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  }
  cache.set(parent, clip);
  return clip;
}

interface Placed {
  host: HTMLElement;
  /** What the badge sits on: the picture inside the link, or the link itself. */
  avatar: Element;
  place: PlaceBadge;
  x: number;
  y: number;
  shown: boolean;
}

/** The picture a reader sees as the avatar of `element` (a link or an image). */
export function avatarOf(element: Element): Element {
  if (element.localName === 'img') return element;
  return element.querySelector('img, svg, [role="img"]') ?? element;
}

export function avatarPlacer(
  document: Document,
  signal: AbortSignal,
): (element: Element, host: HTMLElement, place: PlaceBadge) => void {
  const view = document.defaultView;
  const placed = new Set<Placed>();
  let scheduled = false;

  const placeAll = () => {
    scheduled = false;
    if (signal.aborted || !view) return;
    const moves: [Placed, number, number, boolean][] = [];
    const clips = new Map<Element, Box | null>();
    for (const entry of placed) {
      if (!entry.host.isConnected || !entry.avatar.isConnected) {
        placed.delete(entry);
        observer?.unobserve(entry.avatar);
        continue;
      }
      if (entry.host.hidden) continue;
      const box = entry.host.getBoundingClientRect();
      const picture = entry.avatar.getBoundingClientRect();
      if (picture.width === 0 && picture.height === 0) continue;
      // The part of the avatar a reader sees: its box within the boxes that clip it.
      const clip = clipBetween(entry.avatar, entry.host.offsetParent, view, clips);
      const right = clip ? Math.min(picture.right, clip.right) : picture.right;
      const bottom = clip ? Math.min(picture.bottom, clip.bottom) : picture.bottom;
      const left = clip ? Math.max(picture.left, clip.left) : picture.left;
      const top = clip ? Math.max(picture.top, clip.top) : picture.top;
      // Shown on that part's lower right corner when the badge fits inside it (or, for an
      // avatar smaller than the badge, when the whole avatar shows).
      const shown =
        right - left >= Math.min(AVATAR_BADGE_PX, picture.width) - 0.5 &&
        bottom - top >= Math.min(AVATAR_BADGE_PX, picture.height) - 0.5;
      // The badge's box already includes its current translation.
      const x = shown ? entry.x + Math.round(right - AVATAR_BADGE_PX - box.left) : entry.x;
      const y = shown ? entry.y + Math.round(bottom - AVATAR_BADGE_PX - box.top) : entry.y;
      if (x !== entry.x || y !== entry.y || shown !== entry.shown) moves.push([entry, x, y, shown]);
    }
    for (const [entry, x, y, shown] of moves) {
      entry.x = x;
      entry.y = y;
      entry.shown = shown;
      entry.place(x, y, shown);
    }
  };
  const schedule = () => {
    if (scheduled || signal.aborted || !view) return;
    scheduled = true;
    view.requestAnimationFrame(placeAll);
  };

  const Observer = (view as (Window & { ResizeObserver?: typeof ResizeObserver }) | null)
    ?.ResizeObserver;
  const observer = Observer ? new Observer(schedule) : undefined;
  // Scroll events do not bubble; on the document in the capture phase they arrive from every
  // scrolling element. The page's own scroll moves avatars and badges alike.
  const onScroll = (event: Event) => {
    if (event.target !== document) schedule();
  };
  view?.addEventListener('resize', schedule, { passive: true });
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  signal.addEventListener('abort', () => {
    view?.removeEventListener('resize', schedule);
    document.removeEventListener('scroll', onScroll, { capture: true });
    observer?.disconnect();
    placed.clear();
  });

  return (element, host, place) => {
    const avatar = avatarOf(element);
    placed.add({ host, avatar, place, x: 0, y: 0, shown: true });
    // The avatar and its row: a late picture or a row that wraps moves the avatar.
    observer?.observe(avatar);
    if (avatar.parentElement) observer?.observe(avatar.parentElement);
    if (element.parentElement) observer?.observe(element.parentElement);
    schedule();
  };
}
