"""newsprism: many news reports of one story in, an attributed brief out."""

from newsprism.model import Article, Brief

__version__ = "0.1.0"
__all__ = ["Article", "Brief", "__version__"]
