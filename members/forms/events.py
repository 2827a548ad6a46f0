"""Forms of events: the list's filters, taking a place, and proposing or editing an
event one organises. The rules are in members/services/events/."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.areas import AREA_CHOICES
from home.dates import validate_plausible_date
from members.models import Event, EventFormat


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
