/**
 * `draftlint figures --format html`: one self-contained page (inline CSS and JS, no remote resource) with a
 * sortable table of every figure and a filter box. Every text from documents or data is HTML-escaped.
 */
import type { Language } from '../../core/index';
import type { FileResult } from '../lintFile';

export function escapeHtml(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return '';
  return String(s).replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

const LABELS = {
  vi: {
    title: 'draftlint — số liệu',
    filter: 'Lọc…',
    cols: ['Tệp', 'Dòng', 'Cột', 'Số liệu', 'Chỉ tiêu', 'Giai đoạn', 'Số nêu', 'Số chuẩn', 'Trạng thái', 'Nguồn'],
    count: 'số liệu',
  },
  en: {
    title: 'draftlint — figures',
    filter: 'Filter…',
    cols: ['File', 'Line', 'Column', 'Figure', 'Indicator', 'Period', 'Cited', 'Canonical', 'Status', 'Source'],
    count: 'figures',
  },
};

const CSS = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem;color:#1b1b1b;background:#fff}
h1{font-size:1.3rem;margin:0 0 .8rem}
#q{font:inherit;padding:.35rem .5rem;width:24rem;max-width:100%;margin-bottom:.8rem}
#n{margin-left:.8rem;color:#555}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{cursor:pointer;user-select:none;background:#f4f4f4;position:sticky;top:0}
th[aria-sort=ascending]::after{content:" ▲"}
th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.mismatch td.st{color:#b00020;font-weight:600}
tr.rounded td.st{color:#8a5a00;font-weight:600}
tr.ok td.st{color:#1b7f3b}
tr.unmatched td.st,tr.no-value td.st{color:#666}
code{font-size:.9em}
@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}th{background:#2b2b2b}th,td{border-color:#444}#n{color:#aaa}}
`;

const JS = `
(function(){
  var q=document.getElementById('q'),tb=document.querySelector('tbody'),n=document.getElementById('n');
  var rows=Array.prototype.slice.call(tb.rows);
  function key(s){return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').replace(/đ/g,'d').replace(/Đ/g,'d').toLowerCase();}
  rows.forEach(function(r){r.dataset.k=key(r.textContent);});
  function filter(){var v=key(q.value.trim()),c=0;rows.forEach(function(r){var on=!v||r.dataset.k.indexOf(v)>=0;r.hidden=!on;if(on)c++;});n.textContent=c+' / '+rows.length;}
  q.addEventListener('input',filter);
  var ths=document.querySelectorAll('th');
  Array.prototype.forEach.call(ths,function(th,i){th.addEventListener('click',function(){
    var dir=th.getAttribute('aria-sort')==='ascending'?-1:1,num=th.dataset.type==='num';
    Array.prototype.forEach.call(ths,function(h){h.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',dir>0?'ascending':'descending');
    rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent;
      var c=num?(Number(x)-Number(y)):x.localeCompare(y,'vi');
      if(c===0)c=Number(a.dataset.i)-Number(b.dataset.i);return c*dir;});
    rows.forEach(function(r){tb.appendChild(r);});
  });});
  filter();
})();
`;

export function formatFiguresHtml(files: readonly FileResult[], language: Language): string {
  const L = LABELS[language];
  const num = new Set([1, 2]);
  const head = L.cols.map((c, i) => `<th scope="col"${num.has(i) ? ' data-type="num"' : ''}>${escapeHtml(c)}</th>`).join('');
  let body = '';
  let i = 0;
  for (const f of files) {
    for (const g of f.figures ?? []) {
      const ind = g.indicator ? `${escapeHtml(g.indicator.name)} <code>${escapeHtml(g.indicator.id)}</code>` : '';
      body +=
        `<tr class="${escapeHtml(g.status)}" data-i="${i++}">` +
        `<td>${escapeHtml(f.display)}</td><td class="num">${g.line}</td><td class="num">${g.column}</td>` +
        `<td>${escapeHtml(g.text)}</td><td>${ind}</td><td>${escapeHtml(g.period)}</td>` +
        `<td>${escapeHtml(g.cited)}</td><td>${escapeHtml(g.canonical)}</td><td class="st">${escapeHtml(g.status)}</td>` +
        `<td>${escapeHtml(g.source)}</td></tr>\n`;
    }
  }
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(L.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(L.title)}</h1>
<input id="q" type="search" placeholder="${escapeHtml(L.filter)}" aria-label="${escapeHtml(L.filter)}"><span id="n">${i} ${escapeHtml(L.count)}</span>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}</tbody>
</table>
<script>${JS}</script>
</body>
</html>
`;
}
