"""The room's HTTP server: the phone page and its JSON API on the local network, nothing else.

Python's threading HTTP server in a daemon thread beside Qt's event loop. Every answer carries
strict headers (a content security policy without inline script, nosniff, no framing, no
referrer, no CORS); POST bodies are JSON of at most 16 KiB from this server's own origin;
request handlers never touch Qt: they call the hub, whose ``apply`` hands work to the
interface thread.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any

from sixstep.room.hub import RoomHub
from sixstep.room.protocol import MAX_BODY, RoomError, parse_body, parse_join, parse_submit

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)
JSON_TYPE = "application/json; charset=utf-8"
STATIC: dict[str, tuple[str, str]] = {  # path -> (file in static/, content type)
    "/": ("index.html", "text/html; charset=utf-8"),
    "/room.js": ("room.js", "text/javascript; charset=utf-8"),
    "/room.css": ("room.css", "text/css; charset=utf-8"),
}
ROUTES: dict[str, str] = {**{path: "GET" for path in STATIC},
                          "/api/state": "GET", "/api/join": "POST", "/api/submit": "POST"}
MAX_CONNECTIONS = 64  # requests handled at once; more are closed straight away
SOCKET_TIMEOUT = 10.0  # seconds a client may take to send its request
SERVER_NAME = "ProblemWorkshopRoom"


def check_local_host(host: str) -> None:
    """Refuse to listen anywhere but a loopback or local network address (never on every
    interface, never on a public address)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise ValueError(f"Cannot find the address {host!r}: {error}") from None
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if ip.is_unspecified or ip.is_global or ip.is_multicast:
            raise ValueError(f"The room listens on a local network address only, not {host}.")


