// Boundaries view entrypoint (an unlisted full-page extension view, /boundaries.html): mounts
// the Preact app, which reads Dexie directly (same extension origin), with the map's layout
// worker bundled by Vite (`?worker`; see components/boundaries/layout-runner.ts for why).
import { render } from 'preact';
import { BoundariesApp } from '../../components/boundaries/BoundariesApp';
import LayoutWorker from '../../components/boundaries/layout.worker.ts?worker';
import { openDatabase } from '../../lib/db/database';
import '../../components/boundaries/boundaries.css';

render(
  <BoundariesApp db={openDatabase()} createLayoutWorker={() => new LayoutWorker()} />,
  document.getElementById('app')!,
);
