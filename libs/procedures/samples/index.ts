/**
 * The sample catalogue shipped with the engine: six procedures of a fictional-but-realistic district of
 * Khánh Hòa (see README.md for the agency codes). Reads the YAML files beside this module and validates them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { buildCatalogue } from '../src/domain/sample-catalogue';
import type { LocalisedText, ProcedureDefinition } from '../src/domain/definition';
import type {
  AdministrativeUnitRecord,
  AgencyRecord,
  OfficePeriod,
  RecordEnd,
  UnitEndReason,
} from '../src/application/directory-decider';

/**
 * Where the YAML files are: beside this module when running from source, or in the source tree when running
 * from `dist/` (tsc does not copy YAML; a build that ships them should copy libs/procedures/samples/*.yaml).
 */
function samplesDirectory(): string {
  const candidates = [__dirname, resolve(__dirname, '../../../../libs/procedures/samples')];
  const found = candidates.find((dir) => {
    try {
      return readdirSync(dir).some((file) => file.endsWith('.yaml'));
    } catch {
      return false;
    }
  });
  return found ?? __dirname;
}

export const SAMPLES_DIRECTORY = samplesDirectory();

/** @throws InvalidCatalogueError when a sample does not validate (a bug in the samples). */
export function loadSampleCatalogue(directory: string = SAMPLES_DIRECTORY): ProcedureDefinition[] {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.yaml') || file.endsWith('.yml') || file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file, text: readFileSync(join(directory, file), 'utf8') }));
  return buildCatalogue(files);
}

// ---- Sample agencies and administrative units ----------------------------------------------------------

/** The province, its district and communes before and after the 2025 reform (see agencies/README.md). */
export const SAMPLE_DIRECTORY_FILE = join(SAMPLES_DIRECTORY, 'agencies', 'khanh-hoa.yaml');

export interface SampleDirectory {
  readonly administrativeUnits: readonly {
    readonly unit: AdministrativeUnitRecord;
    readonly end: (RecordEnd & { readonly reason: UnitEndReason }) | null;
  }[];
  readonly agencies: readonly { readonly agency: AgencyRecord; readonly end: RecordEnd | null }[];
}

interface RawEnd {
  validTo?: string;
  successor?: string;
  reason?: UnitEndReason;
  legalBasis?: string;
}

interface RawDirectory {
  defaults?: { officeHours?: OfficePeriod[]; saturdayReception?: boolean; validFrom?: string };
  administrativeUnits?: {
    code: string;
    name: LocalisedText;
    level: AdministrativeUnitRecord['level'];
    kind: AdministrativeUnitRecord['kind'];
    parent?: string;
    validFrom?: string;
    legalBasis?: string;
    formedFrom?: string[];
    end?: RawEnd;
  }[];
  agencies?: {
    code: string;
    name: LocalisedText;
    level: AgencyRecord['level'];
    parent?: string;
    unit?: string;
    officeHours?: OfficePeriod[];
    saturdayReception?: boolean;
    tripCostDays: number;
    validFrom?: string;
    end?: RawEnd;
  }[];
}

/** The directory file is broken: a reference to a record it does not hold, or a missing member. */
export class InvalidSampleDirectoryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The sample directory has ${problems.length} problem(s): ${problems.join('; ')}`);
    this.name = 'InvalidSampleDirectoryError';
  }
}

function recordEnd(raw: RawEnd | undefined): RecordEnd | null {
  if (raw === undefined) return null;
  return {
    validTo: String(raw.validTo),
    successorCode: raw.successor ?? null,
    legalBasis: raw.legalBasis ?? null,
  };
}

/**
 * Reads the sample directory, applies its defaults, and checks that every parent, unit and successor it
 * names is in the file. Rules on each record (periods, codes) are the deciders' to check when it is loaded.
 * @throws InvalidSampleDirectoryError listing every problem
 */
export function loadSampleDirectory(file: string = SAMPLE_DIRECTORY_FILE): SampleDirectory {
  const raw = parse(readFileSync(file, 'utf8'), { merge: true, version: '1.2' }) as RawDirectory;
  const defaults = raw.defaults ?? {};
  const problems: string[] = [];
  const validFrom = (given?: string) => String(given ?? defaults.validFrom ?? '');
  const administrativeUnits = (raw.administrativeUnits ?? []).map((u) => ({
    unit: {
      code: String(u.code),
      name: u.name,
      level: u.level,
      kind: u.kind,
      parentCode: u.parent === undefined ? null : String(u.parent),
      validFrom: validFrom(u.validFrom),
      legalBasis: u.legalBasis ?? null,
      formedFrom: (u.formedFrom ?? []).map(String),
    },
    end:
      u.end === undefined
        ? null
        : { ...(recordEnd(u.end) as RecordEnd), reason: u.end.reason ?? 'dissolved' },
  }));
  const agencies = (raw.agencies ?? []).map((a) => ({
    agency: {
      code: String(a.code),
      name: a.name,
      level: a.level,
      parentCode: a.parent ?? null,
      administrativeUnitCode: a.unit === undefined ? null : String(a.unit),
      officeHours: a.officeHours ?? defaults.officeHours ?? [],
      saturdayReception: a.saturdayReception ?? defaults.saturdayReception ?? false,
      defaultTripCostDays: a.tripCostDays,
      validFrom: validFrom(a.validFrom),
    },
    end: recordEnd(a.end),
  }));
  const units = new Set(administrativeUnits.map((u) => u.unit.code));
  const agencyCodes = new Set(agencies.map((a) => a.agency.code));
  for (const { unit, end } of administrativeUnits) {
    for (const ref of [unit.parentCode, end?.successorCode, ...unit.formedFrom]) {
      if (ref != null && !units.has(ref)) problems.push(`unit ${unit.code} refers to unknown unit ${ref}`);
    }
  }
  for (const { agency, end } of agencies) {
    for (const ref of [agency.parentCode, end?.successorCode]) {
      if (ref != null && !agencyCodes.has(ref))
        problems.push(`agency ${agency.code} refers to unknown agency ${ref}`);
    }
    if (agency.administrativeUnitCode !== null && !units.has(agency.administrativeUnitCode))
      problems.push(`agency ${agency.code} refers to unknown unit ${agency.administrativeUnitCode}`);
    if (typeof agency.defaultTripCostDays !== 'number')
      problems.push(`agency ${agency.code} has no tripCostDays`);
  }
  if (problems.length > 0) throw new InvalidSampleDirectoryError(problems);
  return { administrativeUnits, agencies };
}
