"""Credentials for a store, from environment variables or a netrc file, never from argv.

Looked up in this order:

1. ``MZGRAPH_STORE_TOKEN``: sent as ``Authorization: Bearer <token>``;
2. ``MZGRAPH_STORE_USER`` and ``MZGRAPH_STORE_PASSWORD``: HTTP Basic;
3. the netrc file (``$NETRC`` or ``~/.netrc``), entry ``machine <host of the URL>`` (or
   ``default``): HTTP Basic.

URLs with ``user:password@`` in them are refused, since a URL lives on the command line and
in shell history. Every error message built from server answers or exceptions goes through
``Credentials.mask`` so that no secret reaches a terminal or a log.
"""

from __future__ import annotations

import base64
import netrc
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mzgraph.errors import UsageError

ENV_TOKEN = "MZGRAPH_STORE_TOKEN"
ENV_USER = "MZGRAPH_STORE_USER"
ENV_PASSWORD = "MZGRAPH_STORE_PASSWORD"
MASK = "***"


@dataclass(frozen=True)
class Credentials:
    """How to authenticate to one store; ``repr`` never shows the secret."""

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    source: str = ""  # where they came from, for messages ("environment", "~/.netrc")

    def header(self) -> str | None:
        """The ``Authorization`` header value, or None when there is nothing to send."""
        if self.token:
            return f"Bearer {self.token}"
        if self.user is not None and self.password is not None:
            pair = f"{self.user}:{self.password}".encode()
            return "Basic " + base64.b64encode(pair).decode("ascii")
        return None

    def secrets(self) -> list[str]:
        """Strings that must never be shown: the secret, and the header that carries it."""
        found = [s for s in (self.token, self.password) if s]
        header = self.header()
        if header:
            found.append(header.split(" ", 1)[1])
        # longest first, so a secret that contains another is masked whole
        return sorted(set(found), key=len, reverse=True)

    def mask(self, text: str) -> str:
        for secret in self.secrets():
            text = text.replace(secret, MASK)
        return text

    def describe(self) -> str:
        """A safe description for messages: the kind and source, never the secret."""
        if self.token:
            return f"a bearer token from {self.source}"
        return f"user {self.user!r} from {self.source}"


def check_url(url: str, option: str = "--store-url") -> str:
    """Refuse URLs that are not http(s) or that carry credentials; return the URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{option}: expected an http:// or https:// URL, got {_without_userinfo(url)!r}")
    if parts.username is not None or parts.password is not None:
        raise UsageError(
            f"{option}: credentials in the URL are not accepted (they would sit in shell history); "
            f"set {ENV_USER}/{ENV_PASSWORD} or {ENV_TOKEN}, or use ~/.netrc"
        )
    return url


def _without_userinfo(url: str) -> str:
    parts = urlsplit(url)
    if "@" in parts.netloc:
        return url.replace(parts.netloc, parts.netloc.rsplit("@", 1)[1], 1)
    return url


def find_credentials(url: str, env: Mapping[str, str] | None = None) -> Credentials | None:
    """The credentials to use for ``url``, or None (anonymous)."""
    env = os.environ if env is None else env
    if env.get(ENV_TOKEN):
        return Credentials(token=env[ENV_TOKEN], source=f"${ENV_TOKEN}")
    user, password = env.get(ENV_USER), env.get(ENV_PASSWORD)
    if user and password is not None:
        return Credentials(user=user, password=password, source=f"${ENV_USER}/${ENV_PASSWORD}")
    if user or password:
        missing = ENV_PASSWORD if user else ENV_USER
        raise UsageError(f"${missing} is not set (set both {ENV_USER} and {ENV_PASSWORD}, or neither)")
    return _from_netrc(url, env)


def _from_netrc(url: str, env: Mapping[str, str]) -> Credentials | None:
    path = Path(env["NETRC"]) if env.get("NETRC") else Path(env.get("HOME") or Path.home()) / ".netrc"
    if not path.is_file():
        return None
    host = urlsplit(url).hostname or ""
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except netrc.NetrcParseError as exc:
        if "permissive" in exc.msg:
            raise UsageError(f"{path}: readable by others; `chmod 600 {path}` to use it") from None
        # the parser's other messages can quote a token of the file, which may be a password
        raise UsageError(f"{path}: not a readable netrc file (line {exc.lineno})") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
    if entry is None:
        return None
    login, _account, password = entry
    if not login or password is None:
        return None
    return Credentials(user=login, password=password, source=str(path))
