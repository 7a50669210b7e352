// Material's search worker, replaced (overrides/main.html points Material at this file;
// Material's protocol: SETUP, READY, QUERY, RESULT). It answers from the sharded index
// newswiki/mkdocs_hooks.py writes under search/, fetching only the shards a query needs
// and the pages it shows, so a query costs kilobytes whatever the size of the site.
//
// A query is segmented the way the index was: full-width characters normalised, digits
// and Latin split from Chinese, each run of Chinese cut into index words or parts of
// them (fewest single characters, then fewest pieces, then fewest parts: 楠姆|河畔, not
// 楠姆河|畔). The index keys are its terms and their suffixes, so a word at the start of
// a key is a word anywhere inside a term (中试验证基地 in 武汉化工新材料中试验证基地).
//
// Words are optional: a query whose words are not all on one page still finds the
// pages that hold most of them. Pages rank by how many of the words they hold, then how
// many their title holds, a title that is the query itself, then a score (BM25: rare
// words, often in a short page; words in the title; the page's boost: entity pages 2,
// overview pages 0.5). A word is reported missing only when the page lacks it, and a
// result shows the sentences that hold the words rather than table cells.
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // SearchMessageType
var SHOWN = 20; // results fetched and shown
var TITLE = 3; // a word in the title weighs three times the most it can in the text
var base = self.location.href.replace(/assets\/javascripts\/search-worker\.js.*$/, "");
var manifest = null, boosts = null, latest = 0;
var shards = new Map(), pages = new Map(); // number -> promise of its file

// A file of the index: gzip JSON (read as is if a server has already unpacked it).
function load(path) {
  return fetch(base + "search/" + path)
    .then(function (r) {
      if (!r.ok) throw new Error(path + ": HTTP " + r.status);
      return r.arrayBuffer();
    })
    .then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
      return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).json();
    });
}

function cached(map, n, path, then) {
  if (!map.has(n)) map.set(n, load(path).then(then));
  return map.get(n);
}

function shard(n) {
  return cached(shards, n, "index/" + n + ".json.gz", function (rows) {
    return { keys: rows.map(function (r) { return r[0]; }), rows: rows };
  });
}

function page(n) {
  return cached(pages, n, "pages/" + n + ".json.gz", function (p) { return p; });
}

