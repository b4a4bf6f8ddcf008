"""MkDocs plugin: generate docs/ from the data before every build, and watch the data while serving.

docs/ and site/ change all or nothing (write.py): the new pages are moved into docs/ before MkDocs reads them,
MkDocs builds into a folder staged inside site/, and both are committed only when the whole build has
succeeded, with no warning under --strict. Any error rolls both back, so the last good site stays. One build
at a time holds docs/'s lock. While `mkdocs serve` runs, a data error leaves docs/ as it was: the site is
rebuilt from the last good pages with the error shown at the top of each, in the page's language, until the
data is fixed.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from babel import Locale
from babel.core import get_global
from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, get_theme_dir
from mkdocs.utils.templates import TemplateContext

from . import pages as registry
from . import serve
from .editions import split_search_index
from .errors import DataError, one_line
from .filters import md_escape
from .languages import editions, from_i18n, use
from .loader import Dataset, data_files, load_dataset, read_yaml
from .pages import nav_translations, navigation, present
from .pipeline import make_files
from .search_scripts import SCRIPTS as SEARCH_SCRIPTS
from .slugs import slugify
from .strings import t
from .templating import TEMPLATES
from .write import (
    Change,
    FolderLock,
    Interruptible,
    hand_written,
    roll_back,
    site_change,
    stage_pages,
    stage_site,
    write_failed,
    zip_folder,
)

log = get_plugin_logger(__name__)

NAMED = {"site_name": "short_name", "site_description": "description", "copyright": "copyright"}  # config ← site.yml
# Front matter written from the data that the theme prints: description (raw in Material's <meta name="description">)
# and card_alt (overrides/main.html). The titles come from the page registry (pages.py), not from the data.
META_FROM_DATA = ("title", "description", "card_alt")  # front matter with words from the data, which Material prints raw
OFFLINE_POLYFILL = "assets/javascripts/iframe-worker/shim.js"  # shipped in overrides/, not loaded from a CDN
# The theme overrides the generated pages need (templates, the stylesheet, the polyfill): the plugin brings them,
# so a report's mkdocs.yml needs no custom_dir and no copy of them.
OVERRIDES = Path(__file__).with_name("overrides")
STYLESHEET = "assets/stylesheets/site.css"


class SitegenConfig(base.Config):
    enabled = c.Type(bool, default=True)
    data_dir = c.Dir(exists=True, default="data")  # relative to mkdocs.yml
    # This site's search (search_scripts.py: folding, dates, synonyms; one language file per edition). False:
    # Material's own lunr.vi, as the search benchmark compares.
    search = c.Type(bool, default=True)
    # The plugin's theme overrides and stylesheet (overrides/). False: Material's own look, as the Lighthouse
    # benchmark's baseline compares.
    overrides = c.Type(bool, default=True)
    # Where drawn social cards are kept between builds (cards.py), relative to mkdocs.yml, as Material's social
    # plugin keeps its own (git ignores .cache/). A folder that cannot be written only costs the drawing.
    cache_dir = c.Dir(default=".cache/sitegen")


class _Echo(logging.Filter):
    """mkdocs-static-i18n repeats at every build the per-edition settings and navigation names this project
    gives it (mkdocs.yml, pages.py); under serve they buried the one line that matters. Kept for --verbose."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.INFO and str(record.msg).startswith(ECHOED):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            return logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG)
        return True


ECHOED = ("mkdocs_static_i18n: Overriding '", "mkdocs_static_i18n: Translated ")  # as its logger prefixes them
ECHO = _Echo()
I18N_LOGGERS = ("mkdocs.plugins.mkdocs_static_i18n.reconfigure", "mkdocs.plugins.mkdocs_static_i18n.plugin")


def _site_root(config: MkDocsConfig) -> str:
    """The default edition's address: site_url, less the edition's folder in another edition's build."""
    root = config.site_url or ""
    edition = _edition(config) if _building_other_edition(config) else None
    return root.removesuffix(f"{edition}/") if edition else root


def _readable_values(data_dir: Path) -> dict:
    """The values of every data file that can be read alone (the whole dataset could not be)."""
    values: dict = {}
    for path in data_files(data_dir)[0]:
        with contextlib.suppress(DataError):
            values.update(read_yaml(path)[0])
    return values


