/**
 * zod, loaded on first use: evaluating the library and building the schemas costs a cold process ~10 ms, and a
 * `draftlint check` whose configuration and data files come from the CLI's parse cache validates nothing.
 * Modules that define schemas build them in a function on first use; types come from `import type`.
 */
type Zod = typeof import('./zodlib');

let lib: Zod | undefined;

export function zod(): Zod {
  // a plain require inside a function: the bundler keeps the module but evaluates it only here
  return (lib ??= require('./zodlib') as Zod);
}
