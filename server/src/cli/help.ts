/** `draftlint --help`. */
export function helpText(version: string): string {
  return `draftlint ${version} — checks Vietnamese policy drafts: outline, figures against canonical data, consistency

Usage:
  draftlint check [PATH...]      lint files and folders (default: .); folders are walked for *.md, *.txt
  draftlint figures [PATH...]    list every cited figure with its indicator, period, cited and canonical value
  draftlint outline PATH         print the parsed outline and the template it matched
  draftlint init                 write a starter draftlint.json and data/indicators.csv in the current folder

Options:
  -f, --format FORMAT     stylish (default), json, sarif; figures also csv, md, html; outline: stylish, json
  -c, --config FILE       use this config for every file
      --no-config         ignore every draftlint.json
      --indicators FILE   canonical data (CSV, JSON, YAML), added to the config's; repeatable
      --template NAME|FILE  structure template: a built-in name, a .json/.yaml file, or a reference .md/.txt
      --max-warnings N    exit 1 when there are more than N warnings
  -q, --quiet             report errors only (figures: mismatches only)
      --language vi|en    message language (default: the config's, else vi)
      --color, --no-color force or disable colours (default: when stdout is a terminal)
      --force             init: overwrite existing files
      --cache             check: reuse the results of unchanged files (stored in .draftlint-cache/)
      --cache-location DIR|FILE  check: where the cache is kept (implies --cache)
      --baseline FILE     check: hide the findings recorded in FILE
      --write-baseline [FILE]  check: record the current findings in FILE (default: the --baseline file,
                          else draftlint-baseline.json; FILE as --write-baseline=FILE or ending in .json)
      --max-file-size SIZE  only the cheap rules above SIZE bytes (512k, 5MB; default: the config's
                          maxFileSize, else 5MB); files over 50MB (or SIZE if larger) are skipped
      --jobs N            lint on N worker threads (default: by the number and size of the files; 1: none)
      --debug             print what was linted, where, and cache hits on stderr
  -h, --help              show this help
  -v, --version           print the version

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage, config or data-file errors.
`;
}
