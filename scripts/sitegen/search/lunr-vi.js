/*
 * Search for Material for MkDocs, both editions — replaces lunr-languages' lunr.vi, which Material's search
 * worker loads for `search: lang: vi`. Material's UI, index format and worker stay as they are.
 *
 * Index side (the pipeline, once per token): every word is indexed folded (no tone marks, đ → d); every
 * date also as one canonical token ("12/01/2024", "12 January 2024" → date20240112); roman numerals after
 * thứ/khóa and English ordinals as digits (XI, 11th → 11); codes also as their parts (93/hd → 93, hd).
 * Added tokens keep the position of the word they come from, so results highlight the words on the page.
 *
 * Query side (lunr.Index#search, which Material's worker calls): the query's words become units; a page
 * covers a unit if it holds one of the unit's alternatives: the word folded (as typed ranks higher), its
 * synonyms (data/synonyms.yml) and glossary pairs (MTTQ ↔ mặt trận tổ quốc), Telex/VNI residue decoded (quyeets → quyết, only into a word of the index),
 * a run-together word split into words of the index (kontum → kon tum), a date in any common spelling, a code's
 * parts; and, only when nothing else matches, a word of the index one edit away. Question words are dropped.
 * Pages covering more units rank first; if some page covers them all, only those are shown.
 *
 * A result's ?h= (Material's, after a click) also carries the page's own spellings of what was found (quyết for
 * quyet, 12/01/2024 for a date), so Material's highlighter marks them on the page.
 *
 * scripts/minify_search.py minifies fold.js and this file into worker.min.js (terser); the generator
 * (scripts/sitegen/search_scripts.py) writes the data and that code as one file,
 * assets/javascripts/lunr/min/lunr.vi.min.js (the offline edition's worker loads nested scripts late).
 */
