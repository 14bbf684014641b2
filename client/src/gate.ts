/**
 * Which documents draftlint lints. Setting `draftlint.enable` (per resource):
 *   "auto"   only documents under a folder holding a draftlint.json (the document's folder or any ancestor),
 *            plus the documents the user opted in with "draftlint: Check this file";
 *   "always" every Markdown / plain-text document;
 *   "never"  none.
 * The answer is synchronous (a few cached stat calls) because the language client's didOpen/didChange
 * middleware must decide at once, in order.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EnableSetting } from './protocol';

export const CONFIG_FILE = 'draftlint.json';
export const LANGUAGES = ['markdown', 'plaintext'];
const OPTED_IN_KEY = 'draftlint.optedIn';

export class Gate {
  private readonly configDirs = new Map<string, boolean>();
  private readonly optedIn: Set<string>;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    this.optedIn = new Set(state.get<string[]>(OPTED_IN_KEY, []));
  }

  /** true when `doc` is a document draftlint is allowed to lint */
  allows(doc: vscode.TextDocument): boolean {
    if (!LANGUAGES.includes(doc.languageId)) return false;
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
    const enable = vscode.workspace.getConfiguration('draftlint', doc.uri).get<EnableSetting>('enable', 'auto');
    if (enable === 'never') return false;
    if (enable === 'always') return true;
    if (this.optedIn.has(doc.uri.toString())) return true;
    return doc.uri.scheme === 'file' && this.configFor(doc.uri.fsPath) !== undefined;
  }

  isOptedIn(uri: vscode.Uri): boolean {
    return this.optedIn.has(uri.toString());
  }

  /** the nearest draftlint.json from the file's folder upward, if any */
  configFor(fsPath: string): string | undefined {
    let dir = path.dirname(fsPath);
    for (;;) {
      if (this.hasConfig(dir)) return path.join(dir, CONFIG_FILE);
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  private hasConfig(dir: string): boolean {
    let known = this.configDirs.get(dir);
    if (known === undefined) {
      try {
        known = fs.statSync(path.join(dir, CONFIG_FILE)).isFile();
      } catch {
        known = false;
      }
      this.configDirs.set(dir, known);
    }
    return known;
  }

  async optIn(uri: vscode.Uri): Promise<void> {
    this.optedIn.add(uri.toString());
    await this.state.update(OPTED_IN_KEY, [...this.optedIn]);
    this.changed.fire();
  }

  async optOut(uri: vscode.Uri): Promise<void> {
    if (!this.optedIn.delete(uri.toString())) return;
    await this.state.update(OPTED_IN_KEY, [...this.optedIn]);
    this.changed.fire();
  }

  /** forget cached draftlint.json lookups (a config file was created or deleted) and re-evaluate */
  invalidate(): void {
    this.configDirs.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
