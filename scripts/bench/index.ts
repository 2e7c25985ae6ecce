// `npm run bench [-- --suite NAME] [suite options]`: runs every benchmark suite in real
// headless Chromium, or only the named one. Each suite prints its medians and its ratios
// against a baseline measured in the same run; copy the output into docs/benchmarks.md.
import { benchFoundation } from './foundation';
import { benchAnnotate } from './annotate';
import { benchSync } from './sync';
import { benchPopup } from './popup';
import { benchPopupOpen } from './popup-open';
import { benchBoundaries } from './boundaries';
import { benchRealPages } from './real-pages';
import { benchValidate } from './validate';
import { benchHovercard } from './hovercard';
import { benchStorage } from './storage';
import { benchIdbValues } from './idb-values';
import { benchResolve } from './resolve';
import { benchFeedtoolBuild } from './feedtool-build';
import { benchCommunity } from './community';

const SUITES: Record<string, () => Promise<void>> = {
  foundation: benchFoundation,
  validate: benchValidate,
  annotate: benchAnnotate,
  sync: benchSync,
  popup: benchPopup,
  'popup-open': benchPopupOpen,
  boundaries: benchBoundaries,
  'real-pages': benchRealPages,
  hovercard: benchHovercard,
  storage: benchStorage,
  'idb-values': benchIdbValues,
  resolve: benchResolve,
  'feedtool-build': benchFeedtoolBuild,
  community: benchCommunity,
};

const at = process.argv.indexOf('--suite');
const only = at >= 0 ? process.argv[at + 1] : undefined;
if (only !== undefined && !(only in SUITES)) {
  console.error(`Unknown suite "${only}". Suites: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(SUITES)) {
  if (only === undefined || only === name) await run();
}
