"""Nothing private reaches anyone who may not see it, on any path that reads pages, materials,
documents or images.

Each kind of privacy (PRIVACY) builds, in a small academy, content that the visitor may not see,
all of it about "Quokka", and files that must not download. Then every reading path
(READING_PATHS: HTML pages, JSON, autocomplete, files) is fetched as an anonymous visitor and as a
signed-in learner who is in no group and knows no password: no answer may contain a private title,
description or file name, and no private file may download. A new capability that reads content (feeds, sessions, badges…) adds its
paths to READING_PATHS; a new kind of privacy adds a builder to PRIVACY.

Every edition of the academy also runs as a cohort with a live session whose join link only its
participants may see: no reading path shows a join link to anyone else. Its participants have
assessed their skills: only its trainers and staff may see who rated what (the cohort's skills),
so no reading path names them. A kind of privacy that
its readers may see (an edition's participants) names them, and they do see it.

An edition's coaching is for its participants too: its assignments' titles and briefs, and a
participant's own work, feedback and action plan, which only they read at their addresses
(`Private.addresses`); tests/coaching/test_privacy.py guesses each coaching address in turn.
"""

import json

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import (
    APIToken,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

import pytest
import wagtail_factories

from coaching.models import Feedback, PlanGoal, Submission
from cohorts.applications import accept
from cohorts.models import Application, CalendarFeed, Cohort, Session
from courses.models import CoursePage, EditionPage, ModulePage
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CohortFactory,
    CoursePageFactory,
    EditionPageFactory,
    MaterialFactory,
    ModulePageFactory,
    PageViewRestrictionFactory,
    SessionFactory,
    SuperuserFactory,
    UserFactory,
    action_plan,
    earned_credential,
    handed_in,
    material_block,
    self_assessment,
)

WORD = "Quokka"


class Private:
    """What one kind of privacy hides: pages, materials and sessions (whose URLs and ids the
    reading paths also ask for directly), and files that must not download; and who may see
    them (`readers`), if anyone."""

    def __init__(
        self,
        pages=(),
        materials=(),
        documents=(),
        images=(),
        file_names=True,
        sessions=(),
        readers=(),
        texts=(),
        addresses=(),
    ):
        self.pages = list(pages)
        self.file_names = file_names
        self.materials = list(materials)
        self.documents = list(documents)
        self.images = list(images)
        self.sessions = list(sessions)
        self.readers = list(readers)
        # Other private words, and the addresses where only the readers may read them.
        self.texts = list(texts)
        self.addresses = list(addresses)

    def secrets(self):
        """What the private items say: their titles, descriptions, join links and file names (the
        searches below ask for the word itself, which a results page may well repeat)."""
        texts = [page.title for page in self.pages] + self.texts
        for material in self.materials:
            texts += [material.title, material.description]
        for session in self.sessions:
            texts += [session.title, session.join_url]
        for file in (*self.documents, *self.images):
            texts.append(file.title)
            if self.file_names:
                texts.append(file.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0])
        return texts


def _document(collection=None):
    return wagtail_factories.DocumentFactory(
        title=f"{WORD} handout",
        file__filename="quokka-handout.pdf",
        **({"collection": collection} if collection else {}),
    )


def _image(collection=None):
    return wagtail_factories.ImageFactory(
        title=f"{WORD} picture",
        file__filename="quokka-picture.jpg",
        **({"collection": collection} if collection else {}),
    )


def _tagged(academy, *pages):
    for page in pages:
        page.skills.add(academy.action_planning)
        page.save()


def draft_pages(academy):
    edition = EditionPageFactory(
        parent=academy.home, title=f"{WORD} draft edition", live=False, hero_image=_image()
    )
    course = CoursePageFactory(parent=academy.editions[0], title=f"{WORD} draft course", live=False)
    module = ModulePageFactory(
        parent=academy.course, title=f"{WORD} unpublished module", live=False
    )
    _tagged(academy, course, module)
    return Private(pages=[edition, course, module], images=[edition.hero_image])


def draft_material(academy):
    document = _document()
    material = MaterialFactory(
        title=f"{WORD} draft material",
        description=f"{WORD} notes nobody may read yet.",
        document=document,
        live=False,
        skills=[academy.action_planning],
        tags=[f"{WORD} secret"],
    )
    return Private(materials=[material], documents=[document])


