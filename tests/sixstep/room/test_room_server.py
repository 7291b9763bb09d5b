"""The room's HTTP server on 127.0.0.1: every route and its headers, every refusal, and text
with markup in it kept as plain text and sent JSON-escaped."""

from __future__ import annotations

import http.client
import json
import socket
import time

import pytest

from sixstep.room.phase import Phase
from sixstep.room.server import CSP, RoomServer
from tests.sixstep.room.support import ROOMY, ROOT, CaseRoom

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & </textarea>'


@pytest.fixture
def served(request):
    room = CaseRoom(phase=Phase("ideas"), limits=ROOMY)
    server = RoomServer(room.hub)
    request.addfinalizer(server.close)
    server.start()
    return room, server


def call(server, method, path, body=None, headers=None):
    """(status, headers, raw body) of one request; ``body`` a dict is sent as JSON."""
    host, port = server.address
    connection = http.client.HTTPConnection(host, port, timeout=5)
    try:
        sent = dict(headers or {})
        if isinstance(body, dict):
            body = json.dumps(body).encode()
            sent.setdefault("Content-Type", "application/json")
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def join(room, server, name="Ann"):
    status, _, raw = call(server, "POST", "/api/join", {"code": room.hub.code, "name": name})
    assert status == 200, raw
    return json.loads(raw)


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def assert_strict(headers, api=True):
    assert headers["Content-Security-Policy"] == CSP
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == ("no-store" if api else "no-cache")
    assert not [name for name in headers if name.lower().startswith("access-control-")]
    assert "Python" not in headers.get("Server", "")


def test_the_page_and_its_files(served):
    _, server = served
    for path, kind in (("/", "text/html"), ("/?room=ABC234", "text/html"),
                       ("/room.js", "text/javascript"), ("/room.css", "text/css")):
        status, headers, raw = call(server, "GET", path)
        assert status == 200 and raw
        assert headers["Content-Type"] == f"{kind}; charset=utf-8"
        assert_strict(headers, api=False)


def test_the_addresses(served):
    room, server = served
    host, port = server.address
    assert host == "127.0.0.1" and port > 0
    assert server.url == f"http://127.0.0.1:{port}/"
    assert server.join_url == f"http://127.0.0.1:{port}/?room={room.hub.code}"


@pytest.mark.parametrize("path", ["/nothing", "/index.html", "/static/room.js", "/api",
                                  "/api/state/", "/../sixstep/room/hub.py", "///api/x",
                                  "/%2e%2e/hub.py", "/room.js/"])
def test_anything_else_is_404_with_the_same_headers(served, path):
    _, server = served
    status, headers, raw = call(server, "GET", path)
    assert status == 404 and json.loads(raw) == {"error": "There is nothing here."}
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert_strict(headers)


@pytest.mark.parametrize(("method", "path", "allow"), [
    ("POST", "/", "GET"), ("POST", "/room.js", "GET"), ("POST", "/api/state", "GET"),
    ("GET", "/api/join", "POST"), ("GET", "/api/submit", "POST"), ("PUT", "/api/submit", "POST"),
    ("DELETE", "/api/submit", "POST"), ("OPTIONS", "/api/join", "POST"),
    ("PATCH", "/api/state", "GET"),
])
def test_a_wrong_method_is_405(served, method, path, allow):
    _, server = served
    status, headers, _ = call(server, method, path, b"{}" if method != "GET" else None,
                              {"Content-Type": "application/json"})
    assert status == 405 and headers["Allow"] == allow
    assert_strict(headers)


def test_an_unknown_method_is_refused_as_json_with_the_same_headers(served):
    _, server = served
    status, headers, raw = call(server, "BREW", "/")
    assert status == 501 and "error" in json.loads(raw)
    assert_strict(headers)


def test_join_state_and_submit(served):
    room, server = served
    joined = join(room, server)
    assert joined["device"] == "d1" and joined["participant"] == "p5" and joined["name"] == "Ann"
    status, headers, raw = call(server, "GET", "/api/state", headers=bearer(joined["token"]))
    assert status == 200 and json.loads(raw)["phase"]["kind"] == "ideas"
    assert_strict(headers)
    request = {"key": "abcdefgh-1", "request": {"kind": "idea", "text": "Fryer too slow",
                                                  "category": "equipment"}}
    for _ in range(2):  # a replay is answered from memory
        status, headers, raw = call(server, "POST", "/api/submit", request,
                                    bearer(joined["token"]))
        assert status == 200 and json.loads(raw) == {"ok": True, "message": "Idea sent."}
        assert_strict(headers)
    assert [i.text for i in room.case.room_ideas] == ["Fryer too slow"]


def test_tokens_missing_wrong_or_removed_are_401(served):
    room, server = served
    joined = join(room, server)
    idea = {"key": "abcdefgh-1", "request": {"kind": "idea", "text": "x",
                                               "category": "people"}}
    for headers in ({}, bearer("nope"), {"Authorization": joined["token"]},
                    {"Authorization": f"Basic {joined['token']}"}):
        assert call(server, "GET", "/api/state", headers=headers)[0] == 401
        assert call(server, "POST", "/api/submit", idea, headers)[0] == 401
    room.hub.remove_device(joined["device"])
    status, _, raw = call(server, "POST", "/api/submit", idea, bearer(joined["token"]))
    assert status == 401 and "not in the room" in json.loads(raw)["error"]
    assert room.case.room_ideas == []


