"""The outcome chart in Arabic (issue 18 §3): at a phone's 360 px and a laptop's 1280 px
every label and figure is drawn inside the chart, the figures read in their own order
("50 / 111", never "111 / 50"), and the bars grow from the right, the start edge."""

import pytest

from tests.browser.conftest import open_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = ["/ar/", "/ar/programmes/speak-up-lead-locally/", "/ar/programmes/hkmap-2023/"]
WIDTHS = (360, 1280)

# For each chart: texts outside its box, figures drawn out of order, bars not
# starting at the start edge; and how many texts and bars were looked at.
CHECK_CHARTS = """() => Array.from(document.querySelectorAll('svg.outcomes__chart')).map(svg => {
    const box = svg.getBoundingClientRect();
    const rtl = getComputedStyle(svg).direction === 'rtl';
    const outside = [], reversed = [], misplaced = [];
    const texts = svg.querySelectorAll('text');
    for (const text of texts) {
        const r = text.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5
            || r.bottom > box.bottom + 0.5) {
            outside.push([text.textContent.trim(), Math.round(r.left - box.left),
                          Math.round(box.right - r.right)]);
        }
        if (text.classList.contains('outcomes__value')) {
            const content = text.textContent;
            const slash = content.indexOf('/');
            if (slash > 0) {
                const first = text.getStartPositionOfChar(0).x;
                const after = text.getStartPositionOfChar(slash).x;
                if (!(first < after)) reversed.push(content.trim());
            }
        }
    }
    const bars = svg.querySelectorAll('rect.outcomes__bar');
    for (const bar of bars) {
        const track = bar.parentElement.querySelector('rect.outcomes__track')
            .getBoundingClientRect();
        const r = bar.getBoundingClientRect();
        if (r.width === 0) continue;
        const gap = rtl ? track.right - r.right : r.left - track.left;
        if (Math.abs(gap) > 0.5) misplaced.push(Math.round(gap));
    }
    return {rtl, outside, reversed, misplaced, texts: texts.length, bars: bars.length};
})"""


def arabic_chart() -> str:
    from django.template.loader import render_to_string
    from django.utils import translation

    from home.charts import outcome_chart

    figures = [
        {"label": "أعضاء الشبكة", "delivered": 50, "target": 111, "unit": ""},
        {
            "label": "ورش عمل في المجتمعات المحلية عبر المملكة المتحدة",
            "delivered": 12,
            "target": 10,
        },
        {"label": "قصص منشورة", "delivered": 0, "target": 5},
    ]
    with translation.override("ar"):
        chart = outcome_chart(figures, language="ar")
        return render_to_string(
            "includes/outcome_figures.html", {"chart": chart, "chart_id": "arabic-figures"}
        )


def test_arabic_outcome_chart_keeps_labels_inside_and_figures_in_order(
    browser, demo_site, foreign_requests
):
    page = open_page(browser, demo_site, foreign_requests, {"width": 360, "height": 800})
    found, rtl_charts = {}, 0
    for path in PAGES:
        page.goto(demo_site.url + path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            for number, chart in enumerate(page.evaluate(CHECK_CHARTS)):
                # Figures not translated yet read in English, left to right, as marked.
                rtl_charts += chart["rtl"]
                assert chart["texts"] and chart["bars"]
                problems = {k: chart[k] for k in ("outside", "reversed", "misplaced") if chart[k]}
                if problems:
                    found[(path, width, number)] = problems
    # The demo's figures may not be translated yet (then they read left to right, as
    # marked): draw Arabic figures into an Arabic page as well, a long label among them.
    page.goto(demo_site.url + "/ar/")
    page.evaluate("html => { document.querySelector('main').innerHTML = html; }", arabic_chart())
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for number, chart in enumerate(page.evaluate(CHECK_CHARTS)):
            rtl_charts += chart["rtl"]
            problems = {k: chart[k] for k in ("outside", "reversed", "misplaced") if chart[k]}
            if problems:
                found[("arabic figures", width, number)] = problems
    page.context.close()
    assert rtl_charts, "no right-to-left outcome chart on the pages looked at"
    assert found == {}
