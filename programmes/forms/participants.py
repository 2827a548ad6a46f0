"""Forms participants fill in without signing in: the skills self-assessment (through
their personal link) and the equality monitoring form (offered after applying)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from programmes.models.monitoring import (
    ETHNIC_GROUP_CHOICES,
    AgeBand,
    BirthRegion,
    Disability,
    Gender,
)
from programmes.services.assessments import SCALE


class SkillAssessmentForm(forms.Form):
    """A 1–5 choice per skill; every skill may be left unanswered."""

    def __init__(self, *args, skills=(), initial_ratings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.skills = list(skills)
        initial_ratings = initial_ratings or {}
        for skill in self.skills:
            self.fields[f"skill_{skill.pk}"] = forms.TypedChoiceField(
                label=skill.name,
                help_text=skill.description,
                choices=[(value, f"{value} · {label}") for value, label in SCALE],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                initial=initial_ratings.get(skill.pk),
            )

    def rows(self):
        return [(skill, self[f"skill_{skill.pk}"]) for skill in self.skills]

    def ratings(self) -> dict[int, int]:
        return {
            skill.pk: self.cleaned_data[f"skill_{skill.pk}"]
            for skill in self.skills
            if self.cleaned_data.get(f"skill_{skill.pk}")
        }


def _blank_first(choices):
    return [("", _("Choose an answer"))] + list(choices)


class MonitoringForm(forms.Form):
    """The equality monitoring questions; only the consent is required."""

    age_band = forms.ChoiceField(
        label=_("What is your age?"),
        choices=AgeBand.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    gender = forms.ChoiceField(
        label=_("What is your gender?"),
        choices=Gender.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    ethnic_group = forms.ChoiceField(
        label=_("What is your ethnic group?"),
        help_text=_("The groups of the 2021 Census in England and Wales."),
        choices=_blank_first(ETHNIC_GROUP_CHOICES),
        required=False,
    )
    disability = forms.ChoiceField(
        label=_("Do you consider yourself to have a disability?"),
        help_text=_(
            "The Equality Act 2010 says a person has a disability if they have a physical or "
            "mental impairment that has a substantial and long-term negative effect on their "
            "ability to carry out normal daily activities."
        ),
        choices=Disability.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    birth_region = forms.ChoiceField(
        label=_("Where were you born?"),
        choices=_blank_first(BirthRegion.choices),
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that these answers are stored without my name, apart from my "
            "application, and used only for counts in reports to funders."
        ),
        error_messages={
            "required": _("Tick this box to send your answers, or choose “No thanks”.")
        },
    )

    question_names = ["age_band", "gender", "ethnic_group", "disability", "birth_region"]

    def questions(self):
        return [self[name] for name in self.question_names]
