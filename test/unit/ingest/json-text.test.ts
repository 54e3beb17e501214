import { parseJson } from '../../../src/ingest/json-text';

describe('parseJson', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJson('{"a":[1,2.5e3,"x\\u00e9",true,null]}')).toEqual({
      ok: true,
      value: { a: [1, 2500, 'xé', true, null] },
    });
  });

  it.each([
    [
      'truncated inside a string',
      '{"sourceId":"cl-1","licen',
      1,
      26,
      'the text ends before the JSON does (truncated?)',
    ],
    [
      'truncated after a comma',
      '{\n  "a": 1,\n',
      3,
      1,
      'the text ends before the JSON does (truncated?)',
    ],
    ['truncated inside a literal', '[tru', 1, 5, 'the text ends before the JSON does (truncated?)'],
    ['empty', '', 1, 1, 'the text ends before the JSON does (truncated?)'],
    ['an unquoted key', '{\n  "a": 1,\n  b: 2\n}', 3, 3, 'unexpected "b"'],
    ['a bad escape', '["a\\qb"]', 1, 5, 'unexpected "q"'],
    ['a trailing comma', '[1,2,]', 1, 6, 'unexpected "]"'],
    ['text after the value', '{"a":1}}', 1, 8, 'unexpected "}"'],
    ['a raw newline in a string', '["a\nb"]', 1, 4, 'unexpected "\\n"'],
  ])('locates %s', (_name, text, line, column, message) => {
    expect(parseJson(text)).toEqual({
      ok: false,
      line,
      column,
      message: `not valid JSON: ${message}`,
    });
  });
});
