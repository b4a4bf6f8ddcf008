/*
 * Folding for Vietnamese search: lower case, every tone mark and other diacritic removed, đ → d.
 * "Việt Nam", "viet nam" and "VIỆT NAM" all fold to "viet nam".
 * Used by the search worker (lunr/min/lunr.vi.min.js beside this file's folder); loadable in a page too.
 */
(function (scope) {
  "use strict"

  function fold(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
  }

  scope.searchFold = { fold: fold }
})(typeof self !== "undefined" ? self : this)
