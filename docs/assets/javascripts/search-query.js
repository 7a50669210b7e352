// Segment what a reader types the way the index was segmented, and ask for pages
// that contain every word.
//
// The index holds jieba tokens (domain dictionary and entity names included),
// published after each build as search/vocabulary.json. Before a query reaches
// Material's search worker, each run of Chinese is split into words of that
// vocabulary, digits and Latin letters are split from Chinese, and
// full-width characters are normalised. Every word of two or more characters is
// sent as "+*word*": required, and matched anywhere inside an index term, so that
// 中试验证基地 finds 武汉化工新材料中试验证基地 (one token in the index).
//
// The worker (Material 9.8) segments Chinese runs again and never tries a word
// ending at the last character of a run; a filler character, 〇, which no index
// term contains, ends each run so that every word survives intact.
(function () {
  var QUERY = 2; // SearchMessageType.QUERY of Material's search worker
  var FILLER = "\u3007";
  var script = document.currentScript && document.currentScript.src;
  var base = script ? script.replace(/assets\/javascripts\/search-query\.js.*$/, "") : "./";
  var vocabulary = null, inside = null, longest = 1;

  fetch(base + "search/vocabulary.json").then(function (r) { return r.json(); }).then(function (terms) {
    var parts = new Set();
    terms.forEach(function (t) {
      longest = Math.max(longest, t.length);
      for (var i = 0; i < t.length; i++) for (var j = i + 2; j <= t.length; j++) parts.add(t.slice(i, j));
    });
    vocabulary = new Set(terms);
    inside = parts;
  }).catch(function () { vocabulary = null; });

  // Pieces are index words, or parts of index words (万洋众创城 in 武汉万洋众创城项目).
  // Fewest single characters, then fewest pieces, then fewest parts:
  // 楠姆|河畔 rather than 楠姆河|畔.
  function words(run) {
    if (!vocabulary) return [run];
    var best = [[0, 0, 0, 0]]; // per prefix length: [singles, pieces, parts, start of last piece]
    for (var j = 1; j <= run.length; j++) {
      for (var i = Math.max(0, j - longest); i < j; i++) {
        var piece = run.slice(i, j), single = j - i === 1, word = vocabulary.has(piece);
        if (!best[i] || !(single || word || (inside.has(piece) && intact(piece)))) continue;
        var cost = [best[i][0] + (single ? 1 : 0), best[i][1] + 1, best[i][2] + (single || word ? 0 : 1), i];
        if (!best[j] || less(cost, best[j])) best[j] = cost;
      }
    }
    var out = [];
    for (var k = run.length; k > 0; k = best[k][3]) out.unshift(run.slice(best[k][3], k));
    return out;
  }

  // The worker splits a run into index words starting from its first character, so a
  // part of a word reaches it whole only if no index word begins that part.
  function intact(part) {
    for (var k = 1; k < part.length; k++) if (vocabulary.has(part.slice(0, k))) return false;
    return true;
  }

  function less(a, b) {
    for (var n = 0; n < 3; n++) if (a[n] !== b[n]) return a[n] < b[n];
    return false;
  }

  function segment(query) {
    var parts = query.normalize("NFKC").toLowerCase().match(/[\u3400-\u9fff]+|[0-9a-z]+(?:\.[0-9]+)?/g) || [];
    var terms = [];
    parts.forEach(function (part) {
      if (!/[\u3400-\u9fff]/.test(part)) { terms.push("+*" + part + "*"); return; }
      words(part).forEach(function (w) {
        // whole words carry the filler; parts of words are left whole by the worker as they are
        var sent = vocabulary && vocabulary.has(w) ? w + FILLER : w;
        terms.push(w.length > 1 ? "+*" + sent + "*" : sent);
      });
    });
    return terms.length ? terms.join(" ") : query;
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string" && message.data.trim()) {
      arguments[0] = Object.assign({}, message, { data: segment(message.data) });
    }
    return post.apply(this, arguments);
  };
})();
