// The steps of opening the boundaries view, marked on the page's performance timeline
// ("boundaries:read", "boundaries:indexed", "boundaries:analysed", "boundaries:painted"), so
// the benchmark (test/bench/boundaries.page.ts) can say where the time to the first map goes.
// Each mark replaces the one before it of the same name: the timeline never grows.

export type OpenStep = 'read' | 'indexed' | 'analysed' | 'painted';

export function markStep(step: OpenStep): void {
  const name = `boundaries:${step}`;
  performance.clearMarks(name);
  performance.mark(name);
}
