"""The member area's audit trail on Wagtail's log: old entries copied by the data
migration, the actions registered so Reports → Site history shows them."""

import importlib
from datetime import UTC, datetime
from types import SimpleNamespace

from django.apps import apps as current_apps
from django.urls import reverse
from wagtail.models import ModelLogEntry

migration = importlib.import_module("members.migrations.0012_audit_trail_on_wagtail_log")

WHEN = datetime(2025, 3, 4, 10, 30, tzinfo=UTC)


class OldAuditEvents:
    """Stands in for the AuditEvent model the migration reads (it is gone from the code)."""

    def __init__(self, events):
        self.objects = SimpleNamespace(
            order_by=lambda *fields: SimpleNamespace(iterator=lambda: iter(events))
        )


def migration_apps(events):
    def get_model(app_label, model_name):
        if (app_label, model_name) == ("members", "AuditEvent"):
            return OldAuditEvents(events)
        return current_apps.get_model(app_label, model_name)

    return SimpleNamespace(get_model=get_model)


def test_every_old_audit_event_is_copied_with_its_time_actor_action_and_members(staff):
    old = [
        SimpleNamespace(action="approved", actor_id=staff.pk, subject="#47", at=WHEN),
        SimpleNamespace(action="mentoring_ended", actor_id=staff.pk, subject="#5 #9", at=WHEN),
        SimpleNamespace(action="deleted", actor_id=None, subject="#12", at=WHEN),
        SimpleNamespace(action="invited", actor_id=staff.pk, subject="", at=WHEN),
    ]
    migration.copy_audit_events(migration_apps(old), None)
    copied = list(
        ModelLogEntry.objects.order_by("pk").values_list(
            "action", "user_id", "object_id", "data", "timestamp", "content_type__model"
        )
    )
    assert copied == [
        ("members.approved", staff.pk, "47", {"members": [47]}, WHEN, "user"),
        ("members.mentoring_ended", staff.pk, "5", {"members": [5, 9]}, WHEN, "user"),
        ("members.deleted", None, "12", {"members": [12]}, WHEN, "user"),
        ("members.invited", staff.pk, str(staff.pk), {"members": []}, WHEN, "user"),
    ]


def test_member_actions_show_in_site_history_by_label(
    client, pending_member, staff, django_user_model
):
    client.force_login(staff)
    client.post(
        reverse("members_admin:decide", args=[pending_member.profile.pk]), {"decision": "approve"}
    )
    admin = django_user_model.objects.create_superuser(
        email="admin@example.org", password="a long enough password"
    )
    client.force_login(admin)
    history = client.get(reverse("wagtailadmin_reports:site_history"))
    assert history.status_code == 200
    assert "Membership approved" in history.text
    assert pending_member.email not in history.text
