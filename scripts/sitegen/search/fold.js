/*
 * Folding for Vietnamese search: lower case, every tone mark and other diacritic removed, đ → d.
 * "Việt Nam", "viet nam" and "VIỆT NAM" all fold to "viet nam". Also the one canonical form of a date
 * ("12/01/2024", "12.1.2024", "2024-01-12" → "date20240112"), which the index adds beside every date.
 * The first part of the search worker's script (see lunr-vi.js); on its own, it defines fold, dateKey and
 * numericDate (the tests load it so).
 */
function foldText(text) {
  return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase()  // plain ASCII (English): nothing to take off
    : text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
}

// The same, each text folded once however often it comes (the index pipeline keeps its own cache).
const foldCache = new Map();
function fold(text) {
  text = String(text);
  let out = foldCache.get(text);
  if (out === undefined) {
    out = foldText(text);
    if (text.length < 40 && foldCache.size < 200000) foldCache.set(text, out);
  }
  return out;
}

// year, month, day (day optional) → "date20240112" or "date202404"; anything else → "".
function dateKey(year, month, day = 0) {
  const two = n => ("0" + n).slice(-2);
  [year, month, day] = [+year, +month, +day];
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 0 && day <= 31)) return "";
  return "date" + year + two(month) + (day ? two(day) : "");
}

// One word holding a whole date: d/m/yyyy, d.m.yyyy, d-m-yyyy or yyyy-mm-dd.
function numericDate(word) {
  let m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(word);
  if (m) return dateKey(m[3], m[2], m[1]);
  m = /^(\d{4})[\/.\-](\d{1,2})[\/.\-](\d{1,2})$/.exec(word);
  return m ? dateKey(m[1], m[2], m[3]) : "";
}
