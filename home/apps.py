from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared content")

    def ready(self):
        import home.checks  # noqa: F401  (importing it registers the system checks)
        from home import signals
        from home.admin_csp import add_nonce_to_chooser_scripts

        signals.connect()
        _follow_email_service_reports()
        add_nonce_to_chooser_scripts()


def _follow_email_service_reports():
    """The email service's hard bounces and complaints suppress the address."""
    from anymail.signals import tracking

    from home.suppression import on_tracking_event

    tracking.connect(on_tracking_event, dispatch_uid="home.suppression.tracking")
