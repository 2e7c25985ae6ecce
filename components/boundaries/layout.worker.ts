// Web worker that runs the map's force layout off the main thread, so zoom, selection and
// filters stay responsive while hundreds of communities settle. Posts positions every slice;
// a newer request stops the one in progress.
import { runLayoutJob, type LayoutRequest, type LayoutUpdate } from '../../lib/boundaries/layout';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutUpdate, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let current = -1;

scope.onmessage = (event) => {
  const request = event.data;
  current = request.id;
  runLayoutJob(
    request,
    (update) => scope.postMessage(update, [update.positions.buffer]),
    () => current === request.id,
    // Slices of a quarter second: each update costs the page a pass over every circle and line.
    250,
    (next) => setTimeout(next, 0),
  );
};
