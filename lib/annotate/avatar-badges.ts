// Keeps the badges of avatar-only links on their avatars (issue 14). Such a badge is out of
// flow (lib/annotate/styles.ts, AVATAR_BADGE_CSS), so it never reflows the avatar row; where
// the layout leaves it (its static position: right after the link in a line, the container's
// start in a flex or grid row) is not where it belongs, so it is moved by a translation onto
// the avatar's lower right corner, inside the avatar's box: it covers neither the next avatar
// nor anything beyond the avatar, and an avatar that is visible shows it.
//
// Positions are read for all badges at once in one frame (one layout), then written; they are
// read again when the window is resized or an avatar or its row changes size (pictures that
// load late, rows that wrap).
import type { PlaceBadge } from './hosts';
import { AVATAR_BADGE_PX } from './styles';

interface Placed {
  host: HTMLElement;
  /** What the badge sits on: the picture inside the link, or the link itself. */
  avatar: Element;
  place: PlaceBadge;
  x: number;
  y: number;
}

/** The picture a reader sees as the avatar of `element` (a link or an image). */
export function avatarOf(element: Element): Element {
  if (element.tagName === 'IMG') return element;
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
    if (signal.aborted) return;
    const moves: [Placed, number, number][] = [];
    for (const entry of placed) {
      if (!entry.host.isConnected || !entry.avatar.isConnected) {
        placed.delete(entry);
        observer?.unobserve(entry.avatar);
        continue;
      }
      if (entry.host.hidden) continue;
      const box = entry.host.getBoundingClientRect();
      const target = entry.avatar.getBoundingClientRect();
      if (target.width === 0 && target.height === 0) continue;
      // The badge's box already includes its current translation.
      const x = entry.x + Math.round(target.right - AVATAR_BADGE_PX - box.left);
      const y = entry.y + Math.round(target.bottom - AVATAR_BADGE_PX - box.top);
      if (x !== entry.x || y !== entry.y) moves.push([entry, x, y]);
    }
    for (const [entry, x, y] of moves) {
      entry.x = x;
      entry.y = y;
      entry.place(x, y);
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
  view?.addEventListener('resize', schedule, { passive: true });
  signal.addEventListener('abort', () => {
    view?.removeEventListener('resize', schedule);
    observer?.disconnect();
    placed.clear();
  });

  return (element, host, place) => {
    const avatar = avatarOf(element);
    placed.add({ host, avatar, place, x: 0, y: 0 });
    // The avatar and its row: a late picture or a row that wraps moves the avatar.
    observer?.observe(avatar);
    if (avatar.parentElement) observer?.observe(avatar.parentElement);
    if (element.parentElement) observer?.observe(element.parentElement);
    schedule();
  };
}
