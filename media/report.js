// Figures report webview. Data comes from the extension by postMessage; text is set with textContent only.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const COLUMNS = ['figure', 'location', 'indicator', 'period', 'cited', 'canonical', 'status'];
  const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const saved = vscode.getState() || {};
  let state = {
    sortKey: saved.sortKey || 'location',
    sortDir: saved.sortDir || 1,
    filter: saved.filter || '',
    status: saved.status || '',
  };
  /** @type {any} */
  let data = null;

  /** lower case, no diacritics (đ → d), so "tang truong" finds "tăng trưởng" */
  function fold(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  const collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: 'base' });

  function compare(a, b) {
    if (state.sortKey === 'location') {
      return collator.compare(a.file, b.file) || a.line - b.line || a.column - b.column;
    }
    const x = a.cells[state.sortKey] || '';
    const y = b.cells[state.sortKey] || '';
    if (!x !== !y) return x ? -1 : 1; // empty cells last
    return collator.compare(x, y) || a.id - b.id;
  }

  function visibleRows() {
    if (!data) return [];
    const q = fold(state.filter.trim());
    const rows = data.rows.filter(
      (r) =>
        (!state.status || r.status === state.status) &&
        (!q || COLUMNS.some((k) => fold(r.cells[k] || '').includes(q))),
    );
    rows.sort((a, b) => state.sortDir * compare(a, b));
    return rows;
  }

  function save() {
    vscode.setState(state);
  }

  function renderHead() {
    const head = $('head');
    head.textContent = '';
    for (const k of COLUMNS) {
      const th = document.createElement('th');
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'sort';
      btn.textContent = data.labels[k] + (state.sortKey === k ? (state.sortDir > 0 ? ' ▲' : ' ▼') : '');
      btn.addEventListener('click', () => {
        if (state.sortKey === k) state.sortDir = -state.sortDir;
        else {
          state.sortKey = k;
          state.sortDir = 1;
        }
        save();
        render();
      });
      th.setAttribute('aria-sort', state.sortKey === k ? (state.sortDir > 0 ? 'ascending' : 'descending') : 'none');
      th.appendChild(btn);
      head.appendChild(th);
    }
  }

  function renderBody(rows) {
    const body = $('body');
    body.textContent = '';
    const frag = document.createDocumentFragment();
    for (const r of rows) {
      const tr = document.createElement('tr');
      tr.className = 'row ' + r.status;
      tr.dataset.id = String(r.id);
      for (const k of COLUMNS) {
        const td = document.createElement('td');
        td.className = 'c-' + k;
        if (k === 'location') {
          const a = document.createElement('a');
          a.href = '#';
          // one file: line:column is enough (the full location stays in the tooltip and the exports)
          a.textContent = data.scope === 'file' ? `${r.line}:${r.column}` : r.cells[k];
          a.title = `${data.labels.open}: ${r.cells[k]}`;
          a.addEventListener('click', (e) => {
            e.preventDefault();
            vscode.postMessage({ type: 'open', id: r.id });
          });
          td.appendChild(a);
        } else if (k === 'status') {
          const span = document.createElement('span');
          span.className = 'verdict ' + r.status;
          span.textContent = r.cells[k];
          td.appendChild(span);
        } else {
          td.textContent = r.cells[k];
        }
        tr.appendChild(td);
      }
      frag.appendChild(tr);
    }
    body.appendChild(frag);
  }

  function render() {
    if (!data) return;
    const rows = visibleRows();
    renderHead();
    renderBody(rows);
    $('count').textContent = data.labels.shown.replace('{0}', String(rows.length)).replace('{1}', String(data.rows.length));
    const empty = $('empty');
    empty.hidden = data.rows.length > 0;
    empty.textContent = data.labels.empty;
    const err = $('error');
    err.hidden = !data.error;
    err.textContent = data.error || '';
  }

  function option(select, value, label, selected) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    o.selected = selected;
    select.appendChild(o);
  }

  function setupControls() {
    const L = data.labels;
    const scope = /** @type {HTMLSelectElement} */ ($('scope'));
    scope.textContent = '';
    if (data.fileName) option(scope, 'file', L.thisFile + ': ' + data.fileName, data.scope === 'file');
    option(scope, 'workspace', L.workspace, data.scope === 'workspace');
    const status = /** @type {HTMLSelectElement} */ ($('status'));
    status.textContent = '';
    option(status, '', L.all, !state.status);
    for (const [k, v] of Object.entries(L.statuses)) option(status, k, v, state.status === k);
    const filter = /** @type {HTMLInputElement} */ ($('filter'));
    filter.placeholder = L.filter;
    filter.setAttribute('aria-label', L.filter);
    if (filter.value !== state.filter) filter.value = state.filter;
    $('refresh').textContent = L.refresh;
    $('export-csv').textContent = L.exportCsv;
    $('export-html').textContent = L.exportHtml;
  }

  $('filter').addEventListener('input', (e) => {
    state.filter = /** @type {HTMLInputElement} */ (e.target).value;
    save();
    render();
  });
  $('status').addEventListener('change', (e) => {
    state.status = /** @type {HTMLSelectElement} */ (e.target).value;
    save();
    render();
  });
  $('scope').addEventListener('change', (e) => {
    vscode.postMessage({ type: 'scope', scope: /** @type {HTMLSelectElement} */ (e.target).value });
  });
  $('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  const exportAs = (format) => vscode.postMessage({ type: 'export', format, ids: visibleRows().map((r) => r.id) });
  $('export-csv').addEventListener('click', () => exportAs('csv'));
  $('export-html').addEventListener('click', () => exportAs('html'));

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'data') {
      data = m;
      setupControls();
      render();
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
