"""Language selection that leaves the unprefixed parts of the site alone, and the
security headers every response carries."""

from contextvars import ContextVar

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware

# URL prefixes served outside i18n_patterns. A "not found" there is final: without this,
# Django would redirect it to /en/<path> because Wagtail's catch-all matches any path.
UNPREFIXED_PATHS = (
    "/admin/",
    "/accounts/",
    "/members/",
    "/documents/",
    "/language/",
    "/newsletter/",
    "/static/",
    "/media/",
    "/healthz",
)

# The request being answered, so that templates rendered without one (form widgets in
# the Wagtail admin) can still give their inline script the response's CSP nonce.
current_request = ContextVar("current_request", default=None)


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy, plus what the Wagtail admin needs.

    Public pages carry no nonce (nothing on them asks for one), so a page cached for
    everyone never holds a nonce meant for someone else. The admin's own inline
    scripts ask for one through `{% csp_nonce %}`; the admin alone may use inline
    style attributes, which its templates still write.
    """

    def process_request(self, request):
        super().process_request(request)
        request._current_request_token = current_request.set(request)

    def process_response(self, request, response):
        if request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIX):
            update = dict(getattr(response, "_csp_update", None) or {})
            update["style-src"] = [*update.get("style-src", []), UNSAFE_INLINE]
            response._csp_update = update
        try:
            return super().process_response(request, response)
        finally:
            token = getattr(request, "_current_request_token", None)
            if token is not None:
                current_request.reset(token)
                request._current_request_token = None


class SecurityHeadersMiddleware:
    """Headers Django has no setting for: which browser features pages may use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
