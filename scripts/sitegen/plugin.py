"""MkDocs plugin: generate docs/ from the data before every build, and watch the data while serving.

Errors in the data stop `mkdocs build` as a PluginError before MkDocs touches site/, so the last good
site stays. While `mkdocs serve` runs, an error leaves docs/ as it was: the site is rebuilt from the last
good pages with the error shown at the top of each, until the data is fixed.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .editions import split_search_index
from .errors import DataError
from .generate import generate
from .loader import load_dataset
from .render import TEMPLATES, md_escape
from .search import SOURCES as SEARCH_SOURCES
from .write import zip_folder

log = get_plugin_logger(__name__)


OFFLINE_POLYFILL = "assets/javascripts/iframe-worker/shim.js"  # shipped in overrides/, not loaded from a CDN


class SitegenConfig(base.Config):
    enabled = c.Type(bool, default=True)
    data_dir = c.Type(str, default="data")
    offline = c.Type(bool, default=False)  # with Material's offline plugin: a folder and a zip to open from disk


def _building_other_edition(config: MkDocsConfig) -> bool:
    """True inside mkdocs-static-i18n's nested build of a non-default edition (it runs every plugin again)."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


class SitegenPlugin(BasePlugin[SitegenConfig]):
    serving = False
    error: str | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Before mkdocs-static-i18n's on_config (priority -100), which applies each edition's overrides.
        if not _building_other_edition(config):
            self._name_editions(config)
        if self.config.offline:
            # Material's offline plugin would add iframe-worker from a CDN unless one is listed already.
            polyfills = list(config.extra.get("polyfills", []))
            if OFFLINE_POLYFILL not in polyfills:
                config.extra["polyfills"] = [*polyfills, OFFLINE_POLYFILL]
        return config

    @event_priority(-200)  # after mkdocs-static-i18n's editions and Material's offline search_index.js
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if _building_other_edition(config):
            return  # the whole site is not there yet
        i18n = config.plugins.get("i18n")
        if i18n is not None:
            others = [lang.locale for lang in i18n.config.languages if lang.build and not lang.default]
            counts = split_search_index(Path(config.site_dir), others, offline=self.config.offline)
            log.info(f"search: one index per edition ({counts})")
        if self.config.offline:
            archive = zip_folder(Path(config.site_dir))
            log.info(f"offline edition: {config.site_dir} and {archive}")

    def _name_editions(self, config: MkDocsConfig) -> None:
        """Each edition's site name, description and footer come from the data (site.yml), so that another
        article's site, inheriting this mkdocs.yml, shows none of this one's words."""
        try:
            site = load_dataset(self._data_dir(config)).values["site"]
            config.site_name, config.site_description, config.copyright = (
                site["short_name"], site["description"], site["copyright"])
        except (DataError, KeyError, TypeError):
            return  # on_pre_build reports what is wrong with the data
        i18n = config.plugins.get("i18n")
        for language in i18n.config.languages if i18n is not None else []:
            if not language.default:
                suffix = f"_{language.locale}"
                language.site_name = site.get("short_name" + suffix, site["short_name"])
                language.site_description = site.get("description" + suffix, site["description"])
                language.copyright = site.get("copyright" + suffix, site["copyright"])

    def _data_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.data_dir

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or _building_other_edition(config):
            return  # the pages of every edition were written at the start of this build
        try:
            result = generate(self._data_dir(config), Path(config.docs_dir))
        except DataError as error:
            if not self.serving or not any(Path(config.docs_dir).glob("*.md")):
                raise PluginError(str(error)) from None
            self.error = str(error)
            log.error(f"{error} (serving the last good pages until this is fixed)")
            return
        self.error = None
        log.info(f"generated {len(result.files)} files from {self.config.data_dir}/ ({len(result.changed)} changed)")

    def on_page_markdown(self, markdown: str, **kwargs) -> str:
        if self.error is None:
            return markdown
        banner = f'!!! failure "Lỗi dữ liệu: trang này là bản dựng tốt gần nhất"\n\n    {md_escape(self.error)}\n\n'
        return banner + markdown

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        if self.config.enabled:
            # docs/ is written by this plugin: watching it would rebuild once more after every build.
            server.unwatch(config.docs_dir)
            server.watch(str(self._data_dir(config)))
            server.watch(str(TEMPLATES))
            server.watch(str(SEARCH_SOURCES))
        return server
