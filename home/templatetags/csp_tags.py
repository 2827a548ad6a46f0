"""The CSP nonce for the Wagtail admin's inline scripts, even where a template is
rendered without the request (form widgets)."""

from django import template

from home.middleware import current_request

register = template.Library()


@register.simple_tag
def csp_nonce():
    """Asking for the nonce is what puts it in the response's policy header, so only
    pages that render an inline script (the admin's) ever carry one."""
    request = current_request.get()
    nonce = getattr(request, "csp_nonce", None) if request is not None else None
    return str(nonce) if nonce is not None else ""
