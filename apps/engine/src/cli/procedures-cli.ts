// npm run procedures -- validate <file...> | render <file> --format svg|mermaid --out <path>
// Checks procedure definitions the way publishing does (every error at once, with line, column and JSON
// Pointer) and draws their workflow, without a database or a running engine. `npm run build` first.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
// The pure domain modules directly, not the @tthc/procedures index: that one also loads NestJS, TypeORM and
// Swagger (seconds of start-up) for the registry's HTTP side, which a file checker does not need.
import { compileProcedure } from '../../../../libs/procedures/src/domain/compile';
import {
  validateDefinitionText,
  type LocatedIssue,
} from '../../../../libs/procedures/src/domain/definition-text';
import { renderSvg, toMermaid } from '../../../../libs/procedures/src/domain/diagram';
import type { DefinitionFormat } from '../../../../libs/procedures/src/domain/parse';

type Lang = 'en' | 'vi';

const HELP = `Usage:
  npm run procedures -- validate <file...> [--lang vi|en]
  npm run procedures -- render <file> --format svg|mermaid [--out <path>] [--lang vi|en]

validate   Checks procedure definitions (YAML or JSON) as publishing does and prints every problem as
           file:line:column  path  message
           Exit code 0 when every file is valid (warnings allowed), 1 when any file is not, 2 on a usage error.
render     Draws the workflow of a valid definition as SVG (Graphviz) or Mermaid text, to --out or to
           standard output.

Options:
  --lang vi|en      language of the messages (default en)
  --format F        svg or mermaid (render)
  --out PATH        where to write the diagram (render; default: standard output)
  -h, --help        this text

The format is described in docs/procedure-definition.md; the JSON Schema is served by the engine at
/docs/procedure-definition.schema.json.`;

const TEXT = {
  valid: { en: 'valid', vi: 'hợp lệ' },
  invalid: { en: 'not valid', vi: 'không hợp lệ' },
  errors: { en: 'error(s)', vi: 'lỗi' },
  warnings: { en: 'warning(s)', vi: 'cảnh báo' },
  warning: { en: 'warning', vi: 'cảnh báo' },
  unreadable: { en: 'cannot read the file', vi: 'không đọc được tệp' },
  written: { en: 'written', vi: 'đã ghi' },
} as const;

class UsageError extends Error {}

interface Options {
  command: 'validate' | 'render' | 'help';
  files: string[];
  lang: Lang;
  format?: 'svg' | 'mermaid';
  out?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { command: 'help', files: [], lang: 'en' };
  const value = (i: number, name: string) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value (see --help)`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return { ...options, command: 'help' };
    if (a === '--lang') {
      const lang = value(++i, '--lang');
      if (lang !== 'vi' && lang !== 'en') throw new UsageError('--lang must be vi or en');
      options.lang = lang;
    } else if (a === '--format') {
      const format = value(++i, '--format');
      if (format !== 'svg' && format !== 'mermaid') throw new UsageError('--format must be svg or mermaid');
      options.format = format;
    } else if (a === '--out') options.out = value(++i, '--out');
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a} (see --help)`);
    else if (options.command === 'help' && options.files.length === 0 && (a === 'validate' || a === 'render'))
      options.command = a;
    else if (options.command === 'help') throw new UsageError(`unknown command ${a} (see --help)`);
    else options.files.push(a);
  }
  if (options.command === 'validate' && options.files.length === 0)
    throw new UsageError('validate needs at least one file');
  if (options.command === 'render') {
    if (options.files.length !== 1) throw new UsageError('render needs exactly one file');
    if (options.format === undefined) throw new UsageError('render needs --format svg or --format mermaid');
  }
  return options;
}

function formatOf(file: string): DefinitionFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return undefined;
}

/** `file:line:column  path  message`, aligned for reading. */
function issueLine(file: string, issue: LocatedIssue, lang: Lang): string {
  const where = `${file}:${issue.line ?? 1}:${issue.column ?? 1}`;
  const message = lang === 'vi' ? issue.messageVi : issue.message;
  const prefix = issue.severity === 'warning' ? `${TEXT.warning[lang]}: ` : '';
  return `${where}  ${issue.path || '/'}  ${prefix}${message}`;
}

function check(file: string, lang: Lang, out: (line: string) => void) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    out(
      `${file}:1:1  /  ${TEXT.unreadable[lang]}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
    return undefined;
  }
  const result = validateDefinitionText(text, formatOf(file));
  for (const issue of result.ok ? [] : result.errors) out(issueLine(file, issue, lang));
  for (const issue of result.warnings) out(issueLine(file, issue, lang));
  return result;
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`procedures: ${error.message}\n`);
    return 2;
  }
  const { lang } = options;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (options.command === 'help') {
    say(HELP);
    return 0;
  }
  if (options.command === 'validate') {
    let invalid = 0;
    for (const file of options.files) {
      const result = check(file, lang, say);
      if (result === undefined || !result.ok) invalid++;
      const summary =
        result === undefined
          ? TEXT.invalid[lang]
          : result.ok
            ? `${TEXT.valid[lang]} (${result.warnings.length} ${TEXT.warnings[lang]})`
            : `${TEXT.invalid[lang]} (${result.errors.length} ${TEXT.errors[lang]}, ${result.warnings.length} ${TEXT.warnings[lang]})`;
      say(`${file}: ${summary}`);
    }
    return invalid > 0 ? 1 : 0;
  }
  // render: problems go to standard error so that the diagram can go to standard output.
  const [file] = options.files;
  const result = check(file, lang, (line) => process.stderr.write(`${line}\n`));
  if (result === undefined || !result.ok) return 1;
  const procedure = compileProcedure(result.definition);
  const diagram = options.format === 'svg' ? await renderSvg(procedure) : toMermaid(procedure);
  if (options.out === undefined || options.out === '-') process.stdout.write(diagram);
  else {
    writeFileSync(options.out, diagram);
    process.stderr.write(`${options.out}: ${TEXT.written[lang]}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`procedures: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
