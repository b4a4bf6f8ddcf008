"""MkDocs plugin: generate docs/ from the data before every build, and watch the data while serving.

Errors stop `mkdocs build` as a PluginError before MkDocs touches site/, so the last good site stays. While
`mkdocs serve` runs, an error leaves docs/ as it was: the site is rebuilt from the last good pages with the
error shown at the top of each, in the page's language, until the data is fixed.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from .editions import split_search_index
from .errors import DataError, one_line
from .loader import Dataset, load_dataset
from .pages import nav_translations, navigation
from .pipeline import generate
from .render import LANGUAGES, TEMPLATES, md_escape
from .search_scripts import SCRIPTS as SEARCH_SCRIPTS
from .strings import t
from .write import zip_folder

log = get_plugin_logger(__name__)

NAMED = {"site_name": "short_name", "site_description": "description", "copyright": "copyright"}  # config ← site.yml
OFFLINE_POLYFILL = "assets/javascripts/iframe-worker/shim.js"  # shipped in overrides/, not loaded from a CDN


class SitegenConfig(base.Config):
    enabled = c.Type(bool, default=True)
    data_dir = c.Dir(exists=True, default="data")  # relative to mkdocs.yml
    # This site's search (search_scripts.py: folding, dates, synonyms; one language file per edition). False:
    # Material's own lunr.vi, as the search benchmark compares.
    search = c.Type(bool, default=True)


def _building_other_edition(config: MkDocsConfig) -> bool:
    """True inside mkdocs-static-i18n's nested build of a non-default edition (it runs every plugin again).
    The plugin offers no public flag for this; `building` is set for exactly those nested builds."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


def _offline(config: MkDocsConfig) -> bool:
    """Whether Material's offline plugin is on: one switch for the offline edition (its `enabled`)."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return offline is not None and bool(offline.config.get("enabled", True))


def _edition(config: MkDocsConfig) -> str | None:
    """The locale mkdocs-static-i18n is building (its `current_language`; no public accessor), or None."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) if i18n is not None else None


class SitegenPlugin(BasePlugin[SitegenConfig]):
    command = ""
    error: str | None = None
    _dataset: Dataset | None = None  # the data as on_config read it, for this build's on_pre_build
    not_found: dict[str, str] = {}  # each edition's 404 page: every edition's build writes site/404.html

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        # Before mkdocs-static-i18n's on_config (priority -100), which applies each edition's overrides.
        if not _building_other_edition(config):
            self._name_editions(config)
            self._navigation(config)
            if self.command == "build" and urlsplit(config.site_url or "").hostname in ("127.0.0.1", "localhost"):
                log.info(
                    f"canonical links and sitemap.xml point at {config.site_url} (SITE_URL is not set): "
                    "fine for testing; set SITE_URL to the public address before publishing"
                )
        if _offline(config):
            # Material's offline plugin would add iframe-worker from a CDN unless one is listed already.
            polyfills = list(config.extra.get("polyfills", []))
            if OFFLINE_POLYFILL not in polyfills:
                config.extra["polyfills"] = [*polyfills, OFFLINE_POLYFILL]
        return config

    def _navigation(self, config: MkDocsConfig) -> None:
        """The navigation from the page registry (pages.py), and its names in each other edition."""
        config.nav = navigation()
        i18n = config.plugins.get("i18n")
        for language in i18n.config.languages if i18n is not None else []:
            if not language.default and language.locale in LANGUAGES:
                language.nav_translations = nav_translations(LANGUAGES.index(language.locale))

    def _name_editions(self, config: MkDocsConfig) -> None:
        """Each edition's site name, description and footer come from the data (site.yml), so that another
        article's site, inheriting this mkdocs.yml, shows none of this one's words."""
        try:
            self._dataset = load_dataset(Path(self.config.data_dir))  # read once a build: on_pre_build uses it
            site = self._dataset.values["site"]
            for attribute, key in NAMED.items():
                setattr(config, attribute, site[key])
            config.site_author = self._dataset.values["article"]["author"]
        except Exception:  # noqa: BLE001 - on_pre_build reports what is wrong with the data, in one line
            return
        i18n = config.plugins.get("i18n")
        for language in i18n.config.languages if i18n is not None else []:
            if not language.default:
                for attribute, key in NAMED.items():
                    setattr(language, attribute, site.get(f"{key}_{language.locale}", site[key]))

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or _building_other_edition(config):
            return  # the pages of every edition were written at the start of this build
        try:
            dataset, self._dataset = self._dataset, None
            result = generate(Path(self.config.data_dir), Path(config.docs_dir), dataset=dataset, search=self.config.search)
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
        log.info(f"generated {len(result.files)} files from {self.config.data_dir} ({len(result.changed)} changed)")

    def _fail(self, config: MkDocsConfig, message: str) -> None:
        message = one_line(message)  # an exception's own words may run over several lines
        if self.command != "serve" or not any(Path(config.docs_dir).glob("*.md")):
            raise PluginError(message)
        self.error = message
        log.error(f"{message} (serving the last good pages until this is fixed)")

    def on_page_markdown(self, markdown: str, *, config: MkDocsConfig, **kwargs) -> str:
        if not self.config.enabled or self.error is None:
            return markdown
        title = t("data-error-title", _edition(config) or LANGUAGES[0])
        return f'!!! failure "{title}"\n\n    {md_escape(self.error)}\n\n' + markdown

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
            others = [lang.locale for lang in i18n.config.languages if lang.build and not lang.default]
            counts = split_search_index(Path(config.site_dir), others, _offline(config), self.config.search)
            log.info(f"search: one index per edition ({counts})")
        if _offline(config):
            archive = zip_folder(Path(config.site_dir))
            log.info(f"offline edition: {config.site_dir} and {archive}")

    def _place_not_found_pages(self, config: MkDocsConfig) -> None:
        """The default edition's 404 at the root, each other edition's in its folder (en/404.html)."""
        i18n = config.plugins.get("i18n")
        default = next((lang.locale for lang in i18n.config.languages if lang.default), None) if i18n is not None else None
        for locale, output in self.not_found.items():
            folder = Path(config.site_dir) if locale in (default, "", None) else Path(config.site_dir) / locale
            if folder.is_dir():
                (folder / "404.html").write_text(output, encoding="utf-8")
        self.not_found = {}

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        if self.config.enabled:
            # docs/ is written by this plugin: watching it would rebuild once more after every build.
            server.unwatch(config.docs_dir)
            server.watch(self.config.data_dir)
            server.watch(str(TEMPLATES))
            server.watch(str(SEARCH_SCRIPTS))
        return server
