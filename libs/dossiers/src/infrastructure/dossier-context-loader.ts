// Procedure versions and agency calendars for the dossier decider, read from the registry's read models
// (`procedure_versions`, `agencies`, owned by @tthc/procedures). A published version never changes, so its
// compiled form (XState machine, ajv validators) is cached for the life of the process; an agency's office
// hours and the confirmed official years can change, so the calendar built from them is cached per agency
// under a key of both.
import { Inject, Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sqlLiteral, use, type PreparedStatement, type Queryable, type Statement } from '@tthc/event-store';
import { compileProcedure, type CompiledProcedure, type ProcedureDefinition } from '@tthc/procedures';
import type { WorkingDayCalendar } from '../domain/calendar';
import { DEFAULT_DOSSIER_SETTINGS, type DossierContext, type DossierSettings } from '../domain/dossier';
import {
  agencyCalendar,
  currentOfficialYears,
  type DirectoryOfficeHours,
} from '../application/agency-calendar';
import { ProcedureRetired, ProcedureVersionNotFound } from '../application/errors';
import type { DossierContextLoader, ProcedureVersionRef, SubmissionContext } from '../application/ports';
import { fromSubmission } from './submission-sql';

interface VersionRow {
  version: number;
  status: 'published' | 'superseded' | 'retired';
  definition: ProcedureDefinition;
}

interface AgencyRow {
  office_hours: { from: string; to: string }[];
  saturday_reception: boolean;
}

/** A version of the procedure with its agency's office hours (null columns: the agency is not in the directory). */
type VersionWithAgencyRow = Omit<VersionRow, 'definition'> & {
  office_hours: AgencyRow['office_hours'] | null;
  saturday_reception: boolean | null;
};

/** The agency the submission in stream $1 went to, with its office hours. */
const AGENCY_OF_SUBMISSION: PreparedStatement = {
  name: 'tthc_agency_of_submission',
  parameterTypes: ['text'],
  text: `SELECT s.code, a.office_hours, a.saturday_reception
    FROM (SELECT ${fromSubmission('$1', "data->>'agencyCode'")} AS code) s
    LEFT JOIN agencies a ON a.code = s.code`,
};

/** The versions of procedure $1, newest first, each with the office hours of the procedure's agency. */
const VERSIONS_WITH_AGENCY: PreparedStatement = {
  name: 'tthc_procedure_versions_with_agency',
  parameterTypes: ['text'],
  text: `SELECT v.version, v.status, a.office_hours, a.saturday_reception
    FROM procedure_versions v LEFT JOIN agencies a ON a.code = v.agency_code
    WHERE v.code = $1 ORDER BY v.version DESC`,
};

/** Enough for every procedure of a province; beyond it the least recently used version is compiled again. */
const MAX_COMPILED = 500;

@Injectable()
export class SqlDossierContextLoader implements DossierContextLoader {
  private readonly compiled = new Map<string, CompiledProcedure>();
  private readonly calendars = new Map<string, { key: string; calendar: WorkingDayCalendar }>();

  constructor(
    @Inject(getDataSourceToken()) private readonly db: DataSource,
    private readonly settings: DossierSettings = DEFAULT_DOSSIER_SETTINGS,
  ) {}

  async procedureForSubmission(procedureCode: string, version?: number): Promise<ProcedureVersionRef> {
    const rows = (await this.db.query(
      `SELECT version, status FROM procedure_versions WHERE code = $1 ORDER BY version DESC`,
      [procedureCode],
    )) as Omit<VersionRow, 'definition'>[];
    const chosen = chooseVersion(procedureCode, version, rows);
    return { procedure: await this.procedure(procedureCode, chosen.version), version: chosen.version };
  }

  /**
   * The versions of a procedure with its agency's office hours, for submissionContextOf: read in a
   * submission's opening round trip, with its (empty) stream, since a submission's statements are what
   * bounds the engine's throughput (BENCHMARKS.md).
   */
  submissionReadFor(procedureCode: string): Statement {
    return use(VERSIONS_WITH_AGENCY, sqlLiteral(procedureCode));
  }

