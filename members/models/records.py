"""What staff and members may need to look back on: invitations, the audit trail's
actions (kept in Wagtail's log) and sign-in history. None of these rows keeps a name or an
email beyond its purpose."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Invitation(models.Model):
    """A single-use link staff send to someone so they join already approved.

    Only a hash of the token is stored: a leaked database cannot be used to join.
    """

    email = models.EmailField(_("email address"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Invitation #%(number)s") % {"number": self.pk}


class AuditAction(models.TextChoices):
    """The member area's actions on Wagtail's log (registered in members/wagtail_hooks.py)."""

    APPROVED = "members.approved", _("Membership approved")
    DECLINED = "members.declined", _("Membership declined")
    INVITED = "members.invited", _("Invitation sent")
    INVITATION_ACCEPTED = "members.invitation_accepted", _("Invitation accepted")
    EXPORTED = "members.exported", _("Member downloaded their data")
    STAFF_EXPORT = "members.staff_export", _("Staff downloaded the member list")
    DELETED = "members.deleted", _("Account deleted")
    MENTORING_CONFIRMED = "members.mentoring_confirmed", _("Mentoring pair confirmed")
    MENTORING_DECLINED = "members.mentoring_declined", _("Mentoring request declined")
    MENTORING_ENDED = "members.mentoring_ended", _("Mentoring pair ended")


class LoginRecord(models.Model):
    """When a member signed in, for their own download. No address or device kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_records"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return str(self.at)


class FormerMember(models.Model):
    """What is left of a deleted account: no name, no address, no link to anyone; only
    when the person was a member, so that figures for a closed period keep counting
    them (issue 20). Their mentoring pairs point here instead of at the account, so a
    person in two pairs still counts once."""

    member_since = models.DateTimeField(
        _("member since"), null=True, blank=True, help_text=_("Empty if never approved.")
    )
    left_at = models.DateTimeField(_("left"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("former member")
        verbose_name_plural = _("former members")
        ordering = ["left_at", "pk"]

    def __str__(self):
        return _("Former member #%(number)s") % {"number": self.pk}
