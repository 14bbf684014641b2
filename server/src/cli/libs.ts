/**
 * The parsing libraries of the CLI (zod, csv-parse, yaml), bundled apart as dist/cli-libs.js. The program
 * (dist/cli-app.js) reaches them through core/zod.ts, core/csv.ts and core/yaml.ts, which esbuild.js points here,
 * only when it parses a configuration or data file that the parse cache (datacache.ts) does not hold. Kept out of
 * the program's bundle, they are never in its V8 code cache either: a usual `check` deserialises ~200 KB less.
 * Each library is evaluated on first use.
 */
export const zodlib = (): unknown => require('../core/zodlib');
export const yaml = (): unknown => require('yaml');
export const csv = (): unknown => require('csv-parse/sync');
