/**
 * Agencies and administrative units as pure deciders, one stream each (`agency-<code>`,
 * `administrative-unit-<code>`). Both are time-versioned: a record is valid from `validFrom` (inclusive) to
 * `validTo` (exclusive; open when null), and an ended record names its successor. That is how the 2025
 * reform is kept: on 1 July 2025 the district level ended and communes were merged, so a 2019 district
 * dossier follows the successor links (district → province, old commune → merged commune) into today's
 * units. Dates are local calendar dates (YYYY-MM-DD, Asia/Ho_Chi_Minh); no clock is read here.
 */
import { AGENCY_LEVELS, type AgencyLevel, type LocalisedText } from '../domain/definition';
import { PROCEDURE_DEFINITION_SCHEMA } from '../domain/procedure-definition-schema';
import { assertCanAdministerDirectory, type RegistryActor } from './authorization';
import { canonicalJson } from './content-hash';
import {
  DirectoryConflict,
  DirectoryEntryNotFound,
  InvalidDirectoryRecord,
  type RecordProblem,
} from './errors';

export const AGENCY_STREAM_TYPE = 'agency';
export const ADMINISTRATIVE_UNIT_STREAM_TYPE = 'administrative-unit';
export const agencyStreamId = (code: string): string => `agency-${code}`;
export const administrativeUnitStreamId = (code: string): string => `administrative-unit-${code}`;

export interface DirectoryMetadata {
  readonly actor: RegistryActor;
}

// ---- Records -------------------------------------------------------------------------------------------

/** A reception period of a working day, local time `HH:MM`. */
export interface OfficePeriod {
  readonly from: string;
  readonly to: string;
}

export interface AgencyDetails {
  readonly name: LocalisedText;
  readonly level: AgencyLevel;
  /** The agency above it (a commune's district, a district's province); null for the top of a tree. */
  readonly parentCode: string | null;
  /** The administrative unit it serves, if it is a territorial agency. */
  readonly administrativeUnitCode: string | null;
  readonly officeHours: readonly OfficePeriod[];
  /** Whether the one-stop counter also receives on Saturday mornings. */
  readonly saturdayReception: boolean;
  /** Working days one trip to this agency costs a citizen; procedures may refine it per locality. */
  readonly defaultTripCostDays: number;
  readonly validFrom: string;
}

export interface AgencyRecord extends AgencyDetails {
  /** Electronic identifier code (mã định danh điện tử), the prefix of dossier codes, e.g. 000.00.18.H56. */
  readonly code: string;
}

/** How a record's validity ended. */
export interface RecordEnd {
  /** First day it is no longer valid. */
  readonly validTo: string;
  /** The record that took over (its tasks, its territory); null when none did. */
  readonly successorCode: string | null;
  readonly legalBasis: string | null;
}

export const ADMINISTRATIVE_UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type AdministrativeUnitLevel = (typeof ADMINISTRATIVE_UNIT_LEVELS)[number];

/** Kinds of unit by level (tỉnh/thành phố; huyện/thị xã/thành phố thuộc tỉnh/quận; xã/phường/thị trấn/đặc khu). */
export const ADMINISTRATIVE_UNIT_KINDS = {
  province: ['province', 'centrally-governed-city'],
  district: ['district', 'town', 'provincial-city', 'urban-district'],
  commune: ['commune', 'ward', 'township', 'special-zone'],
} as const;
export type AdministrativeUnitKind =
  (typeof ADMINISTRATIVE_UNIT_KINDS)[keyof typeof ADMINISTRATIVE_UNIT_KINDS][number];
export const ALL_ADMINISTRATIVE_UNIT_KINDS: readonly AdministrativeUnitKind[] =
  Object.values(ADMINISTRATIVE_UNIT_KINDS).flat();

export interface AdministrativeUnitDetails {
  readonly name: LocalisedText;
  readonly level: AdministrativeUnitLevel;
  readonly kind: AdministrativeUnitKind;
  readonly parentCode: string | null;
  readonly validFrom: string;
  /** The resolution that established it. */
  readonly legalBasis: string | null;
  /** Units merged to form it (their own streams record the merger with this unit as successor). */
  readonly formedFrom: readonly string[];
}

export interface AdministrativeUnitRecord extends AdministrativeUnitDetails {
  readonly code: string;
}

export type UnitEndReason = 'merged' | 'dissolved';

// ---- Agency commands, events, state --------------------------------------------------------------------

