/*
 * Search for Material for MkDocs, both editions — replaces lunr-languages' lunr.vi, which Material's search
 * worker loads for `search: lang: vi` (and lunr.vi_en for the English edition, whose index names it: its own
 * words, the same code). Material's UI, index format and worker stay as they are.
 *
 * Index side (the pipeline, once per token): every word is indexed folded (no tone marks, đ → d); every
 * date also as one canonical token ("12/01/2024", "12 January 2024" → date20240112); roman numerals after
 * thứ/khóa and English ordinals as digits (XI, 11th → 11); codes also as their parts (93/hd → 93, hd).
 * Added tokens keep the position of the word they come from, so results highlight the words on the page.
 *
 * Query side (lunr.Index#search, which Material's worker calls): the query's words become units; a page
 * covers a unit if it holds one of the unit's alternatives: the word folded (as typed ranks higher), its
 * synonyms (data/synonyms.yml) and glossary pairs (MTTQ ↔ mặt trận tổ quốc), Telex/VNI residue decoded
 * (quyeets → quyết, only into a word of the index), a run-together word split into words of the index
 * (kontum → kon tum), a date in any common spelling, a code's parts; and, only when nothing else matches, a word
 * of the index one edit away. Function and question words (stopwords-iso) are flagged, not dropped. The synonyms
 * and pairs come folded (search_scripts.py).
 *
 * Ranking (the end of this file): by how much of the question a section answers — its words weighed by how few
 * sections hold them, the pages' own phrases as one word, a page's title and purpose counted in each of its
 * sections — the whole article below the fact pages that answer most of it, unless the query quotes it.
 *
 * A result's ?h= (Material's, after a click) also carries the page's own spellings of what was found (quyết for
 * quyet, 12/01/2024 for a date), so Material's highlighter marks them on the page.
 *
 * One script with fold.js, which comes first (fold, dateKey, numericDate): scripts/minify_search.py wraps
 * both in one function and minifies them into worker.min.js (terser); the generator
 * (scripts/sitegen/search_scripts.py) writes the data and that code as one file,
 * assets/javascripts/lunr/min/lunr.vi.min.js (the offline edition's worker loads nested scripts late).
 */
// This edition's data (search_scripts.py): the lunr language its index names, the glossary's pairs and its
// synonym groups (folded), its language's function words (as written).
const data = self.searchData || {};
const MONTHS = {};  // january → 1 … december → 12
"january february march april may june july august september october november december"
  .split(" ").forEach((month, i) => { MONTHS[month] = i + 1; });

// The index's words as the pages write them (lower case), by folded word or date key: quyet → [quyết],
// date20240112 → [12/01/2024]. For Telex/VNI decoding, and for ?h= (Material marks them after a click).
let spellings = {};
// The words of the function-word list (folded) that a page writes as they are, without marks ("chua" as such, not
// only as "chưa"): recorded while indexing, for isStop.
const STOP_FOLDED = new Set((data.stop || []).join(" ").split(" ").map(foldText));
let plainStops = new Set();

// Roman numerals up to 39 (the ordinals of congresses and terms): "xi" → 11, anything else → 0.
function roman(text) {
  const m = /^(x{0,3})(ix|iv|v?i{0,3})$/.exec(text);
  return text && m ? 10 * m[1].length + ({ ix: 9, iv: 4 }[m[2]] || (m[2][0] === "v" ? 4 : 0) + m[2].length) : 0;
}

// What one word adds, whatever its neighbours: its date key, a code's parts, an ordinal's digits.
function extras(folded) {
  if (!/[\d\/.]|^[ivx]+$/.test(folded)) return NONE;  // most words: none
  const out = [numericDate(folded)];
  if (/[\/.]/.test(folded) && /[a-z\/]/.test(folded)) out.push(...folded.split(/[\/.]+/).filter(part => part !== folded));
  const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(folded);
  if (ordinal) out.push("" + +ordinal[1]);
  if (folded.length > 1 && roman(folded)) out.push("" + roman(folded));
  return out.filter(Boolean);
}

// Punctuation off both ends, then folded, and what the word adds whatever its neighbours; worked out
// once per distinct word (a cache), which also records its spellings once. The index side uses no Unicode
// classes (\p{L}): compiling one costs milliseconds, and the worker's readiness counts them. Its letters are
// Latin (tokens come lower case): a-z, Latin-1, Latin Extended-A and B, Vietnamese (Latin Extended Additional).
// → [folded, extras, whether it looks at its neighbours: a day, a month's name, a single roman numeral]
const NONE = [];
const LETTER = "a-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff";
const UNTRIMMED = new RegExp(`^[^${LETTER}]+|[^${LETTER}]+$`, "g");
const LETTERS = new RegExp(`^[${LETTER}]+$`);
let words = new Map();
function known(text) {
  let hit = words.get(text);
  if (hit) return hit;
  const trimmed = LETTERS.test(text) ? text : text.replace(UNTRIMMED, "");  // most words: nothing to trim
  const folded = foldText(trimmed);
  const more = folded ? extras(folded) : NONE;
  if (folded !== trimmed) record(folded, trimmed);
  else if (STOP_FOLDED.has(folded)) plainStops.add(folded);
  if (more.length && /^date/.test(more[0])) record(more[0], trimmed);
  hit = [folded, more, (folded.length < 3 && /^(\d\d?|[ivx])$/.test(folded)) || !!MONTHS[folded]];
  if (words.size < 200000) words.set(text, hit);
  return hit;
}

