/**
 * "draftlint: Show figures report": a webview table of every cited figure (figure, location, indicator,
 * period, cited, canonical, verdict), sortable, filterable, exportable to CSV/HTML. The page loads only
 * media/report.{js,css} from the extension, under a CSP with a nonce; all data goes through postMessage.
 */
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type FigureStatus, FiguresRequest, type FiguresResult } from './protocol';
import { COLUMNS, type ColumnKey, cell, type ReportRow, toCsv, toHtml, toRows } from './reportFormat';

interface Deps {
  client: LanguageClient;
  isLinted(uri: vscode.Uri): boolean;
}

type Scope = 'file' | 'workspace';
type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'scope'; scope: Scope }
  | { type: 'open'; id: number }
  | { type: 'export'; format: 'csv' | 'html'; ids: number[] };

const t = vscode.l10n.t;

export function statusLabel(s: FigureStatus): string {
  switch (s) {
    case 'ok':
      return t('matches');
    case 'mismatch':
      return t('differs');
    case 'rounded':
      return t('rounded');
    case 'unmatched':
      return t('no indicator');
    case 'no-value':
      return t('no canonical value');
  }
  return String(s);
}

function headers(): Record<ColumnKey, string> {
  return {
    figure: t('Figure'),
    location: t('Location'),
    indicator: t('Indicator'),
    period: t('Period'),
    cited: t('Cited'),
    canonical: t('Canonical'),
    status: t('Verdict'),
  };
}

class FiguresReport {
  static current: FiguresReport | undefined;
  private rows: ReportRow[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly deps: Deps,
    private fileUri: vscode.Uri | undefined,
    private scope: Scope,
  ) {
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
    );
  }

  show(fileUri: vscode.Uri | undefined): void {
    if (fileUri) {
      this.fileUri = fileUri;
      this.scope = 'file';
    }
    this.panel.reveal(undefined, false);
    void this.load();
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
      case 'refresh':
        return this.load();
      case 'scope':
        this.scope = m.scope === 'file' && this.fileUri ? 'file' : 'workspace';
        return this.load();
      case 'open': {
        const row = this.rows[m.id];
        if (!row) return;
        const f = row.figure;
        const range = new vscode.Range(f.line, f.character, f.endLine, f.endCharacter);
        await vscode.window.showTextDocument(vscode.Uri.parse(row.uri), {
          selection: range,
          viewColumn: vscode.ViewColumn.One,
        });
        return;
      }
      case 'export':
        return this.export(m.format, m.ids);
    }
  }

  private async load(): Promise<void> {
    const scope = this.scope === 'file' && this.fileUri ? 'file' : 'workspace';
    const params = scope === 'file' ? { uri: this.fileUri!.toString() } : {};
    let error: string | undefined;
    try {
      const result = await this.deps.client.sendRequest<FiguresResult>(FiguresRequest, params);
      this.rows = toRows(result ?? { files: [] }, (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
    } catch (err) {
      this.rows = [];
      error = t('draftlint: could not get the figures: {0}', err instanceof Error ? err.message : String(err));
    }
    const fileName = this.fileUri ? vscode.workspace.asRelativePath(this.fileUri) : undefined;
    this.panel.title = fileName && scope === 'file' ? t('Figures: {0}', fileName) : t('Figures: workspace');
    void this.panel.webview.postMessage({
      type: 'data',
      scope,
      fileName,
      error,
      labels: {
        ...headers(),
        filter: t('Filter'),
        all: t('All verdicts'),
        thisFile: t('This file'),
        workspace: t('All files'),
        refresh: t('Refresh'),
        exportCsv: t('Export CSV'),
        exportHtml: t('Export HTML'),
        shown: t('{0} of {1} figures'),
        empty: t('No figures.'),
        open: t('Go to the figure'),
        statuses: Object.fromEntries(
          (['ok', 'mismatch', 'rounded', 'unmatched', 'no-value'] as FigureStatus[]).map((s) => [s, statusLabel(s)]),
        ),
      },
      rows: this.rows.map((r) => ({
        id: r.id,
        status: r.status,
        file: r.file,
        line: r.line,
        column: r.column,
        cells: Object.fromEntries(COLUMNS.map((k) => [k, cell(r, k, statusLabel)])),
      })),
    });
  }

  private async export(format: 'csv' | 'html', ids: number[]): Promise<void> {
    const rows = ids.map((id) => this.rows[id]).filter((r): r is ReportRow => !!r);
    const base = this.fileUri && this.scope === 'file' ? this.fileUri : vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `figures.${format}`;
    const defaultUri = base ? vscode.Uri.joinPath(base, this.scope === 'file' ? '..' : '.', name) : undefined;
    const target = await vscode.window.showSaveDialog({
      defaultUri,
      filters: format === 'csv' ? { CSV: ['csv'] } : { HTML: ['html', 'htm'] },
      saveLabel: t('Export'),
    });
    if (!target) return;
    const title = this.panel.title;
    const text =
      format === 'csv'
        ? toCsv(rows, headers(), statusLabel)
        : toHtml(rows, headers(), statusLabel, title, vscode.env.language || 'en');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(t('draftlint: wrote {0} figures to {1}.', rows.length, target.fsPath));
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = crypto.randomBytes(16).toString('base64');
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js'));
    const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language || 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>draftlint</title>
</head>
<body>
<div class="toolbar">
  <select id="scope" aria-label="scope"></select>
  <input id="filter" type="search" spellcheck="false">
  <select id="status" aria-label="verdict"></select>
  <span id="count" class="count"></span>
  <span class="spacer"></span>
  <button id="refresh" type="button"></button>
  <button id="export-csv" type="button"></button>
  <button id="export-html" type="button"></button>
</div>
<div id="error" class="error" hidden></div>
<table id="table">
  <thead><tr id="head"></tr></thead>
  <tbody id="body"></tbody>
</table>
<p id="empty" class="empty" hidden></p>
<script nonce="${nonce}" src="${js}"></script>
</body>
</html>`;
  }

  dispose(): void {
    FiguresReport.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

export function showFiguresReport(context: vscode.ExtensionContext, deps: Deps, uri?: vscode.Uri): void {
  const active = vscode.window.activeTextEditor?.document.uri;
  const fileUri = uri ?? (active && deps.isLinted(active) ? active : undefined);
  if (FiguresReport.current) {
    FiguresReport.current.show(fileUri);
    return;
  }
  const panel = vscode.window.createWebviewPanel(
    'draftlint.figures',
    t('Figures'),
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
    {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    },
  );
  panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
  FiguresReport.current = new FiguresReport(panel, context, deps, fileUri, fileUri ? 'file' : 'workspace');
}
