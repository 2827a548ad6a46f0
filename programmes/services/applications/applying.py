"""Applying: the deadline, one application per email per programme, the answers stored
in the default language, and the emails to the applicant in their language."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import Locale

from home.emails import send_email as send_email_in_design
from home.http import site_url
from home.i18n import default_locale_version, locale_codes
from home.staff_alerts import alert
from programmes.models import (
    Application,
    ApplicationQuestion,
    ProgrammePage,
    QuestionKind,
)
from programmes.models.applications import normalise_email
from programmes.services import access

NEW_APPLICATION = "programmes.new_application"  # a staff alert (home/staff_alerts.py)


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
    tell_reviewers(application)
    return application


def tell_reviewers(application: Application):
    """Staff who may read the programme's applications hear that a new one came, by
    the programme's title and a link to it in the admin; never who applied."""
    programme = application.programme
    alert(
        NEW_APPLICATION,
        access.reviewers_of(programme),
        {
            "admin_path": reverse("programmes_admin:application", args=[application.pk]),
            "list_path": reverse("programmes_admin:applications", args=[programme.pk]),
            "programme": programme.title,
            "language": locale_codes().get(programme.locale_id, settings.LANGUAGE_CODE),
        },
    )


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
