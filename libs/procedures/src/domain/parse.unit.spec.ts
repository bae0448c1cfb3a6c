import { validateDefinitionText } from './definition-text';
import { jsonErrorOffset } from './json-syntax';
import { detectFormat, parseDefinitionText } from './parse';
import { minimalDefinition, sampleText } from './testing/fixtures';

describe('parseDefinitionText', () => {
  it('given YAML or JSON, when parsed, then both give the same value', () => {
    const json = JSON.stringify(minimalDefinition(), null, 2);

    const fromJson = parseDefinitionText(json);
    const fromYaml = parseDefinitionText('code: "1.000001"\nname: { vi: Thử, en: Test }\n');

    expect(fromJson).toMatchObject({ ok: true, format: 'json', value: minimalDefinition() });
    expect(fromYaml).toMatchObject({
      ok: true,
      format: 'yaml',
      value: { code: '1.000001', name: { vi: 'Thử', en: 'Test' } },
    });
  });

  it('given YAML 1.1 look-alikes, when parsed, then they stay strings (YAML 1.2)', () => {
    const parsed = parseDefinitionText('receiptCutoff: 15:00\nanswer: no\n');

    expect(parsed).toMatchObject({ ok: true, value: { receiptCutoff: '15:00', answer: 'no' } });
  });

  it('given broken YAML, when parsed, then the error gives its line and column', () => {
    const parsed = parseDefinitionText('code: "1.000001"\nname:\n  vi: Thử\n en: Test\nroles: [a, b\n');

    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]).toMatchObject({
      line: 4,
      message: expect.stringMatching(/^YAML syntax error at line 4, column \d+: /),
    });
    expect(parsed.errors[0].messageVi).toMatch(/^Lỗi cú pháp YAML tại dòng 4/);
  });

  it('given a duplicated key, when parsed, then it is an error rather than a silent overwrite', () => {
    const parsed = parseDefinitionText('code: "1.000001"\ncode: "1.000002"\n');

    expect(parsed).toMatchObject({ ok: false, errors: [expect.objectContaining({ line: 2 })] });
  });

  it('given broken JSON, when parsed, then the error gives its line', () => {
    const parsed = parseDefinitionText('{\n  "code": "1.000001",\n  "name": }\n');

    expect(parsed).toMatchObject({
      ok: false,
      format: 'json',
      errors: [expect.objectContaining({ line: 3 })],
    });
  });

  it('detects the format from the first character', () => {
    expect(detectFormat('  {"a":1}')).toBe('json');
    expect(detectFormat('# comment\ncode: x')).toBe('yaml');
  });
});

describe('validateDefinitionText', () => {
  it('given a YAML definition with mistakes, when validated, then each issue carries the line it refers to', () => {
    const text = sampleText('marital-status-certificate.yaml')
      .replace(
        'committedDuration: { value: 1, unit: working-days }',
        'committedDuration: { value: 4, unit: working-days }',
      )
      .replace('          target: verify-former-residence\n', '          target: verify-formr-residence\n');

    const result = validateDefinitionText(text);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = text.split('\n');
    const committed = result.errors.find((e) => e.code === 'committed-exceeds-statutory');
    const target = result.errors.find((e) => e.code === 'unknown-target');
    expect(lines[(committed?.line ?? 0) - 1]).toContain('committedDuration');
    expect(target?.path).toBe('/workflow/steps/0/transitions/0/target');
    expect(lines[(target?.line ?? 0) - 1]).toContain('target: verify-formr-residence');
  });

  it('given an unquoted procedure code, when validated, then the message says to quote it', () => {
    const text = sampleText('birth-registration.yaml').replace("code: '1.001193'", 'code: 1.001193');

    expect(validateDefinitionText(text)).toMatchObject({
      ok: false,
      errors: [
        expect.objectContaining({
          path: '/code',
          line: 6,
          message: "This value must be a text. Put it in quotes ('1.001193'), or YAML reads it as a number.",
        }),
      ],
    });
  });

  it('given a syntax error, when validated, then it stops there with a syntax issue', () => {
    expect(validateDefinitionText('code: [\n')).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ code: 'syntax' })],
    });
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['[1, 2.5e3, true, null, "x\\n"]', undefined],
    ['{"a": }', 6],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['{"a": tru}', 6],
    ['{} x', 3],
    ['"unterminated', 13],
    ['"a\\q"', 3],
  ])('%s → %s', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});
