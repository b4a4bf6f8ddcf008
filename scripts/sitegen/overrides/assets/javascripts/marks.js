/* After a click on a search result, Material marks on the page each word of ?h= wherever it occurs, even inside
   another word ("tran" in "Trang", "thi" in "thiếu"). Before Material reads it (this runs first: overrides/
   main.html), ?h= keeps only the words the page's content holds as words of their own, in any case. */
(function () {
  var url = new URL(location.href), words = (url.searchParams.get("h") || "").split(/\s+/).filter(Boolean);
  var content = document.querySelector(".md-content");
  if (!words.length || !content) return;
  var parts = [], walk = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) parts.push(walk.currentNode.data);  // each text apart: a cell's end is a word's end
  var text = parts.join("\n").normalize("NFC").toLowerCase();
  var kept = words.filter(function (word) {
    var quoted = word.normalize("NFC").toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp("(^|[^\\p{L}\\p{M}\\p{N}])" + quoted + "($|[^\\p{L}\\p{M}\\p{N}])", "u").test(text);
  });
  if (kept.length === words.length) return;
  if (kept.length) url.searchParams.set("h", kept.join(" "));
  else url.searchParams.delete("h");
  try { history.replaceState(history.state, "", url); } catch (error) { /* a page opened from disk may refuse */ }
})();
