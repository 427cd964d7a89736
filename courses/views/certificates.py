"""Public verification of certificates by their unguessable code."""

from django.shortcuts import get_object_or_404, render

from courses.models import Certificate


def certificate(request, code):
    certificate = get_object_or_404(Certificate, code=code)
    return render(request, "courses/certificate.html", {"certificate": certificate})
