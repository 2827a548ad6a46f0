"""Members and the newsletter: their yes/no choice, the readers they add to a send, and
their one-click stop link.

A newsletter send (stories/services/newsletter.py) asks, through the
`newsletter_member_readers` hook, for the approved, active members who said yes, in
the language asked for ("" for every language). Each address comes once per send:
an address whose bulk mail is suppressed (home/suppression.py) is left out, and so is
a member who is also a confirmed subscriber in the same audience, since the send
already has them as a subscriber. The send then counts each person once.
"""

from django.db.models.functions import Lower
from django.urls import reverse

from home.http import site_url
from home.suppression import suppressed_emails
from members.models import MembershipStatus, NewsletterChoice, Profile
from stories.models import Subscriber, SubscriberStatus
from stories.services.newsletter import Reader


def choice_of(user) -> NewsletterChoice:
    """The member's saved choice, or an unsaved "no" in their profile language."""
    choice = NewsletterChoice.objects.filter(user=user).first()
    if choice is None:
        profile = Profile.objects.filter(user=user).only("preferred_language").first()
        language = profile.preferred_language if profile else "en"
        choice = NewsletterChoice(user=user, wanted=False, language=language)
    return choice


def stop_url(choice: NewsletterChoice) -> str:
    """The stop link in the footer of a newsletter sent to this member."""
    return site_url(reverse("members:newsletter_stop", args=[choice.token]))


def find_by_token(token: str) -> NewsletterChoice | None:
    return NewsletterChoice.objects.filter(token=token).first()


def stop(token: str) -> NewsletterChoice | None:
    """The member followed the newsletter's stop link: no more newsletters."""
    choice = find_by_token(token)
    if choice is not None and choice.wanted:
        choice.wanted = False
        choice.save(update_fields=["wanted", "changed_at"])
    return choice


def member_readers(language: str = "") -> list[Reader]:
    """Approved, active members who asked for the newsletter (in `language`, or all),
    one Reader each, without suppressed addresses or confirmed subscribers of the same
    audience. Two queries, however many members."""
    choices = (
        NewsletterChoice.objects.filter(
            wanted=True,
            user__is_active=True,
            user__profile__status=MembershipStatus.APPROVED,
        )
        .exclude(user__email="")
        .annotate(address=Lower("user__email"))
        .exclude(address__in=suppressed_emails())
    )
    subscribers = Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED)
    if language:
        choices = choices.filter(language=language)
        subscribers = subscribers.filter(language=language)
    choices = choices.exclude(address__in=subscribers.values("email"))
    return [
        Reader(email=choice.address, language=choice.language, unsubscribe_url=stop_url(choice))
        for choice in choices.order_by("pk")
    ]


def export_choice(user) -> dict | None:
    """The member's newsletter choice for their data download."""
    choice = NewsletterChoice.objects.filter(user=user).first()
    if choice is None:
        return None
    return {
        "wanted": choice.wanted,
        "language": choice.language,
        "changed_at": choice.changed_at.isoformat(),
    }
