// docs/domain/lifecycle-and-forms.md: the dossier code (mã hồ sơ) `<unit code>-YYMMDD-XXXX`, e.g. `000.00.18.H56-230101-0001`: the
// receiving unit's electronic identifier code (Decision 20/2020/QĐ-TTg), the local receipt date and a 4-digit
// daily sequence per unit. Assigned on receipt, immutable. The sequence is state shared by every dossier of
// a unit, so infrastructure allocates it (one counter per unit and local date) and passes the finished code
// in the ReceiveDossier command; the decider only checks its shape.
import { InvalidDossierCode } from './errors';

export interface DossierCodeParts {
  /** Electronic identifier code of the receiving unit, e.g. `000.00.18.H56`. */
  readonly unitCode: string;
  /** Local receipt date, `YYYY-MM-DD` (the code carries `YYMMDD`, read as 20YY). */
  readonly localDate: string;
  /** 1–9999. */
  readonly sequence: number;
}

/** Levels 4.3.2 read right to left: 3, 2, 2 alphanumerics, then the level-1 code (`H56`, `G09`, …). */
/** An agency's or administrative unit's electronic identifier code, e.g. 000.31.18.H56. */
export const UNIT_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;
const LOCAL_DATE = /^20(\d{2})-(\d{2})-(\d{2})$/;
const DOSSIER_CODE = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4})$/;
export const MAX_DAILY_SEQUENCE = 9999;

export function isUnitCode(value: string): boolean {
  return UNIT_CODE.test(value);
}

/** @throws InvalidDossierCode when a part is malformed or the sequence is outside 1–9999. */
export function formatDossierCode(unitCode: string, localDate: string, sequence: number): string {
  const problems = [
    ...(isUnitCode(unitCode) ? [] : [`unit code ${JSON.stringify(unitCode)} is not like 000.00.18.H56`]),
    ...(isValidLocalDate(localDate)
      ? []
      : [`${JSON.stringify(localDate)} is not a date 2000-2099 (YYYY-MM-DD)`]),
    ...(Number.isInteger(sequence) && sequence >= 1 && sequence <= MAX_DAILY_SEQUENCE
      ? []
      : [`sequence ${sequence} is not a whole number from 1 to ${MAX_DAILY_SEQUENCE}`]),
  ];
  if (problems.length > 0) throw new InvalidDossierCode(`${unitCode}/${localDate}/${sequence}`, problems);
  const [, yy, mm, dd] = LOCAL_DATE.exec(localDate) ?? [];
  return `${unitCode}-${yy}${mm}${dd}-${String(sequence).padStart(4, '0')}`;
}

/** @throws InvalidDossierCode */
export function parseDossierCode(code: string): DossierCodeParts {
  const match = DOSSIER_CODE.exec(code);
  if (match === null) {
    throw new InvalidDossierCode(code, ['not of the form <unit code>-YYMMDD-XXXX']);
  }
  const [, unitCode, yy, mm, dd, digits] = match;
  const localDate = `20${yy}-${mm}-${dd}`;
  const sequence = Number(digits);
  const problems = [
    ...(isUnitCode(unitCode) ? [] : [`unit code ${JSON.stringify(unitCode)} is not like 000.00.18.H56`]),
    ...(isValidLocalDate(localDate) ? [] : [`${yy}${mm}${dd} is not a date (YYMMDD)`]),
    ...(sequence >= 1 ? [] : ['the daily sequence starts at 0001']),
  ];
  if (problems.length > 0) throw new InvalidDossierCode(code, problems);
  return { unitCode, localDate, sequence };
}

export function isDossierCode(code: string): boolean {
  try {
    parseDossierCode(code);
    return true;
  } catch {
    return false;
  }
}

function isValidLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [2000 + Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