function record(key, spelling) {
  const list = spellings[key] = spellings[key] || [];
  if (!list.includes(spelling)) list.push(spelling);
}

// The index pipeline's one stage. Each word is indexed folded only (half the postings of folded + as
// written: the worker is ready sooner); the spelling as typed still ranks first, checked against the
// page's text at query time. Added words keep the token's position, so Material highlights the word.
function foldToken(token, index, tokens) {
  // (No destructuring here: before the JIT warms up, it is slow, and the worker's readiness counts it.)
  const word = known(token.str), folded = word[0], more = word[1], looks = word[2];
  if (!folded) return undefined;
  token.str = folded;
  if (!more.length && !looks) return token;  // most words: nothing more
  const out = [token];
  const add = key => key && out.push(new lunr.Token(key, token.metadata));
  more.forEach(add);
  if (!looks) return out;
  const at = offset => tokens[index + offset] ? known(tokens[index + offset].str)[0] : "";
  if (folded.length === 1 && /^(thu|khoa)$/.test(at(-1))) add("" + roman(folded));
  // Dates in words: "12 January 2024", "January 12, 2024", "ngày 12 tháng 1 năm 2024".
  if (/^\d/.test(folded)) {
    if (MONTHS[at(1)] && /^\d{4}$/.test(at(2))) add(dateKey(at(2), MONTHS[at(1)], folded));
    if (at(1) === "thang" && at(3) === "nam") add(dateKey(at(4), at(2), folded));
  } else if (MONTHS[folded] && /^\d{1,2}$/.test(at(1)) && /^\d{4}$/.test(at(2))) {
    add(dateKey(at(2), MONTHS[folded], at(1)));
  }
  return out;
}

// Material removes the language's stopWordFilter and stemmer, and keeps its trimmer, as mkdocs.yml's
// `pipeline: [trimmer]` asks: the one stage goes under that name. The query side is our own (below).
const language = lunr[data.lang || "vi"] = function () {
  this.pipeline.reset();
  this.pipeline.add(foldToken);
  this.searchPipeline.reset();
};
language.trimmer = foldToken;
lunr.Pipeline.registerFunction(foldToken, "fold-vi");

// ---- Query side ----

// The index's words, once per index: sorted (prefix look-up), by folded form (marked spellings); and the
// edition's synonyms, glossary pairs and question words.
function vocabularyOf(index) {
  if (!index._vocabulary) {
    const keys = Object.keys(index.invertedIndex).sort();
    index._vocabulary = {
      keys,
      has: new Set(keys),
      marked: index._spellings || {},
      dates: keys.filter(key => /^date\d{8}$/.test(key)),
      // A glossary pair (MTTQ = mặt trận tổ quốc) is as good as the word itself; other synonyms rank below.
      synonyms: phrases(phrases({}, data.synonyms, 0.3), data.pairs, 1),
      // Function and question words (stopwords-iso), as written: by first word folded, and the single words.
      stops: phrases({}, [(data.stop || []).map(fold)], 0),
      stop: new Set(data.stop),
      stopParts: new Set((data.stop || []).join(" ").split(" "))
    };
  }
  return index._vocabulary;
}

// Groups of phrases (folded) → by first word: [{words, group, boost}], longest first.
function phrases(map, groups, boost) {
  for (const phrasesOfGroup of groups || []) {
    const group = phrasesOfGroup.map(phrase => phrase.split(" "));
    for (const words of group) {
      const list = map[words[0]] = map[words[0]] || [];
      list.push({ words, group, boost });
      list.sort((a, b) => b.words.length - a.words.length);
    }
  }
  return map;
}

function prefixed(v, prefix) {
  let lo = 0, hi = v.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.keys[mid] < prefix) lo = mid + 1; else hi = mid;
  }
  const out = [];
  while (lo < v.keys.length && v.keys[lo].startsWith(prefix)) out.push(v.keys[lo++]);
  return out;
}

// Diacritics of a word as a set: "quyết" → {circumflex, acute}; đ counts as one.
function marksOf(word) {
  return new Set(word.normalize("NFD").match(/[\u0300-\u036f]|đ/g));
}

const TONES = "\u0301\u0300\u0309\u0303\u0323";  // sắc, huyền, hỏi, ngã, nặng: Telex s f r x j, VNI 1 to 5
const VNI = TONES + "\u0302\u031b\u0306đ";  // VNI 6 to 9: circumflex, horn, breve, đ

