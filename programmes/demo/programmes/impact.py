"""Skills before and after, and equality monitoring (issue 20): extra applicants, the
self-assessment rounds with answers, and monitoring answers, some counts suppressed."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from home.tokens import hash_token, new_token
from programmes.demo.programmes.seeds import OPEN_PROGRAMME_SLUG, local
from programmes.models import (
    ProgrammePage,
)

# Skills before and after, and equality monitoring (issue 20) ---------------------------
#
# Speak Up, Lead Locally (open) has more applicants, a first self-assessment round open
# now with answers, and sixteen monitoring answers: enough that some counts show and
# some are suppressed. HKMAP (finished) has both rounds closed, so its funder report
# shows the change per skill. Everything is looked up first: a second load adds nothing.

EXTRA_APPLICANTS = [
    # email, name, status
    ("amal.applicant@example.org", "Amal Example", "accepted"),
    ("bogdan.applicant@example.org", "Bogdan Example", "accepted"),
    ("chiara.applicant@example.org", "Chiara Example", "accepted"),
    ("dawit.applicant@example.org", "Dawit Example", "accepted"),
    ("eun.applicant@example.org", "Eun Example", "received"),
    ("fatima.applicant@example.org", "Fatima Example", "received"),
    ("grace.applicant@example.org", "Grace Example", "shortlisted"),
    ("hana.applicant@example.org", "Hana Example", "received"),
    ("ilya.applicant@example.org", "Ilya Example", "received"),
    ("joy.applicant@example.org", "Joy Example", "received"),
]

# Sixteen answers: (age band, gender, ethnic group, disability, country of birth), each
# with a count. Small counts show as "fewer than 5"; the lone "non-binary" answer also
# hides the count of men, which would otherwise reveal it.
MONITORING_ANSWERS = [
    (("25-34", "woman", "asian-chinese", "no", "asia-east"), 4),
    (("35-44", "woman", "black-african", "no", "africa-west-central"), 3),
    (("25-34", "man", "asian-other", "no", "asia-east"), 2),
    (("35-44", "man", "black-african", "yes", "africa-west-central"), 2),
    (("18-24", "woman", "white-other", "prefer-not", "eu"), 2),
    (("25-34", "man", "other-arab", "yes", "middle-east"), 1),
    (("45-54", "man", "white-roma", "no", "eu"), 1),
    (("prefer-not", "non-binary", "other-arab", "yes", "middle-east"), 1),
]


def _skill_rating(person: int, skill: int, stage: str) -> int:
    """A made-up but plausible rating: most people start low and end higher."""
    start = 1 + (person + skill) % 3
    if stage == "start":
        return start
    return min(5, start + (person * 7 + skill) % 3)


def _ensure_round(programme, stage, opened, closes, skills, members, answering, run):
    from programmes.models import (
        AssessmentInvitation,
        AssessmentPseudonym,
        SkillAnswerSet,
        SkillAssessmentRound,
        SkillRating,
    )

    if SkillAssessmentRound.objects.filter(programme=programme, stage=stage).exists():
        return
    round = SkillAssessmentRound.objects.create(
        programme=programme, stage=stage, opened_at=opened, closes_at=closes
    )
    round.skills.set(skills)
    AssessmentInvitation.objects.bulk_create(
        # The demo sends no email: its links are random and never shown.
        AssessmentInvitation(
            round=round,
            cohort_member=member,
            token_hash=hash_token(new_token()),
            sent_at=opened,
        )
        for member in members
    )
    for person, member in enumerate(members[:answering]):
        pseudonym, _created = AssessmentPseudonym.objects.get_or_create(cohort_member=member)
        answer_set = SkillAnswerSet.objects.create(round=round, pseudonym=pseudonym.value)
        SkillRating.objects.bulk_create(
            SkillRating(
                answer_set=answer_set,
                skill=skill,
                rating=_skill_rating(person, number, stage),
            )
            for number, skill in enumerate(skills)
            if (person + number) % 5  # some questions are skipped: answering is optional
        )
    run.note(f"self-assessment round ({stage}) for {programme.title}")


def _extra_applicants(page, run):
    from programmes.models import Application, CohortMember

    known = set(Application.objects.filter(programme=page).values_list("email", flat=True))
    added = 0
    now = timezone.now()
    for number, (email, name, status) in enumerate(EXTRA_APPLICANTS):
        if email in known:
            continue
        application = Application.objects.create(
            programme=page,
            name=name,
            email=email,
            home_area="england-north-west",
            languages="English",
            language="en",
            status=status,
            status_changed_at=now if status != "received" else None,
            answers=[],
        )
        Application.objects.filter(pk=application.pk).update(
            submitted_at=now - timedelta(days=9 - number % 9)
        )
        if status == "accepted":
            CohortMember.objects.create(
                programme=page, application=application, display_name=name, confirmed_at=now
            )
        added += 1
    if added:
        run.note(f"{added} more applications to {page.title}")


def _monitoring_answers(page, run):
    from programmes.models import MonitoringResponse

    if MonitoringResponse.objects.filter(programme=page).exists():
        return
    fields = ["age_band", "gender", "ethnic_group", "disability", "birth_region"]
    MonitoringResponse.objects.bulk_create(
        MonitoringResponse(programme=page, **dict(zip(fields, answers, strict=True)))
        for answers, times in MONITORING_ANSWERS
        for _copy in range(times)
    )
    run.note(
        f"{sum(times for _a, times in MONITORING_ANSWERS)} monitoring answers for {page.title}"
    )


def load_impact_demo(run):
    """The `demo_content` step after applications: self-assessment and monitoring."""
    from programmes.models import CohortMember

    speak_up = ProgrammePage.objects.filter(
        slug=OPEN_PROGRAMME_SLUG, locale=Locale.get_default()
    ).first()
    if speak_up is not None:
        _extra_applicants(speak_up, run)
        _monitoring_answers(speak_up, run)
        members = list(CohortMember.objects.filter(programme=speak_up).order_by("pk"))
        skills = list(speak_up.skills.all())
        if members and skills:
            first_day = speak_up.start_date
            _ensure_round(
                speak_up,
                "start",
                local(run.today, 9),
                local(first_day, 23, 59),
                skills,
                members,
                len(members) - 1,
                run,
            )
    hkmap_page = ProgrammePage.objects.filter(
        slug="hkmap-2023", locale=Locale.get_default()
    ).first()
    if hkmap_page is not None:
        members = list(CohortMember.objects.filter(programme=hkmap_page).order_by("pk"))
        skills = list(hkmap_page.skills.all())
        if len(members) >= 10 and skills:
            start, end = hkmap_page.start_date, hkmap_page.end_date
            _ensure_round(
                hkmap_page,
                "start",
                local(start - timedelta(days=7), 9),
                local(start + timedelta(days=7), 23, 59),
                skills,
                members,
                len(members) - 1,
                run,
            )
            _ensure_round(
                hkmap_page,
                "end",
                local(end, 17),
                local(end + timedelta(days=14), 23, 59),
                skills,
                members,
                len(members) - 2,
                run,
            )
            # The end round has closed: nobody can tie these answers to a person any more.
            from programmes.models import AssessmentPseudonym

            AssessmentPseudonym.objects.filter(cohort_member__programme=hkmap_page).delete()
