"""What /healthz reports beyond the database: Redis and the task queue's age."""

import time

from django.utils import timezone


def redis_status(url: str) -> str:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5).ping()
    except (redis.exceptions.RedisError, OSError) as exc:
        return f"error: {exc.__class__.__name__}"
    return "ok"


def queue_status(backend: str) -> dict:
    """``queue``: ok or an error; ``queue_age``: seconds the oldest due task has waited;
    ``queue_length``: tasks waiting."""
    try:
        if backend == "rq":
            age, length = _rq_queue()
        elif backend == "database":
            age, length = _db_queue()
        else:
            age, length = 0.0, 0
    except Exception as exc:  # noqa: BLE001 - any failure is "down"
        return {"queue": f"error: {exc.__class__.__name__}", "queue_age": None}
    return {"queue": "ok", "queue_age": round(age, 1), "queue_length": length}


def _rq_queue() -> tuple[float, int]:
    import django_rq
    from rq.job import Job

    queue = django_rq.get_queue("default")
    length = queue.count
    ids = queue.get_job_ids(0, 0)
    if not ids:
        return 0.0, length
    job = Job.fetch(ids[0], connection=queue.connection)
    if job.enqueued_at is None:
        return 0.0, length
    enqueued = job.enqueued_at.replace(tzinfo=job.enqueued_at.tzinfo or timezone.utc)
    return max(0.0, time.time() - enqueued.timestamp()), length


def _db_queue() -> tuple[float, int]:
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.ready()
    rows = ready.order_by("enqueued_at").values_list("enqueued_at", "run_after")[:50]
    # A deferred task has waited since its time came, not since it was enqueued.
    due = [
        max(enqueued, run_after) if run_after.year < 9999 else enqueued
        for enqueued, run_after in rows
    ]
    if not due:
        return 0.0, 0
    return max(0.0, (timezone.now() - min(due)).total_seconds()), ready.count()
