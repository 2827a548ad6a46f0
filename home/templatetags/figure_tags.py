"""`{% outcome_figures figures %}`: a table and an accessible SVG bar chart."""

from django import template

from home.charts import outcome_chart
from home.i18n import page_language

register = template.Library()


@register.inclusion_tag("includes/outcome_figures.html", takes_context=True)
def outcome_figures(context, figures, caption="", chart_id="outcomes"):
    """Render delivered-against-target figures as a table and a chart; no JavaScript.
    Units take the plural form of their own language (the page's, for figures typed
    into a page's body)."""
    page = context.get("page")
    language = page_language(page, context.get("request")) if page is not None else ""
    return {
        "chart": outcome_chart(figures, language=language),
        "caption": caption,
        "chart_id": chart_id,
    }


@register.inclusion_tag("emails/outcome_figures.html", takes_context=True)
def outcome_figures_email(context, figures, caption="", language=""):
    """The same figures for an email: a plain table with a bar made of table cells,
    since mail clients drop SVG. `language` is the language the figures are written in."""
    return {
        "chart": outcome_chart(figures, language=language),
        "caption": caption,
        "email": context.get("email"),
    }
