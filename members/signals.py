"""allauth events that move a membership on, and the sign-in history members can download."""

from allauth.account.signals import email_confirmed, user_logged_in
from django.dispatch import receiver

from members.models import LoginRecord
from members.services import membership


@receiver(email_confirmed)
def approve_when_verified_without_approval(request, email_address, **kwargs):
    membership.email_verified(email_address.user)


@receiver(user_logged_in)
def remember_sign_in(request, user, **kwargs):
    LoginRecord.objects.create(user=user)
