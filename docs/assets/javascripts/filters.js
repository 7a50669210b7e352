// Filters above tables (metrics, policies): each <select data-filter="key"> keeps the rows
// whose marker <span class="kb-row" data-key="a|b"> holds the chosen value. A table left
// without rows is hidden with its heading. The choice is kept in the query string
// (?owner=青山区), so a filtered view can be linked to.
(function () {
  function values(marker, key) {
    var v = marker.getAttribute("data-" + key);
    return v ? v.split("|") : [];
  }

  function apply(form, article) {
    var chosen = {};
    form.querySelectorAll("select[data-filter]").forEach(function (s) {
      if (s.value) chosen[s.getAttribute("data-filter")] = s.value;
    });
    var shown = 0, total = 0;
    article.querySelectorAll("table").forEach(function (table) {
      var rows = Array.prototype.filter.call(table.tBodies[0] ? table.tBodies[0].rows : [], function (r) {
        return r.querySelector(".kb-row");
      });
      if (!rows.length) return;
      var visible = 0;
      rows.forEach(function (row) {
        var marker = row.querySelector(".kb-row");
        var keep = Object.keys(chosen).every(function (k) { return values(marker, k).indexOf(chosen[k]) >= 0; });
        row.hidden = !keep;
        visible += keep ? 1 : 0;
      });
      shown += visible;
      total += rows.length;
      var block = table.closest(".md-typeset__scrollwrap") || table;
      block.hidden = visible === 0;
      var heading = block.previousElementSibling;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
      if (heading && heading.tagName === "H2") heading.hidden = visible === 0;
    });
    var count = form.querySelector(".kb-filter-count");
    if (count) count.textContent = "显示 " + shown + " / " + total + " 条";
    var url = new URL(location.href);
    form.querySelectorAll("select[data-filter]").forEach(function (s) {
      if (s.value) url.searchParams.set(s.getAttribute("data-filter"), s.value);
      else url.searchParams.delete(s.getAttribute("data-filter"));
    });
    history.replaceState(history.state, "", url);
  }

  function setup() {
    var article = document.querySelector("article");
    var form = article && article.querySelector("form[data-kb-filters]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var query = new URL(location.href).searchParams;
    form.querySelectorAll("select[data-filter]").forEach(function (s) {
      var wanted = query.get(s.getAttribute("data-filter"));
      if (wanted && Array.prototype.some.call(s.options, function (o) { return o.value === wanted; })) s.value = wanted;
      s.addEventListener("change", function () { apply(form, article); });
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply(form, article);
  }

  if (window.document$) window.document$.subscribe(setup); else document.addEventListener("DOMContentLoaded", setup);
})();
