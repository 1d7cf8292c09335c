from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from .models import Network, Organisation

router = Router(tags=["networks"])


class NetworkOut(Schema):
    slug: str
    name: str
    country: str
    default_language: str
    time_zone: str
    website: str


class MemberOut(Schema):
    name: str
    slug: str
    kind: str
    code: str
    country: str


@router.get("", response=list[NetworkOut])
def list_networks(request):
    return Network.objects.order_by("name")


@router.get("/{slug}/members", response=list[MemberOut])
def list_members(request, slug: str):
    network = get_object_or_404(Network, slug=slug)
    return Organisation.objects.members_of(network).order_by("name")
