"""`{% outcome_figures figures %}`: a table and an accessible SVG bar chart."""

from django import template

from home.charts import outcome_chart

register = template.Library()


@register.inclusion_tag("components/outcome_figures.html")
def outcome_figures(figures, caption="", chart_id="outcomes"):
    """Render delivered-against-target figures as a table and a chart; no JavaScript."""
    return {"chart": outcome_chart(figures), "caption": caption, "chart_id": chart_id}
