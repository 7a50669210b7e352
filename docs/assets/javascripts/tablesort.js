// Click a table header to sort its column; cells with data-v sort by that number.
(function () {
  function key(cell) {
    var tagged = cell.querySelector("[data-v]");
    if (tagged) return parseFloat(tagged.getAttribute("data-v"));
    var text = cell.textContent.trim();
    var number = parseFloat(text.replace(/[^0-9.\-]/g, ""));
    return /^[-0-9.]/.test(text) && !isNaN(number) ? number : text;
  }
  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[column]), y = key(b.cells[column]);
      var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function setup() {
    document.querySelectorAll("article table").forEach(function (table) {
      if (!table.tHead || table.dataset.sortable) return;
      table.dataset.sortable = "1";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
        th.classList.add("kb-sortable");
        th.addEventListener("click", function () { sortBy(table, column, th); });
      });
    });
  }
  if (window.document$) window.document$.subscribe(setup); else document.addEventListener("DOMContentLoaded", setup);
})();
