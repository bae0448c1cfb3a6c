// Schemas of the vocabulary several events share (instants, channels, durations, codes). They mirror the
// TypeScript types of @tthc/procedures and @tthc/dossiers; this library does not import those at run time,
// so event-catalogue.unit.spec.ts checks the schemas against events the real deciders produce.
import {
  arrayOf,
  integer,
  nonEmptyText,
  number,
  object,
  oneOfValues,
  text,
  type JsonSchema,
} from './json-schema';

const PERSONAL_DATA =
  'Personal data (Decree 13/2023/NĐ-CP): do not log or copy it. It is to be encrypted in the event log ' +
  'and on the wire; this member will then carry ciphertext.';

/** A member holding personal data, to be encrypted by a later change. */
export const personal = (schema: JsonSchema, what: string): JsonSchema => ({
  ...schema,
  description: `${what}. ${PERSONAL_DATA}`,
  'x-personal-data': true,
});

/** ISO-8601 UTC instant as written by `Date#toISOString`, e.g. 2026-03-10T02:00:00.000Z. */
export const instant = (description: string): JsonSchema => text(description, { format: 'date-time' });

/** A local calendar date in Vietnam (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
export const localDate = (description: string): JsonSchema =>
  text(`${description} Local date (Asia/Ho_Chi_Minh), YYYY-MM-DD.`, {
    format: 'date',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  });

export const localTime = (description: string): JsonSchema =>
  text(`${description} Local time HH:MM.`, { pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

/** Working days, fractional, rounded to 4 decimals (≈ 3 seconds of an 8-hour day). */
export const workingDays = (description: string): JsonSchema => number(`${description} In working days.`);

export const localisedText = (description: string): JsonSchema =>
  object({ vi: text('Vietnamese (the legal language).'), en: text('English.') }, { description });

export const AGENCY_CODE_PATTERN = '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$';
export const agencyCode = (description = 'Electronic identifier code of an agency (mã định danh điện tử).') =>
  text(`${description} E.g. 000.00.18.H56.`, { pattern: AGENCY_CODE_PATTERN });

export const PROCEDURE_CODE_PATTERN = '^[0-9]\\.[0-9]{6}(\\.[0-9A-Z]{1,6})?$';
export const procedureCode = (): JsonSchema =>
  text('National procedure code (mã TTHC), e.g. 1.004873; a suffix marks a local variant.', {
    pattern: PROCEDURE_CODE_PATTERN,
  });

export const channel = (description: string): JsonSchema =>
  oneOfValues(
    ['counter', 'post', 'online'],
    `${description} counter (trực tiếp), public postal service (bưu chính công ích) or online (trực tuyến).`,
  );

export const supplementPolicy = (): JsonSchema =>
  oneOfValues(
    ['PAUSE', 'RESTART'],
    'While the citizen supplements: PAUSE stops the clock, RESTART starts the full period again.',
  );

export const excludedIntervalKind = (description: string): JsonSchema =>
  oneOfValues(
    [
      'inter-agency-verification',
      'financial-obligation',
      'public-posting',
      'expert-appraisal',
      'site-inspection',
    ],
    `${description} An interval sector law excludes from the processing time (không tính vào thời gian giải quyết).`,
  );

export const onlineServiceLevel = (): JsonSchema =>
  oneOfValues(
    [2, 3, 4, 'partial', 'full'],
    'The procedure level as published: legacy levels 2–4 (Decree 61/2018) or partial / full (Decree 42/2022).',
  );

export const timeliness = (description: string): JsonSchema =>
  oneOfValues(['early', 'on-time', 'late'], description);

export const processingDuration = (description: string): JsonSchema => ({
  description,
  oneOf: [
    object({
      unit: { const: 'working-days' },
      value: number('Working days; fractions are parts of a working day.', { minimum: 0 }),
    }),
    object({ unit: { const: 'calendar-days' }, value: integer('Calendar days.', { minimum: 0 }) }),
    object(
      { unit: { const: 'same-day' }, value: { const: 0 } },
      {
        description: 'Resolved by the end of office hours of the day the clock starts.',
        optional: ['value'],
      },
    ),
  ],
});

export const attachment = (): JsonSchema =>
  object(
    {
      id: nonEmptyText('Object storage id of the file.'),
      fileName: text('File name as uploaded.'),
      mediaType: text('Media type, e.g. application/pdf.'),
      sizeBytes: integer('Size in bytes.', { minimum: 0 }),
      documentCode: text("The procedure's required-document code this file answers."),
      sha256: text('SHA-256 of the content, hexadecimal.'),
    },
    {
      description: 'A file the applicant attached; the content lives in object storage.',
      optional: ['documentCode', 'sha256'],
    },
  );

export const attachments = (description: string): JsonSchema => arrayOf(attachment(), description);

export const missingDocuments = (): JsonSchema =>
  arrayOf(
    object(
      {
        code: text("The procedure's required-document code, where there is one."),
        name: text('The document asked for.'),
        note: text('What exactly is missing.'),
      },
      { optional: ['code', 'note'] },
    ),
    'Documents the officer asks for (form 02).',
  );

export const officer = (description: string): JsonSchema =>
  object(
    { id: nonEmptyText('Officer id.'), agency: agencyCode("The officer's agency.") },
    { description, optional: ['agency'] },
  );

/**
 * A personal member as it travels: sealed with the applicant's data key (AES-256-GCM, see SECURITY.md), or
 * clear in events written before sealing existed. Consumers without the key see only the sealed form.
 */
const sealed = (withLookup: boolean): JsonSchema =>
  object(
    {
      $sealed: object(
        {
          v: { type: 'integer', const: 1, description: 'Format version.' },
          alg: { type: 'string', const: 'A256GCM', description: 'AES-256-GCM.' },
          kid: nonEmptyText("The applicant data key's id; once erased, no key opens it."),
          iv: text('96-bit IV, base64.'),
          ct: text('Ciphertext of the JSON value, base64.'),
          tag: text('128-bit authentication tag, base64.'),
        },
        { description: 'The value, encrypted.' },
      ),
      ...(withLookup
        ? {
            lookup: arrayOf(
              text('HMAC-SHA256, hex.'),
              "The citizen lookup's verification codes, keyed by the applicant's data key.",
            ),
          }
        : {}),
    },
    {
      description: 'Sealed (the form every new event has).',
      ...(withLookup ? { optional: ['lookup'] } : {}),
    },
  );

const sealedOr = (clear: JsonSchema, withLookup: boolean): JsonSchema => ({
  description: clear.description,
  'x-personal-data': true,
  anyOf: [sealed(withLookup), clear],
});

export const applicant = (): JsonSchema => sealedOr(clearApplicant(), true);

const clearApplicant = (): JsonSchema =>
  object(
    {
      name: personal(text(), 'Full name of the applicant'),
      nationalId: personal(text(), 'National personal identification number (số định danh cá nhân / CCCD)'),
      phone: personal(text(), 'Phone number'),
      email: personal(text(), 'E-mail address'),
      address: personal(text(), 'Postal address'),
    },
    {
      description: 'The applicant as given on submission. Kept exactly as given; sealed on the wire.',
      optional: ['phone', 'email', 'address'],
    },
  );

export const applicationForm = (description: string): JsonSchema =>
  sealedOr(clearApplicationForm(description), false);

const clearApplicationForm = (description: string): JsonSchema =>
  personal(
    { type: 'object' },
    `${description} Validated against the procedure's applicationForm JSON Schema; it usually holds names, ` +
      'identification numbers and addresses',
  );
