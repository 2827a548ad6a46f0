"""Views of the shared ground that are not Wagtail pages."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.views.decorators.cache import never_cache

from home.i18n import safe_next_url


@never_cache
def switch_language(request, language_code):
    """Follow a language-switcher link and remember the choice in a cookie.

    A plain link (GET) so the switcher needs no JavaScript and no form; it only sets
    a preference and redirects to the page in that language.
    """
    if language_code not in dict(settings.LANGUAGES):
        raise Http404
    response = HttpResponseRedirect(
        safe_next_url(request, request.GET.get("next", ""), fallback=f"/{language_code}/")
    )
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=request.is_secure(),
        httponly=True,
    )
    return response
