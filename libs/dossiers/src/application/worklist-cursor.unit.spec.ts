import { decodeCursor, encodeCursor } from './worklist-cursor';

describe('worklist cursors', () => {
  it('round-trips the sort key of the last item', () => {
    const cursor = { dueAt: '2026-11-24T00:00:00.000Z', id: '0b5f3c3e-7c1a-4a53-9d0e-3f4a8f3b9c21' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ dueAt: null, id: 'x' }))).toEqual({ dueAt: null, id: 'x' });
  });

  it('refuses what it did not give out', () => {
    for (const text of [
      '',
      'abc',
      Buffer.from('[1,2]').toString('base64url'),
      encodeCursor({ dueAt: 'soon', id: 'x' }),
    ]) {
      expect(decodeCursor(text)).toBeUndefined();
    }
  });
});