export type AgencyCommand =
  | { readonly type: 'RegisterAgency'; readonly data: AgencyRecord; readonly metadata: DirectoryMetadata }
  | {
      /** Change some details; members left out keep their value. */
      readonly type: 'UpdateAgency';
      readonly data: { readonly code: string; readonly changes: Partial<AgencyDetails> };
      readonly metadata: DirectoryMetadata;
    }
  | {
      readonly type: 'DissolveAgency';
      readonly data: { readonly code: string; readonly end: RecordEnd };
      readonly metadata: DirectoryMetadata;
    }
  | {
      /** Make the stream match a whole record (sample loading, imports): registers, updates, ends as needed. */
      readonly type: 'SyncAgency';
      readonly data: { readonly agency: AgencyRecord; readonly end: RecordEnd | null };
      readonly metadata: DirectoryMetadata;
    };

export type AgencyEvent =
  | { readonly type: 'AgencyRegistered'; readonly data: AgencyRecord }
  | { readonly type: 'AgencyUpdated'; readonly data: AgencyRecord }
  | { readonly type: 'AgencyDissolved'; readonly data: RecordEnd & { readonly code: string } };

export const AGENCY_EVENT_TYPES: readonly AgencyEvent['type'][] = [
  'AgencyRegistered',
  'AgencyUpdated',
  'AgencyDissolved',
];

export type AgencyState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'active'; readonly agency: AgencyRecord }
  | { readonly status: 'dissolved'; readonly agency: AgencyRecord; readonly end: RecordEnd };

export const initialAgencyState = (): AgencyState => ({ status: 'unregistered' });

// ---- Unit commands, events, state ----------------------------------------------------------------------

export type AdministrativeUnitCommand =
  | {
      readonly type: 'EstablishAdministrativeUnit';
      readonly data: AdministrativeUnitRecord;
      readonly metadata: DirectoryMetadata;
    }
  | {
      readonly type: 'EndAdministrativeUnit';
      readonly data: { readonly code: string; readonly reason: UnitEndReason; readonly end: RecordEnd };
      readonly metadata: DirectoryMetadata;
    }
  | {
      readonly type: 'SyncAdministrativeUnit';
      readonly data: {
        readonly unit: AdministrativeUnitRecord;
        readonly end: (RecordEnd & { readonly reason: UnitEndReason }) | null;
      };
      readonly metadata: DirectoryMetadata;
    };

export type AdministrativeUnitEvent =
  | { readonly type: 'AdministrativeUnitEstablished'; readonly data: AdministrativeUnitRecord }
  | { readonly type: 'AdministrativeUnitUpdated'; readonly data: AdministrativeUnitRecord }
  | {
      /** Merged into its successor (sáp nhập): the territory and population live on there. */
      readonly type: 'AdministrativeUnitMerged';
      readonly data: RecordEnd & { readonly code: string; readonly successorCode: string };
    }
  | {
      /** Abolished (giải thể, e.g. the district level in 2025); its tasks passed to the successor, if any. */
      readonly type: 'AdministrativeUnitDissolved';
      readonly data: RecordEnd & { readonly code: string };
    };

export const ADMINISTRATIVE_UNIT_EVENT_TYPES: readonly AdministrativeUnitEvent['type'][] = [
  'AdministrativeUnitEstablished',
  'AdministrativeUnitUpdated',
  'AdministrativeUnitMerged',
  'AdministrativeUnitDissolved',
];

export type AdministrativeUnitState =
  | { readonly status: 'unknown' }
  | { readonly status: 'active'; readonly unit: AdministrativeUnitRecord }
  | {
      readonly status: 'ended';
      readonly unit: AdministrativeUnitRecord;
      readonly reason: UnitEndReason;
      readonly end: RecordEnd;
    };

export const initialAdministrativeUnitState = (): AdministrativeUnitState => ({ status: 'unknown' });

// ---- Checks --------------------------------------------------------------------------------------------

const AGENCY_CODE_PATTERN = new RegExp(
  String((PROCEDURE_DEFINITION_SCHEMA.$defs as { agencyCode: { pattern: string } }).agencyCode.pattern),
);
export const AGENCY_CODE_REGEX = AGENCY_CODE_PATTERN;
export const UNIT_CODE_REGEX = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function problem(path: string, message: string, messageVi: string): RecordProblem {
  return { path, message, messageVi };
}

function checkName(name: LocalisedText, out: RecordProblem[]): void {
  if (!name || typeof name.vi !== 'string' || name.vi.trim() === '')
    out.push(problem('/name/vi', 'A Vietnamese name is required.', 'Cần có tên tiếng Việt.'));
  if (!name || typeof name.en !== 'string' || name.en.trim() === '')
    out.push(problem('/name/en', 'An English name is required.', 'Cần có tên tiếng Anh.'));
}

