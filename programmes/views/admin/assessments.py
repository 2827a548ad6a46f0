"""The skills self-assessment in the Wagtail admin: staff with access to a programme
open and close its start and end rounds and read the before/after change per skill.

Open only to superusers and staff given access to that programme (`ProgrammeAccess`),
like its applications and register. Nobody here sees one person's answers.
"""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.dates import validate_plausible_date
from home.http import private_response
from programmes.models import AssessmentInvitation, RoundStage
from programmes.services import assessments, attendance
from programmes.services.pages import reviewable_programme


class OpenRoundForm(forms.Form):
    closes_on = forms.DateField(
        label=gettext_lazy("Answers accepted until (last day)"),
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_plausible_date],
    )


@private_response
def assessment_rounds(request, programme_id):
    """Both rounds of one programme: open, close, and the change per skill."""
    programme = reviewable_programme(request.user, programme_id)
    form = OpenRoundForm(
        request.POST if request.POST.get("action") == "open" else None,
        initial={"closes_on": timezone.localdate() + timedelta(days=14)},
    )
    if request.method == "POST":
        stage = request.POST.get("stage", "")
        rounds = assessments.rounds_of(programme)
        try:
            if request.POST.get("action") == "close" and stage in rounds:
                assessments.close_round(rounds[stage], by=request.user)
                messages.success(request, _("The round is closed."))
                return redirect("programmes_admin:assessments", programme_id=programme.pk)
            if request.POST.get("action") == "open" and form.is_valid():
                assessments.open_round(
                    programme, stage, form.cleaned_data["closes_on"], by=request.user
                )
                messages.success(
                    request, _("The round is open: each participant is emailed their own link.")
                )
                return redirect("programmes_admin:assessments", programme_id=programme.pk)
            if (
                request.POST.get("action") not in {"open", "close"}
                or stage not in RoundStage.values
            ):
                messages.error(request, _("Choose a round to open or close."))
        except assessments.RoundRefused as refusal:
            messages.error(request, str(refusal))
    rounds = assessments.rounds_of(programme)
    answered = assessments.answer_counts(programme)
    invited = dict(
        (stage, AssessmentInvitation.objects.filter(round=round).count())
        for stage, round in rounds.items()
    )
    stages = [
        {
            "value": value,
            "label": label,
            "round": rounds.get(value),
            "answered": answered.get(value, 0),
            "invited": invited.get(value, 0),
        }
        for value, label in RoundStage.choices
    ]
    return TemplateResponse(
        request,
        "programmes/admin/assessment_rounds.html",
        {
            "programme": programme,
            "stages": stages,
            "form": form,
            "skills": list(programme.skills.all()),
            "cohort_size": attendance.cohort_of(programme).count(),
            "changes": assessments.skill_changes(programme),
        },
        status=400 if request.method == "POST" else 200,
    )