def to_json(data: Any) -> bytes:
    """Compact ASCII JSON with <, > and & escaped too, so no text reads as markup."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode()


class _Abort(Exception):
    """The client went quiet or away: close without an answer."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 32

    def __init__(self, address: tuple[str, int], hub: RoomHub, static: dict[str, bytes],
                 family: socket.AddressFamily) -> None:
        self.address_family = family
        self.hub = hub
        self.static = static
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(address, _Handler)
        host, port = self.server_address[0], self.server_address[1]
        names = {str(host), address[0]}
        if ipaddress.ip_address(str(host).split("%")[0]).is_loopback:
            names.add("localhost")
        shown = {f"[{n}]" if ":" in n else n for n in names}
        self.hosts = frozenset({f"{n}:{port}".lower() for n in shown}
                               | ({n.lower() for n in shown} if port == 80 else set()))
        self.origins = frozenset(f"http://{h}" for h in self.hosts)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except Exception:
            self.slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"
    timeout = SOCKET_TIMEOUT
    server_version = SERVER_NAME
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        """Quiet: nothing per request on stderr."""

    def version_string(self) -> str:
        return SERVER_NAME

    # -- answers -------------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, content_type: str, cache: str,
              extra: tuple[tuple[str, str], ...] = ()) -> None:
        self.send_response(status)
        for name, value in SECURITY_HEADERS + extra:
            self.send_header(name, value)
        self.send_header("Cache-Control", cache)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if getattr(self, "command", "") != "HEAD":
            self.wfile.write(body)
        self.close_connection = True

    def _json(self, status: int, data: Any, extra: tuple[tuple[str, str], ...] = ()) -> None:
        self._send(status, to_json(data), JSON_TYPE, "no-store", extra)

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        """The base class's refusals (a malformed request line, an unknown method) as JSON
        with the same headers as every other answer."""
        try:
            phrase = message or HTTPStatus(code).phrase
        except ValueError:
            phrase = "Error"
        self._json(code, {"error": phrase})

    # -- methods -------------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 (the base class's names)
        self._handle()

    def do_POST(self) -> None:  # noqa: N802
        self._handle()

    do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = do_GET

    def _handle(self) -> None:
        try:
            self._route()
        except _Abort:
            self.close_connection = True
        except RoomError as error:
            self._json(error.status, {"error": error.message})
        except Exception:  # the phone gets a sentence, never a traceback
            self._json(500, {"error": "Something went wrong on the laptop; try again."})

    def _route(self) -> None:
        host = self.headers.get("Host")
        if host is not None and host.strip().lower() not in self.server.hosts:
            raise RoomError(403, "This room answers only at its own address.")
        path = self.path.split("?", 1)[0]
        method = ROUTES.get(path)
        if method is None:
            raise RoomError(404, "There is nothing here.")
        if self.command != method:
            self._json(405, {"error": f"Use {method} here."}, (("Allow", method),))
            return
        if path in STATIC:
            name, content_type = STATIC[path]
            self._send(200, self.server.static[name], content_type, "no-cache")
            return
        hub = self.server.hub
        if path == "/api/state":
            self._json(200, hub.state(self._token()))
            return
        origin = self.headers.get("Origin")
        if origin is not None and origin.strip().lower() not in self.server.origins:
            raise RoomError(403, "Requests from other sites are refused.")
        body = parse_body(self._body())
        if path == "/api/join":
            code, join = parse_join(body)
            token, device = hub.join(join.name, code, str(self.client_address[0]), join.key)
            self._json(200, {"token": token, "device": device.id,
                             "participant": device.participant_id, "name": device.name})
            return
        phone = self._token()
        hub.device(phone)  # 401 before anything else is looked at
        key, request = parse_submit(body)
        self._json(200, hub.submit(phone, key, request))

    def _token(self) -> str | None:
        """The token of ``Authorization: Bearer TOKEN``, or None."""
        parts = (self.headers.get("Authorization") or "").split()
        if len(parts) == 2 and parts[0].lower() == "bearer" and len(parts[1]) <= 200:
            return parts[1]
        return None

    def _body(self) -> bytes:
        """The POST body: JSON, with a Content-Length of at most MAX_BODY (a longer body is
        refused before any of it is read)."""
        if self.headers.get("Transfer-Encoding") is not None:
            raise RoomError(411, "Send the body with a Content-Length.")
        header = self.headers.get("Content-Length")
        if header is None:
            raise RoomError(411, "Send the body with a Content-Length.")
        length_text = header.strip()
        if not (length_text.isascii() and length_text.isdigit()) or len(length_text) > 12:
            raise RoomError(400, "The Content-Length is not a number.")
        length = int(length_text)
        if length > MAX_BODY:
            raise RoomError(413, f"The request is over {MAX_BODY // 1024} KiB.")
        charset = self.headers.get_param("charset", header="Content-Type")
        if self.headers.get_content_type() != "application/json" or (
                isinstance(charset, str) and charset.lower() not in ("utf-8", "utf8")):
            raise RoomError(415, "Send the request as application/json.")
        try:
            data = self.rfile.read(length)
        except OSError:
            raise _Abort() from None
        if len(data) != length:
            raise _Abort()
        return data


def _static_files() -> dict[str, bytes]:
    folder = resources.files("sixstep.room").joinpath("static")
    return {name: folder.joinpath(name).read_bytes() for name, _ in STATIC.values()}


class RoomServer:
    """The room's web server: ``start()`` listens on ``host``:``port`` (0: any free port) in
    a daemon thread; ``close()`` stops it and waits for its thread (a few seconds at most)."""

    def __init__(self, hub: RoomHub, host: str = "127.0.0.1", port: int = 0) -> None:
        self.hub = hub
        self.host, self.port = host, port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Listen (OSError when the port is taken; ValueError for a non-local address)."""
        if self._server is not None:
            return
        check_local_host(self.host)
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        server = _Server((self.host, self.port), self.hub, _static_files(), family)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                  name="room-server", daemon=True)
        self._server, self._thread = server, thread
        thread.start()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def address(self) -> tuple[str, int]:
        if self._server is None:
            raise RuntimeError("The room server is not running.")
        address = self._server.server_address
        return str(address[0]), int(address[1])

    @property
    def url(self) -> str:
        host, port = self.address
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    @property
    def join_url(self) -> str:
        return f"{self.url}?room={self.hub.code}"

    def close(self) -> None:
        """Stop listening and wait (bounded) for the server's thread."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> RoomServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
