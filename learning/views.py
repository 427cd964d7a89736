"""What a learner does (enrol, leave, complete a module), their dashboard, and certificates.

Each action is a POST with CSRF to its own URL, which calls the learning services and redirects
back to the page with a message (POST/redirect/GET); other methods get 405.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from coaching.work import learner_work
from cohorts.applications import WITHDRAWABLE
from courses.models import CoursePage, ModulePage
from credentials.models import Credential
from learning import services
from learning.models import Certificate


def visible_page(model, pk, request):
    """The live page, if this visitor may see it: Wagtail's own view restrictions apply."""
    page = get_object_or_404(model.objects.live(), pk=pk)
    if not all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
        raise Http404
    return page


def learner_action(model):
    """POST only, on a page the visitor may see; anonymous visitors sign in, then come back."""

    def decorator(view):
        @require_POST
        @wraps(view)
        def action(request, page_id):
            page = visible_page(model, page_id, request)
            if not request.user.is_authenticated:
                messages.info(request, "Sign in to track your progress.")
                return redirect_to_login(page.get_url(request))
            return view(request, page)

        return action

    return decorator


@learner_action(CoursePage)
def enrol(request, course):
    if services.enrol(request.user, course):
        messages.success(request, f"You are enrolled in “{course.title}”.")
    else:
        messages.info(request, f"You were already enrolled in “{course.title}”.")
    return redirect(course.get_url(request))


@learner_action(CoursePage)
def leave(request, course):
    if services.leave(request.user, course):
        messages.success(
            request, f"You left “{course.title}”. Your completed modules are kept if you return."
        )
    return redirect(course.get_url(request))


@learner_action(ModulePage)
def complete(request, module):
    course = module.get_parent().specific
    try:
        completion = services.complete_module(request.user, module, course, request.POST)
    except services.CompletionRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(module.get_url(request))
    if completion.certificate:
        messages.success(
            request,
            f"Course complete! Your certificate for “{course.title}” is ready on My learning.",
        )
    elif completion.withheld:
        messages.info(request, f"Course complete! {completion.withheld.needed}")
    elif completion.created:
        messages.success(request, f"“{module.title}” is complete.")
    else:
        messages.info(request, f"You had already completed “{module.title}”.")
    return redirect(module.get_url(request))


@login_required
def dashboard(request):
    learner = request.user
    courses = services.enrolled_courses(learner)
    finished = [item for item in courses if item.finished]
    # Before the certificates are read, so that one just due is listed with them.
    withheld = services.issue_due_certificates(learner, finished)
    return render(
        request,
        "learning/dashboard.html",
        {
            "next_sessions": services.next_sessions(learner),
            "work": learner_work(learner),
            "applications": services.applications(learner),
            "withdrawable": WITHDRAWABLE,
            "in_progress": [item for item in courses if not item.finished],
            "finished": finished,
            "withheld": [
                (item, withheld[item.course.pk]) for item in finished if item.course.pk in withheld
            ],
            "certificates": list(learner.certificates.select_related("course")),
            "credentials": list(learner.credentials.held().defer("jwt")),
            "skill_areas": services.skills_profile(learner),
        },
    )


@never_cache
def certificate(request, code):
    """Public verification of a certificate by its unguessable code.

    Never stored by any cache (the page cache included): it shows a person's name, and a deleted
    account or certificate must stop being "genuine" at once.
    """
    certificate = get_object_or_404(Certificate, code=code)
    # The Open Badges credential issued with it, verifiable anywhere.
    credential = (
        Credential.objects.held()
        .filter(
            learner=certificate.learner_id, page=certificate.course_id, kind=Credential.Kind.COURSE
        )
        .only("public_id")
        .first()
        if certificate.course_id
        else None
    )
    return render(
        request,
        "learning/certificate.html",
        {"certificate": certificate, "credential": credential},
    )
