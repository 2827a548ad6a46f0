"""The language an email to a person is written in."""

from django.conf import settings
from django.utils import translation


def recipient_language(user, default: str | None = None) -> str:
    """The language a person chose for the site (their profile's), else `default` (the
    page's, for an address with no profile yet), else the site's default language."""
    profile = getattr(user, "profile", None) if user is not None else None
    return (
        getattr(profile, "preferred_language", None)
        or default
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )
