// Reading `agencies` and `administrative_units` rows into views, and following successor links.
import type { DataSource } from 'typeorm';
import type { AgencyLevel } from '../domain/definition';
import type {
  AdministrativeUnitKind,
  AdministrativeUnitLevel,
  OfficePeriod,
  UnitEndReason,
} from './directory-decider';
import type { AdministrativeUnitView, AgencyView } from './views';

/** Dates come out as text: node-postgres would turn a `date` into a local-midnight Date. */
export const AGENCY_COLUMNS = `code, name_vi, name_en, level, parent_code, administrative_unit_code, office_hours,
  saturday_reception, default_trip_cost_days, valid_from::text AS valid_from, valid_to::text AS valid_to,
  successor_code, end_legal_basis`;

export interface AgencyRow {
  code: string;
  name_vi: string;
  name_en: string;
  level: AgencyLevel;
  parent_code: string | null;
  administrative_unit_code: string | null;
  office_hours: OfficePeriod[];
  saturday_reception: boolean;
  default_trip_cost_days: number;
  valid_from: string;
  valid_to: string | null;
  successor_code: string | null;
  end_legal_basis: string | null;
}

export function toAgency(r: AgencyRow): AgencyView {
  return {
    code: r.code,
    name: { vi: r.name_vi, en: r.name_en },
    level: r.level,
    parentCode: r.parent_code,
    administrativeUnitCode: r.administrative_unit_code,
    officeHours: r.office_hours,
    saturdayReception: r.saturday_reception,
    defaultTripCostDays: r.default_trip_cost_days,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    successorCode: r.successor_code,
    endLegalBasis: r.end_legal_basis,
  };
}

export const UNIT_COLUMNS = `code, name_vi, name_en, level, kind, parent_code, valid_from::text AS valid_from,
  valid_to::text AS valid_to, successor_code, end_reason, legal_basis, end_legal_basis, formed_from`;

export interface UnitRow {
  code: string;
  name_vi: string;
  name_en: string;
  level: AdministrativeUnitLevel;
  kind: AdministrativeUnitKind;
  parent_code: string | null;
  valid_from: string;
  valid_to: string | null;
  successor_code: string | null;
  end_reason: UnitEndReason | null;
  legal_basis: string | null;
  end_legal_basis: string | null;
  formed_from: string[];
}

export function toUnit(r: UnitRow): AdministrativeUnitView {
  return {
    code: r.code,
    name: { vi: r.name_vi, en: r.name_en },
    level: r.level,
    kind: r.kind,
    parentCode: r.parent_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    successorCode: r.successor_code,
    endReason: r.end_reason,
    legalBasis: r.legal_basis,
    endLegalBasis: r.end_legal_basis,
    formedFrom: r.formed_from,
  };
}

/** A chain longer than this is a data error (a cycle); it is cut rather than followed forever. */
const MAX_CHAIN = 20;

/**
 * Follows successor links from `start`, nearest first, stopping at a record without a successor, a missing
 * record or a cycle.
 */
export async function successorChain<T extends { code: string; successorCode: string | null }>(
  start: T,
  load: (code: string) => Promise<T | undefined>,
): Promise<T[]> {
  const chain: T[] = [];
  const seen = new Set([start.code]);
  let next = start.successorCode;
  while (next !== null && !seen.has(next) && chain.length < MAX_CHAIN) {
    const record = await load(next);
    if (record === undefined) break;
    chain.push(record);
    seen.add(record.code);
    next = record.successorCode;
  }
  return chain;
}

export async function loadAgency(db: DataSource, code: string): Promise<AgencyView | undefined> {
  const rows = (await db.query(`SELECT ${AGENCY_COLUMNS} FROM agencies WHERE code = $1`, [
    code,
  ])) as AgencyRow[];
  return rows[0] && toAgency(rows[0]);
}

export async function loadUnit(db: DataSource, code: string): Promise<AdministrativeUnitView | undefined> {
  const rows = (await db.query(`SELECT ${UNIT_COLUMNS} FROM administrative_units WHERE code = $1`, [
    code,
  ])) as UnitRow[];
  return rows[0] && toUnit(rows[0]);
}
