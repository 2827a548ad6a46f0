"""Forms for programme pages: the editor's page form and the readers' filters."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from home import vocabulary
from home.widgets import LanguageMarkedSelect
from programmes.status import StatusFilter, status_filter_q


class ProgrammePageForm(WagtailAdminPageForm):
    """Checks that the schedule fits inside the programme's dates.

    The messages land on the session or notice that is wrong, so an editor with
    twelve sessions can see which one to fix.
    """

    def clean(self):
        cleaned_data = super().clean()
        start = cleaned_data.get("start_date")
        end = cleaned_data.get("end_date")
        if not (start and end) or end < start:
            return cleaned_data
        outside = _("This date is outside the programme's first and last day.")
        checks = {"sessions": ("date",), "schedule_notes": ("starts_on", "ends_on")}
        for relation, field_names in checks.items():
            formset = self.formsets[relation]
            formset.is_valid()  # cleans each child form so its dates can be read
            for form in formset.forms:
                if formset.can_delete and formset._should_delete_form(form):
                    continue
                for name in field_names:
                    value = getattr(form, "cleaned_data", {}).get(name)
                    if value and not start <= value <= end:
                        form.add_error(name, outside)
        return cleaned_data


class ProgrammeIndexFilterForm(forms.Form):
    """Filters for the programme list; submitted with GET so it works without JavaScript."""

    status = forms.ChoiceField(
        label=_("Applications"),
        required=False,
        choices=[("", _("Any"))] + StatusFilter.choices,
    )
    mode = forms.ChoiceField(label=_("How it is delivered"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=LanguageMarkedSelect)

    def __init__(self, *args, programmes, **kwargs):
        from home.models import Topic
        from programmes.models.pages import DeliveryMode

        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = [("", _("Any"))] + DeliveryMode.choices
        topics = Topic.objects.filter(programme_items__content_object__in=programmes).distinct()
        # Named in the reader's language (home.vocabulary), values stay the shared slugs.
        self.fields["topic"].choices = [("", _("Any"))] + vocabulary.choices(topics)

    def filter(self, programmes):
        data = self.cleaned_data
        if data.get("status"):
            programmes = programmes.filter(status_filter_q(data["status"]))
        if data.get("mode"):
            programmes = programmes.filter(delivery_mode=data["mode"])
        if data.get("topic"):
            programmes = programmes.filter(topic_items__tag__slug=data["topic"]).distinct()
        return programmes


class ApplicationForm(forms.Form):
    """The public application form: the standard fields, then the programme's questions.

    `website` is a honeypot: hidden from people (and from screen readers), filled in
    only by robots, and a form with it filled in is never saved.
    """

    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Email address"))
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        help_text=_("Optional. Only the programme team will see it."),
    )
    home_area = forms.ChoiceField(label=_("Where you live"), required=False)
    languages = forms.CharField(
        label=_("Languages you speak"),
        max_length=200,
        required=False,
        help_text=_("For example: Arabic, English."),
    )
    website = forms.CharField(label=_("Leave this empty"), required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that the programme team keeps my application to select participants, "
            "and deletes it some months after the programme ends."
        )
    )

    def __init__(self, *args, questions=(), **kwargs):
        from home.areas import AREA_CHOICES

        super().__init__(*args, **kwargs)
        self.fields["home_area"].choices = [("", _("Choose your area"))] + list(AREA_CHOICES)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = _question_field(question)

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def standard_fields(self):
        return [self[name] for name in ("name", "email", "phone", "home_area", "languages")]

    def question_fields(self):
        return [self[f"question_{question.pk}"] for question in self.questions]


def _question_field(question):
    common = {
        "label": question.label,
        "help_text": question.help_text,
        "required": question.required,
    }
    if question.kind == "long":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), max_length=5000, **common)
    if question.kind == "choice":
        return forms.ChoiceField(
            choices=[(option, option) for option in question.option_list],
            widget=forms.RadioSelect,
            **common,
        )
    if question.kind == "yes-no":
        return forms.ChoiceField(
            choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect, **common
        )
    return forms.CharField(max_length=500, **common)


class AttendanceForm(forms.Form):
    """One register: a present/absent choice per cohort member, sent in one go."""

    def __init__(self, *args, members=(), recorded=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)
        recorded = recorded or {}
        for member in self.members:
            initial = None
            if member.pk in recorded:
                initial = "present" if recorded[member.pk] else "absent"
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=member.display_name,
                choices=[("present", _("Present")), ("absent", _("Absent"))],
                widget=forms.RadioSelect,
                initial=initial,
            )

    def rows(self):
        return [(member, self[f"member_{member.pk}"]) for member in self.members]

    def present_ids(self) -> set[int]:
        return {
            member.pk
            for member in self.members
            if self.cleaned_data.get(f"member_{member.pk}") == "present"
        }
