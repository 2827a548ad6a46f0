"""Demo programmes: the three from the seed documents and one open right now.

Facts (dates, session slots, topics, deadlines) follow the seeds; the wording is ours
and every contact address is at example.org.

- seeds.py: the three seed programmes, as plain dicts;
- figures.py: their outcome figures, typed and computed, and the units' forms;
- loading.py: the open programme, building the pages, their translations;
- impact.py: the self-assessment rounds, extra applicants and monitoring answers.
"""

from programmes.demo.programmes.figures import (
    HKMAP_COMPUTED_FIGURES,
    OPEN_PROGRAMME_COMPUTED_FIGURES,
    SKILL_GROWTH_FIGURES,
    UNIT_FORMS,
    give_units_their_forms,
    number_unordered_children,
)
from programmes.demo.programmes.impact import EXTRA_APPLICANTS, MONITORING_ANSWERS, load_impact_demo
from programmes.demo.programmes.loading import (
    DEMO_DIR,
    load_programme_translations,
    load_programmes,
    open_programme,
)
from programmes.demo.programmes.seeds import (
    ACT_OUTCOME_FIGURES,
    OPEN_PROGRAMME_SLUG,
    academy,
    active_citizens_together,
    hkmap,
    local,
    session,
)

__all__ = [
    "OPEN_PROGRAMME_SLUG",
    "local",
    "session",
    "hkmap",
    "academy",
    "active_citizens_together",
    "ACT_OUTCOME_FIGURES",
    "UNIT_FORMS",
    "give_units_their_forms",
    "number_unordered_children",
    "OPEN_PROGRAMME_COMPUTED_FIGURES",
    "HKMAP_COMPUTED_FIGURES",
    "SKILL_GROWTH_FIGURES",
    "open_programme",
    "load_programmes",
    "DEMO_DIR",
    "load_programme_translations",
    "EXTRA_APPLICANTS",
    "MONITORING_ANSWERS",
    "load_impact_demo",
]
