// Typed, versioned extension settings (kept in storage.local through an adapter).
// A stored value that does not parse falls back to defaults field by field, so a corrupt or
// older settings object never breaks start-up.
import { z } from './model/zod';

const SETTINGS_VERSION = 1;

export const feedConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  label: z.string().trim().min(1).max(100),
  intervalMinutes: z
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60),
  publicKey: z.string().max(4096).optional(),
});

const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION).catch(SETTINGS_VERSION),
  feeds: z.array(feedConfigSchema).max(20).catch([]),
  /**
   * Sync refuses a document when more than this share of its records is invalid; absent means
   * DEFAULT_MAX_INVALID_SHARE (optional so settings stored before it existed stay equal).
   */
  maxInvalidShare: z.number().min(0).max(1).optional().catch(undefined),
  /**
   * Remember the topics of pages read while the extension is on, as a local suggestion signal
   * for "where can I take part?" (absent means on; off also forgets what was remembered).
   */
  rememberVisitedTopics: z.boolean().optional().catch(undefined),
  /**
   * Mark exact full names of people in the directory anywhere in page prose, not only where
   * the page presents a person (absent means off: docs/annotation.md gives its false-positive
   * rate).
   */
  namesInProse: z.boolean().optional().catch(undefined),
});

export const DEFAULT_MAX_INVALID_SHARE = 0.1;

export type FeedConfig = z.infer<typeof feedConfigSchema>;
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, feeds: [] };

export function remembersVisitedTopics(settings: Settings): boolean {
  return settings.rememberVisitedTopics !== false;
}

export function marksNamesInProse(settings: Settings): boolean {
  return settings.namesInProse === true;
}

/** Reads stored settings leniently: unknown or broken fields fall back to their defaults. */
export function parseSettings(stored: unknown): Settings {
  const result = settingsSchema.safeParse(stored ?? {});
  return result.success ? result.data : DEFAULT_SETTINGS;
}
