// docs/domain/legal-regimes.md: Decree 61/2018/NĐ-CP (amended by 107/2021) until 30 June 2025, Decree 118/2025/NĐ-CP from
// 1 July 2025, chosen by the dossier's receipt date in Vietnam and stored on the dossier at receipt.
import { toLocalDate } from '../calendar';

export type LegalRegime = 'decree-61-2018' | 'decree-118-2025';

/** First local date on which Decree 118/2025 governs the one-stop shop. */
export const DECREE_118_EFFECTIVE_DATE = '2025-07-01';

/** The regime for a dossier received at `receivedAt`, by its local (Asia/Ho_Chi_Minh) receipt date. */
export function legalRegime(receivedAt: Date): LegalRegime {
  return toLocalDate(receivedAt) < DECREE_118_EFFECTIVE_DATE ? 'decree-61-2018' : 'decree-118-2025';
}
