from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def validate_pdf(upload):
    """A real PDF (by its first bytes, not its name) no larger than the configured limit."""
    limit = settings.NETZPOL_MAX_DOCUMENT_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The document is %(size)s; at most %(limit)s are allowed.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(5)
    upload.seek(position)
    if head != b"%PDF-":
        raise ValidationError(_("Only PDF documents can be uploaded."), code="not_pdf")
