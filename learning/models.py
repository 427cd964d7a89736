"""What learners do: enrolments, module completions and the certificates they earn.

Uniqueness lives in the database, so double clicks and concurrent requests cannot create
duplicates whatever the Python code above them does.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse


def new_certificate_code():
    # 128 random bits, URL-safe: unguessable, and short enough to type from a printout.
    return secrets.token_urlsafe(16)


class Enrolment(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="enrolments"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="unique_enrolment")
        ]
        ordering = ["-enrolled_at"]

    def __str__(self):
        return f"{self.learner} in {self.course}"


class ModuleCompletion(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    # Deleting a module removes its completions; progress only ever counts live modules.
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "module"], name="unique_module_completion")
        ]
        ordering = ["completed_at"]

    def __str__(self):
        return f"{self.learner} completed {self.module}"


class Certificate(models.Model):
    """Proof that a learner completed a course.

    It stores what it certifies (names, titles, module count) so it stays verifiable when the
    course is renamed, restructured or deleted. Deleting the learner's account deletes it.
    """

    code = models.CharField(
        max_length=32, unique=True, default=new_certificate_code, editable=False
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    learner_name = models.CharField(max_length=200)
    course_title = models.CharField(max_length=255)
    edition_title = models.CharField(max_length=255, blank=True)
    module_count = models.PositiveIntegerField()
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="unique_certificate")
        ]
        ordering = ["-issued_at"]

    def __str__(self):
        return f"{self.course_title}: {self.learner_name}"

    def get_absolute_url(self):
        return reverse("certificate", args=[self.code])
