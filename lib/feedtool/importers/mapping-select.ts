// A small JSONPath-like selector language for mapping any YAML, JSON or TOML registry:
//   $            the file's root            .name / ['name with spaces']   a key
//   [0]          an item of a list          [*] / .*   every item of a list or value of a map
//   ..name       `name` at any depth        a selector without "$" starts at the current record
// Each selected node keeps its key (map key or list index), so templates can use {$key}.
// Parsing is separate from evaluation so a config's selectors are checked before any file
// is read, and a bad selector is reported with what was wrong.

export type Step =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'descend'; key: string };

export interface Selector {
  source: string;
  fromRoot: boolean;
  steps: Step[];
}

export interface SelectedNode {
  value: unknown;
  key: string | number | undefined;
  path: (string | number)[];
}

export type SelectorParse = { ok: true; selector: Selector } | { ok: false; message: string };

const NAME = /^[A-Za-z_$@][\w$@-]*/;

export function parseSelector(source: string): SelectorParse {
  let rest = source.trim();
  const fromRoot = rest.startsWith('$');
  if (fromRoot) rest = rest.slice(1);
  else if (rest && !rest.startsWith('.') && !rest.startsWith('[')) rest = `.${rest}`;
  const steps: Step[] = [];
  const fail = (why: string): SelectorParse => ({
    ok: false,
    message: `selector "${source}": ${why} at "${rest}"`,
  });
  while (rest) {
    if (rest.startsWith('..')) {
      const name = NAME.exec(rest.slice(2));
      if (!name) return fail('expected a key after ".."');
      steps.push({ kind: 'descend', key: name[0] });
      rest = rest.slice(2 + name[0].length);
    } else if (rest.startsWith('.*')) {
      steps.push({ kind: 'all' });
      rest = rest.slice(2);
    } else if (rest.startsWith('.')) {
      const name = NAME.exec(rest.slice(1));
      if (!name) return fail('expected a key after "."');
      steps.push({ kind: 'key', key: name[0] });
      rest = rest.slice(1 + name[0].length);
    } else if (rest.startsWith('[')) {
      const bracket = /^\[\s*(?:(\*)|(\d+)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*\]/.exec(
        rest,
      );
      if (!bracket) return fail("expected [*], [<number>] or ['key']");
      if (bracket[1]) steps.push({ kind: 'all' });
      else if (bracket[2] !== undefined) steps.push({ kind: 'index', index: Number(bracket[2]) });
      else
        steps.push({ kind: 'key', key: (bracket[3] ?? bracket[4] ?? '').replace(/\\(.)/g, '$1') });
      rest = rest.slice(bracket[0].length);
    } else return fail('unexpected text');
  }
  return { ok: true, selector: { source, fromRoot, steps } };
}

/** Every node `selector` reaches from `start` (or from `root` when it starts with "$"). */
export function select(
  selector: Selector,
  start: SelectedNode,
  root: SelectedNode,
): SelectedNode[] {
  let nodes = [selector.fromRoot ? root : start];
  for (const step of selector.steps) {
    const next: SelectedNode[] = [];
    for (const node of nodes) apply(step, node, next);
    nodes = next;
  }
  return nodes;
}

function apply(step: Step, node: SelectedNode, out: SelectedNode[]): void {
  const value = node.value;
  const child = (key: string | number, v: unknown) =>
    out.push({ value: v, key, path: [...node.path, key] });
  switch (step.kind) {
    case 'key':
      if (isRecord(value) && Object.hasOwn(value, step.key)) child(step.key, value[step.key]);
      return;
    case 'index':
      if (Array.isArray(value) && step.index < value.length) child(step.index, value[step.index]);
      return;
    case 'all':
      if (Array.isArray(value)) value.forEach((v, i) => child(i, v));
      else if (isRecord(value)) for (const [k, v] of Object.entries(value)) child(k, v);
      return;
    case 'descend':
      descend(step.key, node, out);
  }
}

function descend(key: string, node: SelectedNode, out: SelectedNode[]): void {
  const value = node.value;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isRecord(value)
      ? Object.entries(value)
      : [];
  for (const [k, v] of entries) {
    const next = { value: v, key: k, path: [...node.path, k] };
    if (k === key) out.push(next);
    descend(key, next, out);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** A value as template text: scalars as they are, dates as YYYY-MM-DD (or full time), lists
 * of scalars joined with "; " (so `emails` splits them again); null, maps → nothing. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) {
    const parts = value.map(scalarText).filter((v): v is string => v !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  return undefined;
}
