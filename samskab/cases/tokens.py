"""The signed token of the one-click unfollow link in case e-mails."""

from django.core import signing

UNFOLLOW_SALT = "cases.unfollow"


def follow_token(follow) -> str:
    return signing.dumps({"u": follow.user_id, "c": follow.case_id}, salt=UNFOLLOW_SALT)


def read_follow_token(token: str) -> tuple[int, int] | None:
    """(user id, case id) of a token this site signed; None when it is not one."""
    try:
        data = signing.loads(token, salt=UNFOLLOW_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    if not isinstance(data.get("c"), int):
        return None
    return data["u"], data["c"]
