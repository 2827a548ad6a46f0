"""The privacy notice: which page it is, which version people agree to, and the
retention periods the site itself enforces (shown from the settings, never typed).

`ensure_privacy_notice(parent_page)` is what a site's setup calls: it adds an empty,
unpublished notice under the home page for editors to write and publish. Until one is
live, the address sign-up links to shows a short built-in notice and consent records
the `PRIVACY_NOTICE_VERSION` setting.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from home.models import PrivacyNoticePage


@dataclass(frozen=True)
class RetentionPeriod:
    """What is kept, and for how long, as the site's own settings decide."""

    what: str
    how_long: str


def retention_periods() -> list[RetentionPeriod]:
    months = settings.APPLICATION_RETENTION_MONTHS
    offer_days = settings.APPLICATION_OFFER_DAYS
    invitation_days = settings.MEMBER_INVITATION_DAYS
    guest_hours = settings.EVENT_GUEST_CONFIRM_HOURS
    guest_days = settings.EVENT_GUEST_RETENTION_DAYS
    return [
        RetentionPeriod(
            _("Applications to a programme, and the equality monitoring answers given with them"),
            ngettext(
                "Deleted %(count)s month after the programme's last day.",
                "Deleted %(count)s months after the programme's last day.",
                months,
            )
            % {"count": months},
        ),
        RetentionPeriod(
            _("A place offered on a programme"),
            ngettext(
                "The link to accept it works for %(count)s day.",
                "The link to accept it works for %(count)s days.",
                offer_days,
            )
            % {"count": offer_days},
        ),
        RetentionPeriod(
            _("An invitation to join the network"),
            ngettext(
                "The link works for %(count)s day.",
                "The link works for %(count)s days.",
                invitation_days,
            )
            % {"count": invitation_days},
        ),
        RetentionPeriod(
            _(
                "A reply to a public event without an account: the name and email address "
                "given, the language used, and when the reply was made and confirmed"
            ),
            ngettext(
                "Deleted if not confirmed within %(hours)s hour; otherwise deleted when "
                "the reply is cancelled, or %(days)s days after the event.",
                "Deleted if not confirmed within %(hours)s hours; otherwise deleted when "
                "the reply is cancelled, or %(days)s days after the event.",
                guest_hours,
            )
            % {"hours": guest_hours, "days": guest_days},
        ),
        RetentionPeriod(
            _("Your account, profile, messages and replies"),
            _("Kept until you delete your account; then deleted at once."),
        ),
    ]


def live_privacy_notice(language: str | None = None) -> PrivacyNoticePage | None:
    """The published notice in `language` if it is translated, else in the default
    language; None while no notice is published."""
    notices = PrivacyNoticePage.objects.live()
    if language:
        translated = notices.filter(locale__language_code=language).first()
        if translated is not None:
            return translated
    return notices.filter(locale=Locale.get_default()).first() or notices.first()


def current_version() -> str:
    """The version a person agrees to now: the published notice's, or the setting's."""
    notice = live_privacy_notice()
    if notice is not None and notice.version:
        return notice.version
    return settings.PRIVACY_NOTICE_VERSION


def ensure_privacy_notice(parent_page, **fields) -> PrivacyNoticePage:
    """The notice under `parent_page` (the home page), created empty and unpublished if
    there is none, for editors to fill in and publish. Safe to call again."""
    existing = PrivacyNoticePage.objects.child_of(parent_page).first()
    if existing is not None:
        return existing
    notice = PrivacyNoticePage(
        title=fields.pop("title", _("Privacy notice")),
        slug=fields.pop("slug", "privacy"),
        version=fields.pop("version", settings.PRIVACY_NOTICE_VERSION),
        locale=parent_page.locale,
        live=False,
        **fields,
    )
    parent_page.add_child(instance=notice)
    notice.save_revision()
    return notice
