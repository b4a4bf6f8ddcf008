"""Turn the article and its fact data into the site's Markdown pages.

The pipeline, one module a step:

    article.py   the article file → numbered paragraphs
    loader.py    data/*.yml → one dataset, every string NFC, every place remembered
    validate.py  dataset → checked against the JSON Schema and against the article
    cache.py     which data already passed the schema, in a per-user folder (nothing in it is run or parsed)
    compute.py   figures the site derives (days, ratios, shares), from the data
    model.py     dataset + article + computed figures → what the templates read
    render.py    model → Markdown pages through the Jinja templates in templates/
    export.py    the data as downloads: YAML, JSON, CSV
    search.py    the search worker's Vietnamese file, from search/
    write.py     pages → docs/, all or nothing
    generate.py  the steps above in order; the command-line entry point
    plugin.py    the MkDocs plugin that runs generate before every build
"""