  async submissionContextOf(
    procedureCode: string,
    version: number | undefined,
    rows: readonly Record<string, unknown>[],
    on: Queryable = this.db,
  ): Promise<SubmissionContext> {
    const chosen = chooseVersion(procedureCode, version, rows as readonly VersionWithAgencyRow[]);
    const procedure = await this.procedure(procedureCode, chosen.version, on);
    const calendar = this.calendarOf(
      procedure.definition.agency.code,
      chosen.office_hours === null
        ? undefined
        : { office_hours: chosen.office_hours, saturday_reception: chosen.saturday_reception === true },
    );
    return { procedure, version: chosen.version, context: { procedure, calendar, settings: this.settings } };
  }

  async contextFor(
    procedureCode: string,
    version: number,
    agencyCode: string,
    on: Queryable = this.db,
    readWithStream?: readonly Record<string, unknown>[],
  ): Promise<DossierContext> {
    const procedure = await this.procedure(procedureCode, version, on);
    // The read made with the stream looked the agency up from the stored submission; it stands if that is
    // the agency the decider reads from it too (an upcast submission could say otherwise).
    const read = readWithStream?.[0] as (Partial<AgencyRow> & { code: string }) | undefined;
    const calendar =
      read !== undefined && read.code === agencyCode
        ? this.calendarOf(
            agencyCode,
            read.office_hours == null
              ? undefined
              : { office_hours: read.office_hours, saturday_reception: read.saturday_reception === true },
          )
        : await this.calendarFor(agencyCode, on);
    return { procedure, calendar, settings: this.settings };
  }

  agencyReadWith(streamId: string): Statement {
    return use(AGENCY_OF_SUBMISSION, sqlLiteral(streamId));
  }

  async calendarFor(agencyCode: string, on: Queryable = this.db): Promise<WorkingDayCalendar> {
    const rows = (await on.query('SELECT office_hours, saturday_reception FROM agencies WHERE code = $1', [
      agencyCode,
    ])) as AgencyRow[];
    return this.calendarOf(agencyCode, rows[0]);
  }

  /** The agency's calendar from its directory row (undefined: not in the directory), cached per agency. */
  private calendarOf(agencyCode: string, row: AgencyRow | undefined): WorkingDayCalendar {
    const directory: DirectoryOfficeHours | undefined =
      row === undefined
        ? undefined
        : { periods: row.office_hours, saturdayReception: row.saturday_reception };
    const key = `${currentOfficialYears().generation}:${JSON.stringify(directory ?? null)}`;
    const cached = this.calendars.get(agencyCode);
    if (cached !== undefined && cached.key === key) return cached.calendar;
    const calendar = agencyCalendar(directory);
    this.calendars.set(agencyCode, { key, calendar });
    return calendar;
  }

  private async procedure(
    code: string,
    version: number,
    on: Queryable = this.db,
  ): Promise<CompiledProcedure> {
    const cacheKey = `${code}@${version}`;
    const cached = this.compiled.get(cacheKey);
    if (cached !== undefined) {
      this.compiled.delete(cacheKey);
      this.compiled.set(cacheKey, cached);
      return cached;
    }
    const rows = (await on.query(
      'SELECT definition FROM procedure_versions WHERE code = $1 AND version = $2',
      [code, version],
    )) as Pick<VersionRow, 'definition'>[];
    if (rows[0] === undefined) throw new ProcedureVersionNotFound(code, version);
    const procedure = compileProcedure(rows[0].definition);
    this.compiled.set(cacheKey, procedure);
    if (this.compiled.size > MAX_COMPILED) {
      const oldest = this.compiled.keys().next().value;
      if (oldest !== undefined) this.compiled.delete(oldest);
    }
    return procedure;
  }
}

/**
 * The version a new dossier starts on: the one asked for, else the current published one. An integration may
 * pin a version the registry has superseded: dossiers keep the version they start with.
 */
function chooseVersion<Row extends Omit<VersionRow, 'definition'>>(
  procedureCode: string,
  version: number | undefined,
  rows: readonly Row[],
): Row {
  if (rows.length === 0) throw new ProcedureVersionNotFound(procedureCode, version);
  if (rows.some((row) => row.status === 'retired')) throw new ProcedureRetired(procedureCode);
  const chosen =
    version === undefined
      ? rows.find((row) => row.status === 'published')
      : rows.find((row) => row.version === version);
  if (chosen === undefined) throw new ProcedureVersionNotFound(procedureCode, version);
  return chosen;
}
