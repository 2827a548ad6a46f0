"""URL configuration: the admin, accounts, programme calendars, then Wagtail pages."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.views import robots_txt, search_view
from programmes.views import programme_calendar_view
from stories.newsletter_views import confirm_view, signup_view, unsubscribe_view

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}, name="sitemap"),
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+)calendar\.ics$",
        programme_calendar_view,
        name="programme_calendar",
    ),
    # Stories issue: site search, robots.txt and the newsletter (feeds are served by
    # the story index page itself, so they follow it wherever editors put it).
    path("search/", search_view, name="search"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("newsletter/", signup_view, name="newsletter_signup"),
    path("newsletter/confirm/<str:token>/", confirm_view, name="newsletter_confirm"),
    path("newsletter/unsubscribe/<str:token>/", unsubscribe_view, name="newsletter_unsubscribe"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
