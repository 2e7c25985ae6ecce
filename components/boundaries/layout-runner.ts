// Where the map's layout runs: in a web worker when the page provides one (the extension page
// does, see entrypoints/boundaries/main.tsx), otherwise on the main thread in short slices per
// animation frame. The worker is handed in rather than imported here because WXT rewrites
// `import.meta.url`, which breaks Vite's `new Worker(new URL(…))` bundling (wxt-dev/wxt#2032);
// the entrypoint uses Vite's `?worker` import instead, and the benchmark its own bundle.
import { createContext } from 'preact';
import { LayoutEngine, type LayoutRequest, type LayoutUpdate } from '../../lib/boundaries/layout';

export interface LayoutRunner {
  run(request: LayoutRequest, onUpdate: (update: LayoutUpdate) => void): void;
  stop(): void;
}

const MAIN_THREAD_SLICE_MS = 8;

function mainThreadRunner(): LayoutRunner {
  let frame = 0;
  const engine = new LayoutEngine(
    MAIN_THREAD_SLICE_MS,
    (next) => (frame = requestAnimationFrame(next)),
  );
  return {
    run(request, onUpdate) {
      cancelAnimationFrame(frame);
      engine.run(request, onUpdate);
    },
    stop() {
      engine.stop();
      cancelAnimationFrame(frame);
    },
  };
}

/** Starts the layout worker (components/boundaries/layout.worker.ts), or null for none. */
export type LayoutWorkerFactory = (() => Worker) | null;

export const LayoutWorkerContext = createContext<LayoutWorkerFactory>(null);

export function createLayoutRunner(createWorker: LayoutWorkerFactory): LayoutRunner {
  let worker: Worker;
  try {
    if (!createWorker) return mainThreadRunner();
    worker = createWorker();
  } catch {
    return mainThreadRunner();
  }
  let fallback: LayoutRunner | null = null;
  let listener: ((update: LayoutUpdate) => void) | null = null;
  let pending: LayoutRequest | null = null;
  worker.onmessage = (event: MessageEvent<LayoutUpdate>) => {
    pending = null;
    listener?.(event.data);
  };
  // A worker that cannot load (e.g. a page without the bundled file) hands over to the main thread.
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    fallback = mainThreadRunner();
    if (pending && listener) fallback.run(pending, listener);
  };
  return {
    run(request, onUpdate) {
      listener = onUpdate;
      if (fallback) return fallback.run(request, onUpdate);
      pending = request;
      worker.postMessage(request);
    },
    stop() {
      listener = null;
      fallback?.stop();
      worker.terminate();
    },
  };
}
