"""Every email is a task queued after commit, delivered by the worker to a real SMTP
server (aiosmtpd on loopback), retried when the server is away, given up on and shown
to staff when it never comes back, refused for good on a 550 without holding up anyone
else, and never sent to the address of a deleted account."""

import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from home import emails
from home.models import EmailStatus, OutgoingEmail
from members.services import member_data
from members.services.events import rsvp
from members.services.events.digests import send_reminders
from members.services.notify import email_member
from tests.members.factories import EventFactory, ProfileFactory, StaffFactory, UserFactory
from tests.programmes.conftest import answers_for, open_programme  # noqa: F401 (fixture)
from tests.smtp_server import smtp_server

# The durable queue of production throughout: tasks wait until a worker runs them.
pytestmark = pytest.mark.usefixtures("database_queue")

SIGNUP = {
    "email": "newcomer@example.org",
    "password1": "a-long-member-passphrase",
    "password2": "a-long-member-passphrase",
    "display_name": "Newcomer",
    "privacy_consent": "on",
}


def delivery_tasks():
    return DBTaskResult.objects.filter(task_path="home.tasks.deliver_email")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Queued after commit, nothing on rollback ----------------------------------------------


@pytest.mark.parametrize(
    "action",
    ["signup", "newsletter", "application"],
)
def test_each_email_of_a_request_is_queued_only_once_the_request_commits(
    action, client, home_page, request, django_capture_on_commit_callbacks
):
    if action == "signup":
        url, data = reverse("account_signup"), SIGNUP
    elif action == "newsletter":
        url = reverse("newsletter_signup")
        data = {"email": "reader@example.org", "language": "en", "consent": "on"}
    else:
        programme = request.getfixturevalue("open_programme")
        url, data = programme.url + "apply/", answers_for(programme)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url, data)
        assert response.status_code in (200, 302)
        assert OutgoingEmail.objects.filter(status=EmailStatus.QUEUED).count() == 1
        assert not delivery_tasks().exists()  # nothing queued before the commit
    for callback in callbacks:
        callback()
    assert delivery_tasks().count() == 1
    assert mail.outbox == []  # the request itself sent nothing


def test_an_email_of_a_rolled_back_transaction_is_never_queued(
    home_page, django_capture_on_commit_callbacks, run_worker
):
    member = ProfileFactory().user
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        email_member(member, "approved", {"profile": member.profile})
        raise RuntimeError("the request failed after queueing")
    for callback in callbacks:
        callback()
    assert not OutgoingEmail.objects.exists()
    assert not delivery_tasks().exists()
    run_worker()
    assert mail.outbox == []


def test_the_worker_delivers_an_event_reply_with_its_ics_to_a_real_smtp_server(
    home_page, settings, django_capture_on_commit_callbacks, run_worker
):
    event = EventFactory()
    member = ProfileFactory().user
    with smtp_server(settings) as server:
        with django_capture_on_commit_callbacks(execute=True):
            rsvp.reserve_place(event, member)
        run_worker()
    assert server.recipients() == [member.email]
    assert "BEGIN:VCALENDAR" in server.messages[0]["data"]
    assert 'filename="event.ics"' in server.messages[0]["data"]
    sent = OutgoingEmail.objects.get()
    assert sent.status == EmailStatus.SENT and sent.attempts == 1
    assert sent.message == {}  # the text is not kept once it is sent


# Retries and giving up -----------------------------------------------------------------


