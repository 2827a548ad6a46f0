"""Stories in the admin, on the home page and in the demo."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.frame import public, section_index
from home.hooks import (
    DEMO_CONTENT,
    HOME_PAGE_SECTIONS,
    PROGRAMME_STORIES,
    SEARCHABLE_PAGE_TYPES,
    SETUP_SITE,
)
from home.i18n import default_locale_version, localize_objects, localize_pages
from home.search import SearchableType
from home.sections import HomeSection
from stories.models import HighlightFigure, StoryIndexPage, StoryKind, StoryPage
from stories.models.pages import listed_stories
from stories.views import admin as admin_views
from stories.views import newsletter_admin

HOME_PAGE_HIGHLIGHTS = 6
HOME_PAGE_STORIES = 3


# Home page --------------------------------------------------------------------------


@hooks.register(HOME_PAGE_SECTIONS)
def highlight_figures_section(home_page, request):
    """The figures editors chose to show, as a table and a chart."""
    source_home = default_locale_version(home_page, request)
    figures = localize_objects(
        HighlightFigure.objects.filter(
            show_on_home_page=True, locale_id=source_home.locale_id
        ).select_related("page")[:HOME_PAGE_HIGHLIGHTS],
        request,
    )
    if not figures:
        return None
    _attach_programmes(figures, request)
    sources = {
        figure.page_id: figure.page for figure in figures if figure.page and figure.page.live
    }
    return HomeSection(
        order=20,
        template="stories/includes/highlight_figures_section.html",
        context={"figures": figures, "sources": list(sources.values())},
    )


def _attach_programmes(figures, request):
    """Each figure's programme (published and public) with its dates, titled in the
    reader's language: one query for all figures, plus one per page type."""
    ids = {figure.programme_id for figure in figures if figure.programme_id}
    found = list(public(Page.objects.live()).filter(pk__in=ids).specific()) if ids else []
    pages = {
        source.pk: version
        for source, version in zip(found, localize_pages(found, request), strict=True)
    }
    for figure in figures:
        figure.set_programme_page(pages.get(figure.programme_id))


@hooks.register(HOME_PAGE_SECTIONS)
def latest_stories_section(home_page, request):
    """The newest stories, with a link to all of them."""
    source_home = default_locale_version(home_page, request)
    stories = localize_pages(
        listed_stories(public(StoryPage.objects.live()).descendant_of(source_home))[
            :HOME_PAGE_STORIES
        ],
        request,
    )
    index = section_index(StoryIndexPage)
    if index is None:
        index = public(StoryIndexPage.objects.live()).descendant_of(source_home).first()
        index = localize_pages([index], request)[0] if index else None
    return HomeSection(
        order=30,
        template="stories/includes/latest_stories_section.html",
        context={"stories": stories, "story_index": index},
    )


# Admin ------------------------------------------------------------------------------


class StoryListingViewSet(PageListingViewSet):
    """A flat list of every story with its kind and consent state."""

    model = StoryPage
    icon = "doc-full"
    menu_label = _("Stories")
    menu_order = 150
    add_to_admin_menu = True
    name = "stories"
    columns = PageListingViewSet.columns + [
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("date", label=_("Date"), accessor="date"),
        Column("consent_state", label=_("Consent"), accessor="consent_state"),
    ]


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet()


class HighlightFigureViewSet(SnippetViewSet):
    model = HighlightFigure
    icon = "order"
    menu_label = _("Highlight figures")
    list_display = ["label", "delivered", "target", "unit", "show_on_home_page"]
    sort_order_field = "sort_order"
    add_to_admin_menu = False


register_snippet(HighlightFigureViewSet)


@hooks.register("register_admin_viewset")
def register_subscribers():
    from stories.views.subscribers import SubscriberViewSet

    return SubscriberViewSet()


