"""Admin registration for the shared vocabularies and snippets, the review of
translations (home/translation_review.py) and the staff alerts panel of an admin account
(home/staff_alert_settings.py)."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.email_report import FailedEmailsView, retry_failed_email
from home.hooks import DEMO_CONTENT
from home.models import Funder, Organisation, SiteTexts, Skill, SkillName, Topic, TopicName
from home.staff_alert_settings import StaffAlertSettingsPanel, staff_alert_data
from home.suppression_report import RecentlySuppressedPanel, SuppressedAddressesView
from home.translation_review import (
    DraftOnlyUpdateTranslationsView,
    submit_translation_for_review,
    synced_translation,
)


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "short_name", "website"]
    search_fields = ["name"]


class FunderViewSet(SnippetViewSet):
    model = Funder
    icon = "pick"
    menu_label = _("Funders")
    list_display = ["name", "funding_scheme"]
    search_fields = ["name"]


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "tag"
    menu_label = _("Skills")
    list_display = ["name", "description"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]


class SkillNameViewSet(SnippetViewSet):
    """Skill names in each language: the English ones follow the skills themselves;
    "Translate" on one gives it a name in another language."""

    model = SkillName
    icon = "tag"
    menu_label = _("Skill names (translations)")
    list_display = ["name", "skill", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class TopicNameViewSet(SnippetViewSet):
    model = TopicName
    icon = "tag"
    menu_label = _("Topic names (translations)")
    list_display = ["name", "topic", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class SiteTextsViewSet(SnippetViewSet):
    """The organisation's name, tagline, footer and newsletter texts, translatable."""

    model = SiteTexts
    icon = "cog"
    menu_label = _("Site texts")
    list_display = ["organisation_name", "tagline", "locale"]
    list_filter = ["locale"]


class SharedContentGroup(SnippetViewSetGroup):
    menu_label = _("Shared content")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        OrganisationViewSet,
        FunderViewSet,
        SkillViewSet,
        SkillNameViewSet,
        TopicViewSet,
        TopicNameViewSet,
        SiteTextsViewSet,
    )


register_snippet(SharedContentGroup)


# Translations ---------------------------------------------------------------------


@hooks.register("register_admin_urls", order=-1)
def translation_review_urls():
    """Before wagtail-localize's own: its "Update existing translations" address is
    answered by the version that cannot publish."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            DraftOnlyUpdateTranslationsView.as_view(),
            name="update_translations_as_drafts",
        ),
        path(
            "translations/<int:page_id>/submit-for-review/",
            submit_translation_for_review,
            name="submit_translation_for_review",
        ),
    ]


def default_content_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


class SubmitTranslationForReviewButton(PageMenuItem):
    label = _("Submit translation for review")
    icon_name = "resubmit"
    url_name = "submit_translation_for_review"
    priority = 40

    def is_shown(self, user):
        # The language first: page listings load each page's locale with the page, so
        # pages in the default language cost no query here.
        if self.page.locale.language_code == default_content_language():
            return False
        return (
            self.page.permissions_for_user(user).can_edit()
            and synced_translation(self.page) is not None
            and self.page.get_workflow() is not None
        )


@hooks.register("register_page_listing_more_buttons")
def submit_translation_for_review_button(page, user, next_url=None):
    """In the page explorer's "More" menu: the translation editor has no workflow
    actions of its own."""
    yield SubmitTranslationForReviewButton(page=page)


@hooks.register(DEMO_CONTENT, order=90)
def vocabulary_demo_translations(run):
    """After every app's demo content, which adds topics of its own."""
    from home.demo import ensure_vocabulary_translations

    ensure_vocabulary_translations(run)


@hooks.register("register_admin_urls")
def failed_email_urls():
    return [
        path("reports/failed-emails/", FailedEmailsView.as_view(), name="failed_emails"),
        path(
            "reports/failed-emails/results/",
            FailedEmailsView.as_view(results_only=True),
            name="failed_emails_results",
        ),
        path(
            "reports/failed-emails/<int:pk>/retry/", retry_failed_email, name="failed_email_retry"
        ),
    ]


@hooks.register("register_reports_menu_item")
def failed_emails_menu_item():
    return MenuItem(_("Failed emails"), reverse("failed_emails"), icon_name="mail", order=900)


@hooks.register("register_account_settings_panel")
def staff_alert_settings_panel(request, user, profile):
    return StaffAlertSettingsPanel(request, user, profile)


@hooks.register("member_data_export")
def staff_alerts_export(user):
    """A member of staff's choice about staff alerts, and the alerts waiting for their
    summary, in their data download (members/services/member_data.py). Deleting the
    account deletes both."""
    return staff_alert_data(user)


@hooks.register("register_admin_urls")
def suppressed_address_urls():
    return [
        path(
            "reports/suppressed-addresses/",
            SuppressedAddressesView.as_view(),
            name="suppressed_addresses",
        ),
        path(
            "reports/suppressed-addresses/results/",
            SuppressedAddressesView.as_view(results_only=True),
            name="suppressed_addresses_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def suppressed_addresses_menu_item():
    return MenuItem(
        _("Suppressed addresses"), reverse("suppressed_addresses"), icon_name="mail", order=901
    )


@hooks.register("construct_homepage_panels")
def recently_suppressed_panel(request, panels):
    panels.append(RecentlySuppressedPanel())
