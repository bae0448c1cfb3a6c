// Procedure versions and agency calendars for the dossier decider, read from the registry's read models
// (`procedure_versions`, `agencies`, owned by @tthc/procedures). A published version never changes, so its
// compiled form (XState machine, ajv validators) is cached for the life of the process; an agency's office
// hours and the confirmed official years can change, so the calendar built from them is cached per agency
// under a key of both.
import { Inject, Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { compileProcedure, type CompiledProcedure, type ProcedureDefinition } from '@tthc/procedures';
import type { WorkingDayCalendar } from '../domain/calendar';
import { DEFAULT_DOSSIER_SETTINGS, type DossierContext, type DossierSettings } from '../domain/dossier';
import {
  agencyCalendar,
  currentOfficialYears,
  type DirectoryOfficeHours,
} from '../application/agency-calendar';
import { ProcedureRetired, ProcedureVersionNotFound } from '../application/errors';
import type { DossierContextLoader, ProcedureVersionRef } from '../application/ports';

interface VersionRow {
  version: number;
  status: 'published' | 'superseded' | 'retired';
  definition: ProcedureDefinition;
}

interface AgencyRow {
  office_hours: { from: string; to: string }[];
  saturday_reception: boolean;
}

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
    if (rows.length === 0) throw new ProcedureVersionNotFound(procedureCode, version);
    if (rows.some((row) => row.status === 'retired')) throw new ProcedureRetired(procedureCode);
    // An integration may pin a version the registry has superseded: dossiers keep the version they start with.
    const chosen =
      version === undefined
        ? rows.find((row) => row.status === 'published')
        : rows.find((row) => row.version === version);
    if (chosen === undefined) throw new ProcedureVersionNotFound(procedureCode, version);
    return { procedure: await this.procedure(procedureCode, chosen.version), version: chosen.version };
  }

  async contextFor(procedureCode: string, version: number, agencyCode: string): Promise<DossierContext> {
    const [procedure, calendar] = await Promise.all([
      this.procedure(procedureCode, version),
      this.calendarFor(agencyCode),
    ]);
    return { procedure, calendar, settings: this.settings };
  }

  async calendarFor(agencyCode: string): Promise<WorkingDayCalendar> {
    const rows = (await this.db.query(
      'SELECT office_hours, saturday_reception FROM agencies WHERE code = $1',
      [agencyCode],
    )) as AgencyRow[];
    const directory: DirectoryOfficeHours | undefined =
      rows[0] === undefined
        ? undefined
        : { periods: rows[0].office_hours, saturdayReception: rows[0].saturday_reception };
    const key = `${currentOfficialYears().generation}:${JSON.stringify(directory ?? null)}`;
    const cached = this.calendars.get(agencyCode);
    if (cached !== undefined && cached.key === key) return cached.calendar;
    const calendar = agencyCalendar(directory);
    this.calendars.set(agencyCode, { key, calendar });
    return calendar;
  }

  private async procedure(code: string, version: number): Promise<CompiledProcedure> {
    const cacheKey = `${code}@${version}`;
    const cached = this.compiled.get(cacheKey);
    if (cached !== undefined) {
      this.compiled.delete(cacheKey);
      this.compiled.set(cacheKey, cached);
      return cached;
    }
    const rows = (await this.db.query(
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
