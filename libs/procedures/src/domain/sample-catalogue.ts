/**
 * Building a catalogue of procedures from definition files. Pure: the caller reads the files (see
 * libs/procedures/samples/index.ts), so the domain stays free of I/O and tests can feed text directly.
 */
import type { ProcedureDefinition } from './definition';
import { validateDefinitionText, type LocatedIssue } from './definition-text';

export interface DefinitionFile {
  readonly name: string;
  readonly text: string;
}

/** One or more catalogue files do not validate; each problem names its file, line and path. */
export class InvalidCatalogueError extends Error {
  constructor(readonly problems: readonly (LocatedIssue & { readonly file: string })[]) {
    super(
      `The procedure catalogue has ${problems.length} problem(s): ${problems
        .slice(0, 5)
        .map((p) => `${p.file}:${p.line ?? '?'} ${p.path || '/'} ${p.message}`)
        .join('; ')}`,
    );
    this.name = 'InvalidCatalogueError';
  }
}

/**
 * Validates every file and returns the definitions sorted by procedure code. Procedure codes must be unique
 * within a catalogue.
 * @throws InvalidCatalogueError listing every problem in every file
 */
export function buildCatalogue(files: readonly DefinitionFile[]): ProcedureDefinition[] {
  const problems: (LocatedIssue & { file: string })[] = [];
  const definitions: ProcedureDefinition[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const result = validateDefinitionText(file.text);
    if (!result.ok) {
      problems.push(...result.errors.map((e) => ({ ...e, file: file.name })));
      continue;
    }
    const code = result.definition.code;
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      problems.push({
        code: 'duplicate-id',
        severity: 'error',
        path: '/code',
        message: `The procedure code ${code} is already used by ${earlier}.`,
        messageVi: `Mã thủ tục ${code} đã được dùng trong ${earlier}.`,
        file: file.name,
      });
      continue;
    }
    seen.set(code, file.name);
    definitions.push(result.definition);
  }
  if (problems.length > 0) throw new InvalidCatalogueError(problems);
  return definitions.sort((a, b) => a.code.localeCompare(b.code));
}
