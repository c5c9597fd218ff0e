"""Where uploaded documents live: outside any public URL, each app in its own folder under
MEDIA_ROOT, linked only through a view that checks who may see them."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.urls import reverse


class PrivateDocumentStorage(FileSystemStorage):
    """Subclasses name their `folder` under MEDIA_ROOT and the `url_name` of the view that
    serves a document (with a `name` argument) after its permission check."""

    folder = ""
    url_name = ""

    def __init__(self):
        # MEDIA_ROOT is read on every use (tests and deployments set it after import).
        super().__init__(location=None, base_url=None)

    @property
    def base_location(self):
        return settings.MEDIA_ROOT / self.folder

    def url(self, name):
        return reverse(self.url_name, kwargs={"name": name})
