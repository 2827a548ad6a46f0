"""Membership: creating a member's profile at sign-up, and approving or declining it.

Called by the sign-up form, allauth's signals, the staff admin view and invitations.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from members.models import AuditAction, MembershipStatus, Profile
from members.services import audit
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
        profile.privacy_notice_version = settings.PRIVACY_NOTICE_VERSION
        profile.privacy_consented_at = timezone.now()
        profile.save(update_fields=["privacy_notice_version", "privacy_consented_at"])
    return profile


def email_verified(user):
    """A new account proved its address: approve at once unless staff approval is on."""
    profile = getattr(user, "profile", None)
    if profile is None or profile.status != MembershipStatus.PENDING:
        return
    if not settings.MEMBERSHIP_APPROVAL:
        approve(profile, by=None, notify=False)


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