// Telex or VNI keystrokes left in a word ("quyeets", "thawngs", "quye61t") → {base: "quyet", marks}.
function decode(word) {
  const marks = marksOf(word);
  let text = fold(word), base;
  if (/^\p{L}[\p{L}\d]*$/u.test(text) && /[1-9]/.test(text)) {
    base = text.replace(/[1-9]/g, digit => (marks.add(VNI[digit - 1]), ""));
  } else {
    if (!/^[a-z]+$/.test(text)) return null;
    // The tone key comes last, or straight after the vowel it marks ("quyeets", "thasng").
    const tone = /^(.*[aeiouy].*)([sfrxj])$/.exec(text) || /^(.*[aeiouy])([sfrxj])([^aeiouy]*)$/.exec(text);
    if (tone) {
      marks.add(TONES["sfrxj".indexOf(tone[2])]);
      text = tone[1] + (tone[3] || "");
    }
    // dd → đ, aa ee oo → circumflex, aw → breve, ow uw w → horn
    base = text.replace(/dd|([aeo])\1|aw|([ou])w|w/g, (key, vowel, horned) => {
      marks.add({ dd: "đ", aw: "\u0306" }[key] || (vowel ? "\u0302" : "\u031b"));
      return vowel || horned || { dd: "d", aw: "a", w: "u" }[key];
    });
  }
  return base === fold(word) && marks.size === marksOf(word).size ? null : { base, marks };
}

// Decoded residue → the index's spellings of that word (those carrying at least the decoded marks).
function decoded(v, word, prefix) {
  const d = decode(word);
  if (!d || !d.marks.size || !/[aeiouy]/.test(d.base)) return [];
  return (prefix ? prefixed(v, d.base) : [d.base]).flatMap(base => (v.marked[base] || []).filter(key => {
    const marks = marksOf(key);
    return [...d.marks].every(mark => marks.has(mark));
  }));
}

// A run-together word split into words of the index (at most 4): "quyetthang" → ["quyet", "thang"].
function split(v, word, prefix) {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return null;
  const best = [[]];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - 8); start <= end - 2; start++) {
      const part = word.slice(start, end);
      // A word being typed may end in the start of a word, of 3 letters at least ("donng" is no "don ng").
      const known = v.has.has(part) || (end === word.length && prefix && part.length > 2 && prefixed(v, part).length);
      if (best[start] && known && best[start].length < 4 && (!best[end] || best[start].length + 1 < best[end].length)) {
        best[end] = best[start].concat([part]);
      }
    }
  }
  const parts = best[word.length];
  return parts && parts.length > 1 ? parts : null;
}

// Words of the index one edit (or one swap of neighbours) away from a word of 5 letters or more.
function near(v, word) {
  if (word.length < 5) return [];
  return v.keys.filter(key => {
    if (Math.abs(key.length - word.length) > 1 || key === word) return false;  // (the index's words are folded)
    let i = 0;
    while (i < key.length && key[i] === word[i]) i++;
    const rest = key.slice(i + 1);
    return word.slice(i + 1) === rest || word.slice(i) === rest || word.slice(i + 1) === key.slice(i) ||
      (word[i] === key[i + 1] && word[i + 1] === key[i] && word.slice(i + 2) === key.slice(i + 2));
  });
}

// A term of an alternative: the index words that count for it (`list`, or the word itself and, typed as
// a prefix, the words it starts), with their boosts; and its label (what Material shows as missing and
// passes on to the page in ?h=).
function term(v, text, prefix, boost, list) {
  const keys = {};
  for (const key of list || (v.has.has(text) ? [text] : [])) keys[key] = boost;
  const partial = new Set();
  if (prefix) for (const key of prefixed(v, text)) if (!(key in keys)) keys[key] = boost * 0.6, partial.add(key);
  return { label: text, keys, partial };
}

// Words that must all be on the page; the last one may be a prefix being typed.
function sequence(v, parts, prefix, boost) {
  return parts.map((part, i) => term(v, part, prefix && i === parts.length - 1, boost));
}

// One query word → its unit: alternatives, each a list of terms that must all be on the page.
function wordUnit(v, word, previous) {
  const folded = fold(word.text);
  const own = term(v, folded, word.prefix, 1);
  own.label = word.text.normalize("NFC");  // as typed: what Material shows as missing, or passes on in ?h=
  const alts = [[own]];
  let exact = exactOf([word]);
  const r = roman(folded);
  const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(folded);
  // As digits, below the word as typed: bare numbers are everywhere (paragraph numbers: ¶ 11).
  if (r && (folded.length > 1 || /^(thu|khoa|lan)$/.test(previous))) alts.push([term(v, "" + r, false, 0.3)]);
  if (ordinal) alts.push([term(v, "" + +ordinal[1], false, 0.3)]);
  let parts = folded.split(/[\/.]+/).filter(Boolean);
  if (parts.length < 2 && !ordinal && /^(\p{L}+\d+|\d+\p{L}+)$/u.test(folded)) parts = folded.match(/\p{L}+|\d+/gu);
  if (parts.length > 1) alts.push(sequence(v, parts, word.prefix, 0.8));
  if (!Object.keys(own.keys).length && alts.length === 1) {
    const keys = decoded(v, word.text, word.prefix);
    const pieces = !keys.length && split(v, folded, word.prefix);
    if (keys.length) {
      alts.push([term(v, keys[0], false, 1, keys.map(fold))]);
      exact = keys;
    } else if (pieces) alts.push(sequence(v, pieces, word.prefix, 0.8));
    else for (const key of near(v, folded)) alts.push([term(v, key, false, 0.3)]);
  }
  return { alts, primary: own.label, exact };
}