def _names(site: dict, article: dict, others: list[str]) -> dict[str | None, dict[str, Markup]]:
    """The config values named from the data, escaped, by edition (None: the default one); the author where known."""
    author = {"site_author": escape(article["author"])} if "author" in article else {}
    return {
        locale: {
            attribute: escape(site.get(f"{key}_{locale}", site[key]) if locale else site[key]) for attribute, key in NAMED.items()
        }
        | author
        for locale in [None, *others]
    }


def _building_other_edition(config: MkDocsConfig) -> bool:
    """True inside mkdocs-static-i18n's nested build of a non-default edition (it runs every plugin again).
    The plugin offers no public flag for this; `building` is set for exactly those nested builds."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


def _add_overrides(config: MkDocsConfig) -> None:
    """The plugin's theme overrides above the theme's own templates and below the project's custom_dir, as
    Material's own plugins add theirs, and its stylesheet. Again in each edition's build: once only."""
    dirs = config.theme.dirs
    if str(OVERRIDES) not in dirs:
        theme = get_theme_dir(config.theme.name) if config.theme.name else None
        dirs.insert(dirs.index(theme) if theme in dirs else 0, str(OVERRIDES))
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)


def _offline(config: MkDocsConfig) -> bool:
    """Whether Material's offline plugin is on: one switch for the offline edition (its `enabled`)."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return offline is not None and bool(offline.config.get("enabled", True))


def own_pages(docs_dir: Path, nav: list[dict[str, object]]) -> list[str]:
    """The pages written by hand in docs/, to follow ``nav``, the generated ones (each other edition's twin,
    page.en.md, goes with its page)."""
    registry = {entry for item in nav for entry in _nav_files(item)}
    return sorted(
        name
        for name in hand_written(docs_dir)
        if name.endswith(".md") and editions().of_file(name)[0] == name and name not in registry
    )


def _nav_files(item: object) -> list[str]:
    if isinstance(item, str):
        return [item]
    values = item.values() if isinstance(item, dict) else item if isinstance(item, list) else []
    return [name for value in values for name in _nav_files(value)]


