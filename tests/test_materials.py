"""Materials: searchable with Wagtail search, each with its own public page; drafts stay hidden."""

from django.core.management import call_command

import pytest

from materials.models import Material, MaterialLibraryPage
from tests.factories import MaterialFactory


@pytest.fixture
def materials_indexed(academy):
    """A published and a draft material of the academy, both in the search index."""
    skill = academy.kpis
    published = MaterialFactory(
        title="Measuring cluster impact with outcome indicators",
        description="A worksheet on choosing outcome indicators for a cluster organisation.",
        skills=[skill],
        tags=["indicators"],
    )
    draft = MaterialFactory(
        title="Unreleased impact worksheet draft",
        description="Outcome indicators, not yet published.",
        live=False,
    )
    call_command("update_index", verbosity=0)
    return published, draft


@pytest.mark.django_db
def test_search_finds_materials_by_title_and_description(materials_indexed):
    published, draft = materials_indexed
    by_title = list(Material.objects.published().search("outcome indicators"))
    assert published in by_title
    by_description = list(Material.objects.published().search("choosing indicators organisation"))
    assert published in by_description
    assert draft not in by_title


@pytest.mark.django_db
def test_material_has_its_own_page(client, materials_indexed):
    published, draft = materials_indexed
    response = client.get(MaterialLibraryPage.material_url(published))
    assert response.status_code == 200
    page = response.content.decode()
    assert published.title in page
    assert "KPIs" in page or "kpis-impact" in page
    assert MaterialLibraryPage.material_url(published) == f"/materials/{published.slug}/"


@pytest.mark.django_db
def test_draft_and_unknown_materials_are_not_found(client, materials_indexed):
    _, draft = materials_indexed
    assert client.get(f"/materials/{draft.slug}/").status_code == 404
    assert client.get("/materials/no-such-material/").status_code == 404
