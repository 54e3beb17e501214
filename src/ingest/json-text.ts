// JSON.parse, plus where a text stops being JSON when it is not. Node 20's messages give a
// position only for some errors ("Unexpected token 'x', ... is not valid JSON" has none), so a
// small scanner finds it. It runs only on text that JSON.parse refused, so it need not be fast.

export type JsonParseResult =
  { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

class SyntaxStop {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** Offset of the first character where `text` stops being one JSON value (its length if cut short). */
function syntaxErrorOffset(text: string): number | undefined {
  let i = 0;
  const stop = (): never => {
    throw new SyntaxStop(Math.min(i, text.length));
  };
  const space = () => {
    while (
      i < text.length &&
      (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')
    )
      i++;
  };
  const expect = (char: string) => {
    if (text[i] !== char) stop();
    i++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length) stop();
      const char = text[i];
      if (char === '"') return void i++;
      if (char < ' ') stop();
      if (char !== '\\') {
        i++;
        continue;
      }
      i++;
      if (text[i] === 'u') {
        if (!HEX4.test(text.slice(i + 1, i + 5))) stop();
        i += 5;
      } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i])) i++;
      else stop();
    }
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (close === '}') {
          space();
          string();
          space();
          expect(':');
        }
        value();
        space();
        if (text[i] === ',') i++;
        else return expect(close);
      }
    }
    if (char === '"') return string();
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) return void (i += literal.length);
      if (literal.startsWith(text.slice(i)) && i < text.length) i = text.length;
    }
    stop();
  };
  try {
    value();
    space();
    if (i < text.length) stop();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxStop) return error.offset;
    return undefined; // nested too deep to scan: the location stays unknown
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const offset = syntaxErrorOffset(text) ?? text.length;
    const message =
      offset >= text.length
        ? 'not valid JSON: the text ends before the JSON does (truncated?)'
        : `not valid JSON: unexpected ${JSON.stringify(text[offset])}`;
    return { ok: false, ...lineAndColumn(text, offset), message };
  }
}
