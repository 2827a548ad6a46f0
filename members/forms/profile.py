"""Forms of a member's own profile: signing up, the first choices, editing the profile,
claiming a programme, the directory's filters, reporting a profile and deleting the
account. Domain rules live in members/services; these check input. Events, invitations
and stories have their own modules beside this one."""

from django import forms
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from home.areas import AREA_CHOICES
from home.models import Skill
from members.languages import SPOKEN_LANGUAGES
from members.models import Profile
from members.services import membership
from members.services.photos import reencode_photo


class PageChoiceField(forms.ModelChoiceField):
    """A choice of page by id that refuses ids no database column can hold (a number with
    400 digits in a query string was a server error, found by the hypothesis tests)."""

    LARGEST_ID = 2**63 - 1

    def to_python(self, value):
        text = str(value).strip() if value is not None else ""
        if text.lstrip("-").isdigit() and abs(int(text)) > self.LARGEST_ID:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


def programme_choices():
    """Live programmes in the default language, for a member to name the one they took
    part in or to filter the directory by. Translations are copies of the same
    programme, so they are not offered again (a claim on one would not match a filter on
    another), and only the columns a choice needs are read: whole programme pages, with
    their schedules and bodies, made the directory's filter form its slowest part."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant

    from programmes.models import ProgrammePage

    return (
        ProgrammePage.objects.live()
        .filter(
            locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        .only("id", "title")
        .order_by("title")
    )


def _consent_label():
    return format_html(
        _('I have read the <a href="{}">privacy notice</a> and agree to it.'),
        reverse_lazy("members:privacy_notice"),
    )


class SignupForm(forms.Form):
    """Extra sign-up fields allauth adds to its own: a display name and consent."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        help_text=_("The name other members will see. It does not have to be your legal name."),
    )
    privacy_consent = forms.BooleanField(
        label=lazy(_consent_label, str)(),
        required=True,
        error_messages={"required": _("You need to agree to the privacy notice to join.")},
    )

    def signup(self, request, user):
        membership.start_membership(
            user,
            display_name=self.cleaned_data["display_name"],
            consented=self.cleaned_data["privacy_consent"],
        )


class ProfileForm(forms.ModelForm):
    """A member editing their own profile and visibility choices."""

    photo_upload = forms.FileField(
        label=_("New photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP. We remove location and camera details from every photo."),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills"),
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "pronouns",
            "headline",
            "bio",
            "home_area",
            "interests",
            "links",
            "visibility",
            "photo_visibility",
            "home_area_visibility",
            "programmes_visibility",
            "links_visibility",
            "cohorts_visibility",
            "staff_export_consent",
            "preferred_language",
            "events_digest",
        ]
        widgets = {
            "visibility": forms.RadioSelect,
            "photo_visibility": forms.RadioSelect,
            "home_area_visibility": forms.RadioSelect,
            "programmes_visibility": forms.RadioSelect,
            "links_visibility": forms.RadioSelect,
            "cohorts_visibility": forms.RadioSelect,
            "bio": forms.Textarea(attrs={"rows": 6}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["home_area"].choices = [("", _("Not saying")), *AREA_CHOICES]
        if self.instance.pk:
            self.initial["skills"] = [item.tag_id for item in self.instance.skill_items.all()]
            self.initial["languages"] = [lang.code for lang in self.instance.languages.all()]

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        if upload:
            return reencode_photo(upload)
        return None

    def save(self, commit=True):
        profile = super().save(commit=False)
        clean_photo = self.cleaned_data.get("photo_upload")
        if (self.cleaned_data.get("remove_photo") or clean_photo) and profile.photo:
            profile.photo.delete(save=False)
        if clean_photo:
            profile.photo.save(clean_photo.name, clean_photo, save=False)
        profile.save()
        profile.skills.set(list(self.cleaned_data["skills"]))
        profile.languages.all().delete()
        profile.languages.bulk_create(
            [
                profile.languages.model(profile=profile, code=code)
                for code in self.cleaned_data["languages"]
            ]
        )
        return profile


class ProgrammeClaimForm(forms.Form):
    """A member saying they took part in a programme; staff confirm it later."""

    programme = PageChoiceField(label=_("Programme"), queryset=None)
    cohort = forms.CharField(label=_("Cohort"), max_length=60, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programme_choices()


class DirectoryFilterForm(forms.Form):
    """The directory's search and filters, submitted by GET (no JavaScript needed)."""

    q = forms.CharField(label=_("Name, skill or words in a bio"), required=False, max_length=100)
    skill = forms.ModelMultipleChoiceField(
        label=_("Skills"),
        queryset=Skill.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    area = forms.ChoiceField(label=_("Home area"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    programme = PageChoiceField(label=_("Programme"), queryset=None, required=False)
    cohort = forms.CharField(label=_("Cohort"), required=False, max_length=60)
    mentoring = forms.BooleanField(label=_("Offers mentoring"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("Any area")), *AREA_CHOICES]
        self.fields["language"].choices = [("", _("Any language")), *SPOKEN_LANGUAGES]
        self.fields["programme"].queryset = programme_choices()
        self.fields["programme"].empty_label = _("Any programme")


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What worries you about this profile?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class DeleteAccountForm(forms.Form):
    """Deleting an account is confirmed with the password."""

    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "off"})
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not correct."))
        return password


class FirstChoicesForm(forms.ModelForm):
    """At the first sign-in of an account made for a programme place: the name other
    members will see, who may see the profile, and the privacy notice to accept."""

    privacy_consent = SignupForm.base_fields["privacy_consent"]

    class Meta:
        model = Profile
        fields = ["display_name", "visibility"]
        widgets = {"visibility": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
