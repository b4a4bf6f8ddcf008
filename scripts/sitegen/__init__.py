"""Turn the article and its fact data into the site's Markdown pages.

The pipeline, one module a step:

    loader.py    data/*.yml → one dataset, every string NFC, every place remembered (it places the checks' errors)
    validate.py  dataset → checked alone: the JSON Schema (schema.json), real days, unique ids, references
    article.py   the article file → numbered paragraphs
    truth.py     dataset → checked against the article: quotes, values as written, figures, translation
    compute.py   figures the site derives (days, ratios, shares), from the data
    numerals.py  the article's numbers as written (6.185, 29,75) read and shown, and where they disagree among themselves
    model.py     dataset + article + computed figures → what the templates read (dates.py: its dates, read once
                 from the article's d/m/yyyy and shown by format_date: as written, in words by Babel, ISO)
    pages.py     the page registry: every page once, with its place in the navigation, its titles and the data
                 it needs (a page is made only when its data has entries)
    render.py    model → Markdown pages through the Jinja templates in templates/ (one per page), once per
                 edition of languages.py (templating.py: the Jinja environment of an edition; filters.py: the
                 escapes for each place a text lands, Markdown or front matter, and the filters that need the
                 model or the language; parts.py: a page past pages.LIMIT as the index of its parts)
    pagefile.py  a page as the steps hand it on: front matter (a mapping) and body, written out once
    pictures.py  the pictures drawn into the pages as inline SVG (locator.py: the map's shapes; svg.py: the
                 pieces both draw with: wrapped text, the <svg> element with its title and description)
    cards.py     each page's social card, a PNG
    export.py    the data as downloads: YAML, JSON, CSV
    search_scripts.py  the search worker's Vietnamese file: the data, and search/'s code as minified
    write.py     pages → docs/, all or nothing
    table_labels.py  each table cell's column name, as data-label (a Python-Markdown extension in mkdocs.yml), so
                 that tables stack on a phone
    pipeline.py  the steps above in order (scripts/generate.py runs it from the command line)
    plugin.py    the MkDocs plugin that runs generate before every build (editions.py: a search index each;
                 serve.py: under `mkdocs serve`, each edition's 404 page and downloads that open as text;
                 slugs.py: heading anchors that keep "đ", for mkdocs.yml's toc)
"""
