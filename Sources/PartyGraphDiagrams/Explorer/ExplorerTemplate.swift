import PartyGraph

/// The explorer page's HTML, CSS and script, around the diagram's SVG and the data (see ``ExplorerPage``).
///
/// The script builds every element from the data with `textContent` and `append`, never from HTML text, so a
/// label like `<script>` is shown as written. Links are made only for `http:` and `https:` source URLs.
enum ExplorerTemplate {
    /// ``/PartyGraph/CSVText/formulaStarts`` as the inside of a JavaScript regular-expression class, so the page's
    /// CSV download neutralises the same cells as every CSV the library writes.
    static let formulaStartClass: String = CSVText.formulaStarts.map { character -> String in
        switch character {
        case "\t": return "\\t"
        case "\r": return "\\r"
        case "-", "\\", "]", "^": return "\\" + String(character)
        default: return String(character)
        }
    }.joined()

    static let beforeDiagram = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<title>PartyGraph explorer</title>
<style>
:root { --ink: #1a1a1a; --muted: #555; --line: #888; --accent: #0b57d0; --bg: #fff; --panel: #f6f6f4; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; font-size: 1rem; line-height: 1.45; color: var(--ink); background: var(--bg); }
header { padding: 0.5rem 1rem; border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: end; }
header h1 { font-size: 1.15rem; margin: 0; flex: 1 1 18rem; }
label { font-weight: 600; display: block; font-size: 0.9rem; }
input[type=search], input[type=text] { font: inherit; padding: 0.3rem 0.5rem; border: 2px solid var(--line); border-radius: 4px; min-width: 8rem; }
input[aria-invalid=true] { border-color: #b00020; border-style: dashed; }
button { font: inherit; padding: 0.25rem 0.6rem; border: 2px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); cursor: pointer; }
button.link { border: none; padding: 0; background: none; color: var(--accent); text-decoration: underline; text-align: left; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.field { display: flex; flex-direction: column; }
.row { display: flex; gap: 0.5rem; align-items: end; flex-wrap: wrap; }
main { display: flex; flex-wrap: wrap; align-items: flex-start; }
#pg-diagram-area { flex: 3 1 30rem; min-width: 0; display: flex; flex-direction: column; border-right: 1px solid var(--line); }
#pg-diagram { flex: 0 0 auto; min-height: 20rem; height: 62vh; overflow: hidden; position: relative; touch-action: none; cursor: grab; background: #fff; }
#pg-diagram svg { width: 100%; height: 100%; display: block; }
#pg-diagram g.node, #pg-diagram g.edge { cursor: pointer; }
#pg-diagram g.pg-out { display: none; }
#pg-diagram g.pg-selected > polygon, #pg-diagram g.pg-selected > ellipse, #pg-diagram g.pg-selected > path,
#pg-diagram g.pg-selected a > polygon, #pg-diagram g.pg-selected a > ellipse, #pg-diagram g.pg-selected a > path { stroke-width: 5px; stroke-dasharray: none; }
#pg-diagram g:focus { outline: none; }
#pg-diagram g:focus-visible > *, #pg-diagram g:focus-visible a > * { stroke: var(--accent); stroke-width: 4px; }
.toolbar { display: flex; gap: 0.4rem; padding: 0.4rem; border-bottom: 1px solid var(--line); flex-wrap: wrap; align-items: center; }
#pg-lists { padding: 0.5rem 1rem; }
#pg-panel { flex: 2 1 22rem; min-width: 0; padding: 0.5rem 1rem; background: var(--panel); overflow-wrap: break-word; }
#pg-panel h2 { margin: 0.2rem 0; font-size: 1.2rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
.kind { display: inline-block; border: 1px solid var(--muted); border-radius: 3px; padding: 0 0.3rem; font-size: 0.85rem; margin-right: 0.4rem; }
.status-announced { border-style: dashed; }
.status-postponed, .status-cancelled { border-style: dotted; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
.tablewrap { overflow-x: auto; max-width: 100%; }
th, td { overflow-wrap: normal; hyphens: none; }
td.nowrap { white-space: nowrap; }
th, td { border: 1px solid #bbb; padding: 0.2rem 0.35rem; text-align: left; vertical-align: top; }
th { background: #e8e8e4; }
blockquote { margin: 0.2rem 0 0.4rem 0.6rem; padding-left: 0.5rem; border-left: 3px solid var(--line); font-style: italic; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.facts { list-style: none; padding: 0; margin: 0; }
ul.facts > li { border-top: 1px solid #ccc; padding: 0.35rem 0; }
ul.facts .what { font-weight: 600; }
#pg-meetings li { padding: 0.15rem 0; }
#pg-results li { padding: 0.1rem 0; }
.muted { color: var(--muted); }
.note { border: 2px dashed var(--line); padding: 0.5rem; margin: 0.5rem; }
@media (max-width: 60rem) { #pg-diagram-area { border-right: none; } #pg-diagram { height: 50vh; } }
</style>
</head>
<body>
<header>
  <h1 id="pg-title">PartyGraph explorer</h1>
  <form class="row" id="pg-search-form" role="search">
    <div class="field"><label for="pg-search">Find a name</label>
      <input type="search" id="pg-search" autocomplete="off" placeholder="e.g. to lam, CPV, Viet Nam" aria-describedby="pg-search-help"></div>
    <button type="submit" id="pg-search-go">Find</button>
    <span id="pg-search-help" class="muted">Case, diacritics, spacing and aliases are ignored, as in the command line.</span>
  </form>
  <form class="row" id="pg-window-form" aria-describedby="pg-window-help">
    <div class="field"><label for="pg-from">From</label><input type="text" id="pg-from" inputmode="numeric" placeholder="YYYY[-MM[-DD]]" size="11"></div>
    <div class="field"><label for="pg-to">To</label><input type="text" id="pg-to" inputmode="numeric" placeholder="YYYY[-MM[-DD]]" size="11"></div>
    <button type="submit" id="pg-window-apply">Apply dates</button>
    <button type="button" id="pg-window-clear">All dates</button>
    <span id="pg-window-help" class="muted" aria-live="polite"></span>
  </form>
</header>
<main>
<section id="pg-diagram-area" aria-label="Diagram and meetings">
  <div class="toolbar" role="toolbar" aria-label="Diagram view">
    <button type="button" id="pg-zoom-in" aria-label="Zoom in">+</button>
    <button type="button" id="pg-zoom-out" aria-label="Zoom out">−</button>
    <button type="button" id="pg-zoom-fit">Fit</button>
    <span class="muted">Drag or arrow keys to pan, wheel or +/− to zoom; Tab to a node or line and press Enter to open it.</span>
  </div>
  <div id="pg-diagram" tabindex="0" aria-label="Diagram of the dataset">
"""#

    static let beforeData = #"""

  </div>
  <div id="pg-lists">
    <div id="pg-results-box" hidden><h3 id="pg-results-title">Matches</h3><ul class="plain" id="pg-results"></ul></div>
    <h3 id="pg-meetings-title">Meetings</h3>
    <p id="pg-meetings-count" class="muted" aria-live="polite"></p>
    <ul class="plain" id="pg-meetings"></ul>
  </div>
</section>
<aside id="pg-panel" aria-live="polite" aria-label="Details">
  <h2>Nothing selected</h2>
  <p class="muted">Click a node or a line of the diagram, a meeting of the list, or find a name.</p>
</aside>
</main>
<script type="application/json" id="pg-data">
"""#

    static let beforeDetails = #"""
</script>
<script type="application/json" id="pg-details">
"""#

    static let beforeWhoMet = #"""
</script>
<script type="application/json" id="pg-whomet-data">
"""#

    static let end = #"""
</script>
<script>
(function () {
  'use strict';
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById('pg-data').textContent);
  // The reports and who-met rows are parsed when first needed.
  var detailsCache = null, whoMetCache = null;
  function details(i) {
    if (!detailsCache) detailsCache = JSON.parse(document.getElementById('pg-details').textContent);
    return detailsCache[i];
  }
  function whoMetRows(i) {
    if (!whoMetCache) whoMetCache = JSON.parse(document.getElementById('pg-whomet-data').textContent);
    return whoMetCache[String(i)];
  }
  var nodes = data.nodes, rels = data.relationships;
  var indexOf = new Map();
  nodes.forEach(function (n, i) { indexOf.set(n.id, i); });
  var sourceByID = new Map();
  data.sources.forEach(function (s) { sourceByID.set(s.id, s); });
  var win = { from: null, to: null };
  var selected = -1;

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'className') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      e.append(c);
    }
    return e;
  }
  document.title = data.title + ' — PartyGraph explorer';
  $('pg-title').textContent = data.title;

  // Name search: the query folded by the rule of NameResolver.matchingKey; the nodes' keys come from the library.
  function matchingKey(text) {
    var out = '';
    for (var ch of text.normalize('NFD')) {
      if (/\p{Mn}/u.test(ch)) continue;
      if (ch === 'đ' || ch === 'Đ') { out += 'd'; continue; }
      if (/[\p{Alphabetic}\p{N}]/u.test(ch)) out += ch.toLowerCase();
    }
    return out;
  }
  function find(text) {
    var exactID = indexOf.get(text.trim());
    if (exactID !== undefined) return [exactID];
    var key = matchingKey(text);
    if (!key) return [];
    // The ranks of NameResolver.resolve: exact key; an actor's run of whole words; an actor containing the text;
    // a meeting containing it. Only the best rank counts.
    var exact = [], runs = [], actors = [], meetings = [];
    nodes.forEach(function (n, i) {
      if (n.keys.indexOf(key) >= 0) exact.push(i);
      else if (n.runs && n.runs.indexOf(key) >= 0) runs.push(i);
      else if (n.keys.some(function (k) { return k.indexOf(key) >= 0; })) (n.kind === 'meeting' ? meetings : actors).push(i);
    });
    return exact.length ? exact : runs.length ? runs : actors.length ? actors : meetings;
  }
  function search(text) {
    var found = find(text);
    var box = $('pg-results-box'), list = $('pg-results');
    list.replaceChildren();
    box.hidden = false;
    if (found.length === 1) { box.hidden = true; select(found[0]); centre(found[0]); return found; }
    $('pg-results-title').textContent = found.length ? found.length + ' names match “' + text + '”' : 'No name matches “' + text + '”';
    found.slice(0, 100).forEach(function (i) {
      list.append(el('li', null, nodeButton(i), ' ', el('span', { className: 'kind', text: nodes[i].kind })));
    });
    return found;
  }
  $('pg-search-form').addEventListener('submit', function (e) { e.preventDefault(); search($('pg-search').value); });

  // Dates: YYYY, YYYY-MM or YYYY-MM-DD, a partial date standing for all its days, as on the command line.
  function parseDate(text, last) {
    text = text.trim();
    if (!text) return { ok: true, value: null };
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (!m) return { ok: false };
    var y = +m[1], mo = m[2] ? +m[2] : (last ? 12 : 1);
    if (mo < 1 || mo > 12) return { ok: false };
    var dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    var d = m[3] ? +m[3] : (last ? dim : 1);
    if (d < 1 || d > dim) return { ok: false };
    return { ok: true, value: m[1] + '-' + String(mo).padStart(2, '0') + '-' + String(d).padStart(2, '0') };
  }
  function inWindow(i) {
    var n = nodes[i];
    if (n.kind !== 'meeting') return true;
    if (win.to !== null && n.first && n.first > win.to) return false;
    if (win.from !== null && n.last && n.last < win.from) return false;
    return true;
  }
  function setWindow(fromText, toText) {
    var start = performance.now();
    var f = parseDate(fromText, false), t = parseDate(toText, true);
    $('pg-from').setAttribute('aria-invalid', String(!f.ok));
    $('pg-to').setAttribute('aria-invalid', String(!t.ok));
    if (!f.ok || !t.ok) { $('pg-window-help').textContent = 'Write dates as YYYY, YYYY-MM or YYYY-MM-DD.'; return -1; }
    if (f.value && t.value && f.value > t.value) { $('pg-window-help').textContent = 'The start is after the end.'; return -1; }
    win = { from: f.value, to: t.value };
    $('pg-window-help').textContent = win.from || win.to ? 'Showing ' + (win.from || 'the start') + ' to ' + (win.to || 'the end') + '.' : 'Showing all dates.';
    applyWindow();
    void document.body.offsetHeight;
    return performance.now() - start;
  }
  $('pg-window-form').addEventListener('submit', function (e) { e.preventDefault(); setWindow($('pg-from').value, $('pg-to').value); });
  $('pg-from').addEventListener('change', function () { setWindow($('pg-from').value, $('pg-to').value); });
  $('pg-to').addEventListener('change', function () { setWindow($('pg-from').value, $('pg-to').value); });
  $('pg-window-clear').addEventListener('click', function () { $('pg-from').value = ''; $('pg-to').value = ''; setWindow('', ''); });

  // The meeting list, in date order.
  var meetingOrder = [];
  nodes.forEach(function (n, i) { if (n.kind === 'meeting') meetingOrder.push(i); });
  meetingOrder.sort(function (a, b) {
    var x = nodes[a].first || '', y = nodes[b].first || '';
    return x < y ? -1 : x > y ? 1 : (nodes[a].id < nodes[b].id ? -1 : 1);
  });
  var meetingItems = new Map();
  (function () {
    var list = $('pg-meetings'), frag = document.createDocumentFragment();
    meetingOrder.forEach(function (i) {
      var r = nodes[i];
      var li = el('li', { 'data-id': nodes[i].id }, el('span', { text: (r.date || 'undated') + ' ' }), nodeButton(i),
        ' ', el('span', { className: 'kind status-' + (r.status || ''), text: (r.mkind || '') + ', ' + (r.status || '') }));
      meetingItems.set(i, li);
      frag.append(li);
    });
    list.append(frag);
  })();

  function nodeButton(i, text) {
    var b = el('button', { type: 'button', className: 'link', 'data-id': nodes[i].id, text: text || nodes[i].name });
    b.addEventListener('click', function () { select(i); centre(i); });
    return b;
  }
  function sourceLink(id) {
    var s = sourceByID.get(id);
    if (!s) return el('span', { text: id });
    var text = s.publisher + ', ' + s.date + ' [' + s.id + ']';
    if (s.url && /^https?:\/\//i.test(s.url)) return el('a', { href: s.url, rel: 'noopener noreferrer', title: s.title, text: text });
    return el('span', { title: s.title, text: text });
  }
  function citations(list) {
    var frag = document.createDocumentFragment();
    list.forEach(function (c) {
      frag.append(el('blockquote', { className: 'quote', text: '“' + c.quote + '”' }),
        el('div', { className: 'muted' }, 'source: ', sourceLink(c.source), c.stance && c.stance !== 'supports' ? ' (' + c.stance + ')' : ''));
    });
    return frag;
  }

  // The diagram: its node and line groups, found by the renderer's names n0, n1, … .
  var svg = document.querySelector('#pg-diagram svg');
  var svgNodeOf = new Map(), nodeGroups = new Map(), edgeGroups = [];
  if (svg) {
    svg.removeAttribute('width'); svg.removeAttribute('height');
    svg.querySelectorAll('g.node').forEach(function (g) {
      var t = g.querySelector('title'), name = t ? t.textContent : '';
      var m = /^n(\d+)$/.exec(name);
      var idx = m ? data.svgNodes[+m[1]] : -1;
      if (idx === undefined || idx < 0) return;
      svgNodeOf.set(name, idx);
      nodeGroups.set(idx, g);
      g.setAttribute('tabindex', '0'); g.setAttribute('role', 'button');
      g.setAttribute('aria-label', nodes[idx].kind + ' ' + nodes[idx].name);
      g.addEventListener('click', function (e) { e.stopPropagation(); select(idx); });
      g.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(idx); } });
    });
    svg.querySelectorAll('g.edge').forEach(function (g) {
      var t = g.querySelector('title'), m = /^(n\d+)->(n\d+)$/.exec(t ? t.textContent : '');
      if (!m || !svgNodeOf.has(m[1]) || !svgNodeOf.has(m[2])) return;
      var a = svgNodeOf.get(m[1]), b = svgNodeOf.get(m[2]);
      var label = Array.prototype.map.call(g.querySelectorAll('text'), function (x) { return x.textContent; }).join(' ');
      edgeGroups.push({ g: g, a: a, b: b });
      g.setAttribute('tabindex', '0'); g.setAttribute('role', 'button');
      g.setAttribute('aria-label', 'line ' + nodes[a].name + ' – ' + nodes[b].name + (label ? ': ' + label : ''));
      g.addEventListener('click', function (e) { e.stopPropagation(); selectLine(a, b, label); });
      g.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); selectLine(a, b, label); } });
    });
    // Native tooltips duplicate the panel and hide the picture: the panel shows the same evidence.
    svg.querySelectorAll('a').forEach(function (a) { a.removeAttribute('xlink:title'); a.removeAttributeNS('http://www.w3.org/1999/xlink', 'title'); });
  } else {
    $('pg-diagram').replaceChildren(el('p', { className: 'note', text: data.diagramNote || 'No diagram.' }));
    $('pg-diagram').style.height = 'auto'; $('pg-diagram').style.minHeight = '0';
  }

