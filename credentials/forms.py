"""The verification page's form (a credential pasted or uploaded, never both, never too big),
and the admin's revocation form.

An uploaded file goes through `CappedUpload`, which keeps no more of it than the limit allows
(whatever its size, the rest is read from the request and dropped), so that the form can refuse an
oversized file by the size it reports without anything having held it whole.
"""

import io

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler

from credentials.models import Credential


class CappedUpload(FileUploadHandler):
    """Keeps the first `limit` + 1 bytes of each uploaded file in memory and counts the rest."""

    def __init__(self, request=None, limit=None):
        super().__init__(request)
        self.limit = settings.CREDENTIALS_MAX_PRESENTED_BYTES if limit is None else limit

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.kept = io.BytesIO()
        self.size = 0

    def receive_data_chunk(self, raw_data, start):
        self.size += len(raw_data)
        room = self.limit + 1 - self.kept.tell()
        if room > 0:
            self.kept.write(raw_data[:room])
        # Handled here: no later handler sees the chunk.
        return None

    def file_complete(self, file_size):
        self.kept.seek(0)
        return InMemoryUploadedFile(
            file=self.kept,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=self.size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )


def limit_in_kb():
    return settings.CREDENTIALS_MAX_PRESENTED_BYTES // 1024


class VerifyForm(forms.Form):
    """Exactly one of: the credential's text pasted, or its file uploaded, within the size
    limit. Once valid, `presented()` is what to verify (credentials.verification)."""

    credential = forms.CharField(
        label="Paste a credential",
        required=False,
        strip=False,  # measured as sent; the verification strips it
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false", "autocomplete": "off"}),
        help_text="The text of a .jwt file (it starts with “eyJ”), or of a .json credential.",
    )
    file = forms.FileField(
        label="Or upload a credential file",
        required=False,
        widget=forms.FileInput(attrs={"accept": ".jwt,.json,application/json,text/plain"}),
        help_text="The .jwt or .json file the learner downloaded from the academy.",
    )

    def clean_credential(self):
        text = self.cleaned_data["credential"]
        limit = settings.CREDENTIALS_MAX_PRESENTED_BYTES
        if len(text.encode("utf-8", "surrogatepass")) > limit:
            raise forms.ValidationError(
                f"This is more than {limit_in_kb()} KB: a credential is smaller. Paste only the "
                "credential the learner downloaded."
            )
        return text

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and upload.size > settings.CREDENTIALS_MAX_PRESENTED_BYTES:
            raise forms.ValidationError(
                f"This file is {-(-upload.size // 1024)} KB: a credential is at most "
                f"{limit_in_kb()} KB. Upload the .jwt or .json file the learner downloaded."
            )
        return upload

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        text, upload = cleaned_data.get("credential"), cleaned_data.get("file")
        if text and upload:
            raise forms.ValidationError(
                "Paste a credential or upload its file, not both: clear one of them."
            )
        if not text and not upload:
            raise forms.ValidationError(
                "There is nothing to verify: paste a credential or upload its file."
            )
        return cleaned_data

    def presented(self):
        """The pasted text, or the uploaded file's bytes (never more than the limit allows)."""
        upload = self.cleaned_data["file"]
        if upload:
            return upload.read(settings.CREDENTIALS_MAX_PRESENTED_BYTES + 1)
        return self.cleaned_data["credential"]


class RevokeForm(forms.Form):
    """Staff say why they revoke a credential: the reason stays in the admin, never published."""

    reason = forms.CharField(
        label="Why is it revoked?",
        max_length=Credential._meta.get_field("revoked_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Seen by staff only. The public verification page says that the academy "
        "revoked the credential, and when, but not why.",
        error_messages={"required": "Say why the credential is revoked."},
    )
