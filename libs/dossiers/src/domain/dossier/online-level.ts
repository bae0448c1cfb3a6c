// docs/domain/online-service-levels.md: the legacy levels 1–4 (Decree 61/2018) map onto the Decree 42/2022 levels for history:
// 4 ≈ full online (toàn trình), 3 ≈ partial online (một phần), 1–2 = not online.
import type { OnlineServiceLevel } from '@tthc/procedures';

export type NormalisedOnlineLevel = 'full' | 'partial' | 'none';

export function normaliseOnlineLevel(level: OnlineServiceLevel): NormalisedOnlineLevel {
  switch (level) {
    case 4:
    case 'full':
      return 'full';
    case 3:
    case 'partial':
      return 'partial';
    case 2:
      return 'none';
  }
}

const RANK: Readonly<Record<NormalisedOnlineLevel, number>> = { none: 0, partial: 1, full: 2 };

/** Whether `level` goes beyond what `offered` allows (a full procedure accepts a partial dossier). */
export function exceedsOnlineLevel(level: NormalisedOnlineLevel, offered: NormalisedOnlineLevel): boolean {
  return RANK[level] > RANK[offered];
}

/**
 * The level a past dossier was submitted at, as a legacy system writes it: the Decree 42/2022 names, or
 * the Decree 61/2018 levels 1–4 (as numbers or digits), mapped as above. `undefined` when it is neither.
 */
export function parseDossierOnlineLevel(value: unknown): NormalisedOnlineLevel | undefined {
  switch (value) {
    case 'full':
    case 'partial':
    case 'none':
      return value;
    case 4:
    case '4':
      return 'full';
    case 3:
    case '3':
      return 'partial';
    case 1:
    case '1':
    case 2:
    case '2':
      return 'none';
    default:
      return undefined;
  }
}