function checkValidFrom(validFrom: string, out: RecordProblem[]): void {
  if (!isCalendarDate(validFrom))
    out.push(
      problem(
        '/validFrom',
        `${validFrom} is not a date (YYYY-MM-DD).`,
        `${validFrom} không phải ngày (YYYY-MM-DD).`,
      ),
    );
}

export function agencyProblems(agency: AgencyRecord): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (!AGENCY_CODE_PATTERN.test(agency.code))
    out.push(
      problem(
        '/code',
        `${agency.code} is not an electronic identifier code like 000.00.18.H56.`,
        `${agency.code} không phải mã định danh điện tử dạng 000.00.18.H56.`,
      ),
    );
  checkName(agency.name, out);
  if (!(AGENCY_LEVELS as readonly string[]).includes(agency.level))
    out.push(
      problem(
        '/level',
        `The level must be one of ${AGENCY_LEVELS.join(', ')}.`,
        `Cấp phải là một trong ${AGENCY_LEVELS.join(', ')}.`,
      ),
    );
  if (agency.parentCode === agency.code)
    out.push(
      problem(
        '/parentCode',
        'An agency cannot be its own parent.',
        'Cơ quan không thể là cấp trên của chính nó.',
      ),
    );
  if (agency.parentCode !== null && !AGENCY_CODE_PATTERN.test(agency.parentCode))
    out.push(
      problem(
        '/parentCode',
        `${agency.parentCode} is not an electronic identifier code.`,
        `${agency.parentCode} không phải mã định danh điện tử.`,
      ),
    );
  agency.officeHours.forEach((period, i) => {
    if (!TIME.test(period.from) || !TIME.test(period.to) || period.from >= period.to)
      out.push(
        problem(
          `/officeHours/${i}`,
          `A reception period runs from HH:MM to a later HH:MM (got ${period.from}–${period.to}).`,
          `Khung giờ tiếp nhận phải từ HH:MM đến HH:MM muộn hơn (nhận được ${period.from}–${period.to}).`,
        ),
      );
    else if (i > 0 && agency.officeHours[i - 1].to > period.from)
      out.push(
        problem(
          `/officeHours/${i}`,
          'Reception periods must be in order and must not overlap.',
          'Các khung giờ tiếp nhận phải theo thứ tự và không chồng lên nhau.',
        ),
      );
  });
  const trip = agency.defaultTripCostDays;
  if (!Number.isFinite(trip) || trip < 0 || trip > 30 || !Number.isInteger(trip * 4))
    out.push(
      problem(
        '/defaultTripCostDays',
        'The trip cost is in quarter days, from 0 to 30.',
        'Chi phí một lần đi lại tính theo phần tư ngày, từ 0 đến 30.',
      ),
    );
  checkValidFrom(agency.validFrom, out);
  return out;
}

export function unitProblems(unit: AdministrativeUnitRecord): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (!UNIT_CODE_REGEX.test(unit.code))
    out.push(
      problem('/code', `${unit.code} is not a unit code.`, `${unit.code} không phải mã đơn vị hành chính.`),
    );
  checkName(unit.name, out);
  const kinds = (ADMINISTRATIVE_UNIT_KINDS as Record<string, readonly string[]>)[unit.level];
  if (kinds === undefined)
    out.push(
      problem(
        '/level',
        `The level must be one of ${ADMINISTRATIVE_UNIT_LEVELS.join(', ')}.`,
        `Cấp phải là một trong ${ADMINISTRATIVE_UNIT_LEVELS.join(', ')}.`,
      ),
    );
  else if (!kinds.includes(unit.kind))
    out.push(
      problem(
        '/kind',
        `A ${unit.level}-level unit is one of ${kinds.join(', ')}.`,
        `Đơn vị cấp ${unit.level} là một trong ${kinds.join(', ')}.`,
      ),
    );
  if (unit.level === 'province' && unit.parentCode !== null)
    out.push(problem('/parentCode', 'A province has no parent unit.', 'Cấp tỉnh không có đơn vị cấp trên.'));
  if (unit.level !== 'province' && unit.parentCode === null)
    out.push(problem('/parentCode', 'Name the unit it belongs to.', 'Cần có đơn vị hành chính cấp trên.'));
  if (unit.parentCode === unit.code || unit.formedFrom.includes(unit.code))
    out.push(
      problem(
        '/code',
        'A unit cannot contain or form itself.',
        'Đơn vị không thể trực thuộc hay hình thành từ chính nó.',
      ),
    );
  checkValidFrom(unit.validFrom, out);
  return out;
}

