/*
 * After a click on a search result (?h=… on the page, Material's search.highlight), mark what the search
 * found: Material marks only the words as the search spelled them ("quyet" never marks "Quyết"), so this
 * marks every word whose folded form starts with a folded search term, as Material's highlighter does with
 * exact ones: folded, synonym and decoded words, and dates in their canonical form (date20240112).
 * Same origin, no request; written with fold.js into assets/javascripts/search-highlight.js.
 */
(function () {
  "use strict";

  var F = self.searchFold;
  var h = new URL(location.href).searchParams.get("h");
  if (!h) return;
  var terms = F.fold(h).split(/\s+/).filter(Boolean);
  if (!terms.length) return;

  function wanted(word) {
    var folded = F.fold(word);
    var date = F.numericDate(folded);
    return terms.some(function (t) { return folded.lastIndexOf(t, 0) === 0 || date === t; });
  }

  function mark(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        return parent && !parent.closest("mark, script, style, .headerlink") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }
    });
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    nodes.forEach(function (node) {
      var text = node.textContent;
      var pattern = /[\p{L}\p{M}\p{N}]+(?:[\/.][\p{L}\p{M}\p{N}]+)*/gu;
      var parts = [];
      var cursor = 0;
      var m;
      while ((m = pattern.exec(text))) {
        if (!wanted(m[0])) continue;
        parts.push(document.createTextNode(text.slice(cursor, m.index)));
        var el = document.createElement("mark");
        el.setAttribute("data-md-highlight", "");
        el.textContent = m[0];
        parts.push(el);
        cursor = m.index + m[0].length;
      }
      if (!parts.length) return;
      parts.push(document.createTextNode(text.slice(cursor)));
      node.replaceWith.apply(node, parts);
    });
  }

  function run() {
    var root = document.querySelector("article.md-content__inner") || document.querySelector("article");
    if (root) mark(root);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
})();
