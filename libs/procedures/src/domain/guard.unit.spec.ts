import { compileGuard, describeGuard, guardFields, type Guard } from './guard';

const holds = (guard: Guard, data: unknown) => compileGuard(guard)(data);

describe('guards over form data', () => {
  it.each([
    [{ field: '/a/age', op: 'gte', value: 18 }, { a: { age: 18 } }, true],
    [{ field: '/a/age', op: 'gte', value: 18 }, { a: { age: 17 } }, false],
    [{ field: '/a/age', op: 'gt', value: 18 }, { a: { age: 18 } }, false],
    [{ field: '/a/age', op: 'lt', value: 18 }, { a: { age: 17 } }, true],
    [{ field: '/a/age', op: 'lte', value: 18 }, { a: { age: '17' } }, false],
    [{ field: '/kind', op: 'eq', value: 'family' }, { kind: 'family' }, true],
    [{ field: '/kind', op: 'ne', value: 'family' }, { kind: 'individual' }, true],
    [{ field: '/kind', op: 'ne', value: 'family' }, {}, false],
    [{ field: '/kind', op: 'in', value: ['a', 'b'] }, { kind: 'b' }, true],
    [{ field: '/kind', op: 'notIn', value: ['a', 'b'] }, { kind: 'c' }, true],
    [{ field: '/kind', op: 'exists' }, { kind: null }, true],
    [{ field: '/kind', op: 'exists' }, {}, false],
    [{ field: '/a/b', op: 'exists' }, { a: 'not an object' }, false],
    [{ field: '/a~1b', op: 'eq', value: 1 }, { 'a/b': 1 }, true],
  ] as const)('%j on %j is %s', (guard, data, expected) => {
    expect(holds(guard as Guard, data)).toBe(expected);
  });

  it('combines guards with all, any and not', () => {
    const guard: Guard = {
      all: [
        { field: '/age', op: 'gte', value: 18 },
        { any: [{ field: '/x', op: 'eq', value: 1 }, { not: { field: '/y', op: 'exists' } }] },
      ],
    };

    expect(holds(guard, { age: 20, x: 1, y: 2 })).toBe(true);
    expect(holds(guard, { age: 20 })).toBe(true);
    expect(holds(guard, { age: 20, y: 2 })).toBe(false);
    expect(holds(guard, { age: 10 })).toBe(false);
  });

  it('accepts a JSON Schema the form data must match', () => {
    const guard: Guard = {
      schema: { type: 'object', required: ['lines'], properties: { lines: { minItems: 2 } } },
    };

    expect(holds(guard, { lines: ['a', 'b'] })).toBe(true);
    expect(holds(guard, { lines: ['a'] })).toBe(false);
  });

  it('treats missing form data as an empty form', () => {
    expect(holds({ not: { field: '/x', op: 'exists' } }, undefined)).toBe(true);
  });

  it('describes itself with form titles and lists the fields it reads', () => {
    const form = {
      type: 'object',
      properties: { age: { type: 'integer', title: 'Tuổi', 'x-title-en': 'Age' } },
    };
    const guard: Guard = {
      any: [
        { field: '/age', op: 'gte', value: 18 },
        { not: { field: '/kind', op: 'in', value: ['a', 'b'] } },
      ],
    };

    expect(describeGuard(guard, form)).toEqual({
      vi: "(Tuổi ≥ 18) hoặc (không (/kind ∈ {'a', 'b'}))",
      en: "(Age ≥ 18) or (not (/kind ∈ {'a', 'b'}))",
    });
    expect(guardFields(guard)).toEqual([
      { field: '/age', path: '/any/0/field' },
      { field: '/kind', path: '/any/1/not/field' },
    ]);
  });
});
