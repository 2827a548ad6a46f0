"""Invitations: staff invite someone by email with a single-use link that creates an
approved account, skipping sign-up verification (the link proves the address)."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from home.http import site_url
from home.tokens import hash_token, new_token
from members.models import AuditAction, Invitation
from members.services import audit, membership
from members.services.notify import email_member


class InvitationInvalid(Exception):
    pass


def invite(email: str, *, by) -> Invitation:
    token = new_token()
    invitation = Invitation.objects.create(
        email=email,
        token_hash=hash_token(token),
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=settings.MEMBER_INVITATION_DAYS),
    )
    audit.record(AuditAction.INVITED, actor=by, subject_id=None)
    email_member(
        None,
        "invitation",
        {
            "accept_url": site_url() + reverse("members:accept_invitation", args=[token]),
            "days": settings.MEMBER_INVITATION_DAYS,
        },
        to=email,
    )
    return invitation


def find_open_invitation(token: str) -> Invitation:
    invitation = Invitation.objects.filter(token_hash=hash_token(token)).first()
    if invitation is None or invitation.accepted_at or invitation.expires_at < timezone.now():
        raise InvitationInvalid
    return invitation


@transaction.atomic
def accept(token: str, *, display_name: str, password: str, consented: bool):
    invitation = Invitation.objects.select_for_update().get(pk=find_open_invitation(token).pk)
    if invitation.accepted_at:
        raise InvitationInvalid
    User = get_user_model()
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationInvalid
    user = User.objects.create_user(email=invitation.email, password=password)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    profile = membership.start_membership(user, display_name=display_name, consented=consented)
    membership.approve(profile, by=invitation.invited_by, notify=False)
    invitation.accepted_at = timezone.now()
    invitation.email = ""  # the account now holds the address; the invitation need not
    invitation.save(update_fields=["accepted_at", "email"])
    audit.record(AuditAction.INVITATION_ACCEPTED, actor=user, subject_id=user.pk)
    return user
