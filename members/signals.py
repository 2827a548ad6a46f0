"""allauth events that move a membership on, the sign-in history members can download,
and the email a member gets when the story they sent is published."""

from allauth.account.internal.flows.login import record_authentication
from allauth.account.signals import email_confirmed, user_logged_in
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver
from wagtail.signals import page_published

from members.models import LoginRecord
from members.services import membership, story_submission
from stories.models import StoryPage


@receiver(email_confirmed)
def approve_when_verified_without_approval(request, email_address, **kwargs):
    membership.email_verified(email_address.user)


@receiver(user_logged_in)
def remember_sign_in(request, user, **kwargs):
    LoginRecord.objects.create(user=user)


@receiver(authenticator_added)
def count_a_new_authenticator_as_this_sessions_second_factor(
    request, user, authenticator, **kwargs
):
    """Turning on an authenticator app means entering one of its codes: that is a second
    factor completed in this session, so staff need not sign in again to be trusted."""
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


@receiver(page_published, sender=StoryPage)
def tell_member_their_story_is_published(sender, instance, **kwargs):
    story_submission.tell_member_published(instance)
