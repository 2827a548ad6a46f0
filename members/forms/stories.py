"""A member's story sent to the editors. The rules are in
members/services/story_submission.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from members.services import story_submission
from members.services.photos import reencode_photo


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
