/**
 * csv-parse, loaded on first use: a `draftlint check` whose indicator files come from the CLI's parse cache
 * parses no CSV, and the CLI keeps the parsing libraries in a bundle of their own (see esbuild.js).
 */
import type * as Csv from 'csv-parse/sync';

let lib: typeof Csv | undefined;

export function csv(): typeof Csv {
  // a plain require inside a function: the bundler keeps the module but evaluates it only here
  return (lib ??= require('csv-parse/sync') as typeof Csv);
}
