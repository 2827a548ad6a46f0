"""Forms of mentoring: offering it, saying what you look for, asking for a mentor,
logging a meeting, and staff confirming a pair. The rules live in
members/services/mentoring/pairs.py; these check input."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.areas import AREA_CHOICES
from home.models import Skill
from members.languages import SPOKEN_LANGUAGES
from members.models import MentoringMeeting, MentoringWish, MentorOffer


class _SkillsAndLanguagesForm(forms.ModelForm):
    """Skills from the shared vocabulary and spoken languages, as checkboxes."""

    skills = forms.ModelMultipleChoiceField(
        label=_("Skills"),
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("Online only or not saying")), *AREA_CHOICES]
        if self.instance.pk:
            self.initial["skills"] = [item.tag_id for item in self.instance.skill_items.all()]

    def save(self, commit=True):
        instance = super().save(commit=False)
        instance.languages = list(self.cleaned_data["languages"])
        instance.save()
        instance.skills.set(list(self.cleaned_data["skills"]))
        return instance


class MentorOfferForm(_SkillsAndLanguagesForm):
    """A member offering mentoring, or changing their offer."""

    class Meta:
        model = MentorOffer
        fields = ["active", "skills", "languages", "area", "capacity", "note", "visibility"]
        widgets = {"visibility": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].label = _("Skills I can mentor on")
        self.fields["languages"].label = _("Languages I can mentor in")


class MentoringWishForm(_SkillsAndLanguagesForm):
    """A member saying what they look for in a mentor."""

    class Meta:
        model = MentoringWish
        fields = ["skills", "languages", "area", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].label = _("Skills I want to grow")
        self.fields["languages"].label = _("Languages I would like to be mentored in")


class MentorRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Why this mentor? (for staff and, once paired, your mentor)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class MeetingForm(forms.ModelForm):
    """A pair logging a meeting they held."""

    class Meta:
        model = MentoringMeeting
        fields = ["met_on", "note"]
        widgets = {
            "met_on": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_met_on(self):
        met_on = self.cleaned_data["met_on"]
        if met_on > timezone.localdate():
            raise forms.ValidationError(_("Log a meeting once it has happened."))
        return met_on


class ConfirmPairForm(forms.Form):
    """Staff confirming a pair may link it to the programme whose cohort it belongs to."""

    programme = forms.ModelChoiceField(
        label=_("Within programme (optional)"), queryset=None, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Locale

        from programmes.models import ProgrammePage

        self.fields["programme"].queryset = ProgrammePage.objects.filter(
            locale=Locale.get_default()
        ).order_by("title")
        self.fields["programme"].empty_label = _("Across the network")
