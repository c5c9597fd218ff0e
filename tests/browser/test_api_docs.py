"""The API docs page in Chromium under the portal's real CSP: Swagger UI starts from the
vendored files and the external init script, and the browser reports no blocked script."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_docs_render_every_endpoint_without_a_blocked_script(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text)
            if "Content Security Policy" in message.text and "script" in message.text
            else None
        ),
    )
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto("/api/v1/docs/")
    page.wait_for_selector("text=/api/v1/contacts/", timeout=15_000)

    assert page.locator(".opblock").count() >= 11
    assert blocked == []
    assert all(url.startswith(live_server.url) for url in requests), requests
    context.close()