def _edition(config: MkDocsConfig) -> str | None:
    """The locale mkdocs-static-i18n is building (its `current_language`; no public accessor), or None."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) if i18n is not None else None


def _og_locale(lang: str) -> str:
    """An edition's Open Graph locale: its language and likely territory (vi_VN, en_US), by Babel's CLDR data."""
    locale = Locale.parse(get_global("likely_subtags").get(lang, lang))
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


class SitegenPlugin(BasePlugin[SitegenConfig]):
    command = ""
    error: str | None = None
    _dataset: Dataset | None = None  # the data as on_config read it, for this build's on_pre_build
    _present: tuple[registry.Page, ...] = ()  # the pages the data as on_config could read it makes: the navigation
    names: dict[str | None, dict[str, Markup]] = {}  # config values, escaped, by edition (None: the default one)
    not_found: dict[str, str] = {}  # each edition's 404 page: every edition's build writes site/404.html
    _lock: FolderLock | None = None  # docs/'s, from on_config to the end of the build
    _pages: Change | None = None  # the new pages, moved into docs/ and not yet committed
    _site: Path | None = None  # the site folder, while MkDocs builds into a staged one inside it
    _warnings: CountHandler | None = None  # under --strict: a warning means MkDocs aborts after on_post_build
    _config: MkDocsConfig | None = None  # for on_build_error, which is not given it
    _parts: frozenset[str] = frozenset()  # generated pages outside the navigation: the parts of long pages
    _settled: list[Change] = []  # docs/'s and site/'s changes, made for good, until what they replaced is removed

    def __init__(self) -> None:
        super().__init__()
        self._interruptible = Interruptible()  # SIGTERM as Ctrl+C while a build is under way

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self._interruptible.start()  # SIGTERM as Ctrl+C for the whole command: on_shutdown rolls a build back
        for name in I18N_LOGGERS:
            logging.getLogger(name).addFilter(ECHO)  # once: a logger keeps one of the same filter

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        # Before mkdocs-static-i18n's on_config (priority -100), which reads the editions' navigation names.
        if not _building_other_edition(config):
            i18n = config.plugins.get("i18n")
            use(from_i18n(i18n.config.languages if i18n is not None else [], config.theme.get("language") or "en"))
            self._config = config
            try:
                self._begin(config)
                self._read_names(config)
                self._navigation(config)
            except (DataError, OSError) as error:  # docs/ or site/ in a state no build made: one line
                self._abandon(config)
                message = error if isinstance(error, DataError) else write_failed(Path(config.site_dir), error)
                raise PluginError(str(message)) from None
            if self.command == "build" and urlsplit(config.site_url or "").hostname in ("127.0.0.1", "localhost"):
                log.info(
                    f"canonical links and sitemap.xml point at {config.site_url} (SITE_URL is not set): "
                    "fine for testing; set SITE_URL to the public address before publishing"
                )
        if self.config.overrides:
            _add_overrides(config)
        # Set here rather than in mkdocs.yml, which then stays plain YAML (no !!python/name) for every reader.
        config.mdx_configs.setdefault("toc", {}).setdefault("slugify", slugify)
        if _offline(config):
            # Material's offline plugin would add iframe-worker from a CDN unless one is listed already.
            polyfills = list(config.extra.get("polyfills", []))
            if OFFLINE_POLYFILL not in polyfills:
                config.extra["polyfills"] = [*polyfills, OFFLINE_POLYFILL]
        return config

    def _begin(self, config: MkDocsConfig) -> None:
        """Take docs/'s lock (rolling back what a killed build left), and stage the site for `mkdocs build`."""
        self._abandon(config)  # a build that ended without on_post_build or on_build_error (serve's last)
        self._lock = FolderLock(Path(config.docs_dir))
        try:
            self._lock.acquire()
        except DataError as error:
            self._lock = None
            raise PluginError(str(error)) from None
        for leftover in Path(config.docs_dir).parent.glob(".generating-*"):  # staged by older versions
            shutil.rmtree(leftover, ignore_errors=True)
        if self.command != "serve":  # serve builds into a temporary folder of its own
            self._site = Path(config.site_dir)
            if self._site.is_dir():
                roll_back(self._site)
            config.site_dir = str(stage_site(self._site))
        if config.strict:
            self._warnings = CountHandler()
            self._warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self._warnings)

    def _abandon(self, config: MkDocsConfig) -> None:
        """Leave docs/ and site/ as they were before this build, and let the next build in. On the way out of a
        failure already said in one line: a folder that cannot even be rolled back is the next build's to name."""
        pages, site, self._pages, self._site = self._pages, self._site, None, None
        with contextlib.suppress(DataError, OSError):
            self._tidy()
            if pages is not None:
                roll_back(pages.folder)
            if site is not None:
                roll_back(site)  # the staged site; and the old one back, if it was being swapped in
        if site is not None:
            config.site_dir = str(site)
        self._end()

    def _end(self) -> None:
        if self._warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self._warnings)
            self._warnings = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _commit(self, config: MkDocsConfig) -> None:
        """The new site in place of the old one, and the new pages kept: the build has succeeded."""
        try:
            change = site_change(self._site) if self._site is not None else None
            if change is not None:
                change.apply()  # on failure (or Ctrl+C) it rolls itself back
        except DataError as error:
            self._abandon(config)
            raise PluginError(str(error)) from None
        # Both changes are in place and stay, together: once listed as settled, even a Ctrl+C from here on (which
        # came between the two, and left new pages beside the old site) ends with both settled, on the way out.
        self._settled = [made for made in (self._pages, change) if made is not None]
        self._pages = None
        if self._site is not None:
            config.site_dir, self._site = str(self._site), None
        with contextlib.suppress(OSError):  # the build is made; a kept copy that will not go, the next build removes
            self._tidy()
        self._end()

    def _tidy(self) -> None:
        """The settled changes made for good, and what they replaced removed (also on the way out of a Ctrl+C)."""
        while self._settled:  # one by one: a change is off the list only once it is made for good
            self._settled[0].commit()
            self._settled.pop(0)

    def _navigation(self, config: MkDocsConfig) -> None:
        """The navigation from the page registry (pages.py): the pages the data makes; and its names in each other
        edition. (Data that cannot be read makes fewer: the build then stops at on_pre_build, or serve shows the
        error over the last good pages.)"""
        i18n = config.plugins.get("i18n")
        nav = navigation(editions().default, self._present)
        config.nav = nav + own_pages(Path(config.docs_dir), nav)
        for language in i18n.config.languages if i18n is not None else []:
            if language.locale in editions().others:
                language.nav_translations = nav_translations(editions().default, language.locale)

    def _read_names(self, config: MkDocsConfig) -> None:
        """Each edition's site name, description and footer come from the data (site.yml), so that another
        article's site, inheriting this mkdocs.yml, shows none of this one's words.

        Material prints them raw in some places (the header, <title>, the footer) and with `| e` in others, so
        each is kept escaped, as Markup: text in both (`| e` leaves Markup as it is)."""
        data_dir = Path(self.config.data_dir)
        others = list(editions().others)
        try:
            self._dataset = load_dataset(data_dir)  # read once a build: on_pre_build uses it
            values = self._dataset.values
        except Exception:  # noqa: BLE001 - on_pre_build reports what is wrong with the data, in one line
            values = {}
        try:  # another file is wrong: serve, showing the last good pages, still names them from the data
            if not values:
                values = _readable_values(data_dir)
            # Not the values themselves: kept for the whole build, at 1000x data they would be hundreds of MB.
            self._present = present(values)
            self.names = _names(values["site"], values["article"], others)
        except Exception:  # noqa: BLE001 - the names' own files are wrong: serve keeps the names it last read
            return

    @event_priority(-150)  # after mkdocs-static-i18n's on_config, which builds each edition with this config
    def _name_edition(self, config: MkDocsConfig) -> MkDocsConfig:
        """The names of the edition being built, and the title of its headings' links (the toc extension's
        permalink_title). Set here, not as mkdocs-static-i18n's per-language overrides: it overrides options of
        plain types only, warns at a Markup (a failure under --strict), and forbids markdown_extensions."""
        if self.config.enabled:
            names = self.names.get(_edition(config) if _building_other_edition(config) else None, {})
            for attribute, value in names.items():
                setattr(config, attribute, value)
            toc = config.mdx_configs.get("toc")
            if toc is not None and toc.get("permalink"):
                toc["permalink_title"] = t("heading-link-title", _edition(config) or editions().default)
        return config

    on_config = CombinedEvent(_on_config, _name_edition)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or _building_other_edition(config):
            return  # the pages of every edition were written at the start of this build
        try:
            dataset, self._dataset = self._dataset, None
            files, _ = make_files(
                Path(self.config.data_dir), dataset=dataset, search=self.config.search, cache_dir=Path(self.config.cache_dir)
            )
            self._pages = stage_pages(Path(config.docs_dir), files)
            self._pages.apply()
        except DataError as error:
            self._fail(config, str(error))
            return
        except Exception as error:  # a bug, or a file nobody expected: still one line, never a hang
            log.debug("the generator failed", exc_info=True)
            self._fail(
                config, f"the generator failed: {type(error).__name__}: {error} (run `mkdocs build --verbose` for the traceback)"
            )
            return
        self.error = None
        # The parts of a page past its size (pages.py) are reached from that page, not from the navigation, which
        # every page carries: thousands of them would weigh on every page.
        in_nav = set(_nav_files(config.nav or []))
        self._parts = frozenset(
            name for name in (editions().of_file(path)[0] for path in files if path.endswith(".md")) if name not in in_nav
        )
        log.info(f"generated {len(files)} files from {self.config.data_dir} ({len(self._pages.changed)} changed)")

    def _fail(self, config: MkDocsConfig, message: str) -> None:
        message = one_line(message)  # an exception's own words may run over several lines
        if self.command != "serve" or not any(Path(config.docs_dir).glob("*.md")):
            raise PluginError(message)
        self.error = message
        log.error(f"{message} (serving the last good pages until this is fixed)")

    @event_priority(-200)  # after mkdocs-static-i18n's, which makes each edition's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.config.enabled:
            for file in files.documentation_pages():
                if editions().of_file(file.src_uri)[0] in self._parts:
                    file.inclusion = InclusionLevel.NOT_IN_NAV
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, **kwargs) -> str:
        if not self.config.enabled:
            return markdown
        # The front matter written from the data, escaped as the site's names are (_read_names): Material prints it
        # raw (a long page's part is titled "Places: <district> – …", in its header, <title> and the footer's links
        # of the pages beside it), so here, before any page is rendered.
        for key in META_FROM_DATA:
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
        if self.error is None:
            return markdown
        lang = _edition(config) or editions().default
        detail = t("data-error-detail", lang).format(message=md_escape(self.error))  # a maintainer's words: English
        return f'!!! failure "{t("data-error-title", lang)}"\n\n    {detail}\n\n' + markdown

    def on_env(self, env, *, config: MkDocsConfig, files):
        """For the theme's templates (the plugin's overrides/): the site's words in the edition being built (404.html), its
        folder, and its Open Graph locale (vi_VN: the language's likely territory, by Babel)."""
        if self.config.enabled:
            lang = _edition(config) or editions().default
            env.globals.update(
                site_words=functools.partial(t, lang=lang), edition_folder=editions().folder(lang), og_locale=_og_locale(lang)
            )
        return env

    @event_priority(-300)  # last: the JSON-LD as every other plugin left it
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav) -> TemplateContext:
        """The page's JSON-LD downloads as whole addresses (a crawler reads contentUrl so)."""
        if self.config.enabled:
            jsonld = page.meta.get("jsonld")
            if isinstance(jsonld, dict) and config.site_url:  # a crawler reads contentUrl as a whole address
                for download in jsonld.get("distribution", []):  # the downloads sit in the default edition
                    download["contentUrl"] = urljoin(_site_root(config), download["contentUrl"])
        return context

    @event_priority(-300)  # last: after the search index and the minifier have read the page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.config.enabled:
            # The page is written and indexed. MkDocs would keep its Markdown and HTML until both editions are
            # built: at 1000x data that was half the build's memory. (Its title stays: it is in its front
            # matter, and MkDocs reads no title from Markdown that is "", not None.)
            page.markdown, page.content = "", None
        return output

    @event_priority(-300)  # last: the page as written, minified
    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        if self.config.enabled and template_name == "404.html":
            self.not_found = {**self.not_found, _edition(config) or "": output}
        return output

    @event_priority(-200)  # after mkdocs-static-i18n's editions and Material's offline search_index.js
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or _building_other_edition(config):
            return  # the whole site is not there yet
        self._place_not_found_pages(config)
        i18n = config.plugins.get("i18n")
        if i18n is not None:
            counts = split_search_index(Path(config.site_dir), _offline(config), self.config.search)
            log.info(f"search: one index per edition ({counts})")
        if self._warnings is not None and self._warnings.get_counts():
            self._abandon(config)  # MkDocs aborts next, for the warnings: docs/ and site/ stay as they were
            return
        self._commit(config)
        if _offline(config):
            archive = zip_folder(Path(config.site_dir))
            log.info(f"offline edition: {config.site_dir} and {archive}")

    def on_build_error(self, *, error: Exception) -> None:
        if not self.config.enabled or self._config is None:
            return
        self._abandon(self._config)
        if isinstance(error, OSError):  # a full disk, a folder that cannot be written: one line, no traceback
            raise PluginError(str(write_failed(Path(self._config.site_dir), error))) from None  # names the file

    def on_shutdown(self) -> None:
        """MkDocs' last word, however the command ends: a build cut short by Ctrl+C or SIGTERM, which MkDocs does not
        report as a build error, leaves docs/ and site/ as they were here."""
        if self._config is not None:
            self._abandon(self._config)
        else:
            self._end()
        self._interruptible.stop()

    def _place_not_found_pages(self, config: MkDocsConfig) -> None:
        """The default edition's 404 at the root, each other edition's in its folder (en/404.html)."""
        for locale, output in self.not_found.items():
            folder = Path(config.site_dir) / editions().folder(locale or editions().default)
            if folder.is_dir():
                (folder / "404.html").write_text(output, encoding="utf-8")
        self.not_found = {}

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        if self.config.enabled:
            # docs/ is written by this plugin: watching it would rebuild once more after every build.
            server.unwatch(config.docs_dir)
            server.watch(self.config.data_dir)
            server.watch(str(TEMPLATES))
            server.watch(str(OVERRIDES))
            server.watch(str(SEARCH_SCRIPTS))
            serve.wrap(server, list(editions().others))
        return server
