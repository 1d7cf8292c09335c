"""The client's IP address, the one every rate limit counts by.

Behind a reverse proxy every request comes from the proxy's address, so the client's
address has to be read from ``X-Forwarded-For``. That header is whatever the client sent,
with each proxy appending the address it was connected from; only the entries that our own
proxies appended can be believed. So the header is read only when the connecting address
is one of ``settings.TRUSTED_PROXIES``, and from the right: the client is the right-most
address that is not one of our proxies. Anything a client writes into the header itself
stands to the left of that and is ignored.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _address(value: str) -> Address | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address: Address) -> bool:
    return any(address in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str:
    """The address of the client that made ``request`` ("" when there is none)."""
    peer = _address(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return ""
    if not _trusted(peer):
        return str(peer)
    client = peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed(forwarded.split(",")):
        address = _address(entry)
        if address is None:
            # Not an address our proxy would write: stop at the last one we can believe.
            break
        client = address
        if not _trusted(address):
            break
    return str(client)
