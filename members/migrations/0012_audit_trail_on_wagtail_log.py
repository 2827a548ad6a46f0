"""The member area's audit trail moves onto Wagtail's log: every AuditEvent becomes a
ModelLogEntry with the same time, actor and action, about the same members (by number)."""

from django.db import migrations


def subject_numbers(subject):
    return [int(part[1:]) for part in subject.split() if part.startswith("#") and part[1:].isdigit()]


def copy_audit_events(apps, schema_editor):
    AuditEvent = apps.get_model("members", "AuditEvent")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    user_type, _ = ContentType.objects.get_or_create(app_label="members", model="user")
    entries = []
    for event in AuditEvent.objects.order_by("at", "pk").iterator():
        numbers = subject_numbers(event.subject)
        about = numbers[0] if numbers else event.actor_id
        entries.append(
            ModelLogEntry(
                content_type=user_type,
                object_id=str(about if about is not None else 0),
                label=" ".join(f"#{n}" for n in numbers) or f"#{about or 0}",
                action=f"members.{event.action}",
                timestamp=event.at,
                user_id=event.actor_id,
                data={"members": numbers},
            )
        )
        if len(entries) >= 500:
            ModelLogEntry.objects.bulk_create(entries)
            entries = []
    ModelLogEntry.objects.bulk_create(entries)


def copy_back(apps, schema_editor):
    AuditEvent = apps.get_model("members", "AuditEvent")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    entries = ModelLogEntry.objects.filter(action__startswith="members.")
    for entry in entries.order_by("timestamp", "pk").iterator():
        event = AuditEvent.objects.create(
            action=entry.action.removeprefix("members."),
            actor_id=entry.user_id,
            subject=" ".join(f"#{n}" for n in (entry.data or {}).get("members", [])),
        )
        AuditEvent.objects.filter(pk=event.pk).update(at=entry.timestamp)
    entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0011_history_survives_deletion"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_audit_events, copy_back)]
