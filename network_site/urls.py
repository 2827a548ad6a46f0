"""URL configuration.

Unprefixed: the admin, documents, accounts, the member area, the newsletter's form and
email links, the sitemap, robots.txt, the language switch and the health check.
Locale-prefixed (/en/, /zh-hant/, /ar/…): pages, search, and everything readers follow
from pages, such as programme calendars, story feeds and events.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.sitemaps import PagesSitemap
from programmes.views import applications, participants
from stories.views import newsletter as newsletter_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    # Member area: directory, profiles, the member's own data.
    path("members/", include("members.urls.member_area")),
    # Newsletter: the sign-up form and the links in its emails.
    path("newsletter/", newsletter_views.signup, name="newsletter_signup"),
    path("newsletter/confirm/<str:token>/", newsletter_views.confirm, name="newsletter_confirm"),
    path(
        "newsletter/unsubscribe/<str:token>/",
        newsletter_views.unsubscribe,
        name="newsletter_unsubscribe",
    ),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PagesSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("language/<str:language_code>/", home_views.switch_language, name="switch_language"),
    # For load balancers: the database (and the shared cache) answer.
    path("healthz", home_views.healthz, name="healthz"),
]
if settings.ANYMAIL_WEBHOOKS_ENABLED:
    # The email service's tracking webhooks: hard bounces and complaints (home/suppression.py).
    urlpatterns.append(path("anymail/", include("anymail.urls")))

# A database that cannot be reached answers 503 "try again shortly", not 500.
handler500 = "home.views.server_error"
# allauth's rate limits (sign-up, password reset, applications) answer through this; it
# tells "too many attempts" from "cannot count right now" (Redis down).
handler429 = "home.views.rate_limited"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    # Events: discovery, month calendar, archive and the public feed.
    path("events/", include("members.urls.events")),
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+)calendar\.ics$",
        applications.programme_calendar,
        name="programme_calendar",
    ),
    # Programme applications: the form under each programme, and the offer link.
    re_path(r"^(?P<path>(?:[\w\-]+/)+)apply/$", applications.apply, name="programme_apply"),
    path("applications/offer/<str:token>/", applications.offer, name="application_offer"),
    # The equality monitoring form offered after applying, and the self-assessment link.
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+)apply/monitoring/$",
        participants.monitoring,
        name="programme_monitoring",
    ),
    path("assessments/<str:token>/", participants.skill_assessment, name="skill_assessment"),
    # Pages, routed from the site frame (home/frame.py); Wagtail's own patterns stay
    # after it for reversing page URLs and for its password-protection views.
    re_path(r"^((?:[\w\-]+/)*)$", home_views.serve_page, name="site_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
