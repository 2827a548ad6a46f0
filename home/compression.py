"""HTML compression that leaves secrets alone (BREACH).

gzip makes a page's size depend on its content; an attacker who can both reflect text
into a page and watch its compressed size can read a secret on the same page byte by
byte (BREACH). So only responses that carry no secret are compressed: none for a
request with a session (a signed-in member's pages hold personal data) and none that
used a CSRF token. Anonymous public pages, the bulk of the traffic, are compressed;
whitenoise already serves static files pre-compressed.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class SecretFreeGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.META.get("CSRF_COOKIE_USED") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return response
        return super().process_response(request, response)
