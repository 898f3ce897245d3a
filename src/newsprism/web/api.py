"""The JSON API: the CLI's JSON over HTTP (``stories --format json``, ``story --format json``, ``status
--format json``), and POST /api/articles to add articles when the server was started with a write token."""

from __future__ import annotations

import hmac
import json
import tempfile
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from newsprism.model import Brief
from newsprism.store.browse import StoryOrder, list_stories, story_summary
from newsprism.store.records import StorySummary
from newsprism.web.app import StoryId, WebContext, context_of
from newsprism.web.briefs import MissingStoryError

router = APIRouter(prefix="/api", tags=["api"])
Context = Annotated[WebContext, Depends(context_of)]


class ApiError(BaseModel):
    """Every error's answer: a short message (the app's handlers answer all errors so, validation too)."""

    detail: str


def _errors(descriptions: dict[int, str] | None = None) -> dict[int | str, dict[str, Any]]:
    """The error responses of a route for the OpenAPI spec, by status; every route may answer 503."""
    statuses = {**(descriptions or {}), 503: "the corpus database is unavailable"}
    return {status: {"description": text, "model": ApiError} for status, text in sorted(statuses.items())}


_INVALID = "invalid request"
_STORY_ERRORS = _errors({404: "no such story", 422: "invalid request, or no usable article"})


class StoryRow(BaseModel):
    """A story as ``newsprism stories --format json`` lists it."""

    story: int
    sources: int
    articles: int
    first_seen: datetime | None
    last_seen: datetime | None
    headline: str


class StoryList(BaseModel):
    """One page of stories and how many match in all."""

    total: int
    stories: list[StoryRow]


class ArticleRow(BaseModel):
    """A stored article of a story, as cleaned."""

    id: str
    source: str
    title: str
    url: str | None
    published: datetime | None
    text: str


class ArticleIn(BaseModel):
    """An article to add: the fields of a JSONL input line."""

    title: str = Field("", max_length=1_000)
    text: str = Field(min_length=1, max_length=500_000)
    source: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2_000)
    published: str | None = Field(None, max_length=64, description="a date or time, e.g. 2022-02-16")


class ArticlesIn(BaseModel):
    """A batch of articles to add."""

    articles: list[ArticleIn] = Field(min_length=1, max_length=100)


class IngestResult(BaseModel):
    """What adding a batch did, as ``newsprism ingest`` counts it."""

    run: int
    added: int
    duplicates: int
    near_duplicates: int
    stories: list[int]
    problems: list[str]


def _row(summary: StorySummary) -> StoryRow:
    return StoryRow(
        story=summary.id,
        sources=summary.source_count,
        articles=summary.article_count,
        first_seen=summary.first_seen,
        last_seen=summary.last_seen,
        headline=summary.headline,
    )


@router.get("/stories", summary="List stories", responses=_errors({422: _INVALID}))
def stories(
    context: Context,
    q: Annotated[str, Query(max_length=200, description="text or entity to search for")] = "",
    sort: Annotated[StoryOrder, Query(description="latest seen first, or most sources first")] = "latest",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> StoryList:
    """Stories of the corpus, a page at a time."""
    found = list_stories(context.store, sort, q, limit, offset)
    return StoryList(total=found.total, stories=[_row(s) for s in found.stories])


@router.get("/stories/{story_id}", summary="One story", responses=_STORY_ERRORS)
def story(context: Context, story_id: StoryId) -> StoryRow:
    """A story's counts, first and last seen, and headline."""
    found = story_summary(context.store, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id}")
    return _row(found)


@router.get("/stories/{story_id}/brief", summary="The brief of a story", response_model=Brief, responses=_STORY_ERRORS)
def story_brief(context: Context, story_id: StoryId) -> Response:
    """The attributed brief, as ``newsprism story ID --format json`` writes it."""
    # The JSON is made once per set of articles: validating and serializing a brief of ~100 KB on every
    # request took about a third of the request's time (bench/web.py: ~620 -> ~950 requests/s).
    try:
        return Response(context.briefs.brief_json(story_id), media_type="application/json")
    except MissingStoryError:
        raise HTTPException(404, f"no story {story_id}") from None


@router.get("/stories/{story_id}/articles", summary="The articles of a story", responses=_STORY_ERRORS)
def story_articles(context: Context, story_id: StoryId) -> list[ArticleRow]:
    """Every stored article of the story, cleaned, in the order it arrived."""
    articles = context.store.articles_of_story(story_id)
    if not articles:
        raise HTTPException(404, f"no story {story_id}")
    return [
        ArticleRow(id=a.id, source=a.source, title=a.title, url=a.url, published=a.published, text=a.text)
        for a in articles
    ]


@router.get("/status", summary="Counts of the corpus", responses=_errors())
def status(context: Context) -> dict[str, Any]:
    """As ``newsprism status --format json``."""
    state = asdict(context.store.status())
    return json.loads(json.dumps(state, default=str))  # type: ignore[no-any-return]


# Declared as a bearer security scheme (not a plain header parameter), so the spec says how to authenticate.
_BEARER = HTTPBearer(auto_error=False, description="the write token the server was started with (--write-token)")


def _authorised(
    context: Context, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)]
) -> None:
    token = context.settings.write_token
    if token is None:
        raise HTTPException(403, "this server is read-only (start it with --write-token to accept articles)")
    given = credentials.credentials.strip() if credentials is not None else ""
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid token is needed: Authorization: Bearer TOKEN", {"WWW-Authenticate": "Bearer"})


@router.post(
    "/articles",
    summary="Add articles",
    status_code=201,
    responses=_errors(
        {
            401: "missing or wrong token",
            403: "the server is read-only",
            413: "request body too large",
            422: _INVALID,
            429: "too many requests",
        }
    ),
    dependencies=[Depends(_authorised)],
)
async def add_articles(context: Context, request: Request, batch: ArticlesIn) -> IngestResult:
    """Add articles to the corpus (needs ``Authorization: Bearer TOKEN``); each joins or starts a story."""
    context.write_limit(request)
    return await run_in_threadpool(_ingest, context, batch)


def _ingest(context: WebContext, batch: ArticlesIn) -> IngestResult:
    # The batch goes through the same path as `newsprism ingest` of a JSONL file, so it is cleaned,
    # deduplicated and assigned to stories exactly as any other input.
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    with tempfile.TemporaryDirectory(prefix="newsprism-api-") as folder:
        path = Path(folder) / f"api-{stamp}.jsonl"
        lines = (json.dumps(item.model_dump(exclude_none=True), ensure_ascii=False) for item in batch.articles)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = context.writer.ingest(path)
        # Problems name the request's lines, not the server's temporary file.
        problems = [str(problem).replace(str(path), "request line") for problem in report.failures]
    return IngestResult(
        run=report.run_id,
        added=report.added,
        duplicates=report.duplicates,
        near_duplicates=report.near_duplicates,
        stories=sorted(report.stories_touched),
        problems=problems,
    )
