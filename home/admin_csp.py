"""The Wagtail admin under a Content-Security-Policy without 'unsafe-inline' scripts.

Wagtail's chooser widgets (page, image, document, snippet) write their own set-up as an
inline script right after the widget. We give exactly that script the response's nonce;
any other inline script (say, one injected through content) still gets none and stays
blocked, which is the point of the policy.
"""

from functools import wraps

from django.utils.safestring import mark_safe

from home.templatetags.csp_tags import csp_nonce


def add_nonce_to_chooser_scripts():
    from wagtail.admin.widgets.chooser import BaseChooser

    if getattr(BaseChooser.render, "_adds_csp_nonce", False):
        return
    original_render = BaseChooser.render

    @wraps(original_render)
    def render(self, *args, **kwargs):
        html = str(original_render(self, *args, **kwargs))
        nonce = csp_nonce()
        head, marker, tail = html.rpartition("<script>")
        # Wagtail's own output, already safe; the nonce is base64 from django-csp.
        if not marker or not nonce:
            return mark_safe(html)  # noqa: S308  # nosec B308 B703
        return mark_safe(f'{head}<script nonce="{nonce}">{tail}')  # noqa: S308  # nosec B308 B703

    render._adds_csp_nonce = True
    BaseChooser.render = render
