"""The settings of a web server, one frozen object built by ``newsprism serve`` or by a test."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from newsprism.store.process import LoadedModels, ModelFactory, TwinModels

# Environment variables through which ``newsprism serve`` hands its settings to each worker process.
DB_VARIABLE = "NEWSPRISM_DB"
TOKEN_VARIABLE = "NEWSPRISM_WRITE_TOKEN"
TWINS_VARIABLE = "NEWSPRISM_MODEL_TWINS"
PRIVATE_URLS_VARIABLE = "NEWSPRISM_ALLOW_PRIVATE_URLS"


@dataclass(frozen=True)
class WebSettings:
    """What a server reads, who may write, and the limits that keep one client from hurting the others."""

    db_url: str | None = None
    # Without a token the server is read-only: POST /api/articles answers 403.
    write_token: str | None = None
    models: ModelFactory = field(default_factory=LoadedModels)
    max_body_bytes: int = 2 * 1024 * 1024
    # Write endpoints and the new-story form compute briefs or fetch pages: the costly requests.
    write_rate: str = "10/minute"
    brief_rate: str = "6/minute"
    # The new-story form fetches URLs on the server's behalf; private and loopback addresses are refused
    # unless allowed, so the form cannot be used to reach the newsroom's internal services.
    allow_private_urls: bool = False
    max_form_urls: int = 10
    max_form_articles: int = 50
    cached_pages: int = 256
    page_size: int = 50

    @classmethod
    def from_environment(cls) -> WebSettings:
        """The settings ``newsprism serve`` passed to this worker process."""
        return cls(
            db_url=os.environ.get(DB_VARIABLE) or None,
            write_token=os.environ.get(TOKEN_VARIABLE) or None,
            models=TwinModels() if os.environ.get(TWINS_VARIABLE) == "1" else LoadedModels(),
            allow_private_urls=os.environ.get(PRIVATE_URLS_VARIABLE) == "1",
        )
