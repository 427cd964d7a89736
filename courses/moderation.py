"""Moderation outside the page editor: the skills rule on every publish path, and submitting
drafts for moderation through Wagtail's v3 API.

Courses and modules need a skill before they go live, so learners can find them by skill. The page
form checks it whenever the admin or the API validates a page in full (publish, submit, workflow
actions); the publish action below checks the revision itself, for the API's publish endpoint.

No page goes live below one that is not (courses.models.check_ancestors_live): the page form
refuses the editor's "Publish", and the actions below refuse the API's publish endpoint and its
create and update with `"action": "publish"` (a 422). Paths no editor sees are put right after the
fact by courses/publishing.py.

Wagtail 8.0's v3 API publishes but cannot submit for moderation, which left an editor's script
with drafts nobody is asked to review. The endpoints here start the workflow the admin's "Submit
for moderation" starts, with the same checks.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from wagtail.actions.create_page import CreatePageAction
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Page

from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import PositiveInt

from courses.models import SKILL_NEEDED, check_ancestors_live

moderation_router = Router(tags=["academy"], auth=BearerTokenAuth())


def check_skills_for_publishing(page):
    """Refuse a course or module (as in the revision about to go live) that has no skill."""
    if getattr(page, "skills_required_to_publish", False) and not page.skills.all():
        raise ValidationError(SKILL_NEEDED, code="skills_required")


class PublishPageWithRulesAction(PublishPageRevisionAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        check_skills_for_publishing(self.object)
        check_ancestors_live(self.object.get_parent(), self.object.go_live_at)


class CreatePageBelowLiveAction(CreatePageAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if self.publish:
            check_ancestors_live(self.parent, self.instance.go_live_at)


class EditPageBelowLiveAction(EditPageAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if self.publish:
            check_ancestors_live(self.instance.get_parent(), self.instance.go_live_at)


class Submission(Schema):
    workflow: str
    task: str | None
    status: str
    revision_id: int


def submit_for_moderation(obj, request, can_edit, locked):
    """Start the object's workflow on its latest revision, as the admin's submit button does."""
    if not can_edit:
        raise PermissionDenied("You do not have permission to edit this.")
    if locked:
        raise HttpError(409, "It is locked by another user.")
    if not obj.has_workflow:
        raise HttpError(409, "No moderation workflow applies to it.")
    if obj.workflow_in_progress:
        raise HttpError(409, "It is already in moderation.")
    check_skills_for_publishing(obj.get_latest_revision_as_object())
    if obj.get_latest_revision() is None:
        obj.save_revision(user=request.user)
    state = obj.get_workflow().start(obj, request.user)
    task = state.current_task_state
    return Submission(
        workflow=state.workflow.name,
        task=task.task.name if task else None,
        status=state.status,
        revision_id=task.revision_id if task else obj.latest_revision_id,
    )


SUBMIT_RESPONSES = {
    200: Submission,
    401: ProblemDetail,
    403: ProblemDetail,
    404: ProblemDetail,
    409: ProblemDetail,
    422: ProblemDetail,
}


@moderation_router.post(
    "/pages/{page_id}/submit/",
    response=SUBMIT_RESPONSES,
    summary="Submit a page's latest draft for moderation",
    operation_id="academy_pages_submit",
)
def submit_page(request: HttpRequest, page_id: PositiveInt):
    page = get_object_or_404(Page, pk=page_id).specific
    permissions = page.permissions_for_user(request.user)
    return submit_for_moderation(page, request, permissions.can_edit(), permissions.page_locked())