// Words typed with their marks: a page holding them as typed ranks first (thiếu before thiểu).
function exactOf(words) {
  return words.filter(word => fold(word.text) !== word.text).map(word => word.text.normalize("NFC"));
}

// Dates typed as several words, matched on the folded words joined by spaces, month names as m1 … m12;
// the groups in the order the letters say (d: day, m: month, y: year). A month and year finds its days.
const DATES = [
  [/^(\d{1,2}) (?:thang |m)?(\d{1,2}) (?:nam )?(\d{4})(?= |$)/, "dmy"], // 12 1 2024, 12 tháng 1 năm 2024, 12 January 2024
  [/^(\d{4}) (\d{1,2}) (\d{1,2})(?= |$)/, "ymd"],
  [/^m(\d{1,2}) (\d{1,2}) (\d{4})(?= |$)/, "mdy"], // January 12, 2024
  [/^(?:thang |m)(\d{1,2}) (?:nam )?(\d{4})(?= |$)/, "my"], // tháng 4 năm 2024, April 2024
  [/^(\d{1,2})(?: thang | m|[\/.])(\d{1,2})(?= |$)/, "dm"], // 12 tháng 1, 12 January, 12/1
  [/^m(\d{1,2}) (\d{1,2})(?= |$)/, "md"]
];

// A date at words[i] in any spelling readers use; → {length, keys, prefix} or null.
function dateAt(v, words, i) {
  const list = words.slice(i, i + 6).map(word => {
    const folded = fold(word.text);
    return MONTHS[folded] ? "m" + MONTHS[folded] : folded;
  });
  const skip = list[0] === "ngay" && /^\d/.test(list[1]) ? 1 : 0;
  const one = numericDate(list[skip] || "");
  if (one) return { length: skip + 1, keys: [one] };
  const text = list.slice(skip).join(" ");
  for (const [pattern, order] of DATES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const at = {};
    [...order].forEach((part, k) => { at[part] = m[k + 1]; });
    const length = skip + m[0].split(" ").length;
    if (at.y) {
      const key = dateKey(at.y, at.m, at.d);
      return key ? { length, keys: [key], prefix: !at.d } : null;
    }
    // A day and month with no year: every date of the index on that day.
    const tail = dateKey(2000, at.m, at.d).slice(8);
    return tail.length === 4 ? { length, keys: v.dates.filter(key => key.slice(8) === tail) } : null;
  }
  return null;
}

// The longest phrase of `map` at words[i] (folded), or undefined.
function phraseAt(map, words, i) {
  return (map[fold(words[i].text)] || []).find(phrase =>
    phrase.words.every((word, k) => words[i + k] && fold(words[i + k].text) === word));
}

// A word of the list as typed; typed without marks, a word of the list folded whose every spelling on the
// pages is one too ("chua": chưa, a function word; "xa": xã, no; "nam": năm, and Nam in Việt Nam, no).
function isStop(v, text, index) {
  text = text.normalize("NFC");
  if (v.stop.has(text)) return true;
  // Written so (without marks) on a page, it is a word of its own there.
  return text === fold(text) && (v.marked[text] || []).every(spelling => v.stop.has(spelling)) && !index._plainStops.has(text);
}

// Material's query ("quyết* thắng*": split at the separator, a wildcard on every term) → units.
let last = {};
function analyze(index, query) {
  if (last.index === index && last.query === query) return last.units;
  const v = vocabularyOf(index);
  // Material repeats a part holding a separator once per piece ("12-1-2024* 12-1-2024* 12-1-2024*"): once.
  const raw = query.trim().split(/\s+/).filter((item, i, all) => item && item !== all[i - 1]);
  const words = [];
  raw.forEach((item, i) => {
    if (/^-/.test(item)) return;
    const prefix = i === raw.length - 1 && /\*$/.test(item);
    const text = item.replace(/^\+/, "").replace(/\*$/, "").toLowerCase();
    // "%" and other marks search cannot use go; "-" separates, except inside a date (2024-01-12).
    const pieces = numericDate(fold(text)) ? [text] : text.split("-");
    pieces.forEach((piece, k) => {
      piece = piece.replace(/[^\p{L}\p{M}\p{N}\/.\-]+/gu, "").replace(/^[\/.\-]+|[\/.\-]+$/g, "");
      if (piece) words.push({ text: piece, prefix: prefix && k === pieces.length - 1 });
    });
  });
  // Function and question words (a phrase of the list, or a single word) are flagged, not dropped: they
  // count only where a page holds them beside the query's other words (a phrase, a quote).
  const stop = words.map(() => false);
  for (let i = 0; i < words.length; i++) {
    const phrase = phraseAt(v.stops, words, i);
    const n = phrase ? phrase.words.length : 0;
    if (n > 1 && words.slice(i, i + n).every(word => word.text === fold(word.text) || v.stopParts.has(word.text.normalize("NFC")))) {
      stop.fill(true, i, i + n);
    } else if (n && isStop(v, words[i].text, index)) stop[i] = true;
  }
  const units = [];
  for (let i = 0; i < words.length;) {
    const date = dateAt(v, words, i);
    if (date && date.keys.length) {
      const keys = {};
      for (const key of date.keys) for (const k of date.prefix ? prefixed(v, key) : [key]) keys[k] = 1;
      units.push({ alts: [[{ label: date.keys[0], keys }]], primary: null });
      i += date.length;
      continue;
    }
    // A synonym phrase of several words is one unit; the other phrases of its group are alternatives. The
    // site's own words (synonyms, glossary) are never function words.
    const synonym = phraseAt(v.synonyms, words, i);
    const typed = words.slice(i, i + (synonym ? synonym.words.length : 1));
    const unit = typed.length > 1
      ? { alts: [typed.map(word => wordUnit(v, word, "").alts[0][0])], primary: null, exact: exactOf(typed) }
      : wordUnit(v, words[i], i ? fold(words[i - 1].text) : "");
    for (const phrase of synonym ? synonym.group : []) {
      if (phrase.join(" ") !== synonym.words.join(" ")) unit.alts.push(sequence(v, phrase, false, synonym.boost));
    }
    unit.stop = !synonym && stop[i];
    units.push(unit);
    i += typed.length;
  }
  // A query of function words only ("thời gian", "what is"): every word counts.
  if (units.every(unit => unit.stop)) for (const unit of units) unit.stop = false;
  // The pages' own spellings of the words a unit names (quyết for quyet, 12/01/2024 for a date key): a page
  // holding one is told it in ?h=, and Material's highlighter marks it there. Not for a short prefix's many words;
  // of a word typed with its marks, only those marks (trận, not trấn).
  for (const unit of units) {
    unit.spell = [];
    for (const t of unit.alts.flat()) {
      const keys = Object.keys(t.keys);
      if (keys.length > 12) continue;
      for (const key of keys) {
        for (const spelling of v.marked[key] || []) if (asTyped(unit, spelling, !!t.partial && t.partial.has(key))) unit.spell.push(spelling);
      }
    }
  }
  last = { index, query, units };
  return units;
}

