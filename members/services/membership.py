"""Membership: creating a member's profile at sign-up, and approving or declining it.

Called by the sign-up form, allauth's signals, the staff admin view and invitations.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from home.http import site_url
from members.models import (
    SENSITIVE_FIELDS,
    AuditAction,
    MembershipStatus,
    Profile,
    Visibility,
)
from members.services import audit, staff_alerts
from members.services.notify import email_member


def start_membership(user, *, display_name: str, consented: bool) -> Profile:
    """Create the pending profile of a new account, recording privacy-notice consent.

    The language the person signed up in becomes their preferred language, so every
    email from the first one on reaches them in it; they can change it on their profile.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    profile, _ = Profile.objects.get_or_create(
        user=user, defaults={"display_name": display_name or "", "preferred_language": language}
    )
    if consented:
        from home.privacy import current_version

        profile.privacy_notice_version = current_version()
        profile.privacy_consented_at = timezone.now()
        profile.save(update_fields=["privacy_notice_version", "privacy_consented_at"])
    return profile


# A profile made for someone who has not chosen anything yet: seen only by them and staff.
PRIVATE_UNTIL_CHOSEN = {
    "display_name": "",
    "visibility": Visibility.STAFF,
    **{f"{name}_visibility": Visibility.STAFF for name in SENSITIVE_FIELDS},
}


def needs_first_choices(user) -> bool:
    """An account made for someone (a programme place) whose owner has not yet chosen a
    display name and accepted the privacy notice: their first sign-in asks them."""
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return bool(profile is not None and not profile.privacy_notice_version)


def email_verified(user):
    """A new account proved its address: approve at once unless staff approval is on,
    in which case staff are told that a member waits for them."""
    profile = getattr(user, "profile", None)
    if profile is None or profile.status != MembershipStatus.PENDING:
        return
    if not settings.MEMBERSHIP_APPROVAL:
        approve(profile, by=None, notify=False)
    else:
        staff_alerts.member_waiting(profile)


@transaction.atomic
def approve(profile: Profile, *, by, notify: bool = True):
    profile.status = MembershipStatus.APPROVED
    profile.status_changed_at = timezone.now()
    profile.save(update_fields=["status", "status_changed_at"])
    audit.record(AuditAction.APPROVED, actor=by, subject_id=profile.user_id)
    if notify:
        email_member(profile.user, "approved", {"profile": profile})


@transaction.atomic
def decline(profile: Profile, *, by):
    profile.status = MembershipStatus.DECLINED
    profile.status_changed_at = timezone.now()
    profile.save(update_fields=["status", "status_changed_at"])
    audit.record(AuditAction.DECLINED, actor=by, subject_id=profile.user_id)
    email_member(profile.user, "declined", {"profile": profile})


@transaction.atomic
def participant_account(*, email: str, name: str, language: str, home_area: str, invited_by=None):
    """The account of someone who accepted a place on a programme (provider for the
    `programme_participant_account` hook programmes/ calls).

    An existing account with that address is linked and, if still pending, approved:
    staff selected this person. Otherwise an approved account is made with the address
    verified (the offer link proved it) and an email with a link to set a password.

    The person has chosen nothing yet, so a profile made here is private (only them and
    staff), carries no display name (the application's legal name is not theirs to
    publish) and records no privacy-notice consent: they choose and accept at their first
    sign-in (`needs_first_choices`).
    """
    from allauth.account.forms import default_token_generator
    from allauth.account.models import EmailAddress
    from allauth.account.utils import user_pk_to_url_str
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        profile = Profile.objects.filter(user=user).first()
        if profile is None:
            profile = Profile.objects.create(
                user=user, preferred_language=language, **PRIVATE_UNTIL_CHOSEN
            )
        if profile.status == MembershipStatus.PENDING:
            approve(profile, by=invited_by, notify=False)
        email_member(
            user,
            "cohort_joined",
            {"profile": profile, "new_account": False, "greeting_name": name},
        )
        return user
    user = User.objects.create_user(email=email, password=None)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    profile = Profile.objects.create(
        user=user,
        preferred_language=language if language in dict(settings.LANGUAGES) else "en",
        home_area=home_area or "",
        **PRIVATE_UNTIL_CHOSEN,
    )
    approve(profile, by=invited_by, notify=False)
    key = default_token_generator.make_token(user)
    set_password_url = site_url() + reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": key},
    )
    email_member(
        user,
        "cohort_joined",
        {
            "profile": profile,
            "new_account": True,
            "set_password_url": set_password_url,
            "greeting_name": name,
        },
    )
    return user
