"""The pages a reader browses: stories, a story's brief, a source with the cited sentence highlighted,
two sources side by side, a person, and the new-story form. Handlers only read requests and call the
library; the templates show what they are given, autoescaped."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from newsprism.errors import NoArticlesError
from newsprism.ingest.urls import FetchOptions
from newsprism.model import KeyPoint
from newsprism.pipeline import PipelineOptions, brief_from_raw
from newsprism.render.fields import cue_words, published_text
from newsprism.render.html import Targets, brief_context, source_view
from newsprism.store.browse import StoryOrder, list_stories, story_summary
from newsprism.web.app import StoryId, WebContext, context_of
from newsprism.web.briefs import MissingStoryError, StoryBrief
from newsprism.web.forms import FormArticles, fetched_articles, pasted_articles, url_lines
from newsprism.web.targets import StoryTargets

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Context = Annotated[WebContext, Depends(context_of)]


def _page(context: WebContext, template: str, **values: Any) -> HTMLResponse:
    return HTMLResponse(context.templates.get_template(template).render(**values))


@router.get("/")
def story_list(
    context: Context,
    q: Annotated[str, Query(max_length=200, description="text or entity to search for")] = "",
    sort: Annotated[StoryOrder, Query()] = "latest",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    size = context.settings.page_size
    found = list_stories(context.store, sort, q, limit=size, offset=(page - 1) * size)
    pages = max(1, math.ceil(found.total / size))
    return _page(
        context,
        "stories.html.j2",
        stories=found.stories,
        total=found.total,
        q=q,
        sort=sort,
        page=page,
        pages=pages,
        when=published_text,
    )


def _story(context: WebContext, story_id: int) -> StoryBrief:
    try:
        return context.briefs.brief(story_id)
    except MissingStoryError:
        raise HTTPException(404, f"no story {story_id}") from None


def _headline(story: StoryBrief) -> str:
    return story.brief.headline.text if story.brief.headline else f"Story {story.story_id}"


@router.get("/stories/{story_id}")
def story_page(context: Context, story_id: StoryId) -> Response:
    try:
        key = context.briefs.current_key(story_id)
    except MissingStoryError:
        raise HTTPException(404, f"no story {story_id}") from None
    cached = context.pages.get((story_id, key))
    if cached is None:
        story = context.briefs.brief(story_id, key)
        summary = story_summary(context.store, story_id)
        values = brief_context(story.brief, story.documents, StoryTargets(story_id))
        cached = (
            context.templates.get_template("story.html.j2")
            .render(**values, story_id=story_id, summary=summary, when=published_text)
            .encode()
        )
        context.pages.put((story_id, story.articles_key), cached)
    return Response(cached, media_type="text/html; charset=utf-8")


@router.get("/stories/{story_id}/sources/{number}")
def source_page(
    context: Context,
    story_id: StoryId,
    number: int,
    s: Annotated[int | None, Query(ge=0, description="sentence to highlight")] = None,
) -> HTMLResponse:
    story = _story(context, story_id)
    entry = next((e for e in story.brief.sources if e.number == number), None)
    if entry is None:
        raise HTTPException(404, f"story {story_id} has no source {number}")
    document = next((d for d in story.documents if d.article.id == entry.article_id), None)
    view = source_view(entry, document, targets=StoryTargets(story_id), highlight=s)
    sentence = None
    if document is not None and s is not None:
        sentence = next((x for x in document.sentences if x.index == s), None)
    return _page(
        context,
        "source.html.j2",
        story_id=story_id,
        headline=_headline(story),
        source=view,
        sentence=sentence,
        others=[e for e in story.brief.sources if e.number != number],
    )


@router.get("/stories/{story_id}/compare")
def compare_page(
    context: Context,
    story_id: StoryId,
    a: Annotated[int, Query(ge=1)] = 1,
    b: Annotated[int, Query(ge=1)] = 2,
) -> HTMLResponse:
    story = _story(context, story_id)
    by_number = {e.number: e for e in story.brief.sources}
    if a not in by_number or b not in by_number:
        raise HTTPException(404, f"story {story_id} has sources 1 to {len(by_number)}")
    by_article = {d.article.id: d for d in story.documents}
    targets = StoryTargets(story_id)
    views = [source_view(by_number[n], by_article.get(by_number[n].article_id), targets=targets) for n in (a, b)]
    return _page(
        context,
        "compare.html.j2",
        story_id=story_id,
        headline=_headline(story),
        left=views[0],
        right=views[1],
        a=a,
        b=b,
        sources=story.brief.sources,
    )


@router.get("/stories/{story_id}/people/{index}")
def person_page(context: Context, story_id: StoryId, index: int) -> HTMLResponse:
    story = _story(context, story_id)
    if not 1 <= index <= len(story.brief.people):
        raise HTTPException(404, f"story {story_id} has no person {index}")
    person = story.brief.people[index - 1]
    names = {name.lower() for name in person.names}
    by_article = {e.article_id: e for e in story.brief.sources}
    roles = sorted(
        {
            (by_article[r.article_id].number, by_article[r.article_id].source, r.text)
            for r in person.roles
            if r.article_id in by_article
        }
    )
    quotes = [q for q in story.brief.quotes if q.speaker.lower() in names]
    # Quotes are shown with the same checked citation links as the story page.
    values = brief_context(
        story.brief.model_copy(update={"key_points": [KeyPoint(text=q.text, citations=q.citations) for q in quotes]}),
        story.documents,
        StoryTargets(story_id),
    )
    return _page(
        context,
        "person.html.j2",
        story_id=story_id,
        headline=_headline(story),
        person=person,
        roles=roles,
        # The cue as the story page words it: 'said' where none is known, nothing for a label's colon or dash.
        quotes=list(zip(quotes, [cue_words(q.cue) for q in quotes], values["key_points"], strict=True)),
    )


@router.get("/new")
def new_story_form(context: Context) -> HTMLResponse:
    return _page(context, "new.html.j2", articles="", urls="", problems=[], limits=context.settings)


@router.post("/new")
async def new_story(
    context: Context,
    request: Request,
    articles: Annotated[str, Form(max_length=1_000_000)] = "",
    urls: Annotated[str, Form(max_length=20_000)] = "",
) -> HTMLResponse:
    context.brief_limit(request)
    settings = context.settings
    found = pasted_articles(articles, settings.max_form_articles)
    links = url_lines(urls)
    if links:
        fetched = await run_in_threadpool(
            fetched_articles, links, FetchOptions(), settings.allow_private_urls, settings.max_form_urls
        )
        found.articles.extend(fetched.articles)
        found.problems.extend(fetched.problems)
    if not found.articles:
        problems = [str(p) for p in found.problems] or ["paste at least one article or give a URL"]
        page = context.templates.get_template("new.html.j2").render(
            articles=articles, urls=urls, problems=problems, limits=settings
        )
        return HTMLResponse(page, status_code=422)
    return await run_in_threadpool(_new_brief, context, found)


def _new_brief(context: WebContext, found: FormArticles) -> HTMLResponse:
    try:
        result = brief_from_raw(found.articles, context.settings.models.build(), PipelineOptions(), found.problems)
    except NoArticlesError as error:
        page = context.templates.get_template("new.html.j2").render(
            articles="", urls="", problems=str(error).splitlines(), limits=context.settings
        )
        return HTMLResponse(page, status_code=422)
    values = brief_context(result.brief, result.documents, Targets())
    problems = [str(p) for p in result.problems]
    return _page(context, "new_brief.html.j2", **values, problems=problems)


@router.get("/api/docs")
def api_docs(context: Context, request: Request) -> HTMLResponse:
    # Built from the OpenAPI description itself, so the page never disagrees with the spec.
    spec = request.app.openapi()
    routes = [
        ([method.upper()], path, operation.get("summary", ""), operation.get("description", "").strip())
        for path, operations in spec.get("paths", {}).items()
        for method, operation in operations.items()
    ]
    return _page(context, "api_docs.html.j2", routes=routes, writable=context.settings.write_token is not None)
