/*
 * Folding for Vietnamese search: lower case, every tone mark and other diacritic removed, đ → d.
 * "Việt Nam", "viet nam" and "VIỆT NAM" all fold to "viet nam". Also the one canonical form of a date
 * ("12/01/2024", "12.1.2024", "2024-01-12" → "date20240112"), which the index adds beside every date.
 * Part of the search worker's lunr.vi.min.js (see lunr-vi.js).
 */
(function (scope) {
  "use strict";

  var cache = new Map();
  function fold(text) {
    text = String(text);
    var hit = cache.get(text);
    if (hit !== undefined) return hit;
    var out = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
    // A word is folded once, however often it occurs: index building stays linear at 100× the data.
    if (text.length < 40 && cache.size < 200000) cache.set(text, out);
    return out;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // year, month, day (day optional) → "date20240112" or "date202404"; anything else → "".
  function dateKey(year, month, day) {
    year = +year; month = +month; day = day === undefined ? 0 : +day;
    if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 0 && day <= 31)) return "";
    return "date" + year + pad(month) + (day ? pad(day) : "");
  }

  // One word holding a whole date: d/m/yyyy, d.m.yyyy, d-m-yyyy or yyyy-mm-dd.
  function numericDate(word) {
    var m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(word);
    if (m) return dateKey(m[3], m[2], m[1]);
    m = /^(\d{4})[\/.\-](\d{1,2})[\/.\-](\d{1,2})$/.exec(word);
    return m ? dateKey(m[1], m[2], m[3]) : "";
  }

  scope.searchFold = { fold: fold, dateKey: dateKey, numericDate: numericDate };
})(typeof self !== "undefined" ? self : this);
