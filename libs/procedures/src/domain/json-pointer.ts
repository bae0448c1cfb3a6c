/**
 * JSON Pointer (RFC 6901) helpers. Validation reports every problem as a pointer into the document so an
 * editor can jump to it, and guards name form fields the same way.
 */

export function parsePointer(pointer: string): readonly string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => '/' + String(token).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Appends tokens to an existing pointer. */
export function childPointer(pointer: string, ...tokens: readonly (string | number)[]): string {
  return pointer + toPointer(tokens);
}
