from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _


def validate_links(value):
    """One plain http(s) address per line: linked, never embedded."""
    check = URLValidator(schemes=["http", "https"])
    for line in value.splitlines():
        if line.strip():
            try:
                check(line.strip())
            except ValidationError as exc:
                raise ValidationError(
                    _("“%(line)s” is not a web address (one http(s) address per line)."),
                    params={"line": line.strip()[:80]},
                    code="invalid_link",
                ) from exc
