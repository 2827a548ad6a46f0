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
        add_nonce_to_chooser_scripts()
