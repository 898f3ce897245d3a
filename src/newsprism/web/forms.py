"""The new-story form: pasted articles and URLs into the raw articles of a brief.

Pasted articles are separated by a line holding only ``---``; in each, the first non-empty line is the
title and an optional ``Source: name`` line right after it names the outlet. URLs are fetched with the
ingest stage's limits; addresses inside the server's own network are refused unless allowed.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from newsprism.errors import InputError
from newsprism.ingest import RawArticle
from newsprism.ingest.urls import FetchOptions, http_client, read_url

_SEPARATOR = re.compile(r"^\s*---+\s*$", re.MULTILINE)
_SOURCE_LINE = re.compile(r"^\s*source\s*:\s*(?P<name>\S.*)$", re.IGNORECASE)


@dataclass
class FormArticles:
    """What a submitted form yields: articles to brief and the problems with the rest."""

    articles: list[RawArticle] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)


def pasted_articles(text: str, limit: int) -> FormArticles:
    """Articles pasted in one text box; more than ``limit`` is a problem, not a silent cut."""
    found = FormArticles()
    blocks = [block.strip() for block in _SEPARATOR.split(text.replace("\r\n", "\n")) if block.strip()]
    for number, block in enumerate(blocks, start=1):
        origin = f"pasted article {number}"
        if number > limit:
            found.problems.append(InputError(origin, f"over the limit of {limit} pasted articles; not read"))
            continue
        lines = block.split("\n")
        title = lines[0].strip()
        rest = lines[1:]
        source = origin
        if rest and (match := _SOURCE_LINE.match(rest[0])):
            source = match["name"].strip()
            rest = rest[1:]
        body = "\n".join(rest).strip()
        if not body:
            found.problems.append(InputError(origin, "has a title but no text"))
            continue
        found.articles.append(RawArticle(title=title, text=body, source=source, origin=origin))
    return found


def url_lines(text: str) -> list[str]:
    """The non-empty lines of the URL box."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def is_public_host(host: str, resolve: Callable[[str], Sequence[str]] | None = None) -> bool:
    """Whether every address ``host`` resolves to is a public one (not loopback, private, link-local...)."""
    resolve = resolve or _addresses
    try:
        addresses = resolve(host)
    except OSError:
        return False
    if not addresses:
        return False
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global or ip.is_multicast:
            return False
    return True


def _addresses(host: str) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)]


def fetched_articles(
    urls: Sequence[str],
    options: FetchOptions,
    allow_private: bool,
    limit: int,
    transport: httpx.BaseTransport | None = None,
) -> FormArticles:
    """The article of each URL's page; every refused or failed URL is a problem naming it."""
    found = FormArticles()
    with http_client(options, transport) as client:
        if not allow_private:
            client.event_hooks["request"] = [_refuse_private]
        for number, url in enumerate(urls, start=1):
            if number > limit:
                found.problems.append(InputError(url, f"over the limit of {limit} URLs; not fetched"))
                continue
            try:
                items = list(read_url(url, client, options))
            except _PrivateAddressError as refused:
                found.problems.append(InputError(url, str(refused)))
                continue
            for item in items:
                if isinstance(item, InputError):
                    found.problems.append(item)
                else:
                    found.articles.append(item)
    return found


class _PrivateAddressError(Exception):
    """A request (or a redirect) led to an address inside the server's own network."""


def _refuse_private(request: httpx.Request) -> None:
    # Checked on every request, redirects included, so a public URL cannot bounce into the private network.
    host = urlsplit(str(request.url)).hostname or ""
    if not is_public_host(host):
        raise _PrivateAddressError(f"refused: {host} is not a public address")
