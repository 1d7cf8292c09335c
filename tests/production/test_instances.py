"""Two gunicorn instances on one database and one Redis behind deploy/nginx.conf, with one
RQ worker (tools/prodstack.py), as on several machines; and the faults they survive."""

import signal
import threading
import time

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.cases.factories import CaseFactory
from tests.factories import PASSWORD, NetworkFactory, OrganisationFactory, UserFactory

from .conftest import Browser, fetch, prodstack

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def network(transactional_db):
    return NetworkFactory()


def log_in(browser, base, user):
    # The tests' fast hasher is not one production accepts.
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    user.save(update_fields=["password"])
    _, _, text = browser.request(base + "/da/accounts/login/")
    status, headers, _ = browser.request(
        base + "/da/accounts/login/",
        data={"login": user.email, "password": PASSWORD, "csrfmiddlewaretoken": browser.csrf(text)},
    )
    assert status == 302, status
    assert "sessionid" in browser.cookies


def ask_password_reset(stack_url, email):
    browser = Browser()
    _, _, text = browser.request(stack_url + "/da/accounts/password/reset/")
    status, _, _ = browser.request(
        stack_url + "/da/accounts/password/reset/",
        data={"email": email, "csrfmiddlewaretoken": browser.csrf(text)},
    )
    assert status == 302, status


def mails_to(stack, email):
    return [m for m in stack.mails() if f"To: {email}" in m]


def healthz(url):
    import json

    status, _, text = fetch(url + "/healthz")
    return status, json.loads(text)


def test_a_session_made_on_one_instance_works_on_the_other(stack, network):
    user = UserFactory()
    browser = Browser()
    first, second = stack.app_urls
    log_in(browser, first, user)
    for base in (second, stack.url):
        status, headers, text = browser.request(base + "/da/me/")
        assert status == 200 and user.email in text
    assert headers["X-Cache-Status"] == "BYPASS"


def test_an_edit_is_fresh_on_the_other_instance_and_through_nginx_within_max_age(stack, network):
    case = CaseFactory(network=network, organisation=OrganisationFactory(), topics=[])
    other = stack.app_urls[1]
    assert case.title in fetch(other + f"/da/cases/{case.slug}/")[2]
    fetch(stack.url + "/da/cases/")
    _, headers, text = fetch(stack.url + "/da/cases/")
    assert headers["X-Cache-Status"] == "HIT" and case.title in text

    case.title = "Frisk titel fra en anden maskine"
    case.save()
    edited = time.monotonic()
    assert case.title in fetch(other + f"/da/cases/{case.slug}/")[2]  # at once
    # Through nginx within PAGE_CACHE_MAX_AGE (1 s here) plus one second (README).
    prodstack.wait_until(
        lambda: case.title in fetch(stack.url + "/da/cases/")[2], 3, "the edit through nginx"
    )
    assert time.monotonic() - edited <= 2.5


def test_the_case_list_index_is_rebuilt_in_both_instances(stack, network):
    organisation = OrganisationFactory()
    CaseFactory(network=network, organisation=organisation, topics=[])
    for base in stack.app_urls:
        assert fetch(base + "/da/cases/")[0] == 200  # both build their index
    new = CaseFactory(
        network=network, organisation=organisation, topics=[], title="Ny sag i indekset"
    )
    for base in stack.app_urls:
        assert new.title in fetch(base + "/da/cases/")[2], base


def test_an_email_enqueued_by_one_instance_is_sent_once_by_the_worker(stack, network):
    user = UserFactory()
    ask_password_reset(stack.app_urls[0], user.email)
    prodstack.wait_until(lambda: mails_to(stack, user.email), 15, "the e-mail")
    prodstack.wait_until(lambda: healthz(stack.url)[1]["queue_length"] == 0, 10, "an empty queue")
    assert len(mails_to(stack, user.email)) == 1


def test_tasks_enqueued_while_the_worker_is_stopped_run_once_when_it_is_back(stack, network):
    users = [UserFactory(), UserFactory()]
    stack.stop_worker()
    try:
        for i, user in enumerate(users):
            ask_password_reset(stack.app_urls[i], user.email)
        status, health = healthz(stack.app_urls[0])
        assert status == 200 and health["queue_length"] == 2 and health["queue_age"] >= 0
        assert not any(mails_to(stack, u.email) for u in users)
    finally:
        stack.start_worker()
    for user in users:
        prodstack.wait_until(lambda u=user: mails_to(stack, u.email), 15, "the e-mails")
    prodstack.wait_until(lambda: healthz(stack.url)[1]["queue_length"] == 0, 10, "empty")
    assert [len(mails_to(stack, u.email)) for u in users] == [1, 1]


class Load:
    """Readers through nginx, each request uncached (a fresh query string)."""

    def __init__(self, url, threads=6):
        self.url = url
        self.stop = threading.Event()
        self.results: list[int] = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(threads)]

    def run(self, n):
        i = 0
        while not self.stop.is_set():
            i += 1
            path = "/healthz" if i % 2 else f"/da/cases/?load={n}-{i}"
            try:
                status = fetch(self.url + path, timeout=15)[0]
            except OSError:
                status = 0
            with self.lock:
                self.results.append(status)

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join()

    def failed(self):
        return [s for s in self.results if s != 200]


def test_a_restart_of_one_instance_during_load_drops_no_request(stack, network):
    CaseFactory(network=network, organisation=OrganisationFactory(), topics=[])
    with Load(stack.url) as load:
        prodstack.wait_until(lambda: len(load.results) > 20, 10, "load")
        stack.stop_app(0)  # nginx retries the other instance
        stack.start_app(0)
        stack.apps[1].send_signal(signal.SIGHUP)  # gunicorn's graceful reload
        count = len(load.results)
        prodstack.wait_until(lambda: len(load.results) > count + 40, 15, "more load")
    assert len(load.results) > 60
    assert load.failed() == []


def test_a_killed_worker_process_leaves_the_others_serving(stack, network):
    victims = stack.app_worker_pids(0)
    with Load(stack.url) as load:
        prodstack.wait_until(lambda: len(load.results) > 10, 10, "load")
        import os

        os.kill(victims[0], signal.SIGKILL)
        count = len(load.results)
        prodstack.wait_until(lambda: len(load.results) > count + 30, 15, "more load")
    assert load.failed() == []
    # gunicorn replaces it.
    prodstack.wait_until(
        lambda: (
            len(stack.app_worker_pids(0)) == stack.workers
            and victims[0] not in stack.app_worker_pids(0)
        ),
        10,
        "a new worker",
    )


def test_with_redis_stopped_pages_are_served_from_the_database(stack, network):
    case = CaseFactory(network=network, organisation=OrganisationFactory(), topics=[])
    stack.stop_redis()
    try:
        for base in stack.app_urls:
            for path in ("/da/", "/da/cases/", f"/da/cases/{case.slug}/"):
                status, _, text = fetch(base + path)
                assert status == 200, (base, path)
            assert case.title in text
            status, health = healthz(base)
            assert status == 200 and health["status"] == "degraded"
            assert health["redis"].startswith("error") and health["cache"].startswith("error")
        assert "Redis unavailable" in stack.log("app0.log")
    finally:
        stack.start_redis()