// First position in a sorted list whose item is above (or, with orEqual, at least) x.
function bisect(sorted, x, orEqual) {
  var lo = 0, hi = sorted.length;
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    if (sorted[mid] < x || (!orEqual && sorted[mid] === x)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

// The shards holding the keys that start with prefix.
function covering(prefix) {
  var firsts = manifest.shards, out = [];
  var from = Math.max(0, bisect(firsts, prefix, false) - 1), to = bisect(firsts, prefix + "\uffff", false);
  for (var n = from; n < to; n++) out.push(n);
  return Promise.all(out.map(shard));
}

// The rows whose key starts with prefix, from shards that cover it.
function rowsWith(prefix, loaded) {
  var out = [];
  loaded.forEach(function (s) {
    for (var i = bisect(s.keys, prefix, true); i < s.keys.length && s.keys[i].startsWith(prefix); i++) out.push(s.rows[i]);
  });
  return out;
}

// Pieces are index words (2) or parts of index words (1): fewest single characters,
// then fewest pieces, then fewest parts.
function cut(run, kind) {
  var best = [[0, 0, 0, 0]]; // per prefix length: [singles, pieces, parts, start of last piece]
  for (var j = 1; j <= run.length; j++) {
    for (var i = 0; i < j; i++) {
      var single = j - i === 1, k = single ? 0 : kind(run.slice(i, j));
      if (!best[i] || !(single || k)) continue;
      var cost = [best[i][0] + (single ? 1 : 0), best[i][1] + 1, best[i][2] + (k === 1 ? 1 : 0), i];
      if (!best[j] || less(cost, best[j])) best[j] = cost;
    }
  }
  var out = [];
  for (var e = run.length; e > 0; e = best[e][3]) out.unshift(run.slice(best[e][3], e));
  return out;
}

function less(a, b) {
  for (var n = 0; n < 3; n++) if (a[n] !== b[n]) return a[n] < b[n];
  return false;
}

// The words a query asks for, each with the shards that hold its keys.
function segment(query) {
  var parts = query.normalize("NFKC").toLowerCase().match(/[\u3400-\u9fff]+|[0-9a-z]+(?:\.[0-9]+)*/g) || [];
  return Promise.all(parts.map(function (part) {
    if (!/[\u3400-\u9fff]/.test(part)) return covering(part).then(function (s) { return [{ word: part, shards: s }]; });
    var heads = [];
    for (var i = 0; i + 1 < part.length; i++) heads.push(part.slice(i, i + 2));
    return Promise.all(heads.map(covering)).then(function (found) {
      var by = new Map();
      heads.forEach(function (h, n) { by.set(h, found[n]); });
      var pieces = cut(part, function (piece) {
        var kind = 0;
        by.get(piece.slice(0, 2)).forEach(function (s) {
          var i = bisect(s.keys, piece, true);
          if (s.keys[i] === piece && s.rows[i][1]) kind = 2;
          else if (i < s.keys.length && s.keys[i].startsWith(piece)) kind = Math.max(kind, 1);
        });
        return kind;
      });
      return pieces.map(function (w) { return { word: w, shards: w.length > 1 ? by.get(w.slice(0, 2)) : null }; });
    });
  })).then(function (lists) {
    var all = [].concat.apply([], lists), seen = new Set();
    var words = all.filter(function (w) { return w.shards && !seen.has(w.word) && seen.add(w.word); });
    if (words.length) return words;
    // only single characters: each is a word
    return Promise.all(all.map(function (w) {
      return covering(w.word).then(function (s) { return { word: w.word, shards: s }; });
    }));
  });
}

// Pages holding the words: how many, how many in the title, and a score.
function match(words) {
  var found = new Map(), total = manifest.pages;
  words.forEach(function (w) {
    var hits = new Map(); // page -> weight * 2 + in title
    rowsWith(w.word, w.shards).forEach(function (row) {
      for (var k = 2, p = 0; k < row.length; k += 2) {
        p += row[k];
        var old = hits.get(p) || 0;
        hits.set(p, Math.min((old >> 1) + (row[k + 1] >> 1), 255) << 1 | ((old | row[k + 1]) & 1));
      }
    });
    var rarity = Math.log(1 + total / Math.max(1, hits.size));
    hits.forEach(function (weight, p) {
      var f = found.get(p);
      if (!f) found.set(p, f = { page: p, has: {}, matched: 0, titled: 0, named: 0, score: 0 });
      var titled = weight & 1;
      f.has[w.word] = true;
      f.matched += 1;
      f.titled += titled;
      f.score += rarity * (TITLE * titled + (weight >> 1) / 255) * boosts[p];
    });
  });
  return Array.from(found.values());
}

function rank(a, b) {
  return b.matched - a.matched || b.titled - a.titled || b.named - a.named || b.score - a.score || a.page - b.page;
}

function plain(text) {
  return text.normalize("NFKC").toLowerCase();
}

function escape(text) {
  return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
}

function marked(text, words) {
  var pattern = words.slice().sort(function (a, b) { return b.length - a.length; })
    .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|");
  return escape(text).replace(new RegExp(pattern, "gi"), "<mark>$&</mark>");
}

// The sentences that hold a word (else the page's first ones), marked.
function snippet(sentences, words) {
  var hits = sentences.filter(function (s) {
    var p = plain(s);
    return words.some(function (w) { return p.indexOf(w) >= 0; });
  });
  var shown = (hits.length ? hits : sentences).slice(0, 2);
  return shown.length ? "<p>" + marked(shown.join(" … "), words) + "</p>" : "";
}

function search(query) {
  if (!query.trim()) return Promise.resolve({ items: [], total: 0 });
  return segment(query).then(function (words) {
    var list = words.map(function (w) { return w.word; });
    var found = match(words).sort(rank).slice(0, SHOWN);
    return Promise.all(found.map(function (f) { return page(f.page); })).then(function (shown) {
      var joined = list.join("");
      found.forEach(function (f, n) {
        f.doc = shown[n];
        f.named = plain(f.doc.t).replace(/\s+/g, "") === joined ? 1 : 0;
      });
      found.sort(rank);
      return {
        total: found.length,
        items: found.map(function (f, n) {
          var terms = {};
          list.forEach(function (w) { terms[w] = !!f.has[w]; });
          return [{
            location: f.doc.l, title: marked(f.doc.t, list), text: snippet(f.doc.s, list),
            score: found.length - n, terms: terms,
          }];
        }),
      };
    });
  });
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    load("manifest.json.gz").then(function (m) {
      manifest = m;
      boosts = new Float32Array(m.pages);
      var at = 0;
      m.boost.forEach(function (run) { boosts.fill(run[0], at, at + run[1]); at += run[1]; });
      self.postMessage({ type: READY });
    });
  } else if (message.type === QUERY) {
    var id = ++latest; // a slower answer to an older query is dropped
    search(message.data).catch(function (error) {
      console.error("search:", error);
      return { items: [], total: 0 };
    }).then(function (result) {
      if (id === latest) self.postMessage({ type: RESULT, data: result });
    });
  }
});
