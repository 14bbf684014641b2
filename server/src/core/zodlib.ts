// The parts of zod the schemas use, from its ES module build, for zod.ts to require on first use: a require of
// 'zod' itself would bundle its larger CommonJS build, and `export *` would keep all of zod (its locales too).
// Only zod.ts imports this module.
export { array, boolean, enum, lazy, NEVER, number, object, preprocess, record, string, tuple, union, unknown } from 'zod';
