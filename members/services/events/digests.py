"""Scheduled emails: the weekly digest of new events near a member and the latest
stories, and the reminder a day before an event.

Each is recorded with its email in one transaction (one `DigestSent` per member and
ISO week, one `ReminderSent` per reply, and the email's own row in its batch), so running
a command twice, or two copies at once, queues nothing twice. The worker sends each email
on its own (home/emails/): one refused address never stops the others, and a send that
fails is retried, not queued again.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from home.areas import local_areas
from home.email_design import email_language
from home.emails import recipient_language
from home.suppression import suppressed_emails
from members.models import (
    DigestSent,
    Event,
    EventFormat,
    EventReply,
    EventState,
    MembershipStatus,
    Profile,
    ReminderSent,
    ReplyStatus,
)
from members.services.events.calendar import ics_attachment
from members.services.events.rsvp import email_reply
from members.services.notify import email_member

DIGEST_EVENTS = 10
DIGEST_STORIES = 3


def iso_week(moment=None) -> str:
    year, week, _day = timezone.localdate(moment).isocalendar()
    return f"{year}-W{week:02d}"


def digest_recipients():
    """Approved, active members who asked for the weekly digest, except those whose
    address bounced or complained (home/suppression.py)."""
    return (
        Profile.objects.filter(
            events_digest=True, status=MembershipStatus.APPROVED, user__is_active=True
        )
        .annotate(email_lower=Lower("user__email"))
        .exclude(email_lower__in=suppressed_emails())
        .select_related("user")
        .order_by("pk")
    )


def digest_events_for(profile, now=None):
    """Upcoming events published in the last week, near the member or online."""
    now = now or timezone.now()
    events = Event.objects.filter(
        state=EventState.PUBLISHED,
        starts_at__gte=now,
        published_at__gte=now - timedelta(days=7),
    )
    online = Q(format__in=[EventFormat.ONLINE, EventFormat.HYBRID])
    near = local_areas(profile.home_area)
    events = events.filter(online | Q(area__in=near)) if near else events.filter(online)
    return list(events.prefetch_related("translations").order_by("starts_at")[:DIGEST_EVENTS])


def latest_stories():
    from stories.models import StoryPage

    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return list(
        StoryPage.objects.live()
        .public()
        .filter(locale__language_code=default)
        .order_by("-first_published_at")[:DIGEST_STORIES]
    )


@dataclass(frozen=True)
class DigestStory:
    """A story as one reader's digest lists it: in their language where a translation
    is live, otherwise the source (`translated` False, so the email marks it)."""

    title: str
    url: str
    language: str
    translated: bool


def stories_in(stories, language: str) -> list[DigestStory]:
    """`stories` (in the default language) for a reader of `language`."""
    language = email_language(language)
    locale = Locale.objects.filter(language_code=language).first()
    listed = []
    for story in stories:
        version = story
        if locale is not None and locale.pk != story.locale_id:
            version = story.get_translations().live().filter(locale=locale).first() or story
        listed.append(
            DigestStory(
                title=version.title,
                url=version.get_full_url() or "",
                language=version.locale.language_code,
                translated=version.locale_id == getattr(locale, "pk", story.locale_id),
            )
        )
    return listed


def send_digests(now=None, progress=None) -> int:
    """Send this week's digest to every opted-in member who has not had it yet, each
    item in the member's language where it is translated."""
    week = iso_week(now)
    stories = latest_stories()
    by_language: dict[str, list[DigestStory]] = {}
    sent = 0
    for profile in digest_recipients():
        if progress is not None:
            progress.update(1)
        language = email_language(recipient_language(profile.user, "en"))
        if language not in by_language:
            by_language[language] = stories_in(stories, language)
        events = digest_events_for(profile, now)
        if not events and not stories:
            continue
        try:
            with transaction.atomic():
                DigestSent.objects.create(user=profile.user, week=week)
                email_member(
                    profile.user,
                    "event_digest",
                    {
                        "profile": profile,
                        "events": events,
                        "stories": by_language[language],
                    },
                    batch=f"digest:{week}",
                )
        except IntegrityError:
            continue  # Already sent this week.
        sent += 1
    return sent


def replies_to_remind(now=None):
    """Confirmed places at published events starting within the next day, not reminded."""
    now = now or timezone.now()
    return (
        EventReply.objects.filter(
            status=ReplyStatus.CONFIRMED,
            event__state=EventState.PUBLISHED,
            event__starts_at__gt=now,
            event__starts_at__lte=now + timedelta(days=1),
            reminder__isnull=True,
        )
        .select_related("event", "user__profile", "guest")
        .order_by("event__starts_at", "pk")
    )


def send_reminders(now=None, progress=None) -> int:
    sent = 0
    for reply in replies_to_remind(now):
        if progress is not None:
            progress.update(1)
        event = reply.event
        try:
            with transaction.atomic():
                ReminderSent.objects.create(reply=reply)
                email_reply(
                    reply,
                    "event_reminder",
                    {
                        "event": event,
                        "joining_link": event.joining_link if event.is_online else "",
                    },
                    attachments=[ics_attachment(event, with_joining_link=True)],
                    batch=f"reminder:{reply.pk}",
                )
        except IntegrityError:
            continue
        sent += 1
    return sent
