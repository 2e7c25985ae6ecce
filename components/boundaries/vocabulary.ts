// How the boundaries view shows the product's vocabulary: a colour per stage and an outline
// per standing, each always paired with the word (the legend never relies on colour alone).
import type { Stage, Standing } from '../../lib/model/vocabulary';

export const STAGE_MEANING: Record<Stage, string> = {
  potential: 'people are finding each other',
  coalescing: 'coming together, launching',
  active: 'engaged in developing a practice',
  dispersed: 'no longer intensely engaged, still in touch',
  memorable: 'no longer central, still remembered',
};

export const STANDING_OUTLINE: Record<Standing, string> = {
  unrecognized: 'dotted outline',
  bootlegged: 'dashed outline',
  legitimized: 'thin solid outline',
  strategic: 'thick solid outline',
  transformative: 'double outline',
};

export function formatDay(day: string | undefined): string {
  return day ?? 'not recorded';
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
