// The definitions CLI as users run it (`npm run procedures -- …`, built first).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scratchDirectory } from '@tthc/testing';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/apps/engine/src/cli/procedures-cli.js');
const SAMPLES = join(ROOT, 'libs/procedures/samples');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('procedures CLI', () => {
  const dir = scratchDirectory('tthc-cli-');
  const broken = join(dir, 'broken.yaml');
  writeFileSync(
    broken,
    readFileSync(join(SAMPLES, 'marital-status-certificate.yaml'), 'utf8')
      .replace("code: '1.004873'", 'code: 1.004873')
      .replace('target: verify-former-residence\n', 'target: verify-formr-residence\n'),
  );

  it('says every sample is valid and exits 0', () => {
    const { code, stdout } = run(
      'validate',
      join(SAMPLES, 'marital-status-certificate.yaml'),
      join(SAMPLES, 'birth-registration.yaml'),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/marital-status-certificate\.yaml: valid/);
  });

  it('prints file:line:column  path  message for every error and exits 1 when a file is invalid', () => {
    const { code, stdout } = run('validate', join(SAMPLES, 'birth-registration.yaml'), broken);
    expect(code).toBe(1);
    const lines = stdout.split('\n').filter((l) => l.startsWith(`${broken}:`) && !l.includes(': not valid'));
    expect(lines).toEqual([
      `${broken}:6:1  /code  This value must be a text. Put it in quotes ('1.004873'), or YAML reads it as a number.`,
      expect.stringMatching(
        /^.*broken\.yaml:153:11 {2}\/workflow\/steps\/0\/transitions\/0\/target {2}The transition leads to "verify-formr-residence"/,
      ),
      expect.stringMatching(
        /^.*broken\.yaml:158:7 {2}\/workflow\/steps\/1 {2}The step "verify-former-residence" can never be reached/,
      ),
    ]);
    expect(stdout).toContain(`${broken}: not valid (3 error(s), 0 warning(s))`);
  });

  it('speaks Vietnamese with --lang vi', () => {
    const { code, stdout } = run('validate', broken, '--lang', 'vi');
    expect(code).toBe(1);
    expect(stdout).toContain('Giá trị này phải là một chuỗi ký tự');
    expect(stdout).toContain('không hợp lệ (3 lỗi, 0 cảnh báo)');
  });

  it('renders a diagram as SVG or Mermaid, and refuses to draw an invalid definition', () => {
    const svg = join(dir, 'marital.svg');
    expect(
      run('render', join(SAMPLES, 'marital-status-certificate.yaml'), '--format', 'svg', '--out', svg).code,
    ).toBe(0);
    expect(readFileSync(svg, 'utf8')).toContain('Thẩm tra hồ sơ');
    const mermaid = run('render', join(SAMPLES, 'marital-status-certificate.yaml'), '--format', 'mermaid');
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout.startsWith('stateDiagram-v2\n')).toBe(true);
    const refused = run('render', broken, '--format', 'svg', '--out', join(dir, 'no.svg'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('/workflow/steps/0/transitions/0/target');
  });

  it('explains itself with --help, and answers a usage error with exit code 2', () => {
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run procedures -- validate <file...>');
    const wrong = run('render', broken);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--format');
    expect(run('validate').code).toBe(2);
    expect(run('validate', broken, '--lang', 'fr').code).toBe(2);
  });
});