def test_a_closed_smtp_port_schedules_retries_then_gives_up_and_staff_see_it(
    client, home_page, settings, django_capture_on_commit_callbacks, run_worker
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_USE_TLS = False
    member = ProfileFactory().user
    with django_capture_on_commit_callbacks(execute=True):
        email_member(member, "approved", {"profile": member.profile})
    waits = []
    for _attempt in range(emails.MAX_ATTEMPTS):
        before = timezone.now()
        run_worker()
        waiting = delivery_tasks().filter(status=TaskResultStatus.READY)
        if waiting.exists():
            retry = waiting.get()
            assert retry.run_after > before  # not before its time
            waits.append(retry.run_after - before)
            waiting.update(run_after=timezone.now())  # that time has come
    email = OutgoingEmail.objects.get()
    assert email.status == EmailStatus.FAILED
    assert email.attempts == emails.MAX_ATTEMPTS >= 5
    assert "Connection refused" in email.reason or "ConnectionRefused" in email.reason
    assert sum(waits, timedelta()) >= timedelta(hours=1)
    assert not delivery_tasks().filter(status=TaskResultStatus.READY).exists()

    # Staff see it in the report, without the address unless they may see members.
    plain_staff = UserFactory(is_staff=True)
    from django.contrib.auth.models import Permission

    plain_staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(plain_staff)
    page = client.get(reverse("failed_emails")).content.decode()
    assert email.subject in page and "Connection refused" in page
    assert member.email not in page
    client.force_login(StaffFactory())
    assert member.email in client.get(reverse("failed_emails")).content.decode()

    # "Retry" is a POST; it sends the email again once the server is back.
    retry_url = reverse("failed_email_retry", args=[email.pk])
    assert client.get(retry_url).status_code == 405
    with smtp_server(settings) as server:
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(retry_url).status_code == 302
        run_worker()
    assert server.recipients() == [member.email]
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT


# Batches: a 550 for one, 250 for the others, nobody twice -----------------------------


def test_a_refused_address_fails_alone_and_a_rerun_sends_nobody_anything_twice(
    home_page, settings, django_capture_on_commit_callbacks, run_worker
):
    event = EventFactory(starts_at=timezone.now() + timedelta(hours=12))
    members = [ProfileFactory().user for _ in range(4)]
    for member in members:
        with django_capture_on_commit_callbacks(execute=True):
            rsvp.reserve_place(event, member)
    OutgoingEmail.objects.all().delete()
    DBTaskResult.objects.all().delete()
    refused = members[1].email
    with smtp_server(settings, refuse=[refused]) as server:
        with django_capture_on_commit_callbacks(execute=True):
            assert send_reminders() == 4
        run_worker()
        # Run again, as the hourly timer does, and let a second worker look too.
        with django_capture_on_commit_callbacks(execute=True):
            assert send_reminders() == 0
        run_worker()
        run_worker()
    assert server.recipients() == sorted(m.email for m in members if m.email != refused)
    failed = OutgoingEmail.objects.get(status=EmailStatus.FAILED)
    assert failed.recipient == refused
    assert failed.attempts == 1  # a permanent refusal is not retried
    assert "550" in failed.reason
    assert OutgoingEmail.objects.filter(status=EmailStatus.SENT).count() == 3


def test_the_same_delivery_task_twice_sends_one_email(
    home_page, settings, django_capture_on_commit_callbacks, run_worker
):
    member = ProfileFactory().user
    with django_capture_on_commit_callbacks(execute=True):
        email = email_member(member, "approved", {"profile": member.profile})
    emails.enqueue_delivery(email.pk)  # a duplicate, as a retry racing a worker would
    with smtp_server(settings) as server:
        run_worker()
    assert server.recipients() == [member.email]


# Deleted accounts ----------------------------------------------------------------------


def test_no_email_goes_to_a_deleted_account_not_even_the_give_up_of_its_places(
    home_page, settings, django_capture_on_commit_callbacks, run_worker
):
    event = EventFactory()
    member = ProfileFactory().user
    address = member.email
    with smtp_server(settings) as server:
        with django_capture_on_commit_callbacks(execute=True):
            rsvp.reserve_place(event, member)  # its confirmation waits for the worker
        with django_capture_on_commit_callbacks(execute=True):
            member_data.delete_member(member)
        run_worker()
    assert server.messages == []
    assert not OutgoingEmail.objects.filter(recipient__iexact=address).exists()


def test_an_email_queued_to_an_address_before_its_account_was_deleted_is_dropped(
    home_page, settings, django_capture_on_commit_callbacks, run_worker
):
    member = ProfileFactory().user
    with django_capture_on_commit_callbacks(execute=True):
        email = emails.email_in_language(member.email, "en", "members/emails/approved", {})
    emails.forget_address(member.email.upper())
    OutgoingEmail.objects.bulk_create([OutgoingEmail(**{**_fields(email), "pk": None})])
    OutgoingEmail.objects.update(created_at=timezone.now() - timedelta(minutes=1))
    for row in OutgoingEmail.objects.all():
        emails.enqueue_delivery(row.pk)
    with smtp_server(settings) as server:
        run_worker()
    assert server.messages == []
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {EmailStatus.DROPPED}


def _fields(email):
    return {
        field.attname: getattr(email, field.attname)
        for field in OutgoingEmail._meta.concrete_fields
    }


def test_an_email_sent_the_plain_django_way_is_queued_not_sent_in_the_request(
    db, settings, committed, run_worker
):
    """Wagtail's moderation notifications (and anything else calling `send()`) go
    through EMAIL_BACKEND, which queues them: the worker sends them later."""
    from wagtail.admin.mail import send_mail

    settings.EMAIL_BACKEND = "home.emails.QueueingEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    committed(send_mail, "A page awaits moderation", "Please review it.", ["editor@example.org"])
    assert mail.outbox == []
    assert OutgoingEmail.objects.get().recipient == "editor@example.org"
    run_worker()
    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    assert mail.outbox[0].subject == "A page awaits moderation"
