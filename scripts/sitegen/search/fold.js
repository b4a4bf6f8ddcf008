/*
 * Folding for Vietnamese search: lower case, every tone mark and other diacritic removed, đ → d.
 * "Việt Nam", "viet nam" and "VIỆT NAM" all fold to "viet nam".
 * Part of the search worker's lunr.vi.min.js (see lunr-vi.js); also written alone as
 * assets/javascripts/search-fold.js, for the tests to load in a page.
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
