"""Forms of the member area. Domain rules live in members/services; these check input."""

from django import forms
from django.contrib.auth import password_validation
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from home.areas import AREA_CHOICES
from home.dates import validate_plausible_date
from home.models import Skill
from members.languages import SPOKEN_LANGUAGES
from members.models import Profile
from members.services import membership, story_submission
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


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Neither your email address nor theirs is shown to the other person."),
    )


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


class InvitationAcceptForm(forms.Form):
    """Someone invited by staff chooses a display name and password."""

    display_name = SignupForm.base_fields["display_name"]
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    privacy_consent = SignupForm.base_fields["privacy_consent"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
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


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the person to invite"))


class StorySubmissionForm(forms.Form):
    """A member's story: title, text, an optional photo and what they agree to."""

    title = forms.CharField(label=_("Title"), max_length=120)
    text = forms.CharField(
        label=_("Your story"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Leave an empty line between paragraphs. Editors may shorten or tidy it."),
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("JPEG, PNG or WebP. We remove location and camera details from every photo."),
    )
    photo_alt = forms.CharField(
        label=_("What the photo shows"),
        max_length=250,
        required=False,
        help_text=_("Needed with a photo, for people who cannot see it."),
    )
    photo_shows_me = forms.BooleanField(label=_("I can be recognised in the photo"), required=False)
    consent = forms.ChoiceField(
        label=_("How may we publish it?"),
        choices=story_submission.CONSENT_CHOICES,
        widget=forms.RadioSelect,
        help_text=_(
            "You can change your mind at any time by writing to us: we then take the story down."
        ),
    )

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if upload:
            # Checked here so that a bad file is refused on the field; stored by the service.
            reencode_photo(upload)
            upload.seek(0)
            return upload
        return None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_alt", "").strip():
            self.add_error("photo_alt", _("Tell us what the photo shows."))
        if (
            cleaned.get("photo")
            and cleaned.get("photo_shows_me")
            and cleaned.get("consent")
            and cleaned["consent"] != story_submission.ConsentScope.NAME_AND_PHOTO
        ):
            self.add_error(
                "consent",
                _("The photo shows you: choose to show your name and a photo, or send no photo."),
            )
        return cleaned


class EventFilterForm(forms.Form):
    """The events list's filters, sent with GET so they work without JavaScript."""

    WHEN_CHOICES = [
        ("", _("Any time")),
        ("week", _("This week")),
        ("month", _("This month")),
        ("range", _("Between two dates")),
    ]

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    near_me = forms.BooleanField(label=_("Near me and online"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    when = forms.ChoiceField(label=_("When"), required=False, choices=WHEN_CHOICES)
    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_plausible_date],
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_plausible_date],
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    skill = forms.ChoiceField(label=_("Skill"), required=False)
    programme = forms.TypedChoiceField(
        label=_("Programme"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, topics=(), skills=(), programmes=(), can_use_near_me=False, **kw):
        from members.models import EventFormat

        super().__init__(*args, **kw)
        self.fields["area"].choices = [("", _("All areas")), *AREA_CHOICES]
        self.fields["format"].choices = [("", _("All formats")), *EventFormat.choices]
        self.fields["topic"].choices = [("", _("All topics")), *topics]
        self.fields["skill"].choices = [("", _("All skills")), *skills]
        self.fields["programme"].choices = [("", _("All programmes")), *programmes]
        if not can_use_near_me:
            del self.fields["near_me"]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if data.get("when") == "range" and not (start or end):
            self.add_error("start", _("Give a first date, a last date or both."))
        if start and end and end < start:
            self.add_error("end", _("The last date must be on or after the first."))
        return data


class EventReplyForm(forms.Form):
    """Taking a place: the one choice is whether other members see the member's name."""

    show_name = forms.BooleanField(
        label=_("Show my name to other members who are coming"), required=False
    )


class EventProposalForm(forms.ModelForm):
    """What a member fills in to propose (or edit) an event they organise."""

    joining_link = forms.URLField(
        label=_("Joining link"),
        required=False,
        assume_scheme="https",
        help_text=_("For online and hybrid events. Shown only to people with a place."),
    )

    class Meta:
        from members.models import Event

        model = Event
        fields = [
            "title",
            "description",
            "starts_at",
            "ends_at",
            "format",
            "venue",
            "area",
            "joining_link",
            "capacity",
            "audience",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }
