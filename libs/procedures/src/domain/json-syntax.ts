/**
 * Finds where JSON text stops being valid JSON. `JSON.parse` does the real parsing, but V8 reports a position
 * for only some of its errors ("Unexpected token '}', ... is not valid JSON" has none), and an agency needs
 * a line number. This scanner follows the JSON grammar just far enough to name the first bad character.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/;
const LITERALS = ['true', 'false', 'null'];

class JsonSyntaxError {
  constructor(readonly offset: number) {}
}

/** The offset of the first character that breaks the JSON grammar, or `undefined` if the text is valid. */
export function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  const fail = (): never => {
    throw new JsonSyntaxError(at);
  };
  const skip = (): void => {
    while (at < text.length && WHITESPACE.has(text[at])) at++;
  };
  const expect = (char: string): void => {
    skip();
    if (text[at] !== char) fail();
    at++;
  };
  const token = (pattern: RegExp): void => {
    const match = pattern.exec(text.slice(at));
    if (match === null) fail();
    else at += match[0].length;
  };
  // By hand rather than by regular expression: raw control characters (below U+0020) are not allowed.
  const string = (): void => {
    skip();
    if (text[at] !== '"') fail();
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text.charCodeAt(at) < 0x20) fail();
      if (text[at] !== '\\') {
        at++;
      } else if (text[at + 1] === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail();
        at += 6;
      } else if (at + 1 < text.length && '"\\/bfnrt'.includes(text[at + 1])) {
        at += 2;
      } else {
        at++;
        fail();
      }
    }
    if (text[at] !== '"') fail();
    at++;
  };
  const value = (): void => {
    skip();
    const char = text[at];
    if (char === '{') return members('}', () => (string(), expect(':'), value()));
    if (char === '[') return members(']', value);
    if (char === '"') return string();
    if (char === '-' || (char >= '0' && char <= '9')) return token(NUMBER);
    const literal = LITERALS.find((word) => text.startsWith(word, at));
    if (literal === undefined) fail();
    else at += literal.length;
  };
  const members = (close: string, member: () => void): void => {
    at++;
    skip();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      skip();
      member();
      skip();
      if (text[at] === close) {
        at++;
        return;
      }
      expect(',');
    }
  };
  try {
    value();
    skip();
    return at < text.length ? at : undefined;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e.offset;
    throw e;
  }
}