// A word of a page (lower case), found for a unit: whether it is as typed. A word typed with its marks matches
// only with them (typed "trận": trận, not trấn; a prefix being typed, "quyế": quyết); any other word, folded.
function asTyped(unit, word, partial) {
  const folded = fold(word);
  return !(unit.exact || []).some(typed => {
    const key = fold(typed);
    return (partial ? folded.startsWith(key) : folded === key) && !word.startsWith(typed);
  });
}

// The labels Material is told the query has: what it shows as missing and, found, passes on to the page in ?h=.
// Not a date's key (date20240112): an internal word; its spellings on the pages stand for it.
const labelsOf = (units, spelt) => units.flatMap(unit =>
  unit.alts.flat().map(t => t.label).filter(label => !/^date\d/.test(label)).concat(spelt ? unit.spell : []));

// Material parses the query too, for the words it shows as missing and passes on in ?h=: give it the
// labels of every alternative; only a unit's own word may show as missing (see stopWordFilter below).
let secondary = new Set();
const Parser = lunr.QueryParser;
function FoldingParser(query, target) {
  const units = last.index ? analyze(last.index, query) : [];
  const labels = labelsOf(units, true);
  secondary = new Set(labels.filter(label => !units.some(unit => !unit.stop && unit.primary === label)));
  Parser.call(this, labels.map(label => label.replace(/[\s:^~*+\-]+/g, " ")).join(" ") || query, target);
}
FoldingParser.prototype = Parser.prototype;
Object.assign(FoldingParser, Parser);
lunr.QueryParser = FoldingParser;
const stopWordFilter = lunr.stopWordFilter;
lunr.stopWordFilter = function (term) {
  return secondary.has(term) ? undefined : stopWordFilter.apply(this, arguments);
};
// Under the original's label, so lunr's default pipeline takes it without a warning.
lunr.stopWordFilter.label = stopWordFilter.label;
lunr.Pipeline.registeredFunctions[stopWordFilter.label] = lunr.stopWordFilter;

// Material keeps the last index built; so do we, for the parser above (it parses before it searches);
// and the pages' text, for the spelling as typed, and the spellings seen while indexing; and Material's table
// of where each word of a page's field is (lunr.tokenizer.table, which each field's extractor starts), so that
// a match's position gives back the word as the page writes it.
let texts = {}, tables = {};
const add = lunr.Builder.prototype.add;
lunr.Builder.prototype.add = function (doc) {
  texts[doc[this._ref]] = doc;
  for (const name in this._fields) {
    const field = this._fields[name], extract = field.extractor;
    if (field.kept) continue;
    field.kept = true;
    field.extractor = page => {
      const value = extract ? extract(page) : page[name];
      if (value !== undefined) tables[page[this._ref] + ":" + name] = lunr.tokenizer.table;
      return value;
    };
  }
  return add.apply(this, arguments);
};
const build = lunr.Builder.prototype.build;
lunr.Builder.prototype.build = function () {
  const index = build.call(this);
  Object.assign(index, { _texts: texts, _tables: tables, _lower: {}, _spellings: spellings, _plainStops: plainStops });
  texts = {};
  tables = {};
  spellings = {};
  plainStops = new Set();
  words = new Map();
  last = { index };
  return index;
};

