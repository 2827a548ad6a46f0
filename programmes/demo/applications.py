"""Demo applications, cohorts and registers (the `demo_content` step after members).

- "Speak Up, Lead Locally" (open for applications) takes applications on the site, with
  three questions, and has applications in every state; three accepted applicants
  (member@example.org and two alumni) are its first confirmed cohort members.
- HKMAP (finished) has a cohort of alumni with attendance on each of its sessions, so
  the impact figures "sessions delivered" and "participants attended" count something.
- moderator@example.org is given access to Speak Up's applications; admin@ sees all.

Every step looks things up first: running it again changes nothing. All people are
fictional, with example.org addresses.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.tokens import hash_token, new_token
from programmes.demo.programmes import OPEN_PROGRAMME_SLUG, number_unordered_children
from programmes.models import (
    Application,
    ApplicationQuestion,
    CohortMember,
    ProgrammeAccess,
    ProgrammePage,
    ProgrammeSession,
    SessionAttendance,
)

QUESTIONS = [
    ("What would you like to change where you live?", "long", "", True),
    ("Which way of taking part suits you best?", "choice", "Online\nIn Manchester\nBoth", True),
    ("Would you like an interpreter at the in-person days?", "yes-no", "", False),
]

# email, name (None: the member's display name), home area, status
APPLICANTS = [
    ("member@example.org", "Maya Member", "england-north-west", "accepted"),
    ("alumni01@example.org", None, "england-north-west", "accepted"),
    ("alumni02@example.org", None, "england-north-west", "accepted"),
    ("farid.applicant@example.org", "Farid Example", "england-north-west", "received"),
    ("lena.applicant@example.org", "Lena Example", "england-north-west", "received"),
    ("olu.applicant@example.org", "Olu Example", "england-north-west", "shortlisted"),
    ("rosa.applicant@example.org", "Rosa Example", "england-north-west", "shortlisted"),
    ("tam.applicant@example.org", "Tam Example", "england-north-west", "offered"),
    ("yara.applicant@example.org", "Yara Example", "england-west-midlands", "waitlisted"),
    ("ivan.applicant@example.org", "Ivan Example", "england-north-west", "declined"),
    ("mei.applicant@example.org", "Mei Example", "scotland", "withdrawn"),
]

ANSWERS = [
    "Safer crossings near the primary school on our road.",
    "More ESOL classes in the evening, for people who work days.",
    "A welcome pack for new families at the community centre.",
    "Better bus links to the hospital.",
]

HKMAP_SLUG = "hkmap-2023"
HKMAP_COHORT = [f"alumni{number:02d}@example.org" for number in range(3, 15)]


def load_applications(run):
    speak_up = ProgrammePage.objects.filter(
        slug=OPEN_PROGRAMME_SLUG, locale__language_code="en"
    ).first()
    if speak_up is not None:
        _open_form(speak_up, run)
        if number_unordered_children([ApplicationQuestion]):
            run.note("application questions put in their order")
        _applications(speak_up, run)
        moderator = get_user_model().objects.filter(email="moderator@example.org").first()
        if moderator and moderator.is_staff:
            _, created = ProgrammeAccess.objects.get_or_create(programme=speak_up, user=moderator)
            if created:
                run.note("moderator@example.org may read Speak Up's applications")
    hkmap = ProgrammePage.objects.filter(slug=HKMAP_SLUG, locale__language_code="en").first()
    if hkmap is not None:
        _past_cohort(hkmap, run)


def _open_form(page, run):
    if page.applications_on_site and page.application_questions.exists():
        return
    page.applications_on_site = True
    page.application_questions = [
        ApplicationQuestion(
            label=label, kind=kind, options=options, required=required, sort_order=position
        )
        for position, (label, kind, options, required) in enumerate(QUESTIONS)
    ]
    page.save_revision().publish()
    run.note("application form for Speak Up, Lead Locally")


def _applications(page, run):
    if Application.objects.filter(programme=page).exists():
        return
    User = get_user_model()
    questions = [label for label, *_rest in QUESTIONS]
    now = timezone.now()
    for number, (email, name, area, status) in enumerate(APPLICANTS):
        user = User.objects.filter(email=email).first()
        if name is None:
            profile = getattr(user, "profile", None) if user else None
            name = getattr(profile, "display_name", "") or email.split("@")[0].title()
        application = Application.objects.create(
            programme=page,
            user=user,
            name=name,
            email=email,
            home_area=area,
            languages="English" if number % 2 else "Arabic, English",
            language="en",
            status=status,
            status_changed_at=now if status != "received" else None,
            answers=[
                {"question": questions[0], "answer": ANSWERS[number % len(ANSWERS)]},
                {
                    "question": questions[1],
                    "answer": ["Online", "In Manchester", "Both"][number % 3],
                },
                {"question": questions[2], "answer": "yes" if number % 4 == 0 else "no"},
            ],
        )
        Application.objects.filter(pk=application.pk).update(
            submitted_at=now - timedelta(days=10 - number % 10)
        )
        if status == "offered":
            # The demo never shows this link; it only makes the offer real and expiring.
            application.offer_token_hash = hash_token(new_token())
            application.offer_expires_at = now + timedelta(days=14)
            application.save(update_fields=["offer_token_hash", "offer_expires_at"])
        if status == "accepted" and user is not None:
            CohortMember.objects.get_or_create(
                programme=page,
                user=user,
                defaults={"application": application, "display_name": name, "confirmed_at": now},
            )
    run.note(f"{len(APPLICANTS)} applications to {page.title}")


def _past_cohort(page, run):
    if CohortMember.objects.filter(programme=page).exists():
        return
    User = get_user_model()
    users = list(User.objects.filter(email__in=HKMAP_COHORT).select_related("profile"))
    if not users:
        return
    confirmed = timezone.make_aware(
        datetime.combine(page.start_date - timedelta(days=14), time(12))
    )
    members = [
        CohortMember.objects.create(
            programme=page,
            user=user,
            display_name=getattr(getattr(user, "profile", None), "display_name", "") or str(user),
            confirmed_at=confirmed,
        )
        for user in sorted(users, key=lambda u: u.email)
    ]
    today = timezone.localdate()
    sessions = ProgrammeSession.objects.filter(page=page, date__lt=today).order_by("date")
    rows = []
    for session_number, session in enumerate(sessions):
        for member_number, member in enumerate(members):
            # Most come every time; a few miss a session now and then.
            present = (member_number + session_number) % 5 != 0
            rows.append(SessionAttendance(session=session, cohort_member=member, present=present))
    SessionAttendance.objects.bulk_create(rows)
    run.note(f"cohort of {len(members)} with attendance for {page.title}")
