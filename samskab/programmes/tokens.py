"""The signed token of a reviewer invitation's link. The link carries the invitation's id,
signed; the invitation itself says whether it still holds (expired, revoked, accepted)."""

from django.core import signing

INVITATION_SALT = "programmes.reviewer-invitation"


def invitation_token(invitation) -> str:
    return signing.dumps({"i": invitation.pk, "e": invitation.email.lower()}, salt=INVITATION_SALT)


def read_invitation_token(token: str) -> tuple[int, str] | None:
    """(invitation id, address) of a token this site signed; None when it is not one."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("i"), int):
        return None
    if not isinstance(data.get("e"), str):
        return None
    return data["i"], data["e"]