def unpublished_ancestor(academy):
    """A course and its module were live; then the editor unpublished the course."""
    course = CoursePageFactory(parent=academy.editions[0], title=f"{WORD} withdrawn course")
    module = ModulePageFactory(parent=course, title=f"{WORD} module of a withdrawn course")
    _tagged(academy, course, module)
    course.unpublish()
    return Private(pages=[course, module])


def _restricted(restriction_type, on):
    def build(academy):
        group, _ = Group.objects.get_or_create(name=f"{WORD} cohort")
        if on == "course":
            restricted = CoursePageFactory(
                parent=academy.editions[0], title=f"{WORD} {restriction_type} course"
            )
            pages = [restricted]
            parent = restricted
        else:
            restricted = EditionPageFactory(
                parent=academy.home,
                title=f"{WORD} {restriction_type} edition",
                hero_image=_image(),
            )
            course = CoursePageFactory(parent=restricted, title=f"{WORD} course of an edition")
            pages = [restricted, course]
            parent = course
        pages.append(ModulePageFactory(parent=parent, title=f"{WORD} module"))
        _tagged(academy, *(page for page in pages if not isinstance(page, EditionPage)))
        PageViewRestrictionFactory(
            page=restricted,
            restriction_type=restriction_type,
            groups=[group] if restriction_type == PageViewRestriction.GROUPS else [],
        )
        images = [restricted.hero_image] if on == "edition" else []
        return Private(pages=pages, images=images)

    return build


def _library_material(academy):
    """A material of the library with its file, cited by a public module, as modules cite
    materials."""
    document = _document()
    material = MaterialFactory(
        title=f"{WORD} library material",
        description=f"{WORD} notes for the cohort.",
        document=document,
        skills=[academy.action_planning],
        tags=[f"{WORD} cohort"],
    )
    module = academy.modules[0]
    module.body = json.dumps([material_block(material)])
    module.save()
    return Private(materials=[material], documents=[document])


def _restricted_library(restriction_type, on):
    """Every material follows its library: restricting the library (or the home page above it)
    hides them all, wherever they are shown or cited."""

    def build(academy):
        group, _ = Group.objects.get_or_create(name=f"{WORD} cohort")
        private = _library_material(academy)
        PageViewRestrictionFactory(
            page=academy.library if on == "library" else academy.home,
            restriction_type=restriction_type,
            groups=[group] if restriction_type == PageViewRestriction.GROUPS else [],
        )
        return private

    return build


def unpublished_library(academy):
    material = MaterialFactory(
        title=f"{WORD} library material",
        description=f"{WORD} notes for the cohort.",
        document=_document(),
        skills=[academy.action_planning],
    )
    academy.library.unpublish()
    return Private(materials=[material], documents=[material.document])


def private_collection(academy):
    """Files in a collection only signed-in people may open, one of them given by a material."""
    root = Collection.get_first_root_node()
    collection = root.add_child(name=f"{WORD} collection")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    document = _document(collection)
    image = _image(collection)
    MaterialFactory(title="Cohort notes", document=document, skills=[academy.action_planning])
    # The public material links to the file, as a public page may: only opening it is refused.
    return Private(documents=[document], images=[image], file_names=False)


def _participant(cohort):
    """An applicant accepted into `cohort`: a member of its participants group."""
    application = ApplicationFactory(cohort=cohort)
    accept(application, by=SuperuserFactory())
    cohort.refresh_from_db()
    assert application.applicant.groups.filter(pk=cohort.participants_group_id).exists()
    return application.applicant


def _participants_only(on):
    """An edition's page (with its course, module and session), one of its courses (with its
    module), or the whole library, open only to the edition's participants, with Wagtail's view
    restriction by group."""

    def build(academy):
        edition = EditionPageFactory(
            parent=academy.home,
            title=f"{WORD} cohort edition" if on == "edition" else "Cohort edition",
            hero_image=_image() if on == "edition" else None,
        )
        cohort = CohortFactory(edition=edition)
        participant = _participant(cohort)
        restriction = {
            "restriction_type": PageViewRestriction.GROUPS,
            "groups": [cohort.participants_group],
        }
        if on == "library":
            private = _library_material(academy)
            PageViewRestrictionFactory(page=academy.library, **restriction)
            private.readers = [participant]
            return private
        course = CoursePageFactory(parent=edition, title=f"{WORD} course of a cohort")
        module = ModulePageFactory(parent=course, title=f"{WORD} module of a cohort")
        _tagged(academy, course, module)
        if on == "course":
            PageViewRestrictionFactory(page=course, **restriction)
            return Private(pages=[course, module], readers=[participant])
        session = SessionFactory(
            edition=edition,
            title=f"{WORD} live session",
            join_url="https://meet.example.org/quokka-cohort-session",
        )
        PageViewRestrictionFactory(page=edition, **restriction)
        return Private(
            pages=[edition, course, module],
            images=[edition.hero_image],
            sessions=[session],
            readers=[participant],
        )

    return build


