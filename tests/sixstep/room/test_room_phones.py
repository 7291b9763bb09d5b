"""Twenty phones at once (threads with plain HTTP clients on 127.0.0.1) join a Happy Burgers
room and send ideas, dots and scores, each request retried with its key: afterwards every
edit is in the case exactly once."""

from __future__ import annotations

import http.client
import json
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from sixstep.dots import dot_totals
from sixstep.room.phase import Phase
from sixstep.room.server import RoomServer
from tests.sixstep.room.support import ROOMY, CaseRoom

PHONES = 20
IDEAS_EACH = 3


@pytest.fixture
def served(request):
    room = CaseRoom(limits=ROOMY)
    room.case.blind.revealed = False  # the phones score blind
    server = RoomServer(room.hub)
    request.addfinalizer(server.close)
    server.start()
    return room, server


class Phone:
    """One simulated phone: its own connection per request, a 5 s timeout on each."""

    def __init__(self, server: RoomServer, number: int) -> None:
        self.address = server.address
        self.number = number
        self.token = ""
        self.keys = 0
        self.replies: list[tuple[int, dict]] = []

    def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
        connection = http.client.HTTPConnection(*self.address, timeout=5)
        try:
            headers = {"Content-Type": "application/json"}
            if self.token:
                headers["Authorization"] = f"Bearer {self.token}"
            connection.request(method, path, json.dumps(body).encode() if body else None,
                               headers)
            response = connection.getresponse()
            return response.status, json.loads(response.read())
        finally:
            connection.close()

    def join(self, code: str) -> None:
        status, data = self.call("POST", "/api/join", {"code": code,
                                                       "name": f"Phone {self.number:02}"})
        assert status == 200, data
        self.token = data["token"]

    def send(self, request: dict, together: bool = False) -> None:
        """Submit with a fresh key, then again with the same key (a retry); ``together``
        sends the retry from a second thread at the same moment."""
        self.keys += 1
        body = {"key": f"phone{self.number:02}-{self.keys:04}", "request": request}
        if together:
            other: list[tuple[int, dict]] = []
            thread = threading.Thread(target=lambda: other.append(
                self.call("POST", "/api/submit", body)))
            thread.start()
            first = self.call("POST", "/api/submit", body)
            thread.join(5)
            second = other[0]
        else:
            first = self.call("POST", "/api/submit", body)
            second = self.call("POST", "/api/submit", body)
        assert first == second and first[0] == 200, (first, second)
        self.replies.append(first)


def causes_for(number: int) -> list[str]:
    return [f"c{(number * 3 + j) % 26 + 1}" for j in range(3)]


def ideas(phone: Phone) -> None:
    for n in range(IDEAS_EACH):
        phone.send({"kind": "idea", "text": f"idea {n} from phone {phone.number}",
                    "category": "people"}, together=n == 0)


def dots(phone: Phone) -> None:
    for place, cause in enumerate(causes_for(phone.number)):
        for _ in range(3):  # the cap per cause; nine in all is the budget
            phone.send({"kind": "dot", "cause": cause, "delta": 1}, together=place == 0)
    phone.send({"kind": "dot", "cause": causes_for(phone.number)[0], "delta": -1})


def scores(phone: Phone, alternatives: list[str], criteria: list[tuple[str, str]]) -> None:
    for alternative in alternatives:
        for criterion, kind in criteria:
            value: object = phone.number % 2 == 0 if kind == "must" else phone.number % 10 + 1
            phone.send({"kind": "score", "alternative": alternative, "criterion": criterion,
                        "value": value}, together=criterion == "k3")


def test_twenty_phones_at_once_lose_and_double_nothing(served):
    room, server = served
    case = room.case
    dots_before = dot_totals(case)
    scores_before = len(case.scores)
    alternatives = [a.id for a in case.open_alternatives()][1:2]
    criteria = [(c.id, c.kind) for c in case.criteria]
    phones = [Phone(server, n) for n in range(1, PHONES + 1)]

    def everyone(work) -> None:
        with ThreadPoolExecutor(max_workers=PHONES) as pool:
            for future in [pool.submit(work, phone) for phone in phones]:
                future.result(timeout=30)

    room.open(Phase("ideas"))
    everyone(lambda phone: phone.join(room.hub.code))
    everyone(ideas)
    room.open(Phase("dots"))
    everyone(dots)
    room.open(Phase("scores"))
    everyone(lambda phone: scores(phone, alternatives, criteria))

    joined = case.participants[4:]
    assert sorted(p.name for p in joined) == [f"Phone {n:02}" for n in range(1, PHONES + 1)]
    who = {p.name: p.id for p in joined}
    assert Counter((i.sender, i.text) for i in case.room_ideas) == Counter(
        (who[f"Phone {n:02}"], f"idea {k} from phone {n}")
        for n in range(1, PHONES + 1) for k in range(IDEAS_EACH))
    for n in range(1, PHONES + 1):
        first, second, third = causes_for(n)
        mine = {d.cause: d.count for d in case.dots if d.participant == who[f"Phone {n:02}"]}
        assert mine == {first: 2, second: 3, third: 3}
        given = {(s.alternative, s.criterion): s.value for s in case.scores
                 if s.participant == who[f"Phone {n:02}"]}
        assert given == {(a, c): (n % 2 == 0 if kind == "must" else n % 10 + 1)
                         for a in alternatives for c, kind in criteria}
    added = Counter(dot_totals(case)) - Counter(dots_before)
    assert sum(added.values()) == PHONES * 8
    assert all(c.votes == dot_totals(case).get(c.id, 0) for c in case.fishbone.causes)
    assert len(case.scores) == scores_before + PHONES * len(alternatives) * len(criteria)
    applied = Counter(type(s.request).__name__ for s in room.applied)
    assert applied == {"Join": PHONES, "SendIdea": PHONES * IDEAS_EACH, "Dot": PHONES * 10,
                       "Score": PHONES * len(alternatives) * len(criteria)}
    assert all(len(p.replies) == IDEAS_EACH + 10 + len(alternatives) * len(criteria)
               for p in phones)
