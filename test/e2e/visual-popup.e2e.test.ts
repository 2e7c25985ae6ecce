// Visual regression and axe (test/e2e/support/visual-screens.ts): every other screen of the
// tour — the popup and the options.
import { describeScreens, isPagesScreen } from './support/visual-screens';

describeScreens('popup and options, light and dark', (screen) => !isPagesScreen(screen));