  // Pan and zoom, by the SVG's viewBox.
  var view = null, home = null;
  if (svg) {
    var vb = svg.viewBox.baseVal;
    home = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    view = Object.assign({}, home);
  }
  function setView() { if (svg) svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h); }
  function zoom(factor, cx, cy) {
    if (!svg) return;
    cx = cx === undefined ? 0.5 : cx; cy = cy === undefined ? 0.5 : cy;
    var w = Math.min(home.w * 4, Math.max(home.w / 40, view.w / factor)), h = view.h * (w / view.w);
    view.x += (view.w - w) * cx; view.y += (view.h - h) * cy; view.w = w; view.h = h; setView();
  }
  function pan(dx, dy) { if (!svg) return; view.x += dx * view.w; view.y += dy * view.h; setView(); }
  $('pg-zoom-in').addEventListener('click', function () { zoom(1.4); });
  $('pg-zoom-out').addEventListener('click', function () { zoom(1 / 1.4); });
  $('pg-zoom-fit').addEventListener('click', function () { if (svg) { view = Object.assign({}, home); setView(); } });
  var area = $('pg-diagram');
  area.addEventListener('wheel', function (e) {
    if (!svg) return;
    e.preventDefault();
    var r = area.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
  }, { passive: false });
  var drag = null;
  area.addEventListener('pointerdown', function (e) { if (svg && e.button === 0) drag = { x: e.clientX, y: e.clientY, moved: false }; });
  area.addEventListener('pointermove', function (e) {
    if (!drag) return;
    var r = area.getBoundingClientRect(), dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    drag.moved = true;
    pan(-dx / r.width, -dy / r.height);
    drag.x = e.clientX; drag.y = e.clientY;
  });
  area.addEventListener('pointerup', function () { drag = null; });
  area.addEventListener('keydown', function (e) {
    if (e.target !== area) return;
    var k = e.key;
    if (k === 'ArrowLeft') pan(-0.1, 0); else if (k === 'ArrowRight') pan(0.1, 0);
    else if (k === 'ArrowUp') pan(0, -0.1); else if (k === 'ArrowDown') pan(0, 0.1);
    else if (k === '+' || k === '=') zoom(1.4); else if (k === '-') zoom(1 / 1.4);
    else if (k === '0') { view = Object.assign({}, home); setView(); } else return;
    e.preventDefault();
  });

  function applyWindow() {
    var shown = 0;
    // The list holds only the meetings in the window: re-attaching them is much faster in Chromium than hiding
    // most of 2,000 items (50 ms against 600 ms, measured).
    var frag = document.createDocumentFragment();
    meetingOrder.forEach(function (i) { if (inWindow(i)) { frag.append(meetingItems.get(i)); shown++; } });
    $('pg-meetings').replaceChildren(frag);
    $('pg-meetings-count').textContent = shown + ' of ' + meetingOrder.length + ' meetings in the dates shown.';
    nodeGroups.forEach(function (g, i) { var out = !inWindow(i); if (g.classList.contains('pg-out') !== out) g.classList.toggle('pg-out', out); });
    edgeGroups.forEach(function (e) { e.g.classList.toggle('pg-out', !inWindow(e.a) || !inWindow(e.b)); });
    document.querySelectorAll('#pg-panel [data-meeting]').forEach(function (row) {
      row.hidden = !inWindow(+row.getAttribute('data-meeting'));
    });
    updateCounts();
  }
  function updateCounts() {
    var rows = document.querySelectorAll('#pg-whomet tbody tr');
    var shown = Array.prototype.filter.call(rows, function (r) { return !r.hidden; }).length;
    var c = $('pg-whomet-count');
    if (c) c.textContent = shown + ' of ' + rows.length + ' encounters in the dates shown.';
  }

  // Brings a node of the diagram to the middle of the view, at the zoom chosen.
  function centre(i) {
    var g = nodeGroups.get(i);
    if (!svg || !g || g.classList.contains('pg-out')) return;
    var r = g.getBoundingClientRect(), s = svg.getBoundingClientRect();
    if (!s.width || !s.height) return;
    var scale = Math.max(view.w / s.width, view.h / s.height);
    view.x += (r.left + r.width / 2 - (s.left + s.width / 2)) * scale;
    view.y += (r.top + r.height / 2 - (s.top + s.height / 2)) * scale;
    setView();
  }
  function highlight(indices) {
    document.querySelectorAll('#pg-diagram .pg-selected').forEach(function (g) { g.classList.remove('pg-selected'); });
    indices.forEach(function (i) { var g = nodeGroups.get(i); if (g) g.classList.add('pg-selected'); });
  }

  function table(headers, rows, id) {
    var t = el('table', id ? { id: id } : null);
    t.append(el('thead', null, el('tr', null, ...headers.map(function (h) { return el('th', { scope: 'col', text: h }); }))));
    var body = el('tbody');
    rows.forEach(function (r) { body.append(r); });
    t.append(body);
    return el('div', { className: 'tablewrap', tabindex: '0', role: 'region', 'aria-label': id === 'pg-whomet' ? 'who-met table' : 'table' }, t);
  }
  // Dates stay on one line (the table scrolls sideways when the panel is narrow).
  function dateCell(text) { return el('td', { className: 'nowrap', text: text || '' }); }
  function cell(content) { var td = el('td'); if (content !== null && content !== undefined) td.append(content); return td; }

  function select(i) {
    selected = i;
    var n = nodes[i], d = details(i), r = d.report, panel = $('pg-panel');
    highlight([i]);
    panel.replaceChildren();
    panel.append(el('h2', { id: 'pg-panel-name', text: n.name }),
      el('p', null, el('span', { className: 'kind', text: n.kind }), el('code', { text: n.id })));
    if (r.aliases && r.aliases.length) panel.append(el('p', { text: 'also: ' + r.aliases.join(', ') }));
    if (r.note) panel.append(el('p', { text: r.note }));
    if (n.kind === 'meeting') {
      panel.append(el('p', null, el('span', { className: 'kind status-' + r.status, text: r.status + (r.statusAsOf ? ' as of ' + r.statusAsOf : '') }),
        (r.meetingKind || '') + ' · ' + (r.date || 'undated') + (r.place ? ' · ' + r.place : '')));
      if (!inWindow(i)) panel.append(el('p', { className: 'note', text: 'This meeting is outside the dates shown.' }));
    }
    if (d.participants) {
      panel.append(el('h3', { text: 'Participants (' + d.participants.length + ')' }));
      panel.append(table(['participant', 'kind', 'role', 'for', 'how'], d.participants.map(function (p) {
        var who = indexOf.has(p.id) ? nodeButton(indexOf.get(p.id), p.label) : p.label;
        return el('tr', { 'data-participant': p.id }, cell(who), cell(p.kind), cell(p.role || ''), cell(p.capacity || ''), cell(p.how));
      }), 'pg-participants'));
    }
    var rows = whoMetRows(i);
    if (rows) {
      panel.append(el('h3', { text: 'Who met ' + n.name }),
        el('p', { id: 'pg-whomet-count', className: 'muted', 'aria-live': 'polite' }));
      var download = el('button', { type: 'button', id: 'pg-csv', text: 'Download this table as CSV' });
      download.addEventListener('click', function () {
        var a = el('a', { href: 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv()), download: 'who-met-' + n.id.replace(/[^A-Za-z0-9-]+/g, '-') + '.csv' });
        document.body.append(a); a.click(); a.remove();
      });
      panel.append(download);
      panel.append(table(['date', 'meeting', 'status', 'met', 'their role', 'they took part', n.name + ' took part', 'sources'],
        rows.map(function (w) {
          var m = nodes[w.m];
          var tr = el('tr', { 'data-meeting': String(w.m), 'data-meeting-id': m.id, 'data-counterpart-id': nodes[w.c].id },
            dateCell(m.date), cell(nodeButton(w.m)), cell(m.status), cell(nodeButton(w.c, w.cl || nodes[w.c].name)),
            cell([w.r, w.cap !== undefined ? 'for ' + nodes[w.cap].name : null].filter(Boolean).join(', ')),
            cell(how(w.d, nodes[w.p].name)), cell(how(w.ad, nodes[w.ap].name)),
            cell(w.s.map(function (k) { return data.sources[k].id; }).join(' ')));
          tr.hidden = !inWindow(w.m);
          return tr;
        }), 'pg-whomet'));
      updateCounts();
    }
    if (r.evidence.length) { panel.append(el('h3', { text: 'Evidence' })); panel.append(citations(r.evidence)); }
    panel.append(el('h3', { text: 'Facts (' + r.facts.length + ')' }));
    var facts = el('ul', { className: 'facts', id: 'pg-facts' });
    r.facts.forEach(function (f) {
      var other = indexOf.get(f.otherID);
      var details = [];
      if (f.role) details.push('role: ' + f.role);
      if (f.capacity) details.push('for ' + nameOf(f.capacity));
      if (f.through) details.push((f.direction === 'leads' ? 'heading ' : 'as ') + nameOf(f.through));
      if (f.meetingStatus) details.push(f.meetingStatus);
      var attrs = {};
      if (other !== undefined && nodes[other].kind === 'meeting') attrs['data-meeting'] = String(other);
      var li = el('li', attrs,
        el('div', null, el('span', { className: 'what', text: f.phrase + ' ' }),
          other !== undefined ? nodeButton(other, f.otherName) : f.otherName,
          el('span', { className: 'muted', text: ' · ' + (f.date || 'dates not stated') + (details.length ? ' · ' + details.join(', ') : '') })),
        citations(f.evidence));
      if (other !== undefined && !inWindow(other)) li.hidden = true;
      facts.append(li);
    });
    panel.append(facts);
    if (svg && nodeGroups.has(i) && !inWindow(i)) panel.append(el('p', { className: 'muted', text: 'Hidden in the diagram by the dates shown.' }));
  }
  function how(derivation, participant) {
    return derivation === 'via-delegation' || derivation === 'via-office' ? derivation + ' (' + participant + ')' : derivation;
  }
  function nameOf(id) { var i = indexOf.get(id); return i === undefined ? id : nodes[i].name; }

  function selectLine(a, b, label) {
    selected = -1;
    highlight([a, b]);
    var panel = $('pg-panel');
    panel.replaceChildren(el('h2', { id: 'pg-panel-name', text: nodes[a].name + ' — ' + nodes[b].name }));
    if (label) panel.append(el('p', { text: 'line: ' + label }));
    panel.append(el('p', null, 'ends: ', nodeButton(a), ' and ', nodeButton(b)));
    var found = rels.filter(function (r) {
      return (r.from === a && r.to === b) || (r.from === b && r.to === a) ||
        (r.ledBy === a && r.from === b) || (r.ledBy === b && r.from === a);
    });
    panel.append(el('h3', { text: 'Relationships (' + found.length + ')' }));
    panel.append(table(['from', 'relation', 'to', 'valid', 'details', 'evidence'], found.map(function (r) {
      var details = [];
      if (r.role) details.push('role: ' + r.role);
      if (r.capacity) details.push('for ' + r.capacity);
      if (r.ledBy !== undefined && r.ledBy !== null) details.push('led by ' + nodes[r.ledBy].name);
      return el('tr', null, cell(nodes[r.from].name), cell(r.relation), cell(nodes[r.to].name), cell(r.valid), cell(details.join(', ')), cell(citations(r.evidence)));
    })));
  }

  // CSVText's rule (PartyGraph): a cell starting like a spreadsheet formula, after any leading 's, gets one ' more.
  function csvField(text) {
    text = String(text);
    if (/^'*[\#(formulaStartClass)]/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csv() {
    var t = $('pg-whomet');
    if (!t) return '';
    var lines = [Array.prototype.map.call(t.querySelectorAll('thead th'), function (th) { return csvField(th.textContent); }).join(',')];
    t.querySelectorAll('tbody tr').forEach(function (tr) {
      if (tr.hidden) return;
      lines.push(Array.prototype.map.call(tr.children, function (td) { return csvField(td.textContent); }).join(','));
    });
    return lines.join('\r\n') + '\r\n';
  }

  applyWindow();
  if (data.window.from || data.window.to) $('pg-window-help').textContent = 'The page was built for ' + (data.window.from || 'the start') + ' to ' + (data.window.to || 'the end') + '.';
  var ready = performance.now() - t0;
  window.pgExplorer = {
    select: function (id) { var start = performance.now(); select(indexOf.get(id)); void document.body.offsetHeight; return performance.now() - start; },
    search: search,
    find: function (text) { return find(text).map(function (i) { return nodes[i].id; }); },
    setWindow: setWindow,
    csv: csv,
    whoMet: function (id) { return whoMetRows(indexOf.get(id)) || null; },
    nodes: function () { return nodes.map(function (n) { return { id: n.id, kind: n.kind }; }); },
    meetingID: function (i) { return nodes[i].id; },
    scriptMilliseconds: ready,
    readyAt: performance.now()
  };
  document.documentElement.setAttribute('data-pg-ready', 'true');
})();
</script>
</body>
</html>
"""#
}
