// DOMAIN §1: the legacy levels 1–4 (Decree 61/2018) map onto the Decree 42/2022 levels for history:
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
