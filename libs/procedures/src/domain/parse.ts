/**
 * Reading definition text. Agencies write YAML (comments, no braces to balance) and tools send JSON; both
 * come out as the same plain value for `validateDefinition`. Syntax errors carry line and column, and a
 * successful parse can map a validation path (JSON Pointer) back to the line it came from, so an editor can
 * underline the right place.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { parsePointer } from './json-pointer';
import { jsonErrorOffset } from './json-syntax';

export type DefinitionFormat = 'yaml' | 'json';

/** 1-based, as editors show them. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface SyntaxProblem extends SourcePosition {
  readonly message: string;
  readonly messageVi: string;
}

export type ParseResult =
  | {
      readonly ok: true;
      readonly format: DefinitionFormat;
      readonly value: unknown;
      /** Where the node at `pointer` (or its nearest existing ancestor) starts in the text. */
      readonly locate: (pointer: string) => SourcePosition | undefined;
    }
  | { readonly ok: false; readonly format: DefinitionFormat; readonly errors: readonly SyntaxProblem[] };

/** Aliases are legal YAML but let a small document expand enormously; a definition needs few. */
const MAX_ALIAS_COUNT = 100;

export function detectFormat(text: string): DefinitionFormat {
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

function problem(format: DefinitionFormat, position: SourcePosition, detail: string): SyntaxProblem {
  const label = format === 'json' ? 'JSON' : 'YAML';
  return {
    ...position,
    message: `${label} syntax error at line ${position.line}, column ${position.column}: ${detail}`,
    messageVi: `Lỗi cú pháp ${label} tại dòng ${position.line}, cột ${position.column}: ${detail}`,
  };
}

function parseYaml(text: string, lineCounter: LineCounter): Document.Parsed {
  return parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, version: '1.2' });
}

function locator(document: Document.Parsed, lineCounter: LineCounter) {
  return (pointer: string): SourcePosition | undefined => {
    const tokens = parsePointer(pointer);
    if (tokens === undefined) return undefined;
    let node: unknown = document.contents;
    let offset = document.contents?.range[0] ?? 0;
    for (const token of tokens) {
      let next: unknown = undefined;
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === token,
        );
        if (pair !== undefined && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
        next = pair?.value;
      } else if (isSeq(node)) {
        next = node.items[Number(token)];
        if (isScalar(next) || isMap(next) || isSeq(next)) offset = next.range?.[0] ?? offset;
      }
      // A missing member (say, a required field) is located at its parent, the nearest thing that exists.
      if (next === undefined || next === null) break;
      node = next;
    }
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function yamlErrors(document: Document.Parsed, format: DefinitionFormat): SyntaxProblem[] {
  return document.errors.map((e) => {
    const position = e.linePos?.[0] ?? { line: 1, col: 1 };
    return problem(format, { line: position.line, column: position.col }, firstLine(e.message));
  });
}

function positionOf(text: string, offset: number): SourcePosition {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

export function parseDefinitionText(
  text: string,
  format: DefinitionFormat = detectFormat(text),
): ParseResult {
  // JSON is YAML 1.2, so the YAML parser also gives positions for JSON documents.
  const lineCounter = new LineCounter();
  const document = parseYaml(text, lineCounter);
  if (format === 'json') {
    try {
      const value: unknown = JSON.parse(text);
      return { ok: true, format, value, locate: locator(document, lineCounter) };
    } catch (e) {
      const position = positionOf(text, jsonErrorOffset(text) ?? 0);
      return { ok: false, format, errors: [problem(format, position, firstLine((e as Error).message))] };
    }
  }
  if (document.errors.length > 0) return { ok: false, format, errors: yamlErrors(document, format) };
  try {
    const value: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, format, value, locate: locator(document, lineCounter) };
  } catch (e) {
    return { ok: false, format, errors: [problem(format, { line: 1, column: 1 }, (e as Error).message)] };
  }
}
