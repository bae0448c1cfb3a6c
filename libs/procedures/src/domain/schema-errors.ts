/**
 * Turns ajv's errors into sentences an agency officer can act on. Ajv's own messages ("must match pattern
 * ^[0-9]\.[0-9]{6}...") are written for developers; here each keyword gets a plain sentence, and the path
 * points at the offending field itself (a missing or unknown property, not its parent object).
 */
import type { ErrorObject } from 'ajv';
import { childPointer } from './json-pointer';
import { error, type ValidationIssue } from './validation-issue';

interface Hint {
  readonly en: string;
  readonly vi: string;
}

/** What each pattern in the definition schema means, in words. */
const PATTERN_HINTS: Record<string, Hint> = {
  '^[0-9]\\.[0-9]{6}(\\.[0-9A-Z]{1,6})?$': {
    en: 'a national procedure code such as 1.004873',
    vi: 'mã thủ tục quốc gia, ví dụ 1.004873',
  },
  '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$': {
    en: 'an electronic agency code such as 000.00.18.H56',
    vi: 'mã định danh điện tử của cơ quan, ví dụ 000.00.18.H56',
  },
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': {
    en: 'lower-case words joined by hyphens, such as verify-dossier',
    vi: 'chữ thường không dấu nối bằng gạch ngang, ví dụ verify-dossier',
  },
  '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$': {
    en: 'upper-case words joined by underscores, such as SEND_TO_TAX',
    vi: 'chữ in hoa không dấu nối bằng gạch dưới, ví dụ SEND_TO_TAX',
  },
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': {
    en: 'a time of day written HH:MM, such as 15:00',
    vi: 'giờ trong ngày dạng HH:MM, ví dụ 15:00',
  },
  '^(/([^~/]|~[01])*)+$': {
    en: 'a JSON Pointer into the form, such as /applicant/age',
    vi: 'đường dẫn JSON Pointer tới trường của tờ khai, ví dụ /applicant/age',
  },
};

const TYPE_NAMES: Record<string, Hint> = {
  string: { en: 'a text', vi: 'một chuỗi ký tự' },
  number: { en: 'a number', vi: 'một số' },
  integer: { en: 'a whole number', vi: 'một số nguyên' },
  boolean: { en: 'true or false', vi: 'true hoặc false' },
  array: { en: 'a list', vi: 'một danh sách' },
  object: { en: 'an object with fields', vi: 'một đối tượng có các trường' },
  null: { en: 'null', vi: 'null' },
};

const MULTIPLE_HINTS: Record<number, Hint> = {
  0.5: { en: 'whole or half days (0.5, 1, 1.5 …)', vi: 'số ngày chẵn hoặc nửa ngày (0,5; 1; 1,5 …)' },
  0.25: {
    en: 'quarter days (0.25 = two office hours)',
    vi: 'bội số của 0,25 ngày (0,25 = hai giờ làm việc)',
  },
};

function list(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ');
}

function typeName(type: unknown): Hint {
  const names = (Array.isArray(type) ? type : [type]).map((t) => TYPE_NAMES[String(t)] ?? TYPE_NAMES.null);
  return { en: names.map((n) => n.en).join(' or '), vi: names.map((n) => n.vi).join(' hoặc ') };
}

