"""A real SMTP server on loopback (aiosmtpd) for the delivery tests: it accepts every
recipient with 250 except those it was told to refuse, which get a permanent 550."""

from contextlib import contextmanager

from aiosmtpd.controller import Controller


class Recorder:
    """The aiosmtpd handler: keeps each accepted message's envelope."""

    def __init__(self, refuse=()):
        self.refuse = {address.lower() for address in refuse}
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            {"to": list(envelope.rcpt_tos), "data": envelope.content.decode(errors="replace")}
        )
        return "250 Message accepted"

    def recipients(self):
        return sorted(address for message in self.messages for address in message["to"])


class LoopbackController(Controller):
    """aiosmtpd's controller on a port the OS picks (port 0)."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@contextmanager
def smtp_server(settings, refuse=()):
    """Start the server and point Django's SMTP backend at it; stopped on exit."""
    recorder = Recorder(refuse)
    controller = LoopbackController(recorder, hostname="127.0.0.1", port=0)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = controller.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        yield recorder
    finally:
        controller.stop()
