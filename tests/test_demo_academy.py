"""The demo academy: loads the editions the domain brief describes, idempotently, and every page works."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

import pytest
from taggit.models import Tag

from courses.models import CoursePage, EditionPage, ModulePage
from materials.models import Material, MaterialLibraryPage
from skills.models import Skill, SkillArea


def academy_counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "skill areas": SkillArea.objects.count(),
        "skills": Skill.objects.count(),
        "materials": Material.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "tags": Tag.objects.count(),
    }


@pytest.mark.django_db
def test_loading_the_academy_twice_changes_nothing():
    before = academy_counts()
    call_command("load_academy", verbosity=0)
    assert academy_counts() == before


@pytest.mark.django_db
def test_demo_academy_matches_the_domain_brief():
    editions = list(EditionPage.objects.live().order_by("number"))
    assert [(e.number, e.host_city) for e in editions] == [
        (1, "Strasbourg"),
        (2, "Turin"),
        (3, "Sofia"),
    ]
    assert [e.participants for e in editions] == [27, 21, 45]
    assert [str(e.onsite_start) for e in editions] == ["2023-03-02", "2023-09-21", "2024-03-11"]
    assert [CoursePage.objects.child_of(e).count() for e in editions] == [4, 4, 5]
    for course in CoursePage.objects.all():
        modules = ModulePage.objects.child_of(course)
        assert 3 <= modules.count() <= 5, course
        assert course.skills.exists(), course
    assert Site.objects.get(is_default_site=True).root_page.specific_class.__name__ == "HomePage"


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


@pytest.mark.django_db
def test_every_page_reachable_from_home_answers_200(client):
    """Follow every local link from / (pages, materials, skills, documents), by path."""
    seen, queue, failures = set(), ["/"], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            failures.append((url, response.status_code))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = LinkParser()
        parser.feed(response.content.decode())
        for href in parser.links:
            parts = urlsplit(urljoin(url, href))
            if parts.scheme in ("http", "https") and parts.netloc not in ("", "testserver"):
                continue
            if parts.scheme not in ("", "http", "https") or parts.path.startswith("/admin/"):
                continue
            # Filter and sort links combine without end; every page is reachable by its path.
            queue.append(parts.path)
    assert not failures
    # The crawl really covered the academy: every published module and material page.
    for module in ModulePage.objects.live():
        assert module.url in seen
    for material in Material.objects.published():
        assert MaterialLibraryPage.material_url(material) in seen
