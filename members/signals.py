"""allauth events that move a membership on, the sign-in history members can download,
and the email a member gets when the story they sent is published."""

from allauth.account.signals import email_confirmed, user_logged_in
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


@receiver(page_published, sender=StoryPage)
def tell_member_their_story_is_published(sender, instance, **kwargs):
    story_submission.tell_member_published(instance)
