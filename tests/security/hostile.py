"""What the hostile-input suite throws at the academy: awkward values, injection strings and
Hypothesis strategies that mix them with arbitrary text."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Values that have broken web apps before: empty, huge, NUL bytes, SQL and search syntax, unicode
# tricks, numbers out of range, and real facet values in the wrong place.
NASTY = [
    "",
    " ",
    "x" * 5000,
    "\x00",
    "a\x00b",
    "'; DROP TABLE materials_material; --",
    "1 OR 1=1",
    '"unbalanced',
    '""',
    "AND OR NOT",
    "title:strategy",
    "strat* NEAR(a b)",
    "(((",
    "%",
    "_",
    "\\",
    "Ünïcödé 战略 стратегия 🧭",
    "\u202e\ufeff",
    "-1",
    "0",
    "99999999999999999999",
    "1e9",
    "slides",
    "action-planning",
]

# Injection strings with the escaped form a page must show instead of running or evaluating them.
INJECTIONS = {
    "' OR 1=1 --": "&#x27; OR 1=1 --",
    "{{ 7*7 }}": "{{ 7*7 }}",
    "{% debug %}": "{% debug %}",
    "<script>alert(1)</script>": "&lt;script&gt;alert(1)&lt;/script&gt;",
    '"><img src=x onerror=alert(1)>': "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
}

# Short enough for any text field of the academy, so a value is refused for what it holds.
hostile_text = st.one_of(
    st.sampled_from([value for value in NASTY if len(value) <= 100] + list(INJECTIONS)),
    st.text(max_size=100),
)

# Hypothesis inside a pytest-django test: one database transaction for all examples, each example
# a few requests, and no deadline on a shared machine.
examples = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
