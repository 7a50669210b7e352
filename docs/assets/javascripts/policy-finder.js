// Policy finder (政策计算器): reads the provisions the build wrote into the page
// (#kb-finder-data), lets a firm tick its profile and pick its district, and lists the
// provisions that fit, largest amount first. Text from articles is only ever set as
// textContent. The choice is kept in the query string (?district=青山区&profile=研发投入).
(function () {
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(text, href, title) {
    var a = el("a", "", text);
    a.setAttribute("href", href);
    if (title) a.title = title;
    return a;
  }

  function card(p) {
    var box = el("div", "kb-match");
    var head = el("p");
    head.appendChild(el("span", "kb-match-amount", p.amount_text));
    head.appendChild(el("span", "kb-match-condition", p.condition));
    box.appendChild(head);
    box.appendChild(el("p", "", "条款：" + p.text));
    var meta = el("p", "kb-match-meta", "政策：");
    p.policies.forEach(function (policy, i) {
      if (i) meta.appendChild(document.createTextNode("、"));
      meta.appendChild(link("《" + policy.name + "》", policy.href));
    });
    var issuers = p.policies.map(function (x) { return x.issuer; }).filter(function (x, i, all) { return x && all.indexOf(x) === i; });
    if (issuers.length) meta.appendChild(document.createTextNode("（" + issuers.join("、") + "发布）"));
    meta.appendChild(document.createTextNode(" · 出处："));
    meta.appendChild(link(p.source.label, p.source.href, p.source.title));
    box.appendChild(meta);
    return box;
  }

  function setup() {
    var root = document.getElementById("kb-finder");
    var source = document.getElementById("kb-finder-data");
    if (!root || !source || root.dataset.ready) return;
    root.dataset.ready = "1";
    var data = JSON.parse(source.textContent);
    var query = new URL(location.href).searchParams;
    var wanted = (query.get("profile") || "").split(",");

    var who = el("fieldset");
    who.appendChild(el("legend", "", "企业情况（可多选）"));
    data.profiles.forEach(function (name) {
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.value = name;
      box.checked = wanted.indexOf(name) >= 0;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + name));
      who.appendChild(label);
    });
    var where = el("fieldset");
    where.appendChild(el("legend", "", "所在区"));
    var select = el("select");
    select.setAttribute("aria-label", "所在区");
    select.appendChild(el("option", "", "全部区域")).value = "";
    data.districts.forEach(function (d) {
      var option = el("option", "", d);
      option.value = d;
      select.appendChild(option);
    });
    select.value = data.districts.indexOf(query.get("district")) >= 0 ? query.get("district") : "";
    var label = el("label");
    label.appendChild(select);
    where.appendChild(label);
    var summary = el("p", "kb-finder-summary");
    summary.setAttribute("aria-live", "polite");
    var list = el("div", "kb-finder-results");
    var other = el("details", "kb-finder-other");
    [who, where, summary, list, other].forEach(function (node) { root.appendChild(node); });

    function applies(p) {
      return !select.value || p.districts === "*" || p.districts.indexOf(select.value) >= 0;
    }

    function update() {
      var ticked = Array.prototype.filter.call(who.querySelectorAll("input"), function (b) { return b.checked; })
        .map(function (b) { return b.value; });
      var here = data.provisions.filter(applies);
      var matches = here.filter(function (p) {
        return p.profiles.some(function (name) { return ticked.indexOf(name) >= 0; });
      });
      list.replaceChildren.apply(list, matches.map(card));
      summary.textContent = ticked.length
        ? "符合条件的条款：" + matches.length + " 条" + (matches.length ? "，单项金额最高 " + matches[0].amount_text : "")
        : "勾选企业情况，查看相符的条款（" + (select.value || "全部区域") + "共 " + here.length + " 条条款）。";
      var unsorted = here.filter(function (p) { return !p.profiles.length; });
      other.hidden = !unsorted.length;
      other.replaceChildren(el("summary", "", "另有 " + unsorted.length + " 条条款的条件未能归类，请逐条查看"));
      unsorted.forEach(function (p) { other.appendChild(card(p)); });
      var url = new URL(location.href);
      if (select.value) url.searchParams.set("district", select.value); else url.searchParams.delete("district");
      if (ticked.length) url.searchParams.set("profile", ticked.join(",")); else url.searchParams.delete("profile");
      history.replaceState(history.state, "", url);
    }

    root.addEventListener("change", update);
    update();
  }

  if (window.document$) window.document$.subscribe(setup); else document.addEventListener("DOMContentLoaded", setup);
})();
