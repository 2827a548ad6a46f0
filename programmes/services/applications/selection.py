"""Selection: status changes by staff, the secret offer link (stored only as a hash,
expiring), and accepting or declining it, which makes or links a member account
through the provider members/ registers."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail import hooks

from home.hooks import PROGRAMME_PARTICIPANT_ACCOUNT
from home.http import site_url
from home.tokens import hash_token, new_token
from programmes.models import (
    Application,
    CohortMember,
    SelectionStatus,
)
from programmes.services import access
from programmes.services.applications.applying import OfferInvalid, send_email

# Selection ----------------------------------------------------------------------------


def change_status(applications, status: str, *, by) -> int:
    """Move applications to `status`; moving to "offered" emails each one an offer link.
    Returns how many changed."""
    changed = 0
    for application in applications:
        if application.status == status:
            continue
        application.status = status
        application.status_changed_at = timezone.now()
        fields = ["status", "status_changed_at"]
        token = None
        if status == SelectionStatus.OFFERED:
            token = new_token()
            application.offer_token_hash = hash_token(token)
            application.offer_expires_at = timezone.now() + timedelta(
                days=settings.APPLICATION_OFFER_DAYS
            )
            fields += ["offer_token_hash", "offer_expires_at"]
        application.save(update_fields=fields)
        access.record(application, access.STATUS_CHANGED, by, status=status)
        if token:
            send_offer(application, token)
        changed += 1
    return changed


def offer_url(application: Application, token: str) -> str:
    with translation.override(application.language or settings.LANGUAGE_CODE):
        return site_url() + reverse("application_offer", args=[token])


def send_offer(application: Application, token: str):
    send_email(
        application,
        "offer",
        {
            "offer_url": offer_url(application, token),
            "expires_at": application.offer_expires_at,
        },
    )


def find_offer(token: str) -> Application:
    application = (
        Application.objects.select_related("programme")
        .filter(offer_token_hash=hash_token(token), status=SelectionStatus.OFFERED)
        .first()
    )
    if application is None or application.offer_expires_at is None:
        raise OfferInvalid
    if application.offer_expires_at <= timezone.now():
        raise OfferInvalid
    return application


def participant_account(application: Application, *, by=None):
    """The account of an accepted applicant, made or found by the provider members/
    registers with the `programme_participant_account` hook. Without one, a plain
    account is found or made so that the cohort still records the person."""
    for provide in hooks.get_hooks(PROGRAMME_PARTICIPANT_ACCOUNT):
        user = provide(
            email=application.email,
            name=application.name,
            language=application.language,
            home_area=application.home_area,
            invited_by=by,
        )
        if user is not None:
            return user
    User = get_user_model()
    user = User.objects.filter(email__iexact=application.email).first()
    if user is None:
        user = User.objects.create_user(email=application.email, password=None)
    return user


@transaction.atomic
def accept_offer(token: str) -> CohortMember:
    """The applicant takes the place: an account, and a confirmed place in the cohort."""
    application = find_offer(token)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != SelectionStatus.OFFERED:
        raise OfferInvalid
    user = participant_account(application)
    application.user = user
    application.status = SelectionStatus.ACCEPTED
    application.status_changed_at = timezone.now()
    application.offer_token_hash = ""
    application.save(update_fields=["user", "status", "status_changed_at", "offer_token_hash"])
    member, _created = CohortMember.objects.update_or_create(
        programme=application.programme,
        user=user,
        defaults={
            "application": application,
            "display_name": application.name,
            "confirmed_at": timezone.now(),
        },
    )
    access.record(application, access.STATUS_CHANGED, user, status=SelectionStatus.ACCEPTED)
    return member


@transaction.atomic
def decline_offer(token: str) -> Application:
    application = find_offer(token)
    application.status = SelectionStatus.DECLINED
    application.status_changed_at = timezone.now()
    application.offer_token_hash = ""
    application.save(update_fields=["status", "status_changed_at", "offer_token_hash"])
    access.record(application, access.STATUS_CHANGED, None, status=SelectionStatus.DECLINED)
    return application
