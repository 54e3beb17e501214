// What no answer of any process may hold: a stack frame, a file path, an internal address, SQL.

export const INTERNALS =
  /\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d|\.js:\d|https?:\/\/|127\.0\.0\.1|localhost|:\d{4,5}\b|\bSELECT\b|\bINSERT\b|\bFROM\b|stacktrace|<html|<!DOCTYPE/i;

export function expectNoInternals(text: string): void {
  expect(text).not.toMatch(INTERNALS);
}
