"""Applying to a programme on the site, and moving applications through selection.

Called by the public form, the staff views in the admin, the offer link and the
`purge_applications` command alike, so the rules live in one place:
- no application after the deadline, whenever the form was opened;
- one application per email per programme (its default-language page);
- an offer carries a secret link, stored only as a hash, that expires;
- accepting an offer makes or links a member account (through a provider members/
  registers) and adds the person to the programme's cohort.
"""

import calendar
import io
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from wagtail import hooks
from wagtail.models import Locale

from home.emails import send_email as send_email_in_design
from home.hooks import PROGRAMME_PARTICIPANT_ACCOUNT
from home.http import site_url
from home.i18n import default_locale_version
from home.spreadsheets import csv_writer
from home.tokens import hash_token, new_token
from programmes.models import (
    Application,
    ApplicationQuestion,
    CohortMember,
    MonitoringResponse,
    ProgrammePage,
    QuestionKind,
    SelectionStatus,
)
from programmes.models.applications import normalise_email
from programmes.services import access, monitoring


class ApplicationRefused(Exception):
    """Why an application was not saved; `reason` names the page to show."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class OfferInvalid(Exception):
    """The offer link is unknown, already answered or expired."""


def source_programme(page: ProgrammePage) -> ProgrammePage:
    """The default-language page that applications, access and cohorts belong to."""
    return default_locale_version(page)


def source_questions(programme: ProgrammePage) -> dict:
    """translation_key → the default-language question, to store answers in one language."""
    return {
        question.translation_key: question
        for question in ApplicationQuestion.objects.filter(page=programme)
    }


def already_applied(programme: ProgrammePage, email: str) -> bool:
    return Application.objects.filter(
        programme=programme, email__iexact=normalise_email(email)
    ).exists()


def submit(page: ProgrammePage, data: dict, questions: list, *, user=None, language="en"):
    """Save an application from the form's cleaned data and send the confirmation.

    `page` is the programme in the language the form was shown in; `questions` are that
    page's questions. Raises ApplicationRefused("closed") after the deadline.

    A second application from the same address is not saved, and the page answers it
    exactly as a new one (the form must not tell a stranger who has applied): the
    address is emailed that an application already exists. Returns the application
    saved, or None for a repeat.
    """
    programme = source_programme(page)
    if not (programme.applications_on_site and programme.is_accepting_applications):
        raise ApplicationRefused("closed")
    by_key = source_questions(programme)
    answers = []
    for question in questions:
        value = data.get(f"question_{question.pk}")
        source = by_key.get(question.translation_key, question)
        if question.kind == QuestionKind.CHOICE and value not in (None, ""):
            index = question.option_list.index(value)
            source_options = source.option_list
            value = source_options[index] if index < len(source_options) else value
        elif question.kind == QuestionKind.YES_NO:
            value = {"yes": "yes", "no": "no"}.get(value, "")
        answers.append({"question": source.label, "answer": value or ""})
    application = Application(
        programme=programme,
        user=user if user is not None and user.is_authenticated else None,
        name=data["name"],
        email=data["email"],
        phone=data.get("phone", ""),
        home_area=data.get("home_area", ""),
        languages=data.get("languages", ""),
        language=language,
        answers=answers,
    )
    programme_url = {"programme_url": site_url() + page.url if page.url else site_url()}
    if already_applied(programme, application.email):
        _tell_already_applied(programme, application.email, programme_url)
        return None
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:  # two submissions at once: the constraint decides
        _tell_already_applied(programme, application.email, programme_url)
        return None
    send_email(application, "received", programme_url)
    return application


def _tell_already_applied(programme: ProgrammePage, email: str, context: dict):
    """Email the address that it has applied already, addressed as the application it
    has (never with what the repeat typed, which may be a stranger's words)."""
    existing = Application.objects.filter(
        programme=programme, email__iexact=normalise_email(email)
    ).first()
    if existing is not None:
        send_email(existing, "already_applied", context)


def send_email(application: Application, template: str, context: dict | None = None):
    """Queue `programmes/emails/<template>.html` in the applicant's language (the
    language they applied in); sent once the caller's transaction commits
    (home/emails/)."""
    language = application.language or settings.LANGUAGE_CODE
    programme = application.programme
    localised = programme
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None and locale.pk != programme.locale_id:
        localised = (
            ProgrammePage.objects.live()
            .filter(translation_key=programme.translation_key, locale=locale)
            .first()
            or programme
        )
    context = {
        "application": application,
        "programme_title": localised.title,
        **(context or {}),
    }
    send_email_in_design(
        application.email, f"programmes/emails/{template}.html", context, language=language
    )


# Selection ----------------------------------------------------------------------------


def change_status(applications, status: str, *, by) -> int:
    """Move applications to `status`; moving to "offered" emails each one an offer link.
    Returns how many changed."""
    changed = 0
    for application in applications:
        if application.status == status:
            continue
        application.status = status
        application.status_changed_at = timezone.now()
        fields = ["status", "status_changed_at"]
        token = None
        if status == SelectionStatus.OFFERED:
            token = new_token()
            application.offer_token_hash = hash_token(token)
            application.offer_expires_at = timezone.now() + timedelta(
                days=settings.APPLICATION_OFFER_DAYS
            )
            fields += ["offer_token_hash", "offer_expires_at"]
        application.save(update_fields=fields)
        access.record(application, access.STATUS_CHANGED, by, status=status)
        if token:
            send_offer(application, token)
        changed += 1
    return changed


def offer_url(application: Application, token: str) -> str:
    with translation.override(application.language or settings.LANGUAGE_CODE):
        return site_url() + reverse("application_offer", args=[token])


def send_offer(application: Application, token: str):
    send_email(
        application,
        "offer",
        {
            "offer_url": offer_url(application, token),
            "expires_at": application.offer_expires_at,
        },
    )


def find_offer(token: str) -> Application:
    application = (
        Application.objects.select_related("programme")
        .filter(offer_token_hash=hash_token(token), status=SelectionStatus.OFFERED)
        .first()
    )
    if application is None or application.offer_expires_at is None:
        raise OfferInvalid
    if application.offer_expires_at <= timezone.now():
        raise OfferInvalid
    return application


def participant_account(application: Application, *, by=None):
    """The account of an accepted applicant, made or found by the provider members/
    registers with the `programme_participant_account` hook. Without one, a plain
    account is found or made so that the cohort still records the person."""
    for provide in hooks.get_hooks(PROGRAMME_PARTICIPANT_ACCOUNT):
        user = provide(
            email=application.email,
            name=application.name,
            language=application.language,
            home_area=application.home_area,
            invited_by=by,
        )
        if user is not None:
            return user
    User = get_user_model()
    user = User.objects.filter(email__iexact=application.email).first()
    if user is None:
        user = User.objects.create_user(email=application.email, password=None)
    return user


@transaction.atomic
def accept_offer(token: str) -> CohortMember:
    """The applicant takes the place: an account, and a confirmed place in the cohort."""
    application = find_offer(token)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != SelectionStatus.OFFERED:
        raise OfferInvalid
    user = participant_account(application)
    application.user = user
    application.status = SelectionStatus.ACCEPTED
    application.status_changed_at = timezone.now()
    application.offer_token_hash = ""
    application.save(update_fields=["user", "status", "status_changed_at", "offer_token_hash"])
    member, _created = CohortMember.objects.update_or_create(
        programme=application.programme,
        user=user,
        defaults={
            "application": application,
            "display_name": application.name,
            "confirmed_at": timezone.now(),
        },
    )
    access.record(application, access.STATUS_CHANGED, user, status=SelectionStatus.ACCEPTED)
    return member


@transaction.atomic
def decline_offer(token: str) -> Application:
    application = find_offer(token)
    application.status = SelectionStatus.DECLINED
    application.status_changed_at = timezone.now()
    application.offer_token_hash = ""
    application.save(update_fields=["status", "status_changed_at", "offer_token_hash"])
    access.record(application, access.STATUS_CHANGED, None, status=SelectionStatus.DECLINED)
    return application


# Export and retention -----------------------------------------------------------------

CSV_HEADER = [
    "id",
    "submitted_at",
    "status",
    "name",
    "email",
    "phone",
    "home_area",
    "languages",
    "form_language",
]


def applications_csv(applications) -> str:
    """One row per application with every answer in its own column, questions in the
    order first met."""
    applications = list(applications)
    questions: list[str] = []
    for application in applications:
        for item in application.answers:
            if item["question"] not in questions:
                questions.append(item["question"])
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(CSV_HEADER + questions + ["notes"])
    for application in applications:
        answers = {item["question"]: item["answer"] for item in application.answers}
        writer.writerow(
            [
                application.pk,
                timezone.localtime(application.submitted_at).strftime("%Y-%m-%d %H:%M"),
                application.status,
                application.name,
                application.email,
                application.phone,
                application.home_area,
                application.languages,
                application.language,
            ]
            + [str(answers.get(question, "")) for question in questions]
            + [application.notes]
        )
    return out.getvalue()


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def purge_expired(today: date | None = None, months: int | None = None) -> int:
    """Delete applications of programmes that ended `months` months ago or more.

    A programme ending on 31 March with 6 months keeps its applications until
    30 September and loses them on 1 October. Its equality monitoring answers go with
    them. Cohort members stay (without the
    application), so the register and impact figures keep their history.
    """
    today = today or timezone.localdate()
    months = settings.APPLICATION_RETENTION_MONTHS if months is None else months
    with_applications = ProgrammePage.objects.filter(
        Q(pk__in=Application.objects.values("programme_id"))
        | Q(pk__in=MonitoringResponse.objects.values("programme_id"))
    ).only("pk", "end_date")
    expired = [
        programme.pk
        for programme in with_applications
        if add_months(programme.end_date, months) < today
    ]
    # Equality monitoring answers follow the same rule (kept apart, deleted together).
    monitoring.purge_for(expired)
    _total, by_model = Application.objects.filter(programme_id__in=expired).delete()
    return by_model.get(Application._meta.label, 0)
