"""Deleted accounts: nothing waiting goes to their address, and what was sent is erased."""

from django.utils import timezone
from django.utils.crypto import salted_hmac

from home.models import DeletedAddress, OutgoingEmail


def address_hash(address: str) -> str:
    return salted_hmac("home.emails.deleted-address", address.strip().lower()).hexdigest()


def forget_address(address: str):
    """Called when an account is deleted: nothing queued until now goes to `address`,
    and every email to it, waiting, failed or sent, is erased."""
    if not address:
        return
    now = timezone.now()
    DeletedAddress.objects.update_or_create(
        address_hash=address_hash(address), defaults={"deleted_at": now}
    )
    OutgoingEmail.objects.filter(recipient__iexact=address.strip()).delete()


def _address_deleted_since(email: OutgoingEmail) -> bool:
    return DeletedAddress.objects.filter(
        address_hash=address_hash(email.recipient), deleted_at__gte=email.created_at
    ).exists()