// The word at a match's position (Material's: the block << 20 | the word's number in it; its table's entry: the
// word's offset << 12 | length << 2 | kind), lower case; null where the table does not say.
function wordAt(index, ref, field, position) {
  const table = index._tables[ref + ":" + field], text = (index._texts[ref] || {})[field];
  const entry = table && table[position >>> 20] && table[position >>> 20][position & 0xfffff];
  if (entry === undefined || typeof text !== "string") return null;
  const start = entry >>> 12;
  return text.slice(start, start + ((entry >>> 2) & 0x3ff)).toLowerCase().normalize("NFC").replace(UNTRIMMED, "");
}

// Where a section shows a unit it holds, as the reader typed it: → [key, field, position, word]. A word typed with
// its marks only with them; not a function word that the last word typed only starts ("cu": cử, not của); a
// phrase (a synonym of several words, a code's parts) only where its words stand together.
function marks(index, ref, v, unit, metadata) {
  const out = [];
  for (const alt of unit.alts) {
    const found = alt.map(t => {
      const list = [];
      for (const key in t.keys) {
        const partial = !!t.partial && t.partial.has(key);
        for (const field in metadata[key] || {}) {
          for (const position of metadata[key][field].position || []) {
            const word = wordAt(index, ref, field, position);
            if (word === null || (asTyped(unit, word, partial) && !(partial && v.stop.has(word)))) list.push([key, field, position, word]);
          }
        }
      }
      return list;
    });
    let runs = found[0].map(mark => [mark]);
    for (let k = 1; k < found.length; k++) {
      runs = runs.flatMap(run => {
        const [, field, position] = run[run.length - 1];
        return found[k].filter(mark => mark[1] === field && (mark[2] === position || mark[2] === position + 1)).map(mark => run.concat([mark]));
      });
    }
    for (const run of runs) out.push(...run);
  }
  return out;
}

// A page's title and text in lower case, once per page, for the spelling as typed.
function lowerText(index, ref) {
  const doc = index._texts[ref] || {};
  return index._lower[ref] = index._lower[ref] || ((doc.title || "") + " " + (doc.text || "")).toLowerCase();
}

// Where a unit is on a page (a section of the index): null, or the positions (as Material's tokenizer
// numbers them, the title's apart) where its alternative starts and ends, those in the title, and whether
// an alternative other than the word itself (a synonym, a decoded or split word) is there. An alternative
// of several words is there as a phrase: each word next to the one before (or at its place: a code's parts).
const TITLE = 2 ** 40;
function place(unit, metadata) {
  let out = null;
  unit.alts.forEach((alt, k) => {
    let chains = null;
    const partial = new Set();  // where only a word the last one typed starts is (not a title's word)
    for (const t of alt) {
      const positions = [];
      for (const key in t.keys) {
        const fields = metadata[key] || {};
        for (const field in fields) {
          for (let p of fields[field].position || []) {
            positions.push(p += field === "title" ? TITLE : 0);
            if (t.partial && t.partial.has(key)) partial.add(p);
          }
        }
      }
      // chains: [start, end] of the phrase so far
      chains = chains ? chains.flatMap(([start, end]) => positions.filter(p => p === end || p === end + 1).map(p => [start, p]))
        : positions.map(p => [p, p]);
      if (!chains.length) return;
    }
    out = out || { starts: new Set(), ends: new Set(), title: new Set(), other: false, whole: false };
    for (const [start, end] of chains) {
      out.starts.add(start);
      out.ends.add(end);
      out.whole = out.whole || !partial.has(end);
      if (start >= TITLE && !partial.has(end)) for (let p = start; p <= end; p++) out.title.add(p);
    }
    out.other = out.other || k > 0;
  });
  return out;
}

// Whether a text (lower case) holds a unit as typed: the words typed with marks with those marks (thiếu, not
// thiểu), or the unit found as another alternative (a synonym, a decoded word).
const typedIn = (unit, at, text) => !(unit.exact || []).length || (at && at.other) || unit.exact.some(word => text.includes(word));

// Whether a set of words (folded) holds one of a unit's alternatives.
const holds = (unit, words) => unit.alts.some(alt => alt.every(t => Object.keys(t.keys).some(key => words.has(key))));

// A page's search boost (its front matter's): below 1 for the pages the site ranks after its fact pages
// (the whole article, the pages about the site).
const boostOf = (index, ref) => (index._texts[ref] || {}).boost || 1;

// Whether a section holds many words only because it holds everything (the whole article): five times the
// distinct words of the average section, or more.
function catchAll(index, ref) {
  if (!index._catchAll) {
    const size = ref => ["title", "text"].reduce((sum, field) => sum + ((index.fieldVectors[field + "/" + ref] || {}).elements || []).length / 2, 0);
    const refs = Object.keys(index._texts), average = refs.reduce((sum, ref) => sum + size(ref), 0) / refs.length;
    index._catchAll = new Set(refs.filter(ref => size(ref) >= 5 * average));
  }
  return index._catchAll.has(ref);
}

