"""Writing the audit trail staff see in the admin."""

from members.models import AuditEvent


def record(action: str, *, actor=None, subject_id=None) -> AuditEvent:
    """Note that `actor` did `action` to member number `subject_id` (never a name)."""
    subject = f"#{subject_id}" if subject_id is not None else ""
    actor = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent.objects.create(action=action, actor=actor, subject=subject)
