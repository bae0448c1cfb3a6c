// A full-online marital status certificate (sample 1.004873 at 000.31.18.H56) and the people who handle it.
export type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export const AGENCY = '000.31.18.H56';
export const PORTAL = { 'x-actor-id': 'dvc-portal', 'x-actor-role': 'integration' };
export const official = (id: string, role: string, agency = AGENCY) => ({
  'x-actor-id': id,
  'x-actor-role': role,
  'x-actor-agency': agency,
});
export const COUNTER = official('officer-hoa', 'receiving-officer');
export const SPECIALIST = official('officer-tuan', 'specialist');
export const LEADER = official('chair-son', 'leader');
export const CITIZEN = { 'x-actor-id': 'citizen-lan', 'x-actor-role': 'citizen' };

export const application = {
  applicant: {
    fullName: 'Nguyễn Thị Lan',
    dateOfBirth: '1995-04-12',
    personalId: '056195000123',
    residence: 'Thôn Suối Cá, xã Khánh Trung',
  },
  maritalStatus: 'never-married',
  purpose: 'marriage',
  intendedSpouse: { fullName: 'Trần Văn Minh', dateOfBirth: '1993-08-20', nationality: 'Việt Nam' },
  residencePeriods: [{ address: 'xã Khánh Trung', from: '1995-04-12' }],
  resided_elsewhere: false,
  copiesRequested: 1,
};

export const submission = (overrides: Json = {}): Json => ({
  procedureCode: '1.004873',
  channel: 'online',
  onlineLevel: 'full',
  applicant: {
    name: 'Nguyễn Thị Lan',
    nationalId: '056195000123',
    phone: '0905 123 456',
    email: 'lan.nguyen@example.vn',
    address: 'Thôn Suối Cá, xã Khánh Trung, tỉnh Khánh Hòa',
  },
  formData: application,
  attachments: [
    {
      name: 'to-khai.pdf',
      mediaType: 'application/pdf',
      size: 48213,
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      documentCode: 'to-khai',
    },
  ],
  ...overrides,
});
