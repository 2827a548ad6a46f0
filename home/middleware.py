"""Language selection that leaves the unprefixed parts of the site alone."""

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
)


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