function translate(e: ErrorObject): ValidationIssue | undefined {
  const at = e.instancePath;
  const params = e.params as Record<string, unknown>;
  // `propertyNames` failures arrive twice: once from the inner keyword with the offending key, once as a
  // summary. Keep the first, which knows the key.
  if (e.propertyName !== undefined) {
    const hint = PATTERN_HINTS[String(params['pattern'])];
    return error(
      'schema',
      childPointer(at, e.propertyName),
      `The key "${e.propertyName}" is not valid here${hint ? `; it must be ${hint.en}` : ''}.`,
      `Khoá "${e.propertyName}" không hợp lệ${hint ? `; phải là ${hint.vi}` : ''}.`,
    );
  }
  switch (e.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined;
    case 'required': {
      const missing = String(params['missingProperty']);
      return error(
        'schema',
        childPointer(at, missing),
        `The required field "${missing}" is missing.`,
        `Thiếu trường bắt buộc "${missing}".`,
      );
    }
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      return error(
        'schema',
        childPointer(at, extra),
        `"${extra}" is not a field of the procedure format; check its spelling or remove it.`,
        `"${extra}" không phải là trường của định dạng thủ tục; kiểm tra chính tả hoặc xoá đi.`,
      );
    }
    case 'type': {
      const name = typeName(params['type']);
      // YAML reads 1.004873 or 000.00.18 as numbers; the fix is quoting, so say so.
      const quote =
        params['type'] === 'string' && typeof e.data === 'number'
          ? {
              en: ` Put it in quotes ('${e.data}'), or YAML reads it as a number.`,
              vi: ` Hãy đặt trong dấu nháy ('${e.data}'), nếu không YAML hiểu là số.`,
            }
          : { en: '', vi: '' };
      return error(
        'schema',
        at,
        `This value must be ${name.en}.${quote.en}`,
        `Giá trị này phải là ${name.vi}.${quote.vi}`,
      );
    }
    case 'enum': {
      const allowed = list((params['allowedValues'] as readonly unknown[] | undefined) ?? []);
      return error(
        'schema',
        at,
        `This value must be one of: ${allowed}.`,
        `Giá trị này phải là một trong: ${allowed}.`,
      );
    }
    case 'const': {
      const expected = JSON.stringify(params['allowedValue']);
      return error('schema', at, `This value must be ${expected}.`, `Giá trị này phải là ${expected}.`);
    }
    case 'pattern': {
      const hint = PATTERN_HINTS[String(params['pattern'])] ?? {
        en: `text matching ${String(params['pattern'])}`,
        vi: `chuỗi khớp mẫu ${String(params['pattern'])}`,
      };
      return error(
        'schema',
        at,
        `This value is not in the expected form: it must be ${hint.en}.`,
        `Giá trị này sai định dạng: phải là ${hint.vi}.`,
      );
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const limit = String(params['limit']);
      const [en, vi] = {
        minimum: [`at least ${limit}`, `ít nhất ${limit}`],
        exclusiveMinimum: [`greater than ${limit}`, `lớn hơn ${limit}`],
        maximum: [`at most ${limit}`, `nhiều nhất ${limit}`],
        exclusiveMaximum: [`less than ${limit}`, `nhỏ hơn ${limit}`],
      }[e.keyword];
      return error('schema', at, `This number must be ${en}.`, `Số này phải ${vi}.`);
    }
    case 'multipleOf': {
      const step = Number(params['multipleOf']);
      const hint = MULTIPLE_HINTS[step] ?? { en: `multiples of ${step}`, vi: `bội số của ${step}` };
      return error('schema', at, `This number must be in ${hint.en}.`, `Số này phải là ${hint.vi}.`);
    }
    case 'minItems': {
      const limit = Number(params['limit']);
      return error(
        'schema',
        at,
        `This list needs at least ${limit} item${limit === 1 ? '' : 's'}.`,
        `Danh sách này cần ít nhất ${limit} mục.`,
      );
    }
    case 'minLength':
      return error('schema', at, 'This text must not be empty.', 'Chuỗi này không được để trống.');
    case 'uniqueItems':
      return error(
        'schema',
        at,
        `This list repeats an item (items ${String(params['j'])} and ${String(params['i'])} are the same).`,
        `Danh sách này có mục trùng nhau (mục ${String(params['j'])} và ${String(params['i'])}).`,
      );
    case 'maxProperties':
    case 'false schema':
      return error(
        'schema',
        at,
        'A guard must have exactly one of: field (with op and value), all, any, not, schema.',
        'Điều kiện phải có đúng một trong: field (kèm op và value), all, any, not, schema.',
      );
    default:
      return error(
        'schema',
        at,
        `This value is not valid (${e.keyword}: ${e.message ?? 'invalid'}).`,
        `Giá trị này không hợp lệ (${e.keyword}: ${e.message ?? 'không hợp lệ'}).`,
      );
  }
}

/** Plain-language issues for ajv's errors, one per distinct path and message. */
export function translateSchemaErrors(errors: readonly ErrorObject[]): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const e of errors) {
    const issue = translate(e);
    if (issue === undefined) continue;
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}
