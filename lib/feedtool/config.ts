// The build config: which sources make up a feed, how each is mapped, and which wins when
// they disagree. Written as YAML or JSON; unknown keys are errors (a typo in a mapping
// should not silently drop a column). Relative paths resolve against `baseDir`, itself
// relative to the config file (default: the config file's folder).
import { z } from '../model/zod';
import { formatPath } from '../model/validate';
import { problemAt, type SourceProblem } from './source';
import { sourceConfigSchema, sourceId, type SourceConfig } from './config-sources';
import { loadYaml } from './yaml-load';

export const buildConfigSchema = z
  .object({
    feedId: z.string().regex(/^\S+$/, 'must not contain white space'),
    organization: z.object({ name: z.string().min(1) }).strict(),
    generatedAt: z.iso.datetime({ offset: true }).optional(),
    baseDir: z.string().optional(),
    output: z.string().optional(),
    /** Highest precedence first; sources not named follow in the order they are listed. */
    precedence: z.array(sourceId).optional(),
    identity: z
      .object({ handles: z.boolean().default(true), emails: z.boolean().default(true) })
      .strict()
      .prefault({}),
    sources: z.array(sourceConfigSchema).min(1),
  })
  .strict();

export type BuildConfig = z.output<typeof buildConfigSchema>;
export {
  sourceConfigSchema,
  type BackstageSourceConfig,
  type CsvSourceConfig,
  type FeedSourceConfig,
  type K8sSigsSourceConfig,
  type RstExpertsSourceConfig,
  type SourceConfig,
} from './config-sources';

export type ConfigResult =
  | { ok: true; config: BuildConfig; problems: SourceProblem[] }
  | { ok: false; problems: SourceProblem[] };

/** Parses and checks a config's text; `file` is used in messages only. */
export function parseConfig(text: string, file: string): ConfigResult {
  const loaded = loadYaml(text, file);
  if (loaded.problems.length > 0) return { ok: false, problems: loaded.problems };
  if (loaded.documents.length !== 1) {
    return {
      ok: false,
      problems: [
        problemAt(
          'error',
          { file, line: 1 },
          'a config file holds exactly one YAML or JSON document',
        ),
      ],
    };
  }
  const doc = loaded.documents[0]!;
  const parsed = buildConfigSchema.safeParse(doc.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const where = doc.locate(path);
      const field = formatPath(path);
      return problemAt('error', { file, ...where }, `${field ? `${field}: ` : ''}${issue.message}`);
    });
    return { ok: false, problems };
  }
  const config = parsed.data;
  const problems: SourceProblem[] = [];
  const ids = new Set<string>();
  config.sources.forEach((source, index) => {
    if (ids.has(source.id)) {
      problems.push(
        problemAt(
          'error',
          { file, ...doc.locate(['sources', index, 'id']) },
          `duplicate source id "${source.id}"`,
        ),
      );
    }
    ids.add(source.id);
  });
  (config.precedence ?? []).forEach((id, index) => {
    if (!ids.has(id)) {
      problems.push(
        problemAt(
          'error',
          { file, ...doc.locate(['precedence', index]) },
          `precedence names "${id}", which is not a source id`,
        ),
      );
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config, problems };
}

/** Sources from highest to lowest precedence. */
export function orderedSources(config: BuildConfig): SourceConfig[] {
  const named = config.precedence ?? [];
  const rank = (id: string) => {
    const i = named.indexOf(id);
    return i < 0 ? named.length : i;
  };
  return config.sources
    .map((source, index) => ({ source, index }))
    .sort((a, b) => rank(a.source.id) - rank(b.source.id) || a.index - b.index)
    .map((entry) => entry.source);
}