function endProblems(
  code: string,
  validFrom: string,
  end: RecordEnd,
  successorRequired: boolean,
): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (!isCalendarDate(end.validTo))
    out.push(
      problem(
        '/validTo',
        `${end.validTo} is not a date (YYYY-MM-DD).`,
        `${end.validTo} không phải ngày (YYYY-MM-DD).`,
      ),
    );
  else if (end.validTo <= validFrom)
    out.push(
      problem(
        '/validTo',
        `The end (${end.validTo}) must come after the start (${validFrom}).`,
        `Ngày hết hiệu lực (${end.validTo}) phải sau ngày có hiệu lực (${validFrom}).`,
      ),
    );
  if (end.successorCode === code)
    out.push(
      problem('/successorCode', 'A record cannot succeed itself.', 'Không thể tự kế thừa chính mình.'),
    );
  if (successorRequired && end.successorCode === null)
    out.push(
      problem(
        '/successorCode',
        'A merger names the unit merged into.',
        'Sáp nhập phải nêu đơn vị được sáp nhập vào.',
      ),
    );
  return out;
}

function assertNoProblems(code: string, problems: RecordProblem[]): void {
  if (problems.length > 0) throw new InvalidDirectoryRecord(code, problems);
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

// ---- Agency decide / evolve ----------------------------------------------------------------------------

function agencyCodeOfCommand(command: AgencyCommand): string {
  return command.type === 'RegisterAgency'
    ? command.data.code
    : command.type === 'SyncAgency'
      ? command.data.agency.code
      : command.data.code;
}

export function decideAgency(command: AgencyCommand, state: AgencyState): AgencyEvent[] {
  assertCanAdministerDirectory(command.metadata.actor);
  const code = agencyCodeOfCommand(command);
  switch (command.type) {
    case 'RegisterAgency': {
      if (state.status !== 'unregistered')
        throw new DirectoryConflict(
          'agency-exists',
          code,
          state.status,
          `Agency ${code} is already registered; change it with PUT /v1/agencies/${code}.`,
          `Cơ quan ${code} đã được đăng ký; hãy sửa bằng PUT /v1/agencies/${code}.`,
        );
      assertNoProblems(code, agencyProblems(command.data));
      return [{ type: 'AgencyRegistered', data: command.data }];
    }
    case 'UpdateAgency': {
      if (state.status === 'unregistered') throw new DirectoryEntryNotFound('agency-not-found', code);
      const changes = Object.fromEntries(
        Object.entries(command.data.changes).filter(([, value]) => value !== undefined),
      ) as Partial<AgencyDetails>;
      const agency: AgencyRecord = { ...state.agency, ...changes, code };
      const problems = agencyProblems(agency);
      if (state.status === 'dissolved')
        problems.push(...endProblems(code, agency.validFrom, state.end, false));
      assertNoProblems(code, problems);
      return same(agency, state.agency) ? [] : [{ type: 'AgencyUpdated', data: agency }];
    }
    case 'DissolveAgency': {
      if (state.status === 'unregistered') throw new DirectoryEntryNotFound('agency-not-found', code);
      if (state.status === 'dissolved')
        throw new DirectoryConflict(
          'agency-dissolved',
          code,
          state.status,
          `Agency ${code} already ended on ${state.end.validTo}.`,
          `Cơ quan ${code} đã hết hoạt động từ ${state.end.validTo}.`,
        );
      assertNoProblems(code, endProblems(code, state.agency.validFrom, command.data.end, false));
      return [{ type: 'AgencyDissolved', data: { code, ...command.data.end } }];
    }
    case 'SyncAgency': {
      const { agency, end } = command.data;
      const problems = agencyProblems(agency);
      if (end !== null) problems.push(...endProblems(code, agency.validFrom, end, false));
      assertNoProblems(code, problems);
      const events: AgencyEvent[] = [];
      if (state.status === 'unregistered') events.push({ type: 'AgencyRegistered', data: agency });
      else if (!same(agency, state.agency)) events.push({ type: 'AgencyUpdated', data: agency });
      if (state.status === 'dissolved') {
        if (end === null || !same(end, state.end))
          throw new DirectoryConflict(
            'agency-dissolved',
            code,
            state.status,
            `Agency ${code} ended on ${state.end.validTo}; its end cannot be changed or undone by an import.`,
            `Cơ quan ${code} đã hết hoạt động từ ${state.end.validTo}; không thể sửa hay hủy việc này bằng nhập dữ liệu.`,
          );
      } else if (end !== null) {
        events.push({ type: 'AgencyDissolved', data: { code, ...end } });
      }
      return events;
    }
  }
}

export function evolveAgency(state: AgencyState, event: AgencyEvent): AgencyState {
  switch (event.type) {
    case 'AgencyRegistered':
      return { status: 'active', agency: event.data };
    case 'AgencyUpdated':
      return state.status === 'dissolved'
        ? { ...state, agency: event.data }
        : { status: 'active', agency: event.data };
    case 'AgencyDissolved': {
      if (state.status === 'unregistered') return state;
      const { code: _code, ...end } = event.data;
      return { status: 'dissolved', agency: state.agency, end };
    }
  }
}

// ---- Administrative unit decide / evolve ---------------------------------------------------------------

function unitEndEvent(code: string, reason: UnitEndReason, end: RecordEnd): AdministrativeUnitEvent {
  return reason === 'merged'
    ? {
        type: 'AdministrativeUnitMerged',
        data: {
          code,
          validTo: end.validTo,
          successorCode: end.successorCode ?? '',
          legalBasis: end.legalBasis,
        },
      }
    : { type: 'AdministrativeUnitDissolved', data: { code, ...end } };
}

export function decideAdministrativeUnit(
  command: AdministrativeUnitCommand,
  state: AdministrativeUnitState,
): AdministrativeUnitEvent[] {
  assertCanAdministerDirectory(command.metadata.actor);
  switch (command.type) {
    case 'EstablishAdministrativeUnit': {
      const unit = command.data;
      if (state.status !== 'unknown')
        throw new DirectoryConflict(
          'administrative-unit-exists',
          unit.code,
          state.status,
          `Administrative unit ${unit.code} already exists.`,
          `Đơn vị hành chính ${unit.code} đã tồn tại.`,
        );
      assertNoProblems(unit.code, unitProblems(unit));
      return [{ type: 'AdministrativeUnitEstablished', data: unit }];
    }
    case 'EndAdministrativeUnit': {
      const { code, reason, end } = command.data;
      if (state.status === 'unknown') throw new DirectoryEntryNotFound('administrative-unit-not-found', code);
      if (state.status === 'ended')
        throw new DirectoryConflict(
          'administrative-unit-ended',
          code,
          state.status,
          `Administrative unit ${code} already ended on ${state.end.validTo}.`,
          `Đơn vị hành chính ${code} đã kết thúc từ ${state.end.validTo}.`,
        );
      assertNoProblems(code, endProblems(code, state.unit.validFrom, end, reason === 'merged'));
      return [unitEndEvent(code, reason, end)];
    }
    case 'SyncAdministrativeUnit': {
      const { unit, end } = command.data;
      const problems = unitProblems(unit);
      if (end !== null)
        problems.push(...endProblems(unit.code, unit.validFrom, end, end.reason === 'merged'));
      assertNoProblems(unit.code, problems);
      const events: AdministrativeUnitEvent[] = [];
      if (state.status === 'unknown') events.push({ type: 'AdministrativeUnitEstablished', data: unit });
      else if (!same(unit, state.unit)) events.push({ type: 'AdministrativeUnitUpdated', data: unit });
      if (state.status === 'ended') {
        const { reason, ...rest } = end ?? { reason: undefined };
        if (end === null || reason !== state.reason || !same(rest, state.end))
          throw new DirectoryConflict(
            'administrative-unit-ended',
            unit.code,
            state.status,
            `Administrative unit ${unit.code} ended on ${state.end.validTo}; its end cannot be changed or undone by an import.`,
            `Đơn vị hành chính ${unit.code} đã kết thúc từ ${state.end.validTo}; không thể sửa hay hủy bằng nhập dữ liệu.`,
          );
      } else if (end !== null) {
        const { reason, ...rest } = end;
        events.push(unitEndEvent(unit.code, reason, rest));
      }
      return events;
    }
  }
}

export function evolveAdministrativeUnit(
  state: AdministrativeUnitState,
  event: AdministrativeUnitEvent,
): AdministrativeUnitState {
  switch (event.type) {
    case 'AdministrativeUnitEstablished':
      return { status: 'active', unit: event.data };
    case 'AdministrativeUnitUpdated':
      return state.status === 'ended'
        ? { ...state, unit: event.data }
        : { status: 'active', unit: event.data };
    case 'AdministrativeUnitMerged':
    case 'AdministrativeUnitDissolved': {
      if (state.status === 'unknown') return state;
      const { code: _code, validTo, successorCode, legalBasis } = event.data;
      return {
        status: 'ended',
        unit: state.unit,
        reason: event.type === 'AdministrativeUnitMerged' ? 'merged' : 'dissolved',
        end: { validTo, successorCode, legalBasis },
      };
    }
  }
}
