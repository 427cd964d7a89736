"""Performance budgets a visitor on a slow connection feels: small pages, small assets, all local.

Every live page of an academy the demo's size and every other public view stays under 100 KB of
HTML;
the site's own CSS and JavaScript stay under 100 KB compressed; pages load nothing from elsewhere.
(The browser journeys in tests/e2e/ also fail on any request leaving 127.0.0.1.)
"""

import gzip
import re
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from wagtail.models import Page

import pytest

from courses.models import CoursePage
from tests.factories import CertificateFactory, EnrolmentFactory, UserFactory

HTML_BUDGET = 100 * 1024
ASSET_BUDGET = 100 * 1024
STATIC_DIR = Path(settings.BASE_DIR) / "static"
# Any src or href pointing off the site, except plain links people follow on purpose.
EXTERNAL_ASSET = re.compile(
    r"<(?:script|img|iframe|source|video|audio)[^>]+src=\"(?:https?:)?//"
    r"|<link[^>]+href=\"(?:https?:)?//"
    r"|url\((?:['\"])?(?:https?:)?//"
)


@pytest.fixture
def full_academy(academy):
    """The small academy grown to the demo's size (over 60 pages, about 50 modules citing
    materials, 40 materials) with `manage.py generate_load_data`'s generated content."""
    sizes = {"editions": 3, "courses": 12, "modules": 48, "materials": 40}
    call_command(
        "generate_load_data", stdout=StringIO(), learners=0, completions=0, seed=3, **sizes
    )
    return academy


def public_routes(academy):
    skill, material = academy.action_planning, academy.material
    return [
        "/materials/",
        f"/materials/?skill={skill.slug}&kind={material.kind}&edition={material.edition.slug}",
        "/materials/?q=cluster&sort=title",
        f"/materials/{material.slug}/",
        "/skills/",
        f"/skills/{skill.slug}/",
        f"/skills/{skill.area.slug}/",
        "/search/?q=cluster",
        "/search/?q=strategy",
        "/accounts/signup/",
        "/accounts/login/",
        "/no-such-page/",
    ]


def assert_within_budget(response, url):
    assert response.status_code in (200, 404), f"{url} answered {response.status_code}"
    size = len(response.content)
    assert size <= HTML_BUDGET, f"{url} is {size / 1024:.0f} KB of HTML"
    html = response.content.decode()
    assert not EXTERNAL_ASSET.search(html), f"{url} loads an asset from another site"


def test_every_live_page_stays_under_100_kb(client, full_academy):
    pages = Page.objects.live().public().filter(depth__gt=1)
    assert pages.count() > 60
    for page in pages:
        assert_within_budget(client.get(page.url), page.url)


def test_every_other_public_view_stays_under_100_kb(client, full_academy):
    for url in public_routes(full_academy):
        assert_within_budget(client.get(url), url)


def test_learner_pages_stay_under_100_kb(client, full_academy):
    learner = UserFactory()
    courses = CoursePage.objects.live()
    for course in courses:
        EnrolmentFactory(learner=learner, course=course)
    certificate = CertificateFactory(learner=learner, course=courses.first())
    client.force_login(learner)
    for url in ["/learning/", courses.first().url, certificate.get_absolute_url()]:
        assert_within_budget(client.get(url), url)


def test_css_and_javascript_stay_under_100_kb_compressed():
    assets = [path for path in STATIC_DIR.rglob("*") if path.suffix in (".css", ".js")]
    assert any(path.suffix == ".css" for path in assets)
    compressed = sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in assets)
    assert compressed <= ASSET_BUDGET, f"CSS and JS weigh {compressed / 1024:.0f} KB gzipped"


def test_stylesheets_use_system_fonts_and_nothing_from_elsewhere():
    for path in STATIC_DIR.rglob("*.css"):
        css = path.read_text()
        assert "@font-face" not in css, f"{path.name} downloads a web font"
        assert "@import" not in css, f"{path.name} imports another stylesheet"
        assert not EXTERNAL_ASSET.search(css), f"{path.name} loads something from another site"
