// Real sample feeds (issue 7): `npm run sample-feeds` builds them from public open-source data
// into .sample-feeds/ (git-ignored); when present, the build copies them into the extension
// under samples/ with this index, and the options page offers them with their attribution.
// The index is checked here both when the build writes it and when the extension reads it.
import { z } from './model/zod';

export const SAMPLES_DIR = 'samples';
export const SAMPLES_INDEX = `${SAMPLES_DIR}/index.json`;

/** A bundled file name: letters, digits, dot, dash, underscore; no path. */
const fileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/, 'must be a plain file name')
  .refine((name) => !name.includes('..'), 'must be a plain file name');

export const sampleEntrySchema = z.object({
  file: fileName.refine((name) => name.endsWith('.json'), 'must be a .json file'),
  /** The feed's own feedId (read from the file at build time). */
  feedId: z.string().min(1).max(200),
  label: z.string().min(1).max(200),
  repository: z.url({ protocol: /^https$/ }).max(500),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  snapshotDate: z.iso.date(),
  license: z.string().min(1).max(50),
  licenseFile: fileName,
  attribution: z.string().min(1).max(2000),
  counts: z.object({
    units: z.int().min(0),
    people: z.int().min(0),
    topics: z.int().min(0),
    communities: z.int().min(0),
    memberships: z.int().min(0),
    expertise: z.int().min(0),
  }),
  bytes: z.int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const samplesIndexSchema = z.object({
  feeds: z.array(sampleEntrySchema).max(20),
});

export type SampleEntry = z.infer<typeof sampleEntrySchema>;
export type SamplesIndex = z.infer<typeof samplesIndexSchema>;

/** Parses a samples index; the message says what is wrong and where. */
export function parseSamplesIndex(
  text: string,
): { ok: true; index: SamplesIndex } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `not JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const parsed = samplesIndexSchema.safeParse(value);
  if (parsed.success) return { ok: true, index: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `${issue.path.join('.') || 'index'}: ${issue.message}` };
}