def participants_coaching(academy):
    """An edition's assignment, a participant's work on it with a trainer's feedback, and their
    action plan: only that participant reads them, at their own addresses."""
    edition = EditionPageFactory(parent=academy.home, title="Coaching edition")
    participant = _participant(CohortFactory(edition=edition))
    course = CoursePageFactory(parent=edition, title="Coaching course")
    module = ModulePageFactory(parent=course, title="Coaching module")
    assignment = AssignmentFactory(
        page=module, title=f"{WORD} homework", brief=f"<p>{WORD} brief for the cohort.</p>"
    )
    submission = handed_in(assignment, participant, text=f"{WORD} answer of the participant")
    Feedback.objects.create(
        submission=submission,
        version=submission.versions.get(),
        comments=f"{WORD} feedback of the trainer",
    )
    plan = action_plan(participant, edition, notes=f"{WORD} notes of the plan", version=1)
    PlanGoal.objects.create(plan=plan, title=f"{WORD} goal of the plan")
    return Private(
        texts=[
            assignment.title,
            f"{WORD} brief for the cohort",
            f"{WORD} answer of the participant",
            f"{WORD} feedback of the trainer",
            f"{WORD} notes of the plan",
            f"{WORD} goal of the plan",
        ],
        addresses=[
            reverse("coaching:assignment", args=[assignment.pk]),
            reverse("coaching:plan", args=[edition.pk]),
        ],
        readers=[participant],
    )


def learners_credential(academy):
    """A learner's credential: its page is public by design (they share it), its signed token
    downloads for them alone."""
    learner = UserFactory()
    credential = earned_credential(learner, academy.editions[0])
    signature = credential.jwt.rsplit(".", 1)[1]
    return Private(
        texts=[signature],
        addresses=[
            reverse("credentials:download_jwt", args=[credential.public_id]),
            reverse("credentials:download_json", args=[credential.public_id]),
        ],
        readers=[learner],
    )


PRIVACY = {
    "draft pages": draft_pages,
    "draft material": draft_material,
    "unpublished ancestor": unpublished_ancestor,
    **{
        f"{kind} restriction on {page}": _restricted(kind, on)
        for kind in (
            PageViewRestriction.LOGIN,
            PageViewRestriction.PASSWORD,
            PageViewRestriction.GROUPS,
        )
        for on, page in (("course", "a course"), ("edition", "an edition"))
    },
    **{
        f"{kind} restriction on the {on}": _restricted_library(kind, on)
        for kind in (
            PageViewRestriction.LOGIN,
            PageViewRestriction.PASSWORD,
            PageViewRestriction.GROUPS,
        )
        for on in ("library", "home page")
    },
    "unpublished library": unpublished_library,
    "private collection": private_collection,
    "participants restriction on an edition": _participants_only("edition"),
    "participants restriction on a course": _participants_only("course"),
    "participants restriction on the library": _participants_only("library"),
    "participants' coaching work": participants_coaching,
    "a learner's credential files": learners_credential,
}
# A signed-in learner may see what only asks for signing in.
VISIBLE_TO_LEARNERS = {name for name in PRIVACY if name.startswith(PageViewRestriction.LOGIN)}
# What only an edition's participants may see: an applicant who is not one never sees it either.
FOR_PARTICIPANTS = {name for name in PRIVACY if name.startswith("participants")}


def _schedule(academy):
    """Each edition of the academy runs as a cohort, with a live session whose join link only its
    participants may see, someone's application only they and staff may read, and five
    participants who assessed their skills, enough for the cohort's skills to show them to its
    trainers; returns what that application says and the participants' names."""
    secrets = []
    for edition in academy.editions:
        cohort = CohortFactory(edition=edition)
        SessionFactory(edition=edition, join_url=f"https://meet.example.org/quokka-{edition.slug}")
        application = ApplicationFactory(
            cohort=cohort,
            organisation=f"{WORD} Cluster of {edition.title}",
            motivation=f"{WORD} reasons to join {edition.title}.",
        )
        secrets += [application.organisation, application.motivation]
        for n in range(5):
            assessed = ApplicationFactory(
                cohort=cohort,
                applicant=UserFactory(display_name=f"{WORD} participant {n} of {edition.title}"),
                status=Application.Status.ACCEPTED,
            ).applicant
            self_assessment(assessed, {academy.action_planning: 1 + n})
            secrets.append(assessed.display_name)
    return secrets


