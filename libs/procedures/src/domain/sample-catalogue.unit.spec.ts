import { loadSampleCatalogue } from '../../samples';
import { compileProcedure } from './compile';
import { compareDurations } from './duration';
import { buildCatalogue, InvalidCatalogueError } from './sample-catalogue';
import { minimalDefinition, sampleText } from './testing/fixtures';
import { walk } from './testing/workflow-spec';

/** One plausible application per sample, and the actions that carry it from receipt to return. */
const HAPPY_PATHS: Record<string, { form: unknown; actions: (readonly [string, string])[] }> = {
  '1.004873': {
    form: {
      applicant: {
        fullName: 'Cao Thị Hoa',
        dateOfBirth: '1998-02-01',
        personalId: '056198000111',
        residence: 'thôn Suối Cá',
      },
      residencePeriods: [{ address: 'thôn Suối Cá, xã Khánh Trung', from: '1998-02-01' }],
      resided_elsewhere: true,
      maritalStatus: 'never-married',
      purpose: 'marriage',
      intendedSpouse: { fullName: 'Mấu Văn Tâm', dateOfBirth: '1996-07-30', nationality: 'Việt Nam' },
      copiesRequested: 1,
    },
    actions: [
      ['REQUEST_VERIFICATION', 'specialist'],
      ['SUBMIT_FOR_SIGNATURE', 'specialist'],
      ['APPROVE', 'leader'],
    ],
  },
  '1.004888': {
    form: {
      commune: 'UBND xã Khánh Thượng',
      person: {
        fullName: 'Pi Năng Thị Bảy',
        yearOfBirth: 1950,
        ethnicity: 'Raglai',
        village: 'thôn Hòn Lay',
      },
      reason: 'deceased',
      meeting: { date: '2019-05-10', attendees: 21, votesInFavour: 21 },
    },
    actions: [
      ['SUBMIT_TO_HEAD', 'specialist'],
      ['SUBMIT_TO_CHAIR', 'office-head'],
      ['APPROVE', 'leader'],
    ],
  },
  '1.004222': {
    form: {
      applicant: { fullName: 'Trần Văn Minh', personalId: '056090000222', dateOfBirth: '1990-09-09' },
      address: 'thôn Suối Cá, xã Khánh Trung',
      legalGround: 'rented',
      householder: { fullName: 'Lê Văn Ba', personalId: '056070000333', relationship: 'chủ nhà cho thuê' },
      floorAreaPerPerson: 12,
    },
    actions: [
      ['CHECK_ACCOMMODATION', 'specialist'],
      ['SUBMIT_FOR_APPROVAL', 'specialist'],
      ['APPROVE', 'leader'],
    ],
  },
  '1.001193': {
    form: {
      declarant: { fullName: 'Mấu Thị Hạnh', personalId: '056200000444', relationship: 'mother' },
      child: {
        fullName: 'Mấu Gia Bảo',
        dateOfBirth: '2024-03-01',
        sex: 'nam',
        placeOfBirth: 'Trạm Y tế xã Khánh Trung',
        ethnicity: 'Raglai',
        hasBirthCertificate: true,
      },
      mother: { fullName: 'Mấu Thị Hạnh', yearOfBirth: 2000 },
    },
    actions: [
      ['RECORD_IN_REGISTER', 'specialist'],
      ['APPROVE', 'leader'],
    ],
  },
  '1.001612': {
    form: {
      owner: { fullName: 'Nguyễn Văn Hùng', personalId: '056085000555', residence: 'thị trấn Khánh Vĩnh' },
      household: { kind: 'family', memberCount: 3 },
      business: {
        name: 'Hộ kinh doanh Hùng Phát',
        address: 'thị trấn Khánh Vĩnh',
        lines: ['Bán lẻ tạp hoá'],
        capital: 50000000,
        employees: 2,
      },
    },
    actions: [
      ['HAND_OVER', 'specialist'],
      ['APPROVE', 'leader'],
    ],
  },
  '1.001193.LT': {
    form: {
      declarant: { fullName: 'Cao Văn Sáu', personalId: '056199000666', relationship: 'father' },
      child: {
        fullName: 'Cao Thị Mai',
        dateOfBirth: '2024-06-15',
        sex: 'nu',
        placeOfBirth: 'Trung tâm Y tế huyện Khánh Vĩnh',
        hasBirthCertificate: true,
      },
      mother: { fullName: 'Pi Năng Thị Lụa', personalId: '056201000777' },
      healthInsurance: { primaryCareFacility: 'Trạm Y tế xã Khánh Trung' },
    },
    actions: [
      ['HAND_OVER', 'specialist'],
      ['SEND_TO_SOCIAL_INSURANCE', 'leader'],
      ['APPROVE', 'partner-agency'],
    ],
  },
};

