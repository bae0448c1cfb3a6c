/**
 * The sample catalogue shipped with the engine: six procedures of a fictional-but-realistic district of
 * Khánh Hòa (see README.md for the agency codes). Reads the YAML files beside this module and validates them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCatalogue } from '../src/domain/sample-catalogue';
import type { ProcedureDefinition } from '../src/domain/definition';

/**
 * Where the YAML files are: beside this module when running from source, or in the source tree when running
 * from `dist/` (tsc does not copy YAML; a build that ships them should copy libs/procedures/samples/*.yaml).
 */
function samplesDirectory(): string {
  const candidates = [__dirname, resolve(__dirname, '../../../../libs/procedures/samples')];
  const found = candidates.find((dir) => {
    try {
      return readdirSync(dir).some((file) => file.endsWith('.yaml'));
    } catch {
      return false;
    }
  });
  return found ?? __dirname;
}

export const SAMPLES_DIRECTORY = samplesDirectory();

/** @throws InvalidCatalogueError when a sample does not validate (a bug in the samples). */
export function loadSampleCatalogue(directory: string = SAMPLES_DIRECTORY): ProcedureDefinition[] {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.yaml') || file.endsWith('.yml') || file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file, text: readFileSync(join(directory, file), 'utf8') }));
  return buildCatalogue(files);
}