def _applicant():
    """A learner waitlisted by every edition they can see: an applicant, not a participant."""
    applicant = UserFactory()
    for cohort in Cohort.objects.filter(edition__in=EditionPage.objects.live().public()):
        ApplicationFactory(
            cohort=cohort,
            applicant=applicant,
            status=Application.Status.WAITLISTED,
            waitlisted_at=timezone.now(),
        )
    return applicant


def _join_links():
    return list(Session.objects.exclude(join_url="").values_list("join_url", flat=True))


def _html_paths(academy, private):
    public_pages = [
        academy.home,
        *academy.editions,
        *CoursePage.objects.live(),
        *ModulePage.objects.live().child_of(academy.course),
    ]
    return [
        *(page.url for page in public_pages if page.url),
        "/materials/",
        f"/materials/?q={WORD}",
        f"/materials/?skill={academy.action_planning.slug}",
        f"/materials/{academy.material.slug}/",
        "/skills/",
        f"/skills/{academy.action_planning.slug}/",
        f"/skills/{academy.strategy.slug}/",
        f"/search/?q={WORD}",
        f"/search/?q={WORD}&skill={academy.action_planning.slug}",
        "/learning/",
        "/learning/skills/",
        *(
            reverse("assessments:cohort_skills", args=[pk])
            for pk in EditionPage.objects.values_list("pk", flat=True)
        ),
        # The private items' own addresses answer a sign-in or password form, or a 404.
        *(page.url for page in private.pages if page.url),
        *private.addresses,
        *(f"/materials/{material.slug}/" for material in private.materials),
    ]


def _autocomplete_paths(academy, private):
    return [f"/search/autocomplete/?q={WORD}", f"/search/autocomplete/?q={WORD[:3]}"]


def _api_paths(academy, private):
    academy_api = "/api/v3/academy"
    return [
        f"/api/v3/pages/?search={WORD}",
        "/api/v3/pages/?type=courses.CoursePage&limit=20",
        "/api/v3/pages/?type=courses.ModulePage&limit=20",
        "/api/v3/pages/?type=courses.EditionPage&limit=20",
        f"/api/v3/pages/?descendant_of={academy.home.pk}&limit=20",
        *(f"/api/v3/pages/{page.pk}/" for page in private.pages),
        *(f"/api/v3/pages/{page.pk}/?version=draft" for page in private.pages),
        *(f"/api/v3/pages/find/?html_path={page.url}" for page in private.pages),
        f"{academy_api}/courses/?limit=20",
        f"{academy_api}/materials/?limit=20",
        f"{academy_api}/materials/?q={WORD}",
        f"{academy_api}/materials/?skill={academy.action_planning.slug}",
        f"{academy_api}/materials/facets/",
        *(f"{academy_api}/materials/{material.slug}/" for material in private.materials),
        f"{academy_api}/skills/",
        f"{academy_api}/sessions/?limit=50",
        *(f"{academy_api}/sessions/{session.uid}/" for session in Session.objects.all()),
        *(f"{academy_api}/sessions/?edition={page.pk}" for page in private.pages),
        f"{academy_api}/applications/",
        f"{academy_api}/me/recommendations/",
        f"{academy_api}/me/assessments/",
        f"{academy_api}/me/submissions/",
        *(
            f"{academy_api}/me/submissions/{pk}/"
            for pk in Submission.objects.values_list("pk", flat=True)
        ),
        f"{academy_api}/me/action-plans/",
        *(f"{academy_api}/applications/?edition={page.pk}" for page in private.pages),
        *(
            f"{academy_api}/applications/{pk}/"
            for pk in Application.objects.values_list("pk", flat=True)
        ),
        *(
            f"{academy_api}/editions/{pk}/skills/"
            for pk in EditionPage.objects.values_list("pk", flat=True)
        ),
        "/api/v3/documents/",
        f"/api/v3/documents/?search={WORD}",
        "/api/v3/images/",
        f"/api/v3/images/?search={WORD}",
        *(f"/api/v3/documents/{document.pk}/" for document in private.documents),
        *(f"/api/v3/images/{image.pk}/" for image in private.images),
    ]


