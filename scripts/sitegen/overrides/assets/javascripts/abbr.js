/* A tap on an abbreviation shows its meaning (its title) just after it; another tap hides it. Phones show no
   title tooltip, and Material's content.tooltips cost ~270 ms of main-thread time on every page: this is one
   listener, and nothing runs until a tap. An abbreviation inside a link leaves the tap to the link. */
document.addEventListener("click", function (event) {
  var abbr = event.target.closest && event.target.closest("abbr[title]");
  if (!abbr || abbr.closest("a")) return;
  var shown = abbr.nextSibling;
  if (shown && shown.className === "abbr-meaning") { shown.remove(); return; }
  var meaning = document.createElement("span");
  meaning.className = "abbr-meaning";
  meaning.textContent = abbr.title;  // as text: a title from the data is never read as markup
  abbr.after(meaning);
});
