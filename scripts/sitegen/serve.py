"""What `mkdocs serve` shows beyond MkDocs' own server: each edition's 404 page, and downloads that open.

MkDocs' development server answers every missing address with the site's root 404.html, and sends text files
without a charset (the article's .txt shows garbled) and YAML as a download. A published site's host decides
these itself; under serve, the server's app is wrapped so that the preview behaves as a reader expects.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer

# Downloads read in the browser: text with its charset, YAML as text (no registered type opens in a browser).
TEXT_TYPES = {".txt": "text/plain", ".yml": "text/plain", ".yaml": "text/plain", ".csv": "text/csv"}


def content_type(path: str, given: str) -> str:
    """The Content-Type to send for ``path``, where MkDocs' server guessed ``given``."""
    suffix = path[path.rfind(".") :].lower() if "." in path.rsplit("/", 1)[-1] else ""
    if suffix in TEXT_TYPES:
        return f"{TEXT_TYPES[suffix]}; charset=utf-8"
    return given


def not_found_page(site_dir: Path, mount_path: str, path: str, editions: list[str]) -> bytes | None:
    """The 404 page of the edition ``path`` belongs to (en/404.html under /en/), or None for the default's."""
    relative = path.removeprefix(mount_path)
    for edition in editions:
        if relative == edition or relative.startswith(f"{edition}/"):
            page = site_dir / edition / "404.html"
            return page.read_bytes() if page.is_file() else None
    return None


def wrap(server: LiveReloadServer, editions: list[str]) -> None:
    """Serve each edition's 404 page and readable downloads; ``editions``: the non-default ones' folders."""
    requested = threading.local()  # the server answers each request on a thread of its own
    root_error_handler = server.error_handler
    app = server.serve_request

    def error_handler(code: int) -> bytes | None:
        if code == 404:
            page = not_found_page(Path(server.root), server.mount_path, getattr(requested, "path", ""), editions)
            if page is not None:
                return page
        return root_error_handler(code)

    def serve_request(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
        requested.path = path

        def respond(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            if status.startswith("200"):
                headers = [(name, content_type(path, value) if name == "Content-Type" else value) for name, value in headers]
            return start_response(status, headers, *args)

        return app(environ, respond)

    server.error_handler = error_handler
    server.set_app(serve_request)
