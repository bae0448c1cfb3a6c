// One plausible application per sample procedure, and the workflow events (with the role that sends each)
// that carry it from acceptance to approval. Used by the catalogue's unit tests and by the year simulator
// (`npm run simulate`), which varies the names and dates around these.
export interface SampleApplication {
  readonly form: Record<string, unknown>;
  readonly actions: readonly (readonly [event: string, role: string])[];
}

export const SAMPLE_APPLICATIONS: Readonly<Record<string, SampleApplication>> = {
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