@hooks.register("register_admin_urls")
def story_admin_urls():
    return [
        path(
            "stories/<int:page_id>/withdraw-consent/",
            admin_views.withdraw_consent,
            name="stories_withdraw_consent",
        ),
        path(
            "stories/<int:page_id>/newsletter/",
            newsletter_admin.newsletter,
            name="stories_newsletter",
        ),
        path(
            "stories/<int:page_id>/newsletter/preview/<str:language>/<str:part>/",
            newsletter_admin.preview,
            name="stories_newsletter_preview",
        ),
        path(
            "stories/<int:page_id>/newsletter/test/",
            newsletter_admin.test_send,
            name="stories_newsletter_test",
        ),
        path(
            "stories/<int:page_id>/newsletter/send/",
            newsletter_admin.send,
            name="stories_newsletter_send",
        ),
        path(
            "stories/<int:page_id>/newsletter/sends/<int:send_id>/",
            newsletter_admin.progress,
            name="stories_newsletter_progress",
        ),
        path(
            "stories/subscribers/export.csv",
            admin_views.export_subscribers,
            name="stories_export_subscribers",
        ),
    ]


class WithdrawConsentButton(PageMenuItem):
    label = _("Withdraw consent")
    icon_name = "warning"
    url_name = "stories_withdraw_consent"
    priority = 45

    def is_shown(self, user):
        return issubclass(self.page.specific_class or type(self.page), StoryPage) and (
            self.page.permissions_for_user(user).can_edit()
        )


def _withdraw_button(page, user, next_url=None):
    yield WithdrawConsentButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def withdraw_consent_listing_button(page, user, next_url=None):
    yield from _withdraw_button(page, user)


@hooks.register("register_page_header_buttons")
def withdraw_consent_header_button(page, user, view_name, next_url=None):
    yield from _withdraw_button(page, user)


class SendNewsletterButton(PageMenuItem):
    label = _("Send newsletter")
    icon_name = "mail"
    url_name = "stories_newsletter"
    priority = 40

    def is_shown(self, user):
        specific = self.page.specific_deferred
        return (
            isinstance(specific, StoryPage)
            and specific.kind == StoryKind.NEWSLETTER
            and newsletter_admin.can_send_newsletters(user)
        )


@hooks.register("register_page_listing_more_buttons")
def send_newsletter_listing_button(page, user, next_url=None):
    yield SendNewsletterButton(page=page)


@hooks.register("register_page_header_buttons")
def send_newsletter_header_button(page, user, view_name, next_url=None):
    yield SendNewsletterButton(page=page)


@hooks.register("register_permissions")
def newsletter_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="stories", codename="send_newsletter")


@hooks.register("register_log_actions")
def newsletter_log_actions(actions):
    from stories.services import newsletter

    actions.register_action(newsletter.SEND_STARTED, _("Send a newsletter"), _("Newsletter sent"))
    actions.register_action(
        newsletter.SEND_SCHEDULED, _("Schedule a newsletter"), _("Newsletter scheduled")
    )
    actions.register_action(
        newsletter.SEND_CANCELLED,
        _("Cancel a scheduled newsletter"),
        _("Scheduled newsletter cancelled"),
    )
    actions.register_action(
        newsletter.TEST_SENT, _("Send a test newsletter"), _("Test newsletter sent")
    )


@hooks.register("address_suppressed")
def subscriber_bounced(email, reason):
    from stories.services.newsletter import mark_bounced

    mark_bounced(email, reason)


@hooks.register(SEARCHABLE_PAGE_TYPES)
def searchable_stories():
    return SearchableType(key="stories", label=_("Stories and news"), model=StoryPage, order=20)


# Demo -------------------------------------------------------------------------------


@hooks.register(SETUP_SITE, order=20)
def story_section(run):
    """`manage.py setup_site` (and load_demo): the story index, with its workflow."""
    from stories.setup import ensure_story_index

    ensure_story_index(run)


@hooks.register(DEMO_CONTENT, order=20)
def stories_demo_content(run):
    from stories.demo.stories import load_stories

    load_stories(run)


@hooks.register(PROGRAMME_STORIES)
def stories_about_programme(programme):
    """Published, public stories (default language) linked to the programme in any language."""
    from home.related import ProgrammeStory

    stories = (
        public(StoryPage.objects.live())
        .filter(
            locale_id=programme.locale_id,
            programme_links__programme__translation_key=programme.translation_key,
        )
        .distinct()
        .order_by("-date", "-pk")
    )
    return [
        ProgrammeStory(
            title=story.title,
            url=story.full_url or story.url,
            published=story.date,
            kind=str(story.get_kind_display()),
        )
        for story in stories
    ]
