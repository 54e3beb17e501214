import { csvField, csvLine } from '../../../src/subgraphs/usage/report/csv';

// The CSV export's cells: RFC 4180 quoting, and text that a spreadsheet would run as a formula
// neutralised as OWASP recommends (a single quote in front, and quoted). Numbers stay numbers.

describe('csvField', () => {
  it.each([
    ['=1+2', `"'=1+2"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tX', `"'\tX"`],
    ['\rX', `"'\rX"`],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
  ])('neutralises the text %j', (text, cell) => {
    expect(csvField(text)).toBe(cell);
  });

  it.each([
    ['EMEA', 'EMEA'],
    ['eu-west-1', 'eu-west-1'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['', ''],
  ])('writes the text %j as RFC 4180 does', (text, cell) => {
    expect(csvField(text)).toBe(cell);
  });

  it('writes numbers, negative ones too, and null as they are', () => {
    expect(csvLine([-5, 0, 12.5, null, '-5'])).toBe(`-5,0,12.5,,"'-5"\r\n`);
  });
});
