"""URL configuration.

Unprefixed: the admin, documents, accounts, the sitemap and the language switch.
Locale-prefixed (/en/, /zh-hant/, /ar/…): pages and everything readers follow from
them, such as programme calendars.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.views import switch_language
from programmes.views import programme_calendar_view

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    # Member area (issue 4): directory, profiles, the member's own data.
    path("members/", include("members.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}, name="sitemap"),
    path("language/<str:language_code>/", switch_language, name="switch_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+)calendar\.ics$",
        programme_calendar_view,
        name="programme_calendar",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