describe('the sample catalogue', () => {
  const catalogue = loadSampleCatalogue();

  it('holds six valid procedures, sorted by code', () => {
    expect(catalogue.map((d) => d.code)).toEqual([
      '1.001193',
      '1.001193.LT',
      '1.001612',
      '1.004222',
      '1.004873',
      '1.004888',
    ]);
  });

  it('keeps the reforms reported by the seed district', () => {
    const byCode = new Map(catalogue.map((d) => [d.code, d]));

    expect(byCode.get('1.004873')).toMatchObject({
      statutoryDuration: { value: 3 },
      committedDuration: { value: 1 },
    });
    expect(byCode.get('1.004888')).toMatchObject({
      statutoryDuration: { value: 5 },
      committedDuration: { value: 4 },
    });
    for (const definition of catalogue) {
      expect(compareDurations(definition.committedDuration, definition.statutoryDuration)).toBe('not-longer');
    }
  });

  it('includes a liên thông procedure that crosses a commune and a district', () => {
    const lienThong = catalogue.filter((d) => d.workflow.steps.some((s) => s.kind === 'partner-agency'));

    expect(lienThong).toHaveLength(1);
    expect(lienThong[0].agency.level).toBe('commune');
    expect(lienThong[0].partnerAgencies.map((a) => a.level)).toEqual(['district']);
  });

  it.each(Object.keys(HAPPY_PATHS))(
    'compiles %s and carries a valid application from submission to return',
    (code) => {
      const definition = catalogue.find((d) => d.code === code);
      if (definition === undefined) throw new Error(`no sample ${code}`);
      const procedure = compileProcedure(definition);
      const { form, actions } = HAPPY_PATHS[code];

      expect(procedure.validateApplication(form)).toEqual({ ok: true });
      const end = walk(
        procedure,
        procedure.initialState,
        [
          ['RECEIVE', 'receiving-officer'],
          ['TRANSFER', 'receiving-officer'],
          ...actions,
          ['ISSUE_RESULT', 'specialist'],
          ['RETURN_RESULT', 'receiving-officer'],
        ],
        form,
      );
      expect(end).toBe('returned');
    },
  );
});

describe('buildCatalogue', () => {
  it('given invalid files and a repeated code, when built, then every problem is reported with its file and line', () => {
    const broken = sampleText('birth-registration.yaml').replace(
      'onlineServiceLevel: full',
      'onlineServiceLevel: 9',
    );
    const files = [
      { name: 'a.json', text: JSON.stringify(minimalDefinition()) },
      { name: 'b.json', text: JSON.stringify(minimalDefinition()) },
      { name: 'c.yaml', text: broken },
    ];

    expect(() => buildCatalogue(files)).toThrow(InvalidCatalogueError);
    try {
      buildCatalogue(files);
    } catch (e) {
      expect((e as InvalidCatalogueError).problems).toEqual([
        expect.objectContaining({ file: 'b.json', code: 'duplicate-id', path: '/code' }),
        expect.objectContaining({ file: 'c.yaml', code: 'schema', path: '/onlineServiceLevel', line: 17 }),
      ]);
    }
  });
});
