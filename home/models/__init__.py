"""Shared ground: vocabularies, reusable snippets, site settings and the home page."""

from .pages import HomePage, HomePageFunder
from .settings import SiteSettings, SocialLink
from .snippets import Funder, Organisation
from .tags import Skill, Topic

__all__ = [
    "Funder",
    "HomePage",
    "HomePageFunder",
    "Organisation",
    "SiteSettings",
    "Skill",
    "SocialLink",
    "Topic",
]
