"""Middleware for the portal as deployed: behind a proxy, with personal data on its pages."""

import ipaddress

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_vary_headers


def _networks(entries):
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


class TrustedProxyMiddleware:
    """The client's address in REMOTE_ADDR, as the proxy contract says.

    A request whose peer is a trusted proxy (NETZPOL_TRUSTED_PROXIES) carries the client address
    in X-Forwarded-For: the right-most address there that is not itself a trusted proxy (those
    left of it could have been written by the client). Requests from anyone else keep their
    peer address, whatever they claim. Rate limits and lockouts then key on the real client.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = _networks(settings.NETZPOL_TRUSTED_PROXIES)

    def is_trusted(self, address):
        return address is not None and any(address in network for network in self.trusted)

    def __call__(self, request):
        peer = _address(request.META.get("REMOTE_ADDR", ""))
        if self.is_trusted(peer):
            forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
            for hop in reversed(forwarded.split(",")):
                address = _address(hop)
                if address is None:
                    break  # garbage from the client: keep the proxy's own address
                if not self.is_trusted(address):
                    request.META["REMOTE_ADDR"] = str(address)
                    break
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Pages served to a logged-in user are never stored by browsers or caches.

    They show members-only data; `no-store` keeps them out of the disk cache and the
    back/forward cache after logout. Pages for the public stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
        return response
