/*
 * Vietnamese search for Material for MkDocs — replaces lunr-languages' lunr.vi, which Material's search
 * worker loads for `search: lang: vi`. Material's UI, index format and worker stay as they are.
 *
 * Index side: every word is indexed as written and folded (no tone marks, đ → d), so "quyet" finds
 * "Quyết"; an abbreviation from the glossary (data/glossary.yml, as self.searchSynonyms) is indexed with the words of its expansion
 * and an expansion with its abbreviation, so "MTTQ" and "Mặt trận Tổ quốc" find each other. Added tokens
 * keep the position of the word they come from, so results highlight the words on the page.
 *
 * Query side: each query term is searched folded and, if it has marks, as typed too, so exact spellings
 * rank first; documents holding every term come first (see the comments below).
 *
 * The generator (scripts/sitegen/search.py) writes fold.js, the glossary's pairs and this file, in that
 * order, into one file, docs/assets/javascripts/lunr/min/lunr.vi.min.js, which takes the place of
 * Material's: one file, because the offline edition's worker (iframe-worker) loads nested scripts late.
 * Not minified, despite the name: the worker asks for this file name.
 */
(function () {
  "use strict"

  var fold = self.searchFold.fold
  var synonyms = (self.searchSynonyms || []).map(function (pair) {
    return { abbr: fold(pair[0]), words: fold(pair[1]).split(/\s+/) }
  })

  function trimmer(token) {
    return token.update(function (text) {
      return text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    })
  }

  function foldToken(token, index, tokens) {
    var text = token.toString()
    if (!text) return undefined
    var out = [token]
    var folded = fold(text)
    if (folded !== text) out.push(token.clone(function () { return folded }))
    synonyms.forEach(function (synonym) {
      if (folded === synonym.abbr) {
        synonym.words.forEach(function (word) {
          out.push(token.clone(function () { return word }))
        })
      } else if (synonym.words.every(function (word, offset) {
        var next = tokens[index + offset]
        return next !== undefined && fold(next.toString()) === word
      })) {
        out.push(token.clone(function () { return synonym.abbr }))
      }
    })
    return out
  }

  lunr.vi = function () {
    this.pipeline.reset()
    this.pipeline.add(lunr.vi.trimmer, lunr.vi.fold)
    this.searchPipeline.reset()
    this.searchPipeline.add(lunr.vi.trimmer)
  }
  lunr.vi.trimmer = trimmer
  lunr.vi.fold = foldToken
  lunr.Pipeline.registerFunction(trimmer, "trimmer-vi")
  lunr.Pipeline.registerFunction(foldToken, "fold-vi")

  // Query side. Material's worker turns the typed text into terms with a trailing wildcard
  // ("quyết* thắng*") and hands the string to lunr's QueryParser; here each term also gets its
  // folded form. Only the last term, the one being typed, stays a prefix. The search first asks
  // for documents holding every folded term; if none does, for any of them.
  var requireAll = false

  function expand(query) {
    var seen = {}
    var out = []
    var terms = query.trim().split(/\s+/).filter(Boolean)
    terms.forEach(function (term, index) {
      if (index < terms.length - 1) term = term.replace(/\*$/, "")
      var modifier = /^[+-]/.test(term) ? term[0] : ""
      var word = modifier ? term.slice(1) : term
      var folded = fold(word)
      var variants = []
      if (folded !== word.toLowerCase()) variants.push(word)
      variants.push((modifier || (requireAll ? "+" : "")) + folded)
      variants.forEach(function (variant) {
        var key = variant.toLowerCase()
        if (!seen[key]) {
          seen[key] = true
          out.push(variant)
        }
      })
    })
    return out.join(" ")
  }

  var Parser = lunr.QueryParser
  function FoldingParser(query, target) {
    Parser.call(this, expand(query), target)
  }
  FoldingParser.prototype = Parser.prototype
  Object.keys(Parser).forEach(function (key) { FoldingParser[key] = Parser[key] })
  lunr.QueryParser = FoldingParser

  var search = lunr.Index.prototype.search
  lunr.Index.prototype.search = function (query) {
    requireAll = true
    try {
      var all = search.call(this, query)
    } finally {
      requireAll = false
    }
    return unique(all.length ? all : search.call(this, query))
  }

  // A word indexed in several forms matches several query terms at one position; Material's highlighter
  // would mark it once per term, so keep each position once.
  function unique(results) {
    results.forEach(function (result) {
      var seen = {}
      Object.keys(result.matchData.metadata).forEach(function (term) {
        var fields = result.matchData.metadata[term]
        Object.keys(fields).forEach(function (field) {
          if (!fields[field].position) return
          fields[field].position = fields[field].position.filter(function (position) {
            var key = field + ":" + position
            if (seen[key]) return false
            seen[key] = true
            return true
          })
        })
      })
    })
    return results
  }
})()
