// Agencies and administrative units with their validity periods and successor links. Built from event
// data only (never the clock), so a rebuild gives identical rows.
import type { QueryRunner } from 'typeorm';
import type { Projection, RecordedEvent } from '@tthc/event-store';
import {
  ADMINISTRATIVE_UNIT_STREAM_TYPE,
  AGENCY_STREAM_TYPE,
  type AdministrativeUnitEvent,
  type AdministrativeUnitRecord,
  type AgencyEvent,
  type AgencyRecord,
  type RecordEnd,
} from '../../application/directory-decider';
import { foldText } from '../../application/text-search';

export class AgencyDirectoryProjection implements Projection {
  readonly name = 'agency-directory';
  readonly streamTypes = [AGENCY_STREAM_TYPE, ADMINISTRATIVE_UNIT_STREAM_TYPE];
  readonly tables = ['agencies', 'administrative_units'];

  async apply(recorded: RecordedEvent, runner: QueryRunner): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as AgencyEvent | AdministrativeUnitEvent;
    const at = recorded.occurredAt;
    switch (event.type) {
      case 'AgencyRegistered':
      case 'AgencyUpdated':
        return this.agency(event.data, at, runner);
      case 'AgencyDissolved':
        return this.endAgency(event.data, at, runner);
      case 'AdministrativeUnitEstablished':
      case 'AdministrativeUnitUpdated':
        return this.unit(event.data, at, runner);
      case 'AdministrativeUnitMerged':
        return this.endUnit(event.data, 'merged', at, runner);
      case 'AdministrativeUnitDissolved':
        return this.endUnit(event.data, 'dissolved', at, runner);
      default:
        return;
    }
  }

  private async agency(a: AgencyRecord, at: Date, runner: QueryRunner): Promise<void> {
    await runner.query(
      `INSERT INTO agencies (code, name_vi, name_en, level, parent_code, administrative_unit_code, office_hours,
         saturday_reception, default_trip_cost_days, valid_from, search_text, registered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::date, $11, $12, $12)
       ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
         level = excluded.level, parent_code = excluded.parent_code,
         administrative_unit_code = excluded.administrative_unit_code, office_hours = excluded.office_hours,
         saturday_reception = excluded.saturday_reception, default_trip_cost_days = excluded.default_trip_cost_days,
         valid_from = excluded.valid_from, search_text = excluded.search_text, updated_at = excluded.updated_at`,
      [
        a.code,
        a.name.vi,
        a.name.en,
        a.level,
        a.parentCode,
        a.administrativeUnitCode,
        JSON.stringify(a.officeHours),
        a.saturdayReception,
        a.defaultTripCostDays,
        a.validFrom,
        foldText(`${a.code} ${a.name.vi} ${a.name.en}`),
        at,
      ],
    );
  }

  private async endAgency(end: RecordEnd & { code: string }, at: Date, runner: QueryRunner): Promise<void> {
    await runner.query(
      `UPDATE agencies SET valid_to = $2::date, successor_code = $3, end_legal_basis = $4, updated_at = $5
       WHERE code = $1`,
      [end.code, end.validTo, end.successorCode, end.legalBasis, at],
    );
  }

  private async unit(u: AdministrativeUnitRecord, at: Date, runner: QueryRunner): Promise<void> {
    await runner.query(
      `INSERT INTO administrative_units (code, name_vi, name_en, level, kind, parent_code, valid_from, legal_basis,
         formed_from, search_text, established_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9::text[], $10, $11, $11)
       ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
         level = excluded.level, kind = excluded.kind, parent_code = excluded.parent_code,
         valid_from = excluded.valid_from, legal_basis = excluded.legal_basis, formed_from = excluded.formed_from,
         search_text = excluded.search_text, updated_at = excluded.updated_at`,
      [
        u.code,
        u.name.vi,
        u.name.en,
        u.level,
        u.kind,
        u.parentCode,
        u.validFrom,
        u.legalBasis,
        u.formedFrom,
        foldText(`${u.code} ${u.name.vi} ${u.name.en}`),
        at,
      ],
    );
  }

  private async endUnit(
    end: RecordEnd & { code: string },
    reason: 'merged' | 'dissolved',
    at: Date,
    runner: QueryRunner,
  ): Promise<void> {
    await runner.query(
      `UPDATE administrative_units SET valid_to = $2::date, successor_code = $3, end_reason = $4,
         end_legal_basis = $5, updated_at = $6
       WHERE code = $1`,
      [end.code, end.validTo, end.successorCode, reason, end.legalBasis, at],
    );
  }
}