def _calendar_paths(academy, private):
    """Every edition's public feed and every session's download, whether the edition may be seen
    or not, and the private feed of an applicant who is not a participant."""
    feed = CalendarFeed.objects.create(learner=_applicant())
    return [
        *(
            reverse("cohorts:edition_feed", args=[pk])
            for pk in EditionPage.objects.values_list("pk", flat=True)
        ),
        *(reverse("cohorts:session_ics", args=[session.uid]) for session in Session.objects.all()),
        reverse("cohorts:private_feed", args=[feed.token]),
    ]


def _credential_paths(academy, private):
    """What the academy publishes for credentials' verifiers: an achievement for every page,
    private ones included (their addresses must answer 404, never their title)."""
    return [
        reverse("credentials:issuer"),
        reverse("credentials:jwks"),
        reverse("credentials:status_list"),
        *(
            reverse("credentials:achievement", args=[pk])
            for pk in Page.objects.filter(depth__gt=1).values_list("pk", flat=True)
        ),
    ]


# Every path that reads pages, materials, sessions, documents or images, by kind of answer.
READING_PATHS = {
    "html": _html_paths,
    "autocomplete": _autocomplete_paths,
    "json": _api_paths,
    "calendar": _calendar_paths,
    "credentials": _credential_paths,
}


def _visitors():
    for visitor in ("anonymous", "learner", "applicant"):
        for name in PRIVACY:
            if visitor == "learner" and name in VISIBLE_TO_LEARNERS:
                continue
            if visitor == "applicant" and name not in FOR_PARTICIPANTS:
                continue
            yield pytest.param(visitor, name, id=f"{visitor}-{name}")


def _body(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode(errors="replace")


@pytest.mark.django_db
@pytest.mark.parametrize(("visitor", "privacy"), list(_visitors()))
def test_nothing_private_appears_on_any_reading_path(client, academy, visitor, privacy):
    others_applications = _schedule(academy)
    private = PRIVACY[privacy](academy)
    if visitor != "anonymous":
        user = UserFactory() if visitor == "learner" else _applicant()
        # Their recommendations are for the skill every private item is tagged with.
        self_assessment(user, {academy.action_planning: 1})
        client.force_login(user)
        # Their own API token too, as a script of theirs would read the API with.
        token = APIToken.create_token(user=user, name="privacy")[1]
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    # No join link reaches anyone who is not a participant, whatever else they may see.
    secrets = [*private.secrets(), *others_applications, *_join_links()]
    for kind, paths in READING_PATHS.items():
        for path in paths(academy, private):
            response = client.get(path)
            assert response.status_code < 500, (kind, path)
            leaked = [secret for secret in secrets if secret in _body(response)]
            assert not leaked, (kind, path, response.status_code, leaked)
    for document in private.documents:
        # Refused, or answered with a sign-in or password form: never the file as an attachment.
        response = client.get(document.url)
        assert "Content-Disposition" not in response, ("file", document.url)


@pytest.mark.django_db
@pytest.mark.parametrize("privacy", sorted(FOR_PARTICIPANTS))
def test_an_editions_participants_see_what_is_restricted_to_them(client, academy, privacy):
    """The same content the tests above find hidden is there for the edition's participants:
    its pages, its materials in the library, its sessions with their join links."""
    private = PRIVACY[privacy](academy)
    (participant,) = private.readers
    client.force_login(participant)
    for page in private.pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in _body(response)
    library = _body(client.get("/materials/"))
    for material in private.materials:
        assert material.title in library
        response = client.get(f"/materials/{material.slug}/")
        assert response.status_code == 200
        assert material.description in _body(response)
    for address in private.addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        assert any(text in _body(response) for text in private.texts), address
    feed = CalendarFeed.objects.create(learner=participant)
    private_feed = _body(client.get(reverse("cohorts:private_feed", args=[feed.token])))
    for session in private.sessions:
        edition_page = _body(client.get(session.edition.url))
        assert session.join_url in edition_page
        download = _body(client.get(reverse("cohorts:session_ics", args=[session.uid])))
        assert session.join_url in download
        assert session.title in private_feed and session.join_url in private_feed
