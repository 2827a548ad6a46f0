"""Writing the audit trail staff see in the admin."""

from members.models import AuditEvent


def record(action: str, *, actor=None, subject_id=None, subject_ids=()) -> AuditEvent:
    """Note that `actor` did `action` to member number `subject_id`, or to the members
    numbered `subject_ids` (a mentoring pair: mentee first), never by name."""
    ids = [subject_id] if subject_id is not None else list(subject_ids)
    subject = " ".join(f"#{number}" for number in ids)
    actor = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent.objects.create(action=action, actor=actor, subject=subject)
