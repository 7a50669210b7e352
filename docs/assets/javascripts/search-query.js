// Segment what a reader types the way the index was segmented, ask for pages that
// contain any of its words, and rank the answer: pages with more of the words first.
//
// The index holds jieba tokens (domain dictionary and entity names included),
// published after each build as search/vocabulary.json. Before a query reaches
// Material's search worker, each run of Chinese is split into words of that
// vocabulary, digits and Latin letters are split from Chinese, and
// full-width characters are normalised. Every word of two or more characters is
// sent as "*word*": matched anywhere inside an index term, so that 中试验证基地
// finds 武汉化工新材料中试验证基地 (one token in the index).
//
// Words are optional, so a query whose words are not all on one page still finds
// the best partial matches. The worker's answer is re-ranked before Material shows
// it (a capture listener runs before Material's own): by how many of the words a
// page holds, then how many its title holds, a title that is the query itself, then
// the worker's score (index pages carry a lower boost, see newswiki/mkdocs_hooks.py).
// A word is reported missing only when the page does not contain it, and a result
// shows the sentences that hold the words rather than table cells.
//
// The worker (Material 9.8) segments Chinese runs again and never tries a word
// ending at the last character of a run; a filler character, 〇, which no index
// term contains, ends each run so that every word survives intact.
(function () {
  var QUERY = 2, RESULT = 3; // SearchMessageType of Material's search worker
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

  // The query for the worker, and the words a page is ranked by (single Chinese
  // characters are sent, but do not count).
  function segment(query) {
    var parts = query.normalize("NFKC").toLowerCase().match(/[\u3400-\u9fff]+|[0-9a-z]+(?:\.[0-9]+)?/g) || [];
    var terms = [], counted = [];
    parts.forEach(function (part) {
      if (!/[\u3400-\u9fff]/.test(part)) { terms.push("*" + part + "*"); counted.push(part); return; }
      words(part).forEach(function (w) {
        // whole words carry the filler; parts of words are left whole by the worker as they are
        var sent = vocabulary && vocabulary.has(w) ? w + FILLER : w;
        terms.push(w.length > 1 ? "*" + sent + "*" : sent);
        if (w.length > 1) counted.push(w);
      });
    });
    return { query: terms.length ? terms.join(" ") : query, words: counted };
  }

  function plain(html) {
    return html.replace(/<[^>]+>/g, "").replace(/\u200b/g, "").normalize("NFKC").toLowerCase();
  }

  // The sentences of a result's text that hold a match (else its first), from its
  // paragraphs and list items; text that is only table cells shows nothing.
  function snippet(html, words) {
    var blocks = html.match(/<(p|li)>[\s\S]*?<\/\1>/g) || [];
    var sentences = [];
    blocks.forEach(function (b) {
      var inner = b.replace(/^<(p|li)>|<\/(p|li)>$/g, "");
      sentences.push.apply(sentences, inner.match(/[^。！？]+[。！？]*/g) || []);
    });
    var hits = sentences.filter(function (s) {
      return s.indexOf("<mark") >= 0 || words.some(function (w) { return plain(s).indexOf(w) >= 0; });
    });
    var shown = (hits.length ? hits : sentences).slice(0, 2);
    return shown.length ? "<p>" + shown.join(" … ") + "</p>" : "";
  }

  function rerank(result, words) {
    if (!words.length || !result.items.length) return;
    var top = 0;
    var ranked = result.items.map(function (group, order) {
      var article = group.find(function (doc) { return doc.location.indexOf("#") < 0; }) || group[0];
      var text = plain(group.map(function (doc) { return doc.title + " " + doc.text; }).join(" "));
      var title = plain(article.title);
      var has = {};
      words.forEach(function (w) { has[w] = text.indexOf(w) >= 0; });
      group.forEach(function (doc) { top = Math.max(top, doc.score); });
      return {
        group: group, has: has, order: order,
        matched: words.filter(function (w) { return has[w]; }).length,
        titled: words.filter(function (w) { return title.indexOf(w) >= 0; }).length,
        named: title.replace(/\s+/g, "") === words.join("") ? 1 : 0
      };
    });
    var best = Math.max.apply(null, ranked.map(function (r) { return r.matched; }));
    ranked = ranked.filter(function (r) { return r.matched > 0 || best === 0; });
    ranked.sort(function (a, b) {
      return b.matched - a.matched || b.titled - a.titled || b.named - a.named || a.order - b.order;
    });
    // scores decide which result Enter opens: keep them in the new order
    ranked.forEach(function (r, i) {
      r.group.forEach(function (doc) {
        doc.terms = Object.assign({}, r.has);
        doc.score += (ranked.length - i) * (top + 1);
        doc.text = snippet(doc.text, words);
      });
    });
    result.items.splice.apply(result.items, [0, result.items.length].concat(ranked.map(function (r) { return r.group; })));
  }

  var pending = []; // words of the queries the worker has not answered yet, oldest first
  var listening = new WeakSet();
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (!listening.has(this)) {
      listening.add(this);
      // the worker's own reply is held back and handed on re-ranked (event data is read-only)
      this.addEventListener("message", function (event) {
        var reply = event.data;
        if (!event.isTrusted || !reply || reply.type !== RESULT || !pending.length) return;
        event.stopImmediatePropagation();
        rerank(reply.data, pending.shift());
        this.dispatchEvent(new MessageEvent("message", { data: reply }));
      }, true);
    }
    if (message && message.type === QUERY && typeof message.data === "string") {
      var sent = message.data.trim() ? segment(message.data) : { query: message.data, words: [] };
      pending.push(sent.words);
      arguments[0] = Object.assign({}, message, { data: sent.query });
    }
    return post.apply(this, arguments);
  };
})();
