// The user's thresholds for the boundary analyses, kept in the extension page's localStorage
// (they belong to this view only). Stored values are read leniently: anything missing, out of
// range or unreadable falls back to the product's default for that field alone.
import { z } from '../../lib/model/zod';
import { DEFAULT_OPTIONS } from '../../lib/boundaries/options';
import { LOWEST_MIN_GROUP_SIZE } from '../../lib/boundaries/privacy';

const STORAGE_KEY = 'constellation.boundaries.thresholds.v1';

export const thresholdsSchema = z.object({
  minGroupSize: z.int().min(LOWEST_MIN_GROUP_SIZE).max(1000).catch(DEFAULT_OPTIONS.minGroupSize),
  staleMonths: z.int().min(1).max(120).catch(DEFAULT_OPTIONS.staleMonths),
  newcomerMonths: z.int().min(1).max(120).catch(DEFAULT_OPTIONS.newcomerMonths),
  siloShare: z.number().min(0.5).max(1).catch(DEFAULT_OPTIONS.siloShare),
  leadershipMinMembers: z.int().min(1).max(1000).catch(DEFAULT_OPTIONS.leadershipMinMembers),
  leadershipLargeMembers: z.int().min(2).max(10000).catch(DEFAULT_OPTIONS.leadershipLargeMembers),
  recognitionActiveMembers: z
    .int()
    .min(1)
    .max(10000)
    .catch(DEFAULT_OPTIONS.recognitionActiveMembers),
  bridgeMinTopicSimilarity: z
    .number()
    .min(0.05)
    .max(1)
    .catch(DEFAULT_OPTIONS.bridgeMinTopicSimilarity),
  bridgeMaxSharedShare: z.number().min(0).max(1).catch(DEFAULT_OPTIONS.bridgeMaxSharedShare),
});

export type Thresholds = z.infer<typeof thresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = thresholdsSchema.parse({});

export function parseThresholds(value: unknown): Thresholds {
  const parsed = thresholdsSchema.safeParse(value && typeof value === 'object' ? value : {});
  return parsed.success ? parsed.data : DEFAULT_THRESHOLDS;
}

export function loadThresholds(storage: Pick<Storage, 'getItem'> = localStorage): Thresholds {
  try {
    return parseThresholds(JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}'));
  } catch {
    return DEFAULT_THRESHOLDS;
  }
}

export function saveThresholds(
  thresholds: Thresholds,
  storage: Pick<Storage, 'setItem'> = localStorage,
): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(thresholds));
  } catch {
    // Storage full or disabled: the thresholds still apply for this visit.
  }
}
