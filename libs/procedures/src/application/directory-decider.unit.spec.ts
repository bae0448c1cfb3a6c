import { loadSampleDirectory } from '../../samples';
import { ADMINISTRATOR_ROLE, SYSTEM_ACTOR, type RegistryActor } from './authorization';
import {
  decideAdministrativeUnit,
  decideAgency,
  evolveAdministrativeUnit,
  evolveAgency,
  initialAdministrativeUnitState,
  initialAgencyState,
  isCalendarDate,
  type AdministrativeUnitCommand,
  type AdministrativeUnitEvent,
  type AdministrativeUnitRecord,
  type AgencyCommand,
  type AgencyEvent,
  type AgencyRecord,
} from './directory-decider';
import { DirectoryConflict, DirectoryEntryNotFound, InvalidDirectoryRecord, NotAllowed } from './errors';
import { deciderSpec } from './testing/decider-spec';

const agencies = deciderSpec({
  decide: decideAgency,
  evolve: evolveAgency,
  initialState: initialAgencyState,
});
const units = deciderSpec({
  decide: decideAdministrativeUnit,
  evolve: evolveAdministrativeUnit,
  initialState: initialAdministrativeUnitState,
});

const admin: RegistryActor = { id: 'admin-1', role: ADMINISTRATOR_ROLE };
const official: RegistryActor = { id: 'kt-1', role: 'specialist', agency: '000.31.18.H56' };

const khanhTrung: AgencyRecord = {
  code: '000.31.18.H56',
  name: { vi: 'UBND xã Khánh Trung', en: "Khánh Trung Commune People's Committee" },
  level: 'commune',
  parentCode: '000.00.18.H56',
  administrativeUnitCode: '22606',
  officeHours: [
    { from: '07:00', to: '11:30' },
    { from: '13:30', to: '17:00' },
  ],
  saturdayReception: false,
  defaultTripCostDays: 0.5,
  validFrom: '2010-01-01',
};
const reform = {
  validTo: '2025-07-01',
  successorCode: '000.00.63.H56',
  legalBasis: 'Luật Tổ chức chính quyền địa phương năm 2025',
};

const register = (agency: AgencyRecord, actor = admin): AgencyCommand => ({
  type: 'RegisterAgency',
  data: agency,
  metadata: { actor },
});
const registered: AgencyEvent = { type: 'AgencyRegistered', data: khanhTrung };

const commune: AdministrativeUnitRecord = {
  code: '22606',
  name: { vi: 'Xã Khánh Trung', en: 'Khánh Trung Commune' },
  level: 'commune',
  kind: 'commune',
  parentCode: '573',
  validFrom: '2010-01-01',
  legalBasis: null,
  formedFrom: [],
};
const established: AdministrativeUnitEvent = { type: 'AdministrativeUnitEstablished', data: commune };
type UnitEnd = Extract<AdministrativeUnitCommand, { type: 'SyncAdministrativeUnit' }>['data']['end'];
const syncUnit = (unit: AdministrativeUnitRecord, end: UnitEnd): AdministrativeUnitCommand => ({
  type: 'SyncAdministrativeUnit',
  data: { unit, end },
  metadata: { actor: SYSTEM_ACTOR },
});

