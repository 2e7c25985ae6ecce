// Web worker that runs the map's force layout off the main thread, so zoom, selection and
// filters stay responsive while hundreds of communities settle. Posts positions every slice;
// a newer request stops the one in progress; settled layouts are remembered by signature.
import { LayoutEngine, type LayoutRequest, type LayoutUpdate } from '../../lib/boundaries/layout';

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutUpdate, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
// Slices of a quarter second: each update costs the page a pass over every circle and line.
const engine = new LayoutEngine(250, (next) => setTimeout(next, 0));

scope.onmessage = (event) => {
  engine.run(event.data, (update) => scope.postMessage(update, [update.positions.buffer]));
};
