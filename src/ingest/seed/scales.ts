import { demoPlan } from './demo/demo-plan';
import type { SeedPlan } from './plan';
import { BENCH_SHAPE, SMALL_SHAPE, uniformPlan } from './uniform-plan';

export type SeedScale = 'demo' | 'small' | 'bench';
export const SEED_SCALES: readonly SeedScale[] = ['demo', 'small', 'bench'];

/** The records a scale produces for `today`, without writing anything (tests inspect it). */
export function seedPlan(scale: SeedScale, today: string): SeedPlan {
  switch (scale) {
    case 'demo':
      return demoPlan(today);
    case 'small':
      return uniformPlan(SMALL_SHAPE, today);
    case 'bench':
      return uniformPlan(BENCH_SHAPE, today);
    default:
      throw new Error(
        `seed scale must be one of ${SEED_SCALES.join(', ')}, got "${String(scale)}"`,
      );
  }
}
