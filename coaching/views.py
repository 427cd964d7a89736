"""The participant's side of assignments: the assignment's page (the brief, the rubric, their
versions and feedback, and handing in), and the downloads of submitted and feedback files.

Who may see what is decided in coaching.submissions (the page) and coaching.access (the files);
anyone else gets 404, whether or not the id exists. Files are only ever served here, as
attachments the browser must not sniff or render, and never stored by a shared cache.
"""

import posixpath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from coaching import submissions
from coaching.access import may_read
from coaching.forms import HandInForm
from coaching.models import Assignment, Feedback, SubmissionFile
from coaching.submissions import SubmissionRefused


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def assignment(request, pk):
    task = get_object_or_404(Assignment.objects.select_related("edition", "page"), pk=pk)
    if not submissions.may_see(request.user, task):
        raise Http404("No such assignment.")
    desk = submissions.desk(task, request.user)
    status = 200
    form = None
    if desk.open:
        form = HandInForm(
            request.POST or None, request.FILES or None, assignment=task, prefix="hand_in"
        )
    if request.method == "POST":
        if form is None:
            messages.error(request, desk.refusal)
            return redirect(reverse("coaching:assignment", args=[task.pk]))
        if form.is_valid():
            try:
                version = submissions.hand_in(
                    task,
                    request.user,
                    form.cleaned_data.get("text", ""),
                    form.cleaned_data.get("files", []),
                )
            except SubmissionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, handed_in_message(version))
                return redirect(reverse("coaching:assignment", args=[task.pk]))
        status = 400
    return render(
        request,
        "coaching/assignment.html",
        {
            "assignment": task,
            "criteria": task.criteria.select_related("skill"),
            "desk": desk,
            "form": form,
            "past_due": task.is_past_due(),
        },
        status=status,
    )


def handed_in_message(version):
    whose = "Your team's" if version.submission.team_id else "Your"
    message = f"{whose} version {version.number} is handed in."
    if version.late:
        message += " It is marked late: the due date had passed."
    return message


def attachment(field_file, name, content_type):
    """The file as a download the browser saves rather than shows, whatever its content."""
    try:
        opened = field_file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("No such file.") from None
    response = FileResponse(opened, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def submission_file(request, pk):
    found = get_object_or_404(SubmissionFile.objects.select_related("version__submission"), pk=pk)
    if not may_read(request.user, found.version.submission):
        raise Http404("No such file.")
    return attachment(found.file, found.name, found.content_type)


@require_GET
def feedback_file(request, pk):
    feedback = get_object_or_404(Feedback.objects.select_related("submission"), pk=pk)
    if not feedback.file or not may_read(request.user, feedback.submission):
        raise Http404("No such file.")
    return attachment(
        feedback.file,
        feedback.file_name or posixpath.basename(feedback.file.name),
        feedback.file_content_type or "application/octet-stream",
    )