// What each page is for, as a list of the site's pages says it (the home page's "read on": each item a
// page's title, then its purpose) → page → {text: the purpose in lower case, words: its words folded}.
function purposes(index) {
  if (!index._purposes) {
    const pages = {}, out = index._purposes = {};
    for (const ref in index._texts) if (!ref.includes("#")) pages[fold(index._texts[ref].title || "")] = ref;
    for (const ref in index._texts) {
      for (const [, title, purpose] of (index._texts[ref].text || "").matchAll(/<li>\s*<p>([^<]*)<\/p>\s*<p>([^<]*)<\/p>\s*<\/li>/g)) {
        const page = pages[fold(title)];
        if (page !== undefined) out[page] = { text: purpose.toLowerCase(), words: new Set(fold(purpose).split(lunr.tokenizer.separator)) };
      }
    }
  }
  return index._purposes;
}

// A title's words (as Material's separator splits them), for the share of a title the query names.
const wordsIn = text => (text || "").split(lunr.tokenizer.separator).filter(Boolean).length;

lunr.Index.prototype.search = function (query) {
  const units = analyze(this, query);
  const boosts = {};
  for (const unit of units) {
    for (const t of unit.alts.flat()) for (const key in t.keys) boosts[key] = Math.max(boosts[key] || 0, t.keys[key]);
  }
  const keys = Object.keys(boosts);
  if (!keys.length) return [];
  let results = this.query(q => {
    for (const key of keys) q.term(key, { usePipeline: false, boost: boosts[key], wildcard: lunr.Query.wildcard.NONE });
  });
  const docs = Object.keys(this._texts).length;
  const idf = df => df ? Math.log(1 + (docs - df + 0.5) / (df + 0.5)) : 0;
  // Each section: where it holds each unit, and which neighbouring units it holds side by side (a phrase of
  // the query). Each page: which units its title holds (named), or its title or purpose (what it is for).
  const pages = {};
  for (const result of results) {
    const at = result.at = units.map(unit => place(unit, result.matchData.metadata));
    result.next = at.map((a, i) => !!(a && at[i + 1] && [...a.ends].some(p => at[i + 1].starts.has(p + 1))));
    const ref = result.page = result.ref.split("#")[0];
    const page = pages[ref] = pages[ref] || { named: [], purpose: [], share: 0 };
    const title = ((this._texts[ref] || {}).title || "").toLowerCase(), purpose = purposes(this)[ref];
    units.forEach((unit, i) => {
      if (result.ref === ref) page.named[i] = !!at[i] && at[i].title.size > 0 && typedIn(unit, at[i], title);
      page.purpose[i] = page.named[i] || (!!purpose && holds(unit, purpose.words) && typedIn(unit, null, purpose.text));
    });
  }
  // The query's words as the pages write them: two or three neighbouring meaningful words that the site's
  // own sections hold side by side at least half as often as they hold the rarer of them are one word or
  // name ("hạn chế", "tổ chức", "Nguyễn Đăng Bình"; not "hội cấp"), the most closely bound first. A word
  // weighs the more, the fewer sections hold it (inverse document frequency, as BM25 has it): the words of
  // the site's subject, on every page, tell little; a word no section holds, nothing.
  const own = results.filter(result => !catchAll(this, result.ref));
  const df = units.map((unit, i) => own.filter(result => result.at[i]).length);
  const single = i => units[i] && !units[i].stop && units[i].primary;
  const chains = [];
  units.forEach((unit, i) => {
    for (const size of [2, 3]) {
      const inside = [...Array(size).keys()].map(k => i + k);
      const side = result => inside.slice(1).every(k => result.next[k - 1]);
      const bond = inside.every(single) && own.filter(side).length / Math.min(...inside.map(k => df[k]));
      if (bond >= 0.5) chains.push({ inside, bond, weight: idf(results.filter(side).length) });
    }
  });
  const groups = [], taken = [];
  chains.sort((a, b) => b.bond - a.bond || b.inside.length - a.inside.length).forEach(chain => {
    if (chain.inside.some(i => taken[i])) return;
    groups.push(chain);
    chain.inside.forEach(i => { taken[i] = true; });
  });
  units.forEach((unit, i) => {
    if (!unit.stop && !taken[i]) groups.push({ inside: [i], weight: idf(results.filter(result => result.at[i]).length) });
  });
  const meaningful = groups.reduce((sum, group) => sum + group.weight, 0);
  // The site's name (the home page's title) says what every page is about, never what one page is for: a
  // word of it earns no page its title's or purpose's credit.
  const home = results.find(result => result.ref === "");
  const naming = ({ inside }) => !!home && inside.every((i, k) => home.at[i] && home.at[i].title.size &&
    (!k || [...home.at[i - 1].ends].some(p => p >= TITLE && home.at[i].starts.has(p + 1))));
  for (const group of groups) group.name = naming(group);  // once a query, not once a result
  for (const result of results) {
    const at = result.at, next = result.next, text = lowerText(this, result.ref), page = pages[result.page];
    // Function words count where they are part of a phrase of the query.
    const joined = result.joined = units.map((unit, i) => !!at[i] && (!unit.stop || next[i] || next[i - 1]));
    const typed = units.map((unit, i) => !!at[i] && typedIn(unit, at[i], text));  // each looks through the text
    const title = new Set();
    let covered = 0, pairs = 0, exact = 0;
    units.forEach((unit, i) => {
      if (!joined[i]) return;
      at[i].title.forEach(p => title.add(p));
      pairs += next[i] && !unit.stop && !units[i + 1].stop ? 1 : 0;
      exact += typed[i] ? 1 : 0;
    });
    // A word of its page's title or purpose counts in each section of the page, whether the section holds it
    // or not; of its title (what the page is named for), half as much again.
    for (const group of groups) {
      const { inside, weight } = group;
      if (!group.name && inside.every(i => page.purpose[i])) covered += weight * (inside.every(i => page.named[i]) ? 1.5 : 1);
      // A word the last one typed only starts ("mean" in "meaning") counts half: it may be another word; so
      // does a word typed with its marks that the section holds only with others (trấn for trận).
      else if (inside.every((i, k) => at[i] && (!k || next[i - 1]))) {
        covered += inside.every(i => at[i].whole && typed[i]) ? weight : weight / 2;
      }
    }
    result.covered = covered;
    result.share = title.size / Math.max(1, wordsIn((this._texts[result.ref] || {}).title));
    if (result.page === result.ref) page.share = result.share;
    // The whole query as written, a sentence (four words or more, function words among them, not a name): a
    // quote, which the whole article answers first.
    result.quote = units.length > 3 && units.some(unit => unit.stop) && next.slice(0, -1).every(Boolean) ? catchAll(this, result.ref) ? 2 : 1 : 0;
    result.rest = [pairs, exact];
  }
  // The whole article, holding more of the query than any fact page only because it holds everything, goes
  // below every fact page that holds more than half of the query's weight, unless it holds the query as
  // written (a quote) or a title of it names the query whole.
  const fact = results.filter(result => !catchAll(this, result.ref) && boostOf(this, result.ref) >= 1).map(result => result.covered);
  const best = Math.max(0, ...fact), most = Math.min(...fact.filter(covered => covered > meaningful / 2));
  for (const result of results) {
    const share = Math.max(result.share, pages[result.page].share);
    if (catchAll(this, result.ref) && result.covered >= best && best > meaningful / 2 && !result.quote && share < 1) {
      result.covered = Math.min(result.covered, most * 0.99);
    }
    // Then: pairs of the query's words side by side; a title the query names whole, or half; the words typed
    // with marks found so; the page's own search boost; and lunr's score.
    result.tiers = [result.quote, result.covered, result.rest[0], share >= 1 ? 2 : share >= 0.5 ? 1 : 0, result.rest[1], boostOf(this, result.ref)];
  }
  if (meaningful) results = results.filter(result => result.covered > 0);
  // What Material marks in each result shown (the positions kept under each key) and passes on in ?h= (the
  // labels that start a key): each unit found there, where it shows as typed (marks, above); every label of it
  // counts as found, and each word of the page at those positions that is one of its spellings (synonyms,
  // decoded words, the page's own marks). A function word found apart from the query's other words is left out
  // (never marked, never in ?h=).
  const v = vocabularyOf(this), spells = units.map(unit => new Set(unit.spell)), labels = units.map(unit => labelsOf([unit]));
  for (const result of results) {
    const metadata = result.matchData.metadata, kept = {};
    units.forEach((unit, i) => {
      if (!result.joined[i]) return;
      for (const [key, field, position, word] of marks(this, result.ref, v, unit, metadata)) {
        const fields = kept[key] = kept[key] || {};
        (fields[field] = fields[field] || new Set()).add(position);
        if (spells[i].has(word)) kept[word] = kept[word] || {};
      }
      for (const label of labels[i]) kept[label] = kept[label] || {};
    });
    // (A match's keys are all the query's: the positions kept replace them whole.)
    result.matchData.metadata = {};
    for (const key in kept) {
      const fields = result.matchData.metadata[key] = {};
      for (const field in kept[key]) fields[field] = { position: [...kept[key][field]] };
    }
  }
  // Ranked by the tiers in order, then lunr's score; as scores 600× apart per rank of tiers, so that
  // Material's own boosts (up to 5×) reorder only pages of equal tiers. Within a rank, lunr's score on a
  // log scale: a title's match (lunr's field boost, 1000×) and the next one come close, and Material's own
  // preference (a page before its sections) decides between them.
  const order = (a, b) => { for (let i = 0; i < 6; i++) if (a.tiers[i] !== b.tiers[i]) return b.tiers[i] - a.tiers[i]; return 0; };
  results.sort((a, b) => order(a, b) || b.score - a.score);
  const top = Math.log1p(Math.max(0, ...results.map(result => result.score))) || 1;
  let rank = 0;
  results.forEach((result, i) => { if (i && order(results[i - 1], result)) rank++; result.rank = rank; });
  for (const result of results) result.score = 600 ** (rank - result.rank) * (1 + 99 * Math.log1p(result.score) / top);
  // A word indexed in several forms matches several query terms at one position; Material's highlighter
  // would mark it once per term, so keep each position once.
  for (const result of results) {
    const seen = new Set();
    for (const fields of Object.values(result.matchData.metadata)) {
      for (const field in fields) {
        const positions = fields[field].position;
        if (positions) fields[field].position = positions.filter(at => !seen.has(field + ":" + at) && seen.add(field + ":" + at));
      }
    }
  }
  return results;
};
