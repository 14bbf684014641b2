/**
 * The yaml library, loaded on first use: most runs read no YAML file (the indicator data is usually CSV and the
 * built-in template is code), and evaluating the library costs a cold process several milliseconds.
 */
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  // a plain require inside a function: the bundler keeps the module but evaluates it only here
  return (lib ??= require('yaml') as typeof Yaml);
}