(function () {
  "use strict";

  var F = self.searchFold;
  var fold = F.fold;
  var data = self.searchVocabulary || {};
  var MONTHS = { january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
    september: 9, october: 10, november: 11, december: 12 };

  function push(map, key, value) {
    (map[key] = map[key] || []).push(value);
  }

  // The glossary's pairs (MTTQ = Mặt trận Tổ quốc) are equivalents on the query side, like synonyms that
  // rank as high as the word itself: nothing is added to the index for them.
  var glossary = (self.searchSynonyms || []).map(function (pair) { return [pair[0], pair[1], 1]; });

  // The index's words as the pages write them (lower case), by folded word or date key: quyet → [quyết],
  // date20240112 → [12/01/2024]. For Telex/VNI decoding, and for ?h= (Material marks them after a click).
  var spellings = {};

  // Roman numerals up to 39 (the ordinals of congresses and terms): "xi" → 11, anything else → 0.
  function roman(text) {
    if (!/^x{0,3}(ix|iv|v?i{0,3})$/.test(text) || !text) return 0;
    var values = { i: 1, v: 5, x: 10 };
    var total = 0;
    for (var i = 0; i < text.length; i++) {
      var value = values[text[i]];
      total += values[text[i + 1]] > value ? -value : value;
    }
    return total;
  }

  // What one word adds, whatever its neighbours: its date key, a code's parts, an ordinal's digits.
  function extras(text) {
    var out = [];
    var folded = fold(text);
    var date = F.numericDate(folded);
    if (date) out.push(date);
    if (/[\/.]/.test(folded) && /\p{L}|\//u.test(folded)) {
      folded.split(/[\/.]+/).forEach(function (part) { if (part && part !== folded) out.push(part); });
    }
    var ordinal = /^(\d+)(st|nd|rd|th)$/.exec(folded);
    if (ordinal) out.push(String(+ordinal[1]));
    if (folded.length >= 2 && roman(folded)) out.push(String(roman(folded)));
    return out;
  }

  // Punctuation off both ends, then folded, and what the word adds whatever its neighbours; worked out
  // once per distinct word (a cache), which also records its spellings once.
  var words = new Map();
  function known(text) {
    var hit = words.get(text);
    if (hit) return hit;
    var trimmed = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    var folded = fold(trimmed);
    var more = trimmed ? extras(trimmed) : [];
    if (folded !== trimmed) record(folded, trimmed);
    if (/^date/.test(more[0])) record(more[0], trimmed);
    // [folded, its extras, whether it looks at its neighbours: a day, a month's name, a single roman numeral]
    hit = [folded, more, /^(\d\d?|[ivx])$/.test(folded) || !!MONTHS[folded]];
    if (words.size < 200000) words.set(text, hit);
    return hit;
  }

  function record(key, spelling) {
    var list = spellings[key] = spellings[key] || [];
    if (list.indexOf(spelling) < 0) list.push(spelling);
  }

  // The index pipeline's one stage. Each word is indexed folded only (half the postings of folded + as
  // written: the worker is ready sooner); the spelling as typed still ranks first, checked against the
  // page's text at query time. Added words keep the token's position, so Material highlights the word.
  function foldToken(token, index, tokens) {
    var word = known(token.str);
    var folded = word[0];
    if (!folded) return undefined;
    token.str = folded;
    if (!word[1].length && !word[2]) return token;  // most words: nothing more
    var out = [token];
    word[1].forEach(function (key) { out.push(new lunr.Token(key, token.metadata)); });
    if (!word[2]) return out;
    function at(offset) {
      var next = tokens[index + offset];
      return next ? known(next.str)[0] : "";
    }
    function add(key) { if (key) out.push(new lunr.Token(key, token.metadata)); }
    if (folded.length === 1 && roman(folded) && /^(thu|khoa)$/.test(at(-1))) add(String(roman(folded)));
    // Dates in words: "12 January 2024", "January 12, 2024", "ngày 12 tháng 1 năm 2024".
    if (/^\d{1,2}$/.test(folded)) {
      if (MONTHS[at(1)] && /^\d{4}$/.test(at(2))) add(F.dateKey(at(2), MONTHS[at(1)], folded));
      if (at(1) === "thang" && at(3) === "nam") add(F.dateKey(at(4), at(2), folded));
    } else if (MONTHS[folded] && /^\d{1,2}$/.test(at(1)) && /^\d{4}$/.test(at(2))) {
      add(F.dateKey(at(2), MONTHS[folded], at(1)));
    }
    return out;
  }

  // Material removes lunr.vi's stopWordFilter and stemmer, and keeps lunr.vi.trimmer, as mkdocs.yml's
  // `pipeline: [trimmer]` asks: the one stage goes under that name. The query side is our own (below).
  lunr.vi = function () {
    this.pipeline.reset();
    this.pipeline.add(foldToken);
    this.searchPipeline.reset();
  };
  lunr.vi.trimmer = foldToken;
  lunr.Pipeline.registerFunction(foldToken, "fold-vi");

  // ---- Query side ----

  // The index's words, once per index: sorted (prefix look-up), by folded form (marked spellings).
  function vocabularyOf(index) {
    if (index._vocabulary) return index._vocabulary;
    var keys = Object.keys(index.invertedIndex).sort();
    var has = new Set(keys);
    var marked = index._spellings || {};
    // Which edition: its own synonyms and question words (the English pages are full of "the" and "of").
    var en = has.has("the") && has.has("of") && has.has("and");
    var v = index._vocabulary = {
      keys: keys, has: has, marked: marked,
      dates: keys.filter(function (key) { return /^date\d{8}$/.test(key); }),
      synonyms: phrases(((en ? data.synonyms_en : data.synonyms) || []).concat(glossary)),
      questions: phrases([en ? data.questions_en : data.questions])
    };
    return v;
  }

  // Groups of phrases → first folded word → [{words, group}], longest first.
  function phrases(groups) {
    var map = {};
    var seen = new Set();
    (groups || []).forEach(function (group) {
      // A glossary pair [abbr, expansion, 1] is as good as the word itself; other synonyms rank below.
      var boost = typeof group[group.length - 1] === "number" ? group[group.length - 1] : 0.3;
      var folded = group.filter(function (phrase) { return typeof phrase === "string"; })
        .map(function (phrase) { return fold(phrase).split(/\s+/); });
      var key = folded.join("|");
      if (seen.has(key)) return;
      seen.add(key);
      folded.forEach(function (words) { push(map, words[0], { words: words, group: folded, boost: boost }); });
    });
    Object.keys(map).forEach(function (key) {
      map[key].sort(function (a, b) { return b.words.length - a.words.length; });
    });
    return map;
  }

  function prefixed(v, prefix) {
    var lo = 0, hi = v.keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (v.keys[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    var out = [];
    for (var i = lo; i < v.keys.length && v.keys[i].lastIndexOf(prefix, 0) === 0; i++) out.push(v.keys[i]);
    return out;
  }

  // Diacritics of a word as a set: "quyết" → {circumflex, acute}; đ counts as one.
  function marksOf(word) {
    var out = new Set();
    word.normalize("NFD").replace(/[\u0300-\u036f]|đ/g, function (mark) { out.add(mark); return ""; });
    return out;
  }

  var TELEX_TONES = { s: "\u0301", f: "\u0300", r: "\u0309", x: "\u0303", j: "\u0323" };
  var VNI = { 1: "\u0301", 2: "\u0300", 3: "\u0309", 4: "\u0303", 5: "\u0323", 6: "\u0302", 7: "\u031b", 8: "\u0306", 9: "đ" };

  // Telex or VNI keystrokes left in a word ("quyeets", "thawngs", "quye61t") → {base: "quyet", marks}.
  function decode(word) {
    var marks = marksOf(word);
    var text = fold(word);
    var base = "";
    if (/^\p{L}+[\p{L}\d]*$/u.test(text) && /\d/.test(text)) {
      for (var i = 0; i < text.length; i++) {
        if (VNI[text[i]]) marks.add(VNI[text[i]]); else base += text[i];
      }
      return { base: base, marks: marks };
    }
    if (!/^[a-z]+$/.test(text)) return null;
    // The tone key comes last, or straight after the vowel it marks ("quyeets", "thasng").
    var tone = /^(.*[aeiouy].*)([sfrxj])$/.exec(text) || /^(.*[aeiouy])([sfrxj])([^aeiouy]*)$/.exec(text);
    if (tone) {
      marks.add(TELEX_TONES[tone[2]]);
      text = tone[1] + (tone[3] || "");
    }
    base = text.replace(/dd/g, function () { marks.add("đ"); return "d"; })
      .replace(/([aeo])\1/g, function (m, vowel) { marks.add("\u0302"); return vowel; })
      .replace(/aw/g, function () { marks.add("\u0306"); return "a"; })
      .replace(/([ou])w/g, function (m, vowel) { marks.add("\u031b"); return vowel; })
      .replace(/w/g, function () { marks.add("\u031b"); return "u"; });
    return base === fold(word) && marks.size === marksOf(word).size ? null : { base: base, marks: marks };
  }

  // Decoded residue → the index's spellings of that word (those carrying at least the decoded marks).
  function decoded(v, word, prefix) {
    var d = decode(word);
    if (!d || !d.marks.size || !/[aeiouy]/.test(d.base)) return [];
    var bases = prefix ? prefixed(v, d.base) : [d.base];
    var out = [];
    bases.forEach(function (base) {
      (v.marked[base] || []).forEach(function (key) {
        var marks = marksOf(key);
        var all = true;
        d.marks.forEach(function (mark) { if (!marks.has(mark)) all = false; });
        if (all) out.push(key);
      });
    });
    return out;
  }

  // A run-together word split into words of the index (at most 4): "quyetthang" → ["quyet", "thang"].
  function split(v, word, prefix) {
    if (word.length < 4 || !/^[a-z]+$/.test(word)) return null;
    var best = [[]];
    for (var end = 1; end <= word.length; end++) {
      for (var start = Math.max(0, end - 8); start <= end - 2; start++) {
        var part = word.slice(start, end);
        var last = end === word.length;
        // A word being typed may end in the start of a word, of 3 letters at least ("donng" is no "don ng").
        var known = v.has.has(part) || (last && prefix && part.length > 2 && prefixed(v, part).length);
        if (best[start] && known && best[start].length < 4 && (!best[end] || best[start].length + 1 < best[end].length)) {
          best[end] = best[start].concat([part]);
        }
      }
    }
    var parts = best[word.length];
    return parts && parts.length > 1 ? parts : null;
  }

  // Words of the index one edit (or one swap of neighbours) away from a word of 5 letters or more.
  function near(v, word) {
    if (word.length < 5) return [];
    return v.keys.filter(function (key) {
      if (Math.abs(key.length - word.length) > 1 || fold(key) !== key) return false;
      var i = 0;
      while (i < key.length && key[i] === word[i]) i++;
      var a = word.slice(i + 1), b = key.slice(i + 1);
      return a === b || word.slice(i) === b || word.slice(i + 1) === key.slice(i) ||
        (word[i] === key[i + 1] && word[i + 1] === key[i] && word.slice(i + 2) === key.slice(i + 2));
    }).filter(function (key) { return key !== word; });
  }

  // A term of an alternative: the index words that count for it, with their boosts, and its label
  // (what Material shows as missing and passes on to the page in ?h=).
  function term(v, text, prefix, boost) {
    var keys = {};
    if (v.has.has(text)) keys[text] = boost;
    if (prefix) prefixed(v, text).forEach(function (key) { if (!(key in keys)) keys[key] = boost * 0.6; });
    return { label: text, keys: keys };
  }

  function literal(keys, boost, label) {
    var out = {};
    keys.forEach(function (key) { out[key] = boost; });
    return { label: label || keys[0], keys: out };
  }

  function found(t) { return Object.keys(t.keys).length > 0; }

  // One query word → its unit: alternatives, each a list of terms that must all be on the page.
  function wordUnit(v, word, previous) {
    var folded = fold(word.text);
    var alts = [];
    var own = term(v, folded, word.prefix, 1);
    alts.push([own]);
    var exact = exactOf([word]);
    var r = roman(folded);
    var ordinal = /^(\d+)(st|nd|rd|th)$/.exec(folded);
    // As digits, below the word as typed: bare numbers are everywhere (paragraph numbers: ¶ 11).
    if (r && (folded.length > 1 || /^(thu|khoa|lan)$/.test(previous))) alts.push([term(v, String(r), false, 0.3)]);
    if (ordinal) alts.push([term(v, String(+ordinal[1]), false, 0.3)]);
    var parts = folded.split(/[\/.]+/).filter(Boolean);
    if (parts.length < 2 && !ordinal) {
      var run = /^(\p{L}+)(\d+)$|^(\d+)(\p{L}+)$/u.exec(folded);
      if (run) parts = run[1] ? [run[1], run[2]] : [run[3], run[4]];
    }
    if (parts.length > 1) {
      alts.push(parts.map(function (part, i) { return term(v, part, word.prefix && i === parts.length - 1, 0.8); }));
    }
    if (!found(own) && alts.length === 1) {
      var keys = decoded(v, word.text, word.prefix);
      var pieces = !keys.length && split(v, folded, word.prefix);
      var close = !keys.length && !pieces && near(v, folded);
      if (keys.length) {
        alts.push([literal(keys.map(fold), 1, keys[0])]);
        exact = keys;
      }
      else if (pieces) alts.push(pieces.map(function (piece, i) { return term(v, piece, word.prefix && i === pieces.length - 1, 0.8); }));
      else close.forEach(function (word) { alts.push([literal([word], 0.3)]); });
    }
    return { alts: alts, primary: folded, exact: exact };
  }

  // Words typed with their marks: a page holding them as typed ranks first (thiếu before thiểu).
  function exactOf(words) {
    return words.filter(function (word) { return fold(word.text) !== word.text; })
      .map(function (word) { return word.text.normalize("NFC"); });
  }

  // Dates typed as several words, matched on the folded words joined by spaces, month names as m1 … m12;
  // the groups in the order the letters say (d: day, m: month, y: year). A month and year finds its days.
  var DATES = [
    [/^(\d{1,2}) (?:thang |m)?(\d{1,2}) (?:nam )?(\d{4})(?= |$)/, "dmy"], // 12 1 2024, 12 tháng 1 năm 2024, 12 January 2024
    [/^(\d{4}) (\d{1,2}) (\d{1,2})(?= |$)/, "ymd"],
    [/^m(\d{1,2}) (\d{1,2}) (\d{4})(?= |$)/, "mdy"], // January 12, 2024
    [/^(?:thang |m)(\d{1,2}) (?:nam )?(\d{4})(?= |$)/, "my"], // tháng 4 năm 2024, April 2024
    [/^(\d{1,2})(?: thang | m|[\/.])(\d{1,2})(?= |$)/, "dm"], // 12 tháng 1, 12 January, 12/1
    [/^m(\d{1,2}) (\d{1,2})(?= |$)/, "md"]
  ];

  // A date at words[i] in any spelling readers use; → {length, keys, prefix} or null.
  function dateAt(v, words, i) {
    var list = words.slice(i, i + 6).map(function (word) {
      var folded = fold(word.text);
      return MONTHS[folded] ? "m" + MONTHS[folded] : folded;
    });
    var skip = list[0] === "ngay" && /^\d/.test(list[1]) ? 1 : 0;
    var one = F.numericDate(list[skip] || "");
    if (one) return { length: skip + 1, keys: [one] };
    var text = list.slice(skip).join(" ");
    for (var d = 0; d < DATES.length; d++) {
      var m = DATES[d][0].exec(text);
      if (!m) continue;
      var at = {};
      DATES[d][1].split("").forEach(function (part, k) { at[part] = m[k + 1]; });
      var length = skip + m[0].split(" ").length;
      if (at.y) {
        var key = F.dateKey(at.y, at.m, at.d);
        return key ? { length: length, keys: [key], prefix: !at.d } : null;
      }
      // A day and month with no year: every date of the index on that day.
      var tail = F.dateKey(2000, at.m, at.d).slice(8);
      return tail.length === 4 ? { length: length, keys: v.dates.filter(function (key) { return key.slice(8) === tail; }) } : null;
    }
    return null;
  }

  // The longest phrase of `map` at words[i] (folded), or null.
  function phraseAt(map, words, i) {
    var first = fold(words[i].text);
    var candidates = map[first] || [];
    for (var c = 0; c < candidates.length; c++) {
      var p = candidates[c].words;
      var ok = p.every(function (word, k) { return words[i + k] && fold(words[i + k].text) === word; });
      if (ok) return candidates[c];
    }
    return null;
  }

  // Material's query ("quyết* thắng*": split at the separator, a wildcard on every term) → units.
  var last = { index: null, query: null, units: null };
  function analyze(index, query) {
    if (last.index === index && last.query === query) return last.units;
    var v = vocabularyOf(index);
    // Material repeats a part holding a separator once per piece ("12-1-2024* 12-1-2024* 12-1-2024*"): once.
    var raw = query.trim().split(/\s+/).filter(function (item, i, all) { return item && item !== all[i - 1]; });
    var words = [];
    raw.forEach(function (item, i) {
      if (/^-/.test(item)) return;
      var prefix = i === raw.length - 1 && /\*$/.test(item);
      var text = item.replace(/^\+/, "").replace(/\*$/, "").toLowerCase();
      // "%" and other marks search cannot use go; "-" separates, except inside a date (2024-01-12).
      var pieces = F.numericDate(fold(text)) ? [text] : text.split("-");
      pieces.forEach(function (piece, k) {
        piece = piece.replace(/[^\p{L}\p{M}\p{N}\/.\-]+/gu, "").replace(/^[\/.\-]+|[\/.\-]+$/g, "");
        if (piece) words.push({ text: piece, prefix: prefix && k === pieces.length - 1 });
      });
    });
    function build(dropQuestions) {
      var units = [];
      for (var i = 0; i < words.length;) {
        var date = dateAt(v, words, i);
        if (date && date.keys.length) {
          var keys = {};
          date.keys.forEach(function (key) {
            if (date.prefix) prefixed(v, key).forEach(function (k) { keys[k] = 1; }); else keys[key] = 1;
          });
          units.push({ alts: [[{ label: date.keys[0], keys: keys }]], primary: null });
          i += date.length;
          continue;
        }
        var question = dropQuestions && phraseAt(v.questions, words, i);
        if (question) { i += question.words.length; continue; }
        var synonym = phraseAt(v.synonyms, words, i);
        if (synonym && synonym.words.length > 1) {
          var typed = words.slice(i, i + synonym.words.length);
          var alts = [typed.map(function (word) { return wordUnit(v, word, "").alts[0][0]; })];
          synonym.group.forEach(function (phrase) {
            if (phrase.join(" ") === synonym.words.join(" ")) return;
            alts.push(phrase.map(function (word) { return term(v, word, false, synonym.boost); }));
          });
          units.push({ alts: alts, primary: null, exact: exactOf(typed) });
          i += synonym.words.length;
          continue;
        }
        var unit = wordUnit(v, words[i], i ? fold(words[i - 1].text) : "");
        if (synonym) {
          synonym.group.forEach(function (phrase) {
            if (phrase.join(" ") !== synonym.words.join(" ")) unit.alts.push(phrase.map(function (word) { return term(v, word, false, synonym.boost); }));
          });
        }
        units.push(unit);
        i += 1;
      }
      return units;
    }
    var units = build(true);
    if (!units.length) units = build(false);
    // The pages' own spellings of the words a unit names (quyết for quyet, 12/01/2024 for a date key): a page
    // holding one is told it in ?h=, and Material's highlighter marks it there. Not for a short prefix's many words.
    units.forEach(function (unit) {
      unit.spell = [];
      unit.alts.forEach(function (alt) {
        alt.forEach(function (t) {
          var keys = Object.keys(t.keys);
          if (keys.length <= 12) keys.forEach(function (key) {
            (v.marked[key] || []).forEach(function (spelling) { unit.spell.push([spelling, key]); });
          });
        });
      });
    });
    last = { index: index, query: query, units: units };
    return units;
  }

  function labelsOf(units, spelt) {
    var out = [];
    units.forEach(function (unit) {
      unit.alts.forEach(function (alt) { alt.forEach(function (t) { out.push(t.label); }); });
      if (spelt) unit.spell.forEach(function (pair) { out.push(pair[0]); });
    });
    return out;
  }

  // Material parses the query too, for the words it shows as missing and passes on in ?h=: give it the
  // labels of every alternative; only a unit's own word may show as missing (see stopWordFilter below).
  var secondary = new Set();
  var Parser = lunr.QueryParser;
  function FoldingParser(query, target) {
    var units = last.index ? analyze(last.index, query) : [];
    var labels = labelsOf(units, true);
    secondary = new Set(labels.filter(function (label) {
      return !units.some(function (unit) { return unit.primary === label; });
    }));
    Parser.call(this, labels.map(function (label) { return label.replace(/[\s:^~*+\-]+/g, " "); }).join(" ") || query, target);
  }
  FoldingParser.prototype = Parser.prototype;
  Object.keys(Parser).forEach(function (key) { FoldingParser[key] = Parser[key]; });
  lunr.QueryParser = FoldingParser;
  var stopWordFilter = lunr.stopWordFilter;
  lunr.stopWordFilter = function (term) {
    return secondary.has(term) ? undefined : stopWordFilter.apply(this, arguments);
  };
  // Under the original's label, so lunr's default pipeline takes it without a warning.
  lunr.stopWordFilter.label = stopWordFilter.label;
  lunr.Pipeline.registeredFunctions[stopWordFilter.label] = lunr.stopWordFilter;

  // Material keeps the last index built; so do we, for the parser above (it parses before it searches).
  // ... and the pages' text, lower case, for the spelling as typed; and the spellings seen while indexing.
  // (kept as they are; lower-cased when a query first needs them)
  var texts = {};
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc) {
    texts[doc[this._ref]] = doc;
    return add.apply(this, arguments);
  };
  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    var index = build.call(this);
    index._texts = texts;
    index._spellings = spellings;
    texts = {};
    spellings = {};
    words = new Map();
    last = { index: index, query: null, units: null };
    return index;
  };

  lunr.Index.prototype.search = function (query) {
    var index = this;
    var units = analyze(index, query);
    if (!units.length) return [];
    var boosts = {};
    units.forEach(function (unit) {
      unit.alts.forEach(function (alt) {
        alt.forEach(function (t) {
          Object.keys(t.keys).forEach(function (key) { boosts[key] = Math.max(boosts[key] || 0, t.keys[key]); });
        });
      });
    });
    var keys = Object.keys(boosts);
    if (!keys.length) return [];
    var results = index.query(function (q) {
      keys.forEach(function (key) {
        q.term(key, { usePipeline: false, boost: boosts[key], wildcard: lunr.Query.wildcard.NONE });
      });
    });
    var lengths = textLengths(index);
    var best = 0;
    results.forEach(function (result) {
      var metadata = result.matchData.metadata;
      var covered = 0;
      var exact = 1;
      var text = lowerText(index, result.ref);
      units.forEach(function (unit) {
        if (unit.exact && unit.exact.some(function (word) { return text.indexOf(word) >= 0; })) exact *= 3;
        var hit = unit.alts.some(function (alt) {
          return alt.every(function (t) { return Object.keys(t.keys).some(function (key) { return key in metadata; }); });
        });
        if (!hit) return;
        covered++;
        // Every label of a covered unit counts as found for Material, and so does each spelling of its words
        // that this page holds: ?h= carries them (synonyms, decoded words, the page's own marks).
        labelsOf([unit]).forEach(function (label) {
          if (!Object.keys(metadata).some(function (key) { return key.lastIndexOf(label, 0) === 0; })) metadata[label] = {};
        });
        unit.spell.forEach(function (pair) {
          if (pair[1] in metadata && !(pair[0] in metadata) && text.indexOf(pair[0]) >= 0) metadata[pair[0]] = {};
        });
      });
      // Within a tier, a long page (the whole article) counts less than a short one holding the same words.
      var s = exact * result.score / Math.sqrt(1 + (lengths[result.ref] || 0) / 1000);
      result.covered = covered;
      // Tiers 10⁴× apart: within a tier (1 to 1000) and Material's own boosts (up to 5×) reorder pages,
      // never across tiers.
      result.score = Math.pow(10000, covered) * (1 + Math.min(999, s));
      best = Math.max(best, covered);
    });
    if (best === units.length) results = results.filter(function (result) { return result.covered === best; });
    results.sort(function (a, b) { return b.score - a.score; });
    return unique(results);
  };

  // A page's title and text in lower case, once per page, for the spelling as typed.
  function lowerText(index, ref) {
    var doc = (index._texts || {})[ref];
    if (!doc) return "";
    if (doc._lower === undefined) {
      Object.defineProperty(doc, "_lower", { value: ((doc.title || "") + " " + (doc.text || "")).toLowerCase() });
    }
    return doc._lower;
  }

  // Distinct words in each document's text, once per index.
  function textLengths(index) {
    if (index._lengths) return index._lengths;
    var out = {};
    Object.keys(index.fieldVectors).forEach(function (ref) {
      if (ref.lastIndexOf("text/", 0) === 0) out[ref.slice(5)] = index.fieldVectors[ref].elements.length / 2;
    });
    index._lengths = out;
    return out;
  }

  // A word indexed in several forms matches several query terms at one position; Material's highlighter
  // would mark it once per term, so keep each position once.
  function unique(results) {
    results.forEach(function (result) {
      var seen = {};
      Object.keys(result.matchData.metadata).forEach(function (key) {
        var fields = result.matchData.metadata[key];
        Object.keys(fields).forEach(function (field) {
          if (!fields[field].position) return;
          fields[field].position = fields[field].position.filter(function (position) {
            var id = field + ":" + position;
            if (seen[id]) return false;
            seen[id] = true;
            return true;
          });
        });
      });
    });
    return results;
  }
})();
