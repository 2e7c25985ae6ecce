// Keyboard movement for a list of options driven from one focus point (a search box or the
// list itself): ArrowUp/Down, Home/End move the active option, Enter opens it. The active
// option is exposed through aria-activedescendant, so focus never leaves the input.
import { useEffect, useState } from 'preact/hooks';

export interface ListKeys {
  active: number;
  setActive(index: number): void;
  onKeyDown: (event: KeyboardEvent) => void;
}

export function useListKeys(count: number, onChoose: (index: number) => void): ListKeys {
  const [active, setActive] = useState(-1);
  useEffect(() => {
    if (active >= count) setActive(count - 1);
  }, [count, active]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (count === 0) return;
    const moves: Record<string, () => number> = {
      ArrowDown: () => Math.min(active + 1, count - 1),
      ArrowUp: () => Math.max(active - 1, 0),
      Home: () => 0,
      End: () => count - 1,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setActive(move());
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      onChoose(active);
    }
  };
  return { active, setActive, onKeyDown };
}

/**
 * Arrow-key movement between the focusable items (`[data-roving]`) of a list whose rows hold
 * their own buttons and links: ArrowUp/Down and Home/End move focus, Enter is the button's.
 */
export function rovingKeyDown(event: KeyboardEvent): void {
  const container = event.currentTarget as HTMLElement;
  const items = [...container.querySelectorAll<HTMLElement>('[data-roving]')];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const target: Record<string, number> = {
    ArrowDown: Math.min(at + 1, items.length - 1),
    ArrowUp: Math.max(at - 1, 0),
    Home: 0,
    End: items.length - 1,
  };
  const next = target[event.key];
  if (next === undefined) return;
  event.preventDefault();
  items[next]!.focus();
}
