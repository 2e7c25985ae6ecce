// Vite's `?worker` imports (https://vite.dev/guide/features#import-with-query-suffixes): the
// default export constructs the bundled worker.
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}
