"""Valid HTML: the Nu Html Checker (vnu-jar from the npm registry, run with Java) over the same
pages the accessibility test checks."""

import json
import os
import shutil
import subprocess
import tarfile

import pytest

from tests.browser.conftest import log_in
from tests.browser.test_accessibility import pages  # noqa: F401 - the shared page list
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db(transaction=True)
VNU_VERSION = "26.9.27"
VNU_DIR = ROOT / "var" / "vnu"


@pytest.fixture(scope="session")
def vnu_jar():
    """(java, the checker's jar), the jar fetched once from the npm registry into var/vnu/."""
    jar = VNU_DIR / "package" / "build" / "dist" / "vnu.jar"
    java, npm = shutil.which("java"), shutil.which("npm")
    problem = None
    if not java:
        problem = "the HTML check needs Java: sudo apt-get install default-jre-headless"
    elif not jar.exists():
        if not npm:
            problem = "the HTML check fetches vnu-jar with npm: install Node.js and npm"
        else:
            VNU_DIR.mkdir(parents=True, exist_ok=True)
            pack = [npm, "pack", f"vnu-jar@{VNU_VERSION}", "--silent"]
            subprocess.run(pack, cwd=VNU_DIR, check=True, capture_output=True)
            with tarfile.open(VNU_DIR / f"vnu-jar-{VNU_VERSION}.tgz") as archive:
                archive.extractall(VNU_DIR, filter="data")
    if problem:
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)
    return java, jar


def test_every_main_page_is_valid_html(page, pages, vnu_jar, tmp_path):  # noqa: F811
    log_in(page, "koordination")
    files = []
    for index, url in enumerate(pages):
        response = page.request.get(url)
        assert response.ok, url
        file = tmp_path / f"page{index}.html"
        file.write_text(response.text())
        files.append(file)

    result = subprocess.run(
        [vnu_jar[0], "-jar", str(vnu_jar[1]), "--format", "json", *map(str, files)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip

    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        (pages[int(m["url"].rsplit("page", 1)[1].split(".")[0])], m["message"], m.get("extract"))
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []
