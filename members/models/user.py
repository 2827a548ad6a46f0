"""People who sign in: the account model every other app refers to.

Accounts use an email address instead of a username, because members sign in with
the address they verify and a username would be one more identifier to leak.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    """Creates accounts keyed by a normalised email address."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email)
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account: a member, an editor or staff. Signs in with the email address."""

    username = None
    email = models.EmailField(_("email address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def get_full_name(self):
        """The name shown for this account everywhere, the Wagtail admin included (page
        history, workflows, reports and choosers use it through `get_user_display_name`):
        for a member, the display name they chose (or "Member #n"), never their email
        address or a legal name; accounts without a profile (editors) use their names."""
        from django.core.exceptions import ObjectDoesNotExist

        try:
            profile = self.profile
        except ObjectDoesNotExist:
            return super().get_full_name()
        return profile.display_name or str(profile)

    def __str__(self):
        return self.get_full_name() or self.email
