"""Drive Debian's headless Chromium (/usr/bin/chromium) through playwright, offline.

playwright is only the driver: it never downloads a browser here.  ``open_page`` opens a
local file with every request that is not ``file:`` (or ``data:``/``blob:``/``about:``)
aborted and recorded, so a test can assert that nothing left the machine.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def skip_browser() -> bool:
    """True when the user asked to skip browser tests (KG_SKIP_BROWSER=1)."""
    return os.environ.get("KG_SKIP_BROWSER", "") == "1"


def chromium_problem() -> str | None:
    """Why Chromium or playwright cannot run here, or None when both are there."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return (f"headless Chromium not found at {CHROMIUM}: install Debian's chromium "
                "(`apt-get install chromium`, as the Makefile does) or set KG_SKIP_BROWSER=1")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install playwright; no browser download needed)"
    return None


@dataclass
class Visit:
    """One page opened in Chromium: the page, the requests that were blocked, console
    errors and uncaught page errors."""

    page: object
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@contextlib.contextmanager
def launch():
    """A headless Chromium browser (playwright Browser), closed on exit."""
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def open_page(browser, path, *, width=1400, height=900, wait_ready=True, timeout_ms=30000):
    """Open ``path`` from a file:// URL with the network blocked; yields a Visit.

    With ``wait_ready`` it waits until the kg page says its layout has settled
    (``window.kgReady``)."""
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    visit = Visit(page=None)

    def route(r):
        url = r.request.url
        if url.startswith(LOCAL_SCHEMES):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    visit.page = page
    page.on("console", lambda m: visit.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
    page.on("request", lambda req: None if req.url.startswith(LOCAL_SCHEMES) else visit.blocked.append(req.url))
    try:
        page.goto(Path(path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
        if wait_ready:
            page.wait_for_selector("html[data-kg-ready]", state="attached", timeout=timeout_ms)
        yield visit
    finally:
        context.close()
