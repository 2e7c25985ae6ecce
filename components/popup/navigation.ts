// The popup's views as a stack: the home tabs at the bottom, detail views pushed on top.
// Esc pops one view; the browser closes the popup from the home view.
import type { Ref } from '../../lib/db/schema';

export type HomeTab = 'find' | 'participate' | 'page';

export type View =
  | { kind: 'home' }
  | { kind: 'topic'; ref: Ref }
  | { kind: 'person'; ref: Ref }
  | { kind: 'community'; ref: Ref };

export interface Navigator {
  open(view: View): void;
  back: () => void;
}
