/* report.js — the behaviour of the report written by
 * `citegraph graph -o report.html`: zoom and pan over the Graphviz SVG,
 * search, a tooltip on hover, the citing and cited documents of a clicked
 * vertex, the sortable and filterable ranking, citations per year.
 * The data is the JSON in <script id="data">; vertex i of the data is the
 * SVG group with id "v<i>". No network, no library. */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('data').textContent);
  var V = data.vertices.map(function (a, i) {
    return {
      i: i, id: a[0], label: a[1], kind: a[2], body: a[3], year: a[4],
      title: a[5], url: a[6], citations: a[7], mentions: a[8],
      corpus: a[9] === 1, drawn: a[10] === 1, pagerank: a[11],
      citers: [], cites: [], parts: []
    };
  });
  data.edges.forEach(function (e) {
    if (e[3] === 0) {
      V[e[1]].citers.push({ v: e[0], w: e[2] });
      V[e[0]].cites.push({ v: e[1], w: e[2] });
    } else if (e[3] === 1) {
      V[e[1]].parts.push(e[0]); /* a provision of the instrument */
    } else {
      V[e[0]].parts.push(e[1]); /* the resolution that adopted it */
    }
  });

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var x = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { x.setAttribute(k, attrs[k]); });
    if (text !== undefined) x.textContent = text;
    return x;
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  /* ---------------------------------------------------------- picture */

  var canvas = $('canvas');
  var svg = canvas.querySelector('svg');
  var nodeOf = {};
  var view = null, home = null;
  if (svg) {
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    var vb = svg.viewBox.baseVal;
    home = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    view = { x: home.x, y: home.y, w: home.w, h: home.h };
    Array.prototype.forEach.call(svg.querySelectorAll('g.node'), function (g) {
      var m = /^v(\d+)$/.exec(g.id);
      if (m) nodeOf[+m[1]] = g;
    });
  }

  function applyView() {
    if (svg) svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' '));
  }

  /* The point of the drawing under client coordinates (cx, cy). */
  function toDrawing(cx, cy) {
    var pt = svg.createSVGPoint();
    pt.x = cx;
    pt.y = cy;
    var m = svg.getScreenCTM();
    return m ? pt.matrixTransform(m.inverse()) : { x: view.x, y: view.y };
  }

  function zoom(factor, cx, cy) {
    if (!svg) return;
    var r = canvas.getBoundingClientRect();
    if (cx === undefined) { cx = r.left + r.width / 2; cy = r.top + r.height / 2; }
    var p = toDrawing(cx, cy);
    var w = Math.min(Math.max(view.w / factor, home.w / 200), home.w * 4);
    var k = w / view.w;
    view.x = p.x - (p.x - view.x) * k;
    view.y = p.y - (p.y - view.y) * k;
    view.w = w;
    view.h = view.h * k;
    applyView();
  }

  function fit() {
    if (!svg) return;
    view = { x: home.x, y: home.y, w: home.w, h: home.h };
    applyView();
  }

  /* Centres the drawing on a vertex, zoomed in enough to read it. */
  function focus(i) {
    var g = nodeOf[i];
    if (!g) return;
    /* The box in the coordinates of the viewBox, through the drawing's
     * own transform. */
    var b = g.getBBox();
    var m = svg.getScreenCTM().inverse().multiply(g.getScreenCTM());
    var pt = svg.createSVGPoint();
    pt.x = b.x + b.width / 2;
    pt.y = b.y + b.height / 2;
    var c = pt.matrixTransform(m);
    var w = Math.min(home.w, Math.max(b.width * 8, home.w / 6));
    var h = w * (view.h / view.w);
    view = { x: c.x - w / 2, y: c.y - h / 2, w: w, h: h };
    applyView();
  }

  var drag = null, moved = false;
  if (svg) {
    canvas.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      zoom(ev.deltaY < 0 ? 1.2 : 1 / 1.2, ev.clientX, ev.clientY);
    }, { passive: false });
    canvas.addEventListener('pointerdown', function (ev) {
      drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y };
      moved = false;
    });
    window.addEventListener('pointermove', function (ev) {
      if (!drag) return;
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      moved = true;
      canvas.classList.add('dragging');
      var r = canvas.getBoundingClientRect();
      var s = Math.max(view.w / r.width, view.h / r.height);
      view.x = drag.vx - dx * s;
      view.y = drag.vy - dy * s;
      applyView();
    });
    window.addEventListener('pointerup', function () {
      drag = null;
      canvas.classList.remove('dragging');
    });
  }
  $('zoom-in').addEventListener('click', function () { zoom(1.5); });
  $('zoom-out').addEventListener('click', function () { zoom(1 / 1.5); });
  $('zoom-fit').addEventListener('click', fit);

  /* ---------------------------------------------------------- tooltip */

  var tip = $('tip');
  function describe(v) {
    return 'cited by ' + plural(v.citations, 'document') + ' (' +
      plural(v.mentions, 'mention') + '); cites ' + v.cites.length;
  }
  Object.keys(nodeOf).forEach(function (k) {
    var g = nodeOf[k], v = V[k];
    var t = g.querySelector('title');
    if (t) t.parentNode.removeChild(t); /* our tooltip replaces the browser's */
    g.addEventListener('mouseenter', function () {
      tip.textContent = '';
      tip.appendChild(el('b', {}, v.label));
      if (v.title) tip.appendChild(el('div', {}, v.title));
      tip.appendChild(el('div', { 'class': 'note' }, v.id + (v.year ? ', ' + v.year : '')));
      tip.appendChild(el('div', {}, describe(v)));
      tip.hidden = false;
    });
    g.addEventListener('mousemove', function (ev) {
      var r = $('picture').getBoundingClientRect();
      tip.style.left = (ev.clientX - r.left + 14) + 'px';
      tip.style.top = (ev.clientY - r.top + 14) + 'px';
    });
    g.addEventListener('mouseleave', function () { tip.hidden = true; });
    g.addEventListener('click', function (ev) {
      ev.preventDefault();
      if (!moved) select(+k, false);
    });
  });

  /* ---------------------------------------------------------- panel */

  var selected = -1;

  function docLink(v) {
    if (!v.url) return null;
    var a = el('a', { href: v.url, 'class': 'doc', target: '_blank', rel: 'noopener' }, 'document');
    a.title = v.url;
    return a;
  }

  function listOf(title, items) {
    var frag = document.createDocumentFragment();
    frag.appendChild(el('h3', {}, title + ' (' + items.length + ')'));
    var ul = el('ul');
    items.forEach(function (it) {
      var u = V[it.v];
      var li = el('li');
      var b = el('button', { 'class': 'link', type: 'button' }, u.label);
      b.addEventListener('click', function () { select(u.i, true); });
      li.appendChild(b);
      if (u.year && u.label.indexOf('(' + u.year + ')') < 0) li.appendChild(document.createTextNode(' (' + u.year + ')'));
      if (it.w > 1) li.appendChild(el('span', { 'class': 'count' }, ' \u00d7' + it.w));
      if (it.via) li.appendChild(el('span', { 'class': 'count' }, ' via ' + it.via));
      var a = docLink(u);
      if (a) li.appendChild(a);
      ul.appendChild(li);
    });
    frag.appendChild(ul);
    return frag;
  }

  function byYearThenLabel(a, b) {
    var x = V[a.v], y = V[b.v];
    return (x.year || 0) - (y.year || 0) || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0);
  }

  function select(i, center) {
    if (selected >= 0 && nodeOf[selected]) nodeOf[selected].classList.remove('selected');
    selected = i;
    var v = V[i];
    if (nodeOf[i]) nodeOf[i].classList.add('selected');
    if (center) focus(i);
    var p = $('panel');
    p.textContent = '';
    p.appendChild(el('h2', { id: 'panel-title' }, v.label));
    if (v.title) p.appendChild(el('p', {}, v.title));
    var idp = el('p', { 'class': 'note' }, v.id + (v.year ? ', ' + v.year : '') + ', ' + v.kind +
      (v.corpus ? ', in the corpus' : '') + (v.drawn ? '' : ', not in the picture'));
    var a = docLink(v);
    if (a) { a.textContent = 'open the document'; idp.appendChild(document.createTextNode(' ')); idp.appendChild(a); }
    p.appendChild(idp);
    p.appendChild(el('p', {}, describe(v)));
    /* An instrument is cited through its provisions and the resolution
     * that adopted it too. */
    var seen = {}, citers = [];
    v.citers.forEach(function (c) { seen[c.v] = 1; citers.push({ v: c.v, w: c.w }); });
    v.parts.forEach(function (pi) {
      V[pi].citers.forEach(function (c) {
        if (!seen[c.v]) { seen[c.v] = 1; citers.push({ v: c.v, w: c.w, via: V[pi].label }); }
      });
    });
    citers.sort(byYearThenLabel);
    var cites = v.cites.slice().sort(byYearThenLabel);
    var box = el('div', { id: 'citers' });
    box.appendChild(listOf('Cited by', citers));
    p.appendChild(box);
    var box2 = el('div', { id: 'cites' });
    box2.appendChild(listOf('Cites', cites));
    p.appendChild(box2);
    Array.prototype.forEach.call(document.querySelectorAll('tr.selected'), function (r) { r.classList.remove('selected'); });
    var row = document.querySelector('tr[data-i="' + i + '"]');
    if (row) row.classList.add('selected');
  }

  /* ---------------------------------------------------------- search */

  var search = $('search');
  var lastHits = [];
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    Object.keys(nodeOf).forEach(function (k) { nodeOf[k].classList.remove('hit'); });
    var res = $('results');
    res.textContent = '';
    if (!q) {
      if (svg) svg.classList.remove('searching');
      $('hits').textContent = '';
      lastHits = [];
      return;
    }
    var words = /[a-z]/.test(q);
    lastHits = V.filter(function (v) {
      return v.label.toLowerCase().indexOf(q) >= 0 || v.id.toLowerCase().indexOf(q) >= 0 ||
        (words && v.title.toLowerCase().indexOf(q) >= 0);
    }).sort(function (a, b) { return (b.drawn - a.drawn) || (b.citations - a.citations); });
    var drawn = 0;
    lastHits.forEach(function (v) { if (nodeOf[v.i]) { nodeOf[v.i].classList.add('hit'); drawn++; } });
    if (svg) svg.classList.add('searching');
    $('hits').textContent = lastHits.length + ' found, ' + drawn + ' in the picture';
    lastHits.slice(0, 12).forEach(function (v) {
      var li = el('li');
      var b = el('button', { type: 'button' }, v.label);
      b.addEventListener('click', function () { select(v.i, true); });
      li.appendChild(b);
      res.appendChild(li);
    });
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && lastHits.length) select(lastHits[0].i, true);
  });

  /* ---------------------------------------------------------- ranking */

  var ranked = V.filter(function (v) { return v.citations > 0; });
  var sortKey = 'citations', sortDir = -1;
  var columns = [
    { key: 'rank', name: '#', num: true },
    { key: 'label', name: 'name' },
    { key: 'title', name: 'title' },
    { key: 'kind', name: 'kind' },
    { key: 'body', name: 'body' },
    { key: 'year', name: 'year', num: true },
    { key: 'citations', name: 'citing documents', num: true },
    { key: 'mentions', name: 'mentions', num: true },
    { key: 'pagerank', name: 'PageRank', num: true }
  ];
  /* The rank by citing documents, ties as `citegraph top` breaks them. */
  ranked.slice().sort(function (a, b) {
    return b.citations - a.citations || b.mentions - a.mentions || b.pagerank - a.pagerank ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }).forEach(function (v, k) { v.rank = k + 1; });

  function fillSelect(id, values) {
    var s = $(id);
    values.sort().forEach(function (x) { s.appendChild(el('option', { value: x }, x)); });
    s.addEventListener('change', renderTable);
  }
  function distinct(key) {
    var seen = {};
    ranked.forEach(function (v) { if (v[key]) seen[v[key]] = 1; });
    return Object.keys(seen);
  }
  fillSelect('f-body', distinct('body'));
  fillSelect('f-kind', distinct('kind'));
  ['f-from', 'f-to', 'f-text'].forEach(function (id) { $(id).addEventListener('input', renderTable); });

  var thead = document.querySelector('#table thead tr');
  columns.forEach(function (c) {
    var th = el('th', { 'data-key': c.key }, c.name);
    th.addEventListener('click', function () {
      if (sortKey === c.key) sortDir = -sortDir;
      else { sortKey = c.key; sortDir = c.num && c.key !== 'rank' ? -1 : 1; }
      renderTable();
    });
    thead.appendChild(th);
  });

  function renderTable() {
    var body = $('f-body').value, kind = $('f-kind').value;
    var from = parseInt($('f-from').value, 10), to = parseInt($('f-to').value, 10);
    var text = $('f-text').value.trim().toLowerCase();
    var rows = ranked.filter(function (v) {
      if (body && v.body !== body) return false;
      if (kind && v.kind !== kind) return false;
      if (from && (!v.year || v.year < from)) return false;
      if (to && (!v.year || v.year > to)) return false;
      if (text && (v.label + ' ' + v.id + ' ' + v.title).toLowerCase().indexOf(text) < 0) return false;
      return true;
    });
    rows.sort(function (a, b) {
      var x = a[sortKey], y = b[sortKey];
      if (typeof x === 'string') return sortDir * (x < y ? -1 : x > y ? 1 : 0) || a.rank - b.rank;
      return sortDir * ((x || 0) - (y || 0)) || a.rank - b.rank;
    });
    Array.prototype.forEach.call(thead.children, function (th) {
      th.classList.toggle('asc', th.getAttribute('data-key') === sortKey && sortDir > 0);
      th.classList.toggle('desc', th.getAttribute('data-key') === sortKey && sortDir < 0);
    });
    var tb = document.querySelector('#table tbody');
    tb.textContent = '';
    var shown = rows.slice(0, 1000);
    shown.forEach(function (v) {
      var tr = el('tr', { 'data-i': v.i });
      if (v.i === selected) tr.classList.add('selected');
      columns.forEach(function (c) {
        var x = v[c.key];
        if (c.key === 'pagerank') x = x.toFixed(5);
        var td = el('td', c.num ? { 'class': 'num' } : {}, x === undefined || x === 0 && c.key === 'year' ? '' : String(x));
        tr.appendChild(td);
      });
      tr.addEventListener('click', function () { select(v.i, true); });
      tb.appendChild(tr);
    });
    $('t-count').textContent = rows.length + ' of ' + ranked.length + ' cited' +
      (rows.length > shown.length ? ' (first ' + shown.length + ' shown)' : '');
  }
  renderTable();

  /* ---------------------------------------------------------- chart */

  (function chart() {
    var per = {}, docs = {};
    V.forEach(function (v) {
      if (!v.corpus || !v.year) return;
      per[v.year] = (per[v.year] || 0) + v.cites.length;
      docs[v.year] = (docs[v.year] || 0) + 1;
    });
    var years = Object.keys(per).map(Number).sort(function (a, b) { return a - b; });
    var c = $('chart');
    var NS = 'http://www.w3.org/2000/svg';
    if (!years.length) {
      c.parentNode.replaceChild(el('p', { 'class': 'note' }, 'No dated documents in the corpus.'), c);
      return;
    }
    var y0 = years[0], y1 = years[years.length - 1], n = y1 - y0 + 1;
    var max = Math.max.apply(null, years.map(function (y) { return per[y]; }));
    var W = 1000, H = 220, L = 44, B = 24, T = 10;
    c.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    function add(tag, attrs, text) {
      var x = document.createElementNS(NS, tag);
      Object.keys(attrs).forEach(function (k) { x.setAttribute(k, attrs[k]); });
      if (text !== undefined) x.textContent = text;
      c.appendChild(x);
      return x;
    }
    var bw = (W - L - 4) / n;
    add('line', { x1: L, y1: H - B, x2: W, y2: H - B, stroke: '#999' });
    [0, 0.5, 1].forEach(function (f) {
      var v = Math.round(max * f), y = H - B - (H - B - T) * (v / max);
      add('text', { x: L - 6, y: y + 4, 'text-anchor': 'end' }, String(v));
      add('line', { x1: L, y1: y, x2: W, y2: y, stroke: '#eee' });
    });
    var step = n > 40 ? 5 : n > 15 ? 2 : 1;
    for (var y = y0; y <= y1; y++) {
      var x = L + 2 + (y - y0) * bw;
      if (per[y]) {
        var h = (H - B - T) * (per[y] / max);
        var r = add('rect', { x: x + bw * 0.1, y: H - B - h, width: Math.max(1, bw * 0.8), height: h });
        var t = document.createElementNS(NS, 'title');
        t.textContent = y + ': ' + plural(per[y], 'citation') + ' by ' + plural(docs[y], 'document');
        r.appendChild(t);
      }
      if ((y - y0) % step === 0)
        add('text', { x: x + bw / 2, y: H - 6, 'text-anchor': 'middle' }, String(y));
    }
  })();
})();
