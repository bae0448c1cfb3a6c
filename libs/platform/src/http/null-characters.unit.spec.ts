import { pathsWithNullCharacters } from './null-characters';

describe('pathsWithNullCharacters', () => {
  it('given clean input, finds nothing', () => {
    expect(pathsWithNullCharacters({ q: 'Khánh Vĩnh', page: { size: 20 }, tags: ['a', 'b'] })).toEqual([]);
  });

  it('given NULs in nested strings, array items and member names, names each with a JSON Pointer', () => {
    const input = {
      q: 'a\u0000b',
      applicant: { name: 'x\u0000', address: 'ok' },
      attachments: [{ name: 'ok' }, { name: '\u0000' }],
      'bad\u0000key': 1,
      'a/b~c': '\u0000',
    };
    expect(pathsWithNullCharacters(input)).toEqual([
      '/q',
      '/applicant/name',
      '/attachments/1/name',
      '/bad\u0000key',
      '/a~1b~0c',
    ]);
  });

  it('given a scalar body, reports the root', () => {
    expect(pathsWithNullCharacters('\u0000')).toEqual(['']);
    expect(pathsWithNullCharacters(undefined)).toEqual([]);
  });
});