describe('agency decider', () => {
  it('given no agency, when an administrator registers one, then it is registered as given', () => {
    agencies.given([]).when(register(khanhTrung)).then([registered]);
  });

  it('given no agency, when an official registers one, then it is forbidden', () => {
    agencies.given([]).when(register(khanhTrung, official)).thenThrows(NotAllowed);
  });

  it('given a registered agency, when registered again, then it is a conflict', () => {
    agencies.given([registered]).when(register(khanhTrung)).thenThrows(DirectoryConflict);
  });

  it('given a record breaking several rules, when registered, then every problem is listed with its path', () => {
    const error = agencies
      .given([])
      .when(
        register({
          ...khanhTrung,
          code: '31.18.H56',
          officeHours: [
            { from: '13:30', to: '17:00' },
            { from: '07:00', to: '11:30' },
          ],
          defaultTripCostDays: 0.3,
          validFrom: '2025-02-30',
        }),
      )
      .thenThrows(InvalidDirectoryRecord);
    expect(error.problems.map((p) => p.path)).toEqual([
      '/code',
      '/officeHours/1',
      '/defaultTripCostDays',
      '/validFrom',
    ]);
  });

  it('given a registered agency, when some details change, then the update carries the whole new record', () => {
    agencies
      .given([registered])
      .when({
        type: 'UpdateAgency',
        data: { code: khanhTrung.code, changes: { saturdayReception: true } },
        metadata: { actor: admin },
      })
      .then([{ type: 'AgencyUpdated', data: { ...khanhTrung, saturdayReception: true } }]);
  });

  it('given a registered agency, when nothing changes, then nothing is appended', () => {
    agencies
      .given([registered])
      .when({
        type: 'UpdateAgency',
        data: { code: khanhTrung.code, changes: { level: 'commune' } },
        metadata: { actor: admin },
      })
      .then([]);
  });

  it('given no agency, when updated, then it is not found', () => {
    agencies
      .given([])
      .when({
        type: 'UpdateAgency',
        data: { code: khanhTrung.code, changes: {} },
        metadata: { actor: admin },
      })
      .thenThrows(DirectoryEntryNotFound);
  });

  it('given an agency, when it is dissolved by the 2025 reform, then its validity ends with its successor', () => {
    agencies
      .given([registered])
      .when({
        type: 'DissolveAgency',
        data: { code: khanhTrung.code, end: reform },
        metadata: { actor: admin },
      })
      .then((events, after) => {
        expect(events).toEqual([{ type: 'AgencyDissolved', data: { code: khanhTrung.code, ...reform } }]);
        expect(after).toMatchObject({ status: 'dissolved', end: reform });
      });
  });

  it('given an agency, when it would end before it began, then it is refused', () => {
    agencies
      .given([registered])
      .when({
        type: 'DissolveAgency',
        data: { code: khanhTrung.code, end: { ...reform, validTo: '2009-12-31' } },
        metadata: { actor: admin },
      })
      .thenThrows(InvalidDirectoryRecord);
  });

  it('given nothing, when a whole ended record is synced, then it is registered and dissolved; synced again, nothing', () => {
    const sync: AgencyCommand = {
      type: 'SyncAgency',
      data: { agency: khanhTrung, end: reform },
      metadata: { actor: SYSTEM_ACTOR },
    };
    const dissolved: AgencyEvent = { type: 'AgencyDissolved', data: { code: khanhTrung.code, ...reform } };
    agencies.given([]).when(sync).then([registered, dissolved]);
    agencies.given([registered, dissolved]).when(sync).then([]);
    agencies
      .given([registered, dissolved])
      .when({ ...sync, data: { agency: khanhTrung, end: null } })
      .thenThrows(DirectoryConflict);
  });
});

