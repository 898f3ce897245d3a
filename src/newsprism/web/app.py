"""The web app: ``create_app(settings)`` builds it; ``newsprism serve`` runs it under uvicorn.

Pages are rendered on the server from the store of the corpus commands; the JSON API mirrors the CLI's
JSON. Nothing on a page is fetched from elsewhere, no page runs a script, and every error a client sees
is a short message, never a stack trace (those go to the server's log).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Path, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import ChoiceLoader, Environment, PackageLoader

from newsprism import __version__
from newsprism.errors import NewsprismError, StoreError
from newsprism.render.html import html_environment
from newsprism.store import Store
from newsprism.web.briefs import BriefService, Memo
from newsprism.web.security import BodyLimit, RateLimit, SecurityHeaders
from newsprism.web.settings import WebSettings
from newsprism.web.writes import ArticleWriter

log = logging.getLogger("newsprism.web")

# Story numbers are 64-bit integers in the store: a larger one is refused as invalid, never sent to the database.
StoryId = Annotated[int, Path(ge=0, le=2**63 - 1, description="the story's number")]


@dataclass
class WebContext:
    """What every request handler shares within one worker process."""

    settings: WebSettings
    store: Store
    briefs: BriefService
    templates: Environment
    write_limit: RateLimit
    brief_limit: RateLimit
    writer: ArticleWriter
    # Rendered story pages by (story, articles key): the hot path of a newsroom's server.
    pages: Memo[bytes] = field(default_factory=lambda: Memo(256))


def context_of(request: Request) -> WebContext:
    """The worker's shared context (a FastAPI dependency)."""
    context: WebContext = request.app.state.context
    return context


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The app, reading the store at ``settings.db_url`` (opened, and migrated, when the app starts)."""
    settings = settings or WebSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store.open(settings.db_url)
        app.state.context = WebContext(
            settings=settings,
            store=store,
            briefs=BriefService(store, settings.models),
            templates=_templates(),
            write_limit=RateLimit(settings.write_rate, "POST /api/articles"),
            brief_limit=RateLimit(settings.brief_rate, "new briefs"),
            writer=ArticleWriter(store, settings.models),
            pages=Memo(settings.cached_pages),
        )
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description="Stories of a news corpus and their attributed briefs: who said what, where sources agree, "
        "dispute and contradict. The JSON of a brief is the CLI's (`newsprism brief --format json`).",
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        # The interactive docs load scripts from a CDN; /api/docs is a server-rendered page instead.
        docs_url=None,
        redoc_url=None,
    )
    from newsprism.web.api import router as api_router
    from newsprism.web.pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)
    app.openapi = lambda: _local_publication_times(app)  # type: ignore[method-assign]
    app.mount("/static", StaticFiles(directory=str(files("newsprism.web") / "static")), name="static")
    _handle_errors(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def _local_publication_times(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI spec, saying what ``published`` really holds: the time a source gave, with its offset only
    when the source gave one ("2022-02-16T00:00:00" from a bare date), so not always an RFC 3339 date-time."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    spec = FastAPI.openapi(app)  # made once and kept by the app, so the changes below are made once too
    for schema in spec.get("components", {}).get("schemas", {}).values():
        published = schema.get("properties", {}).get("published")
        if published is not None:
            for choice in published.get("anyOf", []):
                choice.pop("format", None)
            published["description"] = "when the article was published (ISO 8601: with an offset if known)"
    return spec


def app_from_environment() -> FastAPI:
    """The app of one ``newsprism serve`` worker (uvicorn's factory)."""
    return create_app(WebSettings.from_environment())


def _templates() -> Environment:
    return html_environment(
        ChoiceLoader([PackageLoader("newsprism.web", "templates"), PackageLoader("newsprism.render", "templates")])
    )


def wants_json(request: Request) -> bool:
    """API paths answer errors in JSON, pages in HTML."""
    return request.url.path.startswith("/api/")


def error_page(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A short error for the client: JSON for the API, a page for a browser."""
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    context = context_of(request)
    page = context.templates.get_template("error.html.j2").render(status=status, message=message)
    return HTMLResponse(page, status_code=status, headers=headers)


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return error_page(request, error.status_code, str(error.detail), dict(error.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item.get('loc', ()))}: {item.get('msg', 'invalid')}"
            for item in error.errors()
        )
        return error_page(request, 422, f"invalid request: {problems}"[:500])

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, error)
        return error_page(request, 503, "the corpus database is unavailable; try again shortly")

    @app.exception_handler(NewsprismError)
    async def pipeline_error(request: Request, error: NewsprismError) -> Response:
        log.warning("%s: %s", request.url.path, error)
        return error_page(request, 422, str(error).splitlines()[0][:300])

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error_page(request, 500, "internal error; it has been logged")
