"""What programmes/ holds about a member, for the member's data download and for the
deletion of their account. members/ asks for it through the project hooks
`MEMBER_DATA_EXPORT` and `MEMBER_ACCOUNT_DELETING` (home/hooks.py), which
programmes/wagtail_hooks.py registers: a publishing app never imports members/."""

from django.db.models import Q
from django.utils.translation import gettext as _

from programmes.models import Application, CohortMember


def applications_of(user):
    """A member's applications: those sent while signed in, and those sent signed out
    from an address the member has verified (the same person, by the site's own proof)."""
    verified = {user.email.casefold()} if user.email else set()
    addresses = getattr(user, "emailaddress_set", None)
    if addresses is not None:
        verified = {
            email.casefold()
            for email in addresses.filter(verified=True).values_list("email", flat=True)
        }
    signed_out = Q(pk__in=[])
    for email in verified:
        signed_out |= Q(user__isnull=True, email__iexact=email)
    return Application.objects.filter(Q(user=user) | signed_out)


def export_applications(user) -> dict:
    """A member's applications and cohorts, for their data download."""
    return {
        "programme_applications": [
            {
                "programme": application.programme.title,
                "submitted_at": application.submitted_at.isoformat(),
                "status": application.status,
                "name": application.name,
                "email": application.email,
                "phone": application.phone,
                "home_area": application.home_area,
                "languages": application.languages,
                "answers": application.answers,
            }
            for application in applications_of(user).select_related("programme")
        ],
        "cohorts": [
            {"programme": member.programme.title, "confirmed_at": member.confirmed_at.isoformat()}
            for member in CohortMember.objects.filter(user=user).select_related("programme")
        ],
    }


def forget_applications(user):
    """A leaving member's applications go, those sent signed out from their address
    too; their cohort place stays, without a name, so registers and impact figures keep
    their history."""
    applications_of(user).delete()
    CohortMember.objects.filter(user=user).update(display_name=_("Former member"))