describe('administrative unit decider', () => {
  it('given no unit, when established, then it exists from its start date', () => {
    units
      .given([])
      .when({ type: 'EstablishAdministrativeUnit', data: commune, metadata: { actor: admin } })
      .then([established]);
  });

  it('given a commune, when merged into the new commune, then it ends with the successor named', () => {
    units
      .given([established])
      .when({
        type: 'EndAdministrativeUnit',
        data: {
          code: '22606',
          reason: 'merged',
          end: { validTo: '2025-07-01', successorCode: '22706', legalBasis: null },
        },
        metadata: { actor: admin },
      })
      .then([
        {
          type: 'AdministrativeUnitMerged',
          data: { code: '22606', validTo: '2025-07-01', successorCode: '22706', legalBasis: null },
        },
      ]);
  });

  it('given a commune, when a merger names no successor, then it is refused', () => {
    const error = units
      .given([established])
      .when({
        type: 'EndAdministrativeUnit',
        data: {
          code: '22606',
          reason: 'merged',
          end: { validTo: '2025-07-01', successorCode: null, legalBasis: null },
        },
        metadata: { actor: admin },
      })
      .thenThrows(InvalidDirectoryRecord);
    expect(error.problems.map((p) => p.path)).toEqual(['/successorCode']);
  });

  it('given a unit whose kind does not fit its level, when established, then it is refused', () => {
    units
      .given([])
      .when({
        type: 'EstablishAdministrativeUnit',
        data: { ...commune, kind: 'district' },
        metadata: { actor: admin },
      })
      .thenThrows(InvalidDirectoryRecord);
  });

  it('given the district, when synced as dissolved on 1 July 2025, then it ends with the province as successor', () => {
    const district: AdministrativeUnitRecord = {
      ...commune,
      code: '573',
      name: { vi: 'Huyện Khánh Vĩnh', en: 'Khánh Vĩnh District' },
      level: 'district',
      kind: 'district',
      parentCode: '56',
    };
    const end = {
      validTo: '2025-07-01',
      successorCode: '56',
      legalBasis: null,
      reason: 'dissolved' as const,
    };
    units
      .given([])
      .when(syncUnit(district, end))
      .then([
        { type: 'AdministrativeUnitEstablished', data: district },
        {
          type: 'AdministrativeUnitDissolved',
          data: { code: '573', validTo: '2025-07-01', successorCode: '56', legalBasis: null },
        },
      ]);
  });
});

describe('the sample province', () => {
  const directory = loadSampleDirectory();
  const unitsByCode = new Map(directory.administrativeUnits.map((u) => [u.unit.code, u]));

  it('holds the province, the district of Khánh Vĩnh with 14 communes until 2025, and 5 merged communes after', () => {
    const active = (date: string) =>
      directory.administrativeUnits.filter(
        ({ unit, end }) => unit.validFrom <= date && (end === null || date < end.validTo),
      );
    expect(active('2019-06-30').map((u) => u.unit.level)).toEqual([
      'province',
      'district',
      ...Array<string>(14).fill('commune'),
    ]);
    const after = active('2025-07-01');
    expect(after.map((u) => u.unit.code)).toEqual(['56', '22700', '22703', '22706', '22709', '22712']);
    expect(after.filter((u) => u.unit.level === 'commune').every((u) => u.unit.parentCode === '56')).toBe(
      true,
    );
  });

  it('rolls every pre-2025 unit up into a unit that is valid today', () => {
    for (const { unit } of directory.administrativeUnits) {
      let current = unitsByCode.get(unit.code);
      for (let hops = 0; current?.end?.successorCode && hops < 5; hops++)
        current = unitsByCode.get(current.end.successorCode);
      expect(current?.end).toBeNull();
    }
  });

  it('names every agency the sample procedures use, and every record passes the deciders', () => {
    const codes = directory.agencies.map((a) => a.agency.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        '000.00.00.H56',
        '000.00.18.H56',
        '000.31.18.H56',
        '000.41.18.H56',
        '000.29.18.H56',
        '000.35.18.H56',
        '000.39.18.H56',
      ]),
    );
    for (const { agency, end } of directory.agencies) {
      expect(() =>
        decideAgency(
          { type: 'SyncAgency', data: { agency, end }, metadata: { actor: SYSTEM_ACTOR } },
          initialAgencyState(),
        ),
      ).not.toThrow();
      expect(isCalendarDate(agency.validFrom)).toBe(true);
    }
    for (const { unit, end } of directory.administrativeUnits) {
      expect(() =>
        decideAdministrativeUnit(syncUnit(unit, end), initialAdministrativeUnitState()),
      ).not.toThrow();
    }
  });
});
