/**
 * Status bar item: "$(checklist) draftlint: N indicators · M findings" — indicators loaded for the active
 * document's configuration, findings (draftlint diagnostics) in the active document. Click: figures report.
 */
import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { type DataStatusParams, StatusRequest, type StatusParams, type StatusResult } from './protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private indicators: number | undefined;
  private dataErrors = 0;
  private dataFiles: string[] = [];
  private failed: string | undefined;
  private requestSeq = 0;
  /** the last text editor's document: a webview (e.g. the figures report) taking focus keeps it */
  private lastUri: vscode.Uri | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly isLinted: (uri: vscode.Uri) => boolean,
  ) {
    this.item = vscode.window.createStatusBarItem('draftlint.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'draftlint';
    this.item.command = 'draftlint.showFiguresReport';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.lastUri?.toString() === d.uri.toString()) this.lastUri = undefined;
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = this.currentUri()?.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.render();
      }),
    );
    this.render();
    this.item.show();
  }

  /** the server (re)loaded its data */
  setDataStatus(p: DataStatusParams): void {
    this.indicators = p.indicators;
    this.dataErrors = p.errors;
    this.failed = undefined;
    this.refresh();
  }

  setFailed(message: string): void {
    this.failed = message;
    this.render();
  }

  /** ask the server for the active document's data status, then render */
  refresh(): void {
    this.render();
    if (this.client.state !== State.Running) return;
    const uri = this.currentUri();
    const params: StatusParams = uri && this.isLinted(uri) ? { uri: uri.toString() } : {};
    const seq = ++this.requestSeq;
    this.client.sendRequest<StatusResult>(StatusRequest, params).then(
      (r) => {
        if (seq !== this.requestSeq || !r) return;
        this.indicators = r.indicators;
        this.dataFiles = r.dataFiles ?? [];
        this.render();
      },
      () => undefined, // an older server without draftlint/status: keep the dataStatus numbers
    );
  }

  /** draftlint findings in the active document, or undefined when it is not linted */
  findingsInActive(): number | undefined {
    const uri = this.currentUri();
    if (!uri || !this.isLinted(uri)) return undefined;
    return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'draftlint').length;
  }

  private currentUri(): vscode.Uri | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active) this.lastUri = active;
    return active ?? this.lastUri;
  }

  private render(): void {
    const t = vscode.l10n.t;
    if (this.failed) {
      this.item.text = '$(error) draftlint';
      this.item.tooltip = t('draftlint: the language server could not start: {0}', this.failed);
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      return;
    }
    if (this.indicators === undefined) {
      this.item.text = '$(sync~spin) draftlint';
      this.item.tooltip = t('draftlint: loading data…');
      this.item.backgroundColor = undefined;
      return;
    }
    const findings = this.findingsInActive();
    this.item.text =
      findings === undefined
        ? t('$(checklist) draftlint: {0} indicators', this.indicators)
        : t('$(checklist) draftlint: {0} indicators · {1} findings', this.indicators, findings);
    const lines = [
      findings === undefined ? t('This file is not checked by draftlint.') : t('Click to show the figures report.'),
    ];
    if (this.dataFiles.length) lines.push(t('Data files: {0}', this.dataFiles.map(shortName).join(', ')));
    if (this.dataErrors) lines.push(t('{0} problems in data or config files (see Problems).', this.dataErrors));
    this.item.tooltip = lines.join('\n');
    this.item.backgroundColor = this.dataErrors
      ? new vscode.ThemeColor('statusBarItem.warningBackground')
      : undefined;
  }

  /** current text (for tests) */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function shortName(uri: string): string {
  try {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
  } catch {
    return uri;
  }
}
