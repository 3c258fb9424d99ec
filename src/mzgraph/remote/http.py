"""One HTTP client for every store request: timeouts, bounded retries, one-line errors.

Built on ``http.client`` from the standard library, so there is no new dependency and no
redirect is followed behind the user's back (a store that redirects a PUT is a
misconfiguration worth seeing). HTTPS certificates are verified unless the caller asked for
``insecure``. Connection errors and 5xx answers are retried with exponential back-off, a
bounded number of times; a timeout is not retried, since a slow store only gets slower when
asked again. Every message that reaches the user is passed through the credentials' mask.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from mzgraph import __version__
from mzgraph.remote.auth import Credentials
from mzgraph.remote.errors import RemoteError, StoreRefused, StoreTimeout, StoreUnreachable

USER_AGENT = f"mzgraph/{__version__}"
RETRY_STATUSES = frozenset({500, 502, 503, 504})


@dataclass
class Response:
    status: int
    reason: str
    headers: Mapping[str, str]
    body: bytes

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass
class HttpClient:
    """Sends requests to one store with the same credentials, timeout and retry policy."""

    credentials: Credentials | None = None
    timeout: float = 60.0
    insecure: bool = False
    retries: int = 4  # extra attempts after the first, on connection errors and 5xx
    backoff: float = 0.5  # seconds before the first retry; doubled each time
    max_backoff: float = 8.0
    on_retry: Callable[[str], None] | None = None  # told "why, and how long we wait"
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    requests_sent: int = 0

    def mask(self, text: str) -> str:
        return self.credentials.mask(text) if self.credentials else text

    def request(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        ok: tuple[int, ...] = (),
        retry: bool = True,
    ) -> Response:
        """Send one request (retrying as the policy says) and return a 2xx answer.

        Statuses in ``ok`` are returned too (e.g. 404 for a DELETE of a graph that is not
        there). Anything else raises a ``RemoteError`` subclass with a one-line message.
        ``retry=False`` makes a single attempt (a first contact: a store that is down now
        is reported at once instead of after the whole back-off).
        """
        retries = self.retries if retry else 0
        all_headers = {"User-Agent": USER_AGENT, **(headers or {})}
        auth = self.credentials.header() if self.credentials else None
        if auth:
            all_headers["Authorization"] = auth
        what = f"{method} {_display(url)}"
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._send(method, url, body, all_headers)
            except TimeoutError:
                raise StoreTimeout(
                    f"{what}: no answer within {self.timeout:g} s (timeout; raise it with --timeout)"
                ) from None
            except ssl.SSLCertVerificationError as exc:
                raise StoreUnreachable(
                    self.mask(f"{what}: TLS certificate not trusted ({exc.verify_message}); --insecure skips the check")
                ) from None
            except (ConnectionError, OSError, http.client.HTTPException) as exc:
                reason = self.mask(_reason(exc))
                if attempt > retries:
                    tries = f" after {attempt} attempts" if attempt > 1 else ""
                    raise StoreUnreachable(f"{what}: cannot reach the store ({reason}){tries}") from None
                self._wait(attempt, f"{what}: {reason}")
                continue
            if 200 <= response.status < 300 or response.status in ok:
                return response
            if response.status in RETRY_STATUSES and attempt <= retries:
                self._wait(attempt, f"{what}: HTTP {response.status} {response.reason}")
                continue
            raise self._status_error(what, response, attempt)

    def _send(self, method: str, url: str, body: bytes | None, headers: Mapping[str, str]) -> Response:
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if parts.scheme == "https":
            context = ssl.create_default_context()
            if self.insecure:
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.hostname, parts.port, timeout=self.timeout, context=context
            )
        else:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=self.timeout)
        try:
            self.requests_sent += 1
            conn.request(method, path, body=body, headers=dict(headers))
            raw = conn.getresponse()
            data = raw.read()
            return Response(raw.status, raw.reason, {k.lower(): v for k, v in raw.getheaders()}, data)
        finally:
            conn.close()

    def _wait(self, attempt: int, why: str) -> None:
        delay = min(self.backoff * 2 ** (attempt - 1), self.max_backoff)
        if self.on_retry:
            self.on_retry(self.mask(f"{why}; retrying in {delay:g} s ({attempt}/{self.retries})"))
        self.sleep(delay)

    def _status_error(self, what: str, response: Response, attempt: int) -> RemoteError:
        detail = _first_line(response.text())
        status = f"HTTP {response.status} {response.reason}".strip()
        if response.status in (401, 403):
            if self.credentials:
                hint = f"sent {self.credentials.describe()}; check them"
            else:
                hint = (
                    "no credentials were sent: set MZGRAPH_STORE_USER/MZGRAPH_STORE_PASSWORD "
                    "or MZGRAPH_STORE_TOKEN, or use ~/.netrc"
                )
            return StoreRefused(self.mask(f"{what}: the store refused ({status}); {hint}"), status=response.status)
        if response.status in (301, 302, 303, 307, 308):
            where = response.headers.get("location", "?")
            return RemoteError(
                self.mask(f"{what}: the store redirects ({status}) to {where}; use that URL"), status=response.status
            )
        tries = f" after {attempt} attempts" if attempt > 1 else ""
        detail = self.mask(detail)
        message = self.mask(f"{what}: {status}{tries}") + (f": {detail}" if detail else "")
        return RemoteError(message, status=response.status, detail=detail)


def _first_line(text: str, limit: int = 200) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("<"):  # skip HTML markup of error pages
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "unknown host"
    if isinstance(exc, http.client.RemoteDisconnected | ConnectionResetError):
        return "connection closed by the store"
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return text.splitlines()[0]


def _display(url: str) -> str:
    """The URL for messages: no query string (it can hold a whole query) but the graph named."""
    parts = urlsplit(url)
    shown = f"{parts.scheme}://{parts.netloc}{parts.path}"
    graph = parse_qs(parts.query).get("graph")
    if graph:
        shown += f" (graph <{graph[0]}>)"
    return shown
