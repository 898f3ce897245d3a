"""Brief: headline, key points and what only one source reports, every sentence verbatim and cited."""

from newsprism.brief.assemble import assemble_brief, list_sources
from newsprism.brief.keypoints import KeyPointOptions
from newsprism.brief.verify import verify_brief

__all__ = ["KeyPointOptions", "assemble_brief", "list_sources", "verify_brief"]
