/* A long page is cut into parts as the data grows (scripts/sitegen/paginate.py); an old link to one of its
   anchors lands on part 1, at the page's own address. If the anchor now lives on a later part, go there,
   by part 1's own link to that part (MkDocs wrote it for this site's kind of addresses, served or offline). */
(function () {
  var table = document.getElementById("moved-anchors");
  var id;
  try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }  // a malformed address
  if (!table || !id || document.getElementById(id)) return;
  var part = JSON.parse(table.textContent)[id];
  var link = part && document.querySelector('.page-parts a[data-part="' + part + '"]');
  if (link) location.replace(link.href.split("#")[0] + location.hash);
})();
