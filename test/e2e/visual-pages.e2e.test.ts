// Visual regression and axe (test/e2e/support/visual-screens.ts): the annotated demo pages,
// the cards and the boundaries view.
import { describeScreens, isPagesScreen } from './support/visual-screens';

describeScreens('pages, cards and boundaries, light and dark', isPagesScreen);
