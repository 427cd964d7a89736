"""The cohorts on Wagtail's v3 API: the sessions of live, public editions under
/api/v3/academy/sessions/, public fields only (no join link, no trainer); and applications under
/api/v3/academy/applications/, for a bearer token only: staff who review applications read them
all, anyone else only their own.
"""

import datetime
import uuid

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse

from wagtail.api.v3.api import api
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from ninja import Field, Query, Router, Schema

from cohorts.applications import with_waitlist_position
from cohorts.models import Application, Session
from courses.api import PUBLIC_READ, AcademyEditionRef, AcademyPageLink, paginate
from courses.models import EditionPage, ModulePage

sessions_router = Router(tags=["academy"], auth=PUBLIC_READ)


class AcademySession(Schema):
    uid: uuid.UUID
    title: str
    kind: str
    description: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    all_day: bool
    venue: str
    cancelled: bool
    sequence: int
    recording_url: str
    edition: AcademyEditionRef
    modules: list[AcademyPageLink]
    ics_url: str

    @staticmethod
    def resolve_modules(session):
        return session.shown_modules

    @staticmethod
    def resolve_ics_url(session, context):
        path = reverse("cohorts:session_ics", args=[session.uid])
        return context["request"].build_absolute_uri(path)


class AcademySessionList(Schema):
    count: int
    items: list[AcademySession]


def public_sessions():
    """Sessions of live, public editions, each with its live, public modules."""
    editions = EditionPage.objects.live().public()
    modules = ModulePage.objects.live().public().order_by("path")
    return (
        Session.objects.filter(edition__in=editions)
        .select_related("edition")
        .prefetch_related(Prefetch("modules", queryset=modules, to_attr="shown_modules"))
    )


@sessions_router.get(
    "/",
    response={200: AcademySessionList, 400: ProblemDetail, 404: ProblemDetail},
    url_name="academy_sessions",
    summary="Sessions of published editions, in order",
    operation_id="academy_sessions_list",
)
def list_sessions(
    request: HttpRequest,
    pagination: Query[WagtailLimitOffsetPagination.Input],
    edition: int | None = None,
):
    sessions = public_sessions()
    if edition is not None:
        get_object_or_404(EditionPage.objects.live().public(), id=edition)
        sessions = sessions.filter(edition_id=edition)
    return paginate(request, sessions.order_by("starts_at", "pk"), pagination)


@sessions_router.get(
    "/{uuid:uid}/",
    response={200: AcademySession, 404: ProblemDetail},
    url_name="academy_session",
    summary="One session of a published edition",
    operation_id="academy_sessions_detail",
)
def session_detail(request: HttpRequest, uid: uuid.UUID):
    return get_object_or_404(public_sessions(), uid=uid)


applications_router = Router(tags=["academy"], auth=[BearerTokenAuth()])


def reviews_applications(user):
    """Staff who may change applications in the admin read them all, with their notes."""
    return user.has_perm("cohorts.change_application")


class AcademyApplicant(Schema):
    id: int
    email: str
    name: str

    @staticmethod
    def resolve_name(user):
        return user.get_full_name() or user.get_short_name()


class AcademyApplication(Schema):
    id: int
    edition: AcademyEditionRef
    applicant: AcademyApplicant
    status: Application.Status
    status_label: str
    waitlist_position: int | None = Field(description="Place on the waiting list, if on it.")
    offer_expires_at: datetime.datetime | None = Field(
        description="Deadline to confirm a seat offered."
    )
    submitted_at: datetime.datetime
    status_changed_at: datetime.datetime
    organisation: str
    role: str
    country: str
    motivation: str
    learning_goals: str
    notes: str | None = Field(description="Staff notes: null unless the token's user is staff.")

    @staticmethod
    def resolve_edition(application):
        return application.cohort.edition

    @staticmethod
    def resolve_status_label(application):
        return application.get_status_display()

    @staticmethod
    def resolve_notes(application, context):
        return application.notes if reviews_applications(context["request"].user) else None


class AcademyApplicationList(Schema):
    count: int
    items: list[AcademyApplication]


def readable_applications(user):
    applications = with_waitlist_position(
        Application.objects.select_related("applicant", "cohort__edition")
    )
    if reviews_applications(user):
        return applications
    return applications.filter(applicant=user)


@applications_router.get(
    "/",
    response={200: AcademyApplicationList, 401: ProblemDetail, 422: ProblemDetail},
    url_name="academy_applications",
    summary="Applications: all of them for staff, one's own for anyone else",
    operation_id="academy_applications_list",
)
def list_applications(
    request: HttpRequest,
    pagination: Query[WagtailLimitOffsetPagination.Input],
    edition: int | None = None,
    status: Application.Status | None = None,
):
    applications = readable_applications(request.user)
    if edition is not None:
        # Through Page's own `id`, so that a number beyond any key finds nothing (see views.py).
        applications = applications.filter(cohort__edition__id=edition)
    if status is not None:
        applications = applications.filter(status=status)
    return paginate(request, applications.order_by("submitted_at", "pk"), pagination)


@applications_router.get(
    "/{application_id}/",
    response={200: AcademyApplication, 401: ProblemDetail, 404: ProblemDetail},
    url_name="academy_application",
    summary="One application: any for staff, one's own for anyone else",
    operation_id="academy_applications_detail",
)
def application_detail(request: HttpRequest, application_id: int):
    return get_object_or_404(readable_applications(request.user), pk=application_id)


def register():
    """Mount the cohorts' routers on Wagtail's v3 API (called from CohortsConfig.ready)."""
    api.add_router("/academy/sessions/", sessions_router)
    api.add_router("/academy/applications/", applications_router)