def test_wrong_code_bad_json_and_phase_refusals(served):
    room, server = served
    wrong = "AAAAAA" if room.hub.code != "AAAAAA" else "BBBBBB"
    status, _, raw = call(server, "POST", "/api/join", {"code": wrong, "name": "Eve"})
    assert status == 403 and "not this room's code" in json.loads(raw)["error"]
    status, _, raw = call(server, "POST", "/api/join", b"{nope",
                          {"Content-Type": "application/json"})
    assert status == 400 and "not JSON" in json.loads(raw)["error"]
    token = join(room, server)["token"]
    dot = {"key": "abcdefgh-2", "request": {"kind": "dot", "cause": "c1", "delta": 1}}
    status, _, raw = call(server, "POST", "/api/submit", dot, bearer(token))
    assert status == 409 and "Dots are not open" in json.loads(raw)["error"]


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x",
                                          "application/json; charset=latin-1"])
def test_only_json_bodies_are_taken(served, content_type):
    room, server = served
    headers = {"Content-Type": content_type} if content_type else {}
    body = json.dumps({"code": room.hub.code, "name": "Ann"}).encode()
    status, headers, raw = call(server, "POST", "/api/join", body, headers)
    assert status == 415 and "application/json" in json.loads(raw)["error"]
    assert_strict(headers)
    assert len(room.case.participants) == 4


def test_a_body_over_16_kib_is_refused_without_reading_it(served):
    _, server = served
    host, port = server.address
    started = time.monotonic()
    with socket.create_connection((host, port), timeout=5) as sock:
        sock.sendall(b"POST /api/join HTTP/1.1\r\nHost: %s:%d\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{"
                     % (host.encode(), port))
        reply = sock.makefile("rb").read()
    assert reply.startswith(b"HTTP/1.0 413")
    assert b"over 16 KiB" in reply and b"nosniff" in reply
    assert time.monotonic() - started < 3  # not waiting for a gigabyte
    status, _, _ = call(server, "POST", "/api/join", b"{" + b" " * 16 * 1024 + b"}",
                        {"Content-Type": "application/json"})
    assert status == 413


def test_a_body_needs_a_length(served):
    _, server = served
    host, port = server.address
    for header in (b"", b"Transfer-Encoding: chunked\r\n"):
        with socket.create_connection((host, port), timeout=5) as sock:
            sock.sendall(b"POST /api/join HTTP/1.1\r\nHost: %s:%d\r\n%s"
                         b"Content-Type: application/json\r\n\r\n" % (host.encode(), port, header))
            assert sock.makefile("rb").read().startswith(b"HTTP/1.0 411")
    assert call(server, "POST", "/api/join", None, {"Content-Type": "application/json",
                                                    "Content-Length": "-5"})[0] == 400


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:1",
                                    "https://127.0.0.1"])
def test_a_post_from_another_origin_is_refused(served, origin):
    room, server = served
    status, headers, raw = call(server, "POST", "/api/join", {"code": room.hub.code},
                                {"Origin": origin})
    assert status == 403 and "other sites" in json.loads(raw)["error"]
    assert_strict(headers)
    assert len(room.case.participants) == 4


def test_a_post_from_this_origin_is_taken(served):
    room, server = served
    own = server.url.rstrip("/")
    status, _, _ = call(server, "POST", "/api/join", {"code": room.hub.code}, {"Origin": own})
    assert status == 200 and room.case.participants[-1].name == "Phone 1"


def test_a_request_for_another_host_name_is_refused(served):
    """A DNS-rebinding page reaches the server under its own host name: refused."""
    room, server = served
    _, port = server.address
    status, _, _ = call(server, "GET", "/", headers={"Host": f"evil.example:{port}"})
    assert status == 403
    assert call(server, "GET", "/", headers={"Host": f"localhost:{port}"})[0] == 200


def test_markup_is_stored_as_plain_text_and_sent_json_escaped(served):
    room, server = served
    joined = join(room, server, name=HOSTILE)
    assert room.case.participants[-1].name == HOSTILE.strip()
    request = {"key": "abcdefgh-3", "request": {"kind": "idea", "text": HOSTILE,
                                                  "category": "people"}}
    status, _, _ = call(server, "POST", "/api/submit", request, bearer(joined["token"]))
    assert status == 200 and room.case.room_ideas[0].text == HOSTILE
    status, headers, raw = call(server, "GET", "/api/state", headers=bearer(joined["token"]))
    assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
    assert b"<" not in raw and b">" not in raw and b"&" not in raw
    state = json.loads(raw)
    assert state["name"] == HOSTILE.strip() and state["mine"]["ideas"][0]["text"] == HOSTILE


def test_the_server_listens_on_local_addresses_only():
    room = CaseRoom()
    for host in ("0.0.0.0", "8.8.8.8", "::"):
        with pytest.raises(ValueError, match="local network address only"):
            RoomServer(room.hub, host=host).start()


def test_close_stops_listening():
    room = CaseRoom()
    server = RoomServer(room.hub)
    server.start()
    host, port = server.address
    server.close()
    server.close()  # twice is fine
    with pytest.raises(OSError):
        socket.create_connection((host, port), timeout=1).close()


def test_the_phone_page_ships_as_package_data():
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "static/*" in config["tool"]["setuptools"]["package-data"]["sixstep.room"]
    assert any(d.startswith("segno") for d in config["project"]["dependencies"])
