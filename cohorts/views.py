"""What an applicant does (apply to an edition, withdraw, confirm or decline an offered seat) and
the trainers' attendance sheet.

Each change is a POST with CSRF that calls a service and redirects back with a message
(POST/redirect/GET); a refused change is a message or a form error, never a 500. A person only
ever reaches their own applications, and a trainer only their own sessions: any other id answers
404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from cohorts import applications
from cohorts import attendance as attendance_records
from cohorts.applications import ApplicationRefused
from cohorts.forms import ApplicationForm
from cohorts.models import Application, Cohort, Session
from courses.models import EditionPage, viewable_by


def cohort_of(request, edition_id):
    """The cohort of an edition the visitor may see (live, and its view restrictions accept the
    request); 404 otherwise."""
    # By `id`, Page's own integer key: a number beyond any key then finds nothing, where a lookup
    # through the page's `page_ptr` fails on SQLite.
    edition = get_object_or_404(EditionPage, id=edition_id)
    if not viewable_by(edition, request):
        raise Http404("No such edition.")
    cohort = get_object_or_404(Cohort, edition=edition)
    cohort.edition = edition
    return cohort


@login_required
def apply(request, edition_id):
    cohort = cohort_of(request, edition_id)
    edition = cohort.edition
    if Application.objects.filter(cohort=cohort, applicant=request.user).exists():
        messages.info(request, f"You have already applied to “{edition.title}”.")
        return redirect(edition.get_url(request))
    form = ApplicationForm(request.POST or None, applicant=request.user)
    closed = applications.why_closed(cohort)
    if request.method == "POST":
        if closed is None and form.is_valid():
            try:
                applications.apply(request.user, cohort, form.cleaned_data)
            except ApplicationRefused as refusal:
                form.add_error(refusal.field, str(refusal))
            else:
                messages.success(
                    request,
                    f"Thank you: your application to “{edition.title}” is received. "
                    "We have sent you a confirmation by email.",
                )
                return redirect(edition.get_url(request))
        status = 400
    else:
        status = 200
    return render(
        request,
        "cohorts/apply.html",
        {"form": form, "cohort": cohort, "edition": edition, "closed": closed},
        status=status,
    )


def back_to(request, application):
    """Where the applicant goes after an action: `next` if it is on this site, else the edition's
    page while it is live, else their dashboard."""
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    edition = application.cohort.edition
    return (edition.live and edition.get_url(request)) or reverse("learning")


def own_application(request, pk):
    return get_object_or_404(
        Application.objects.select_related("cohort__edition"), pk=pk, applicant=request.user
    )


def change_application(request, application, change, success):
    """Call `change` on the application and go back with a message saying how it went."""
    try:
        change(application)
    except ApplicationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, success.format(edition=application.cohort.edition.title))
    return redirect(back_to(request, application))


def applicant_action(change, success):
    """A POST on one of the signed-in person's own applications, calling `change` on it."""

    @require_POST
    @login_required
    def action(request, pk):
        return change_application(request, own_application(request, pk), change, success)

    return action


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    """Withdrawing gives up a seat for good, so the button leads to a page that asks first."""
    application = own_application(request, pk)
    if request.method == "POST":
        return change_application(
            request,
            application,
            applications.withdraw,
            "Your application to “{edition}” is withdrawn.",
        )
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    return render(request, "cohorts/withdraw.html", {"application": application, "next": next_url})


confirm_offer = applicant_action(
    applications.confirm_offer, "The seat is yours: welcome to “{edition}”."
)
decline_offer = applicant_action(
    applications.decline_offer,
    "You declined the seat in “{edition}”: it goes to the next person on the waiting list.",
)


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    """The attendance sheet of one session, for its trainers and staff who may record attendance:
    every participant, ticked if present; saving records the others as absent."""
    session = get_object_or_404(Session.objects.select_related("edition"), pk=pk)
    if not attendance_records.may_record(request.user, session):
        raise Http404("No such session.")
    people = list(attendance_records.participants(session.edition))
    if request.method == "POST":
        try:
            ticked = {int(value) for value in request.POST.getlist("present")}
        except ValueError:
            return HttpResponseBadRequest("Each ticked participant is a number.")
        # Ticks for anyone who is not a participant are ignored.
        marks = {person.pk: person.pk in ticked for person in people}
        try:
            attendance_records.record_many(session, marks, by=request.user)
        except attendance_records.AttendanceRefused as refusal:
            messages.error(request, str(refusal))
        else:
            present = sum(marks.values())
            messages.success(
                request, f"Attendance saved: {present} of {len(marks)} participants present."
            )
        return redirect(reverse("cohorts:attendance", args=[session.pk]))
    marks = attendance_records.marks_of(session)
    return render(
        request,
        "cohorts/attendance.html",
        {
            "session": session,
            "sheet": [(person, marks.get(person.pk, False)) for person in people],
            "recorded": bool(marks),
        },
    )
