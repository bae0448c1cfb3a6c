import { loadSampleCatalogue } from '../../samples';
import { SAMPLE_APPLICATIONS as HAPPY_PATHS } from '../../samples/sample-applications';
import { compileProcedure } from './compile';
import { compareDurations } from './duration';
import { buildCatalogue, InvalidCatalogueError } from './sample-catalogue';
import { minimalDefinition, sampleText } from './testing/fixtures';
import { walk } from './testing/workflow-spec';

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
