"""The Neo4j password never shows: not on stdout, stderr, in a traceback or a file under
KG_HOME, whatever goes wrong with the connection; each failure is one line, non-zero."""

from __future__ import annotations

import socket
import subprocess
import threading
import uuid
from dataclasses import dataclass

import pytest
from reliability_plugin import SEEDS, assert_one_line_failure, kg_command, kg_env

COMMANDS = {
    "stats": ["stats"],
    "query": ["query", "MATCH (a:Actor) RETURN count(a)"],
    "load": ["load", str(SEEDS / "004_abca60847931f37f.txt")],
    "export": ["export", "--format", "json"],
}


class FakeServer:
    """A TCP listener that is not Neo4j: it closes, echoes, answers HTTP or garbles."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(32)
        self.port = self.sock.getsockname()[1]
        self.received = bytearray()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn) -> None:
        with conn:
            try:
                if self.mode == "close":
                    return
                conn.settimeout(5)
                data = conn.recv(4096)
                self.received += data
                if self.mode == "echo":
                    conn.sendall(data)
                elif self.mode == "http":
                    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                elif self.mode == "garble":
                    # A plausible Bolt version; then the client's own HELLO (which carries
                    # the password) is sent back as the "reply", followed by noise.
                    conn.sendall(b"\x00\x00\x04\x04")
                    hello = conn.recv(4096)
                    self.received += hello
                    conn.sendall(hello + bytes(range(256)))
            except OSError:
                pass

    def close(self) -> None:
        self.sock.close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Runs:
    """Every kg command against every bad server, run once for the module's tests."""

    secret: str
    results: dict  # (target, command) -> CompletedProcess-like Popen with stdout/stderr
    files: list  # every file kg could have written (KG_HOME and the working folder)
    garble_received: bytes

    def __repr__(self) -> str:  # keep the secret and the raw HELLO out of failure reports
        return f"Runs({len(self.results)} kg runs)"


@pytest.fixture(scope="module")
def failed_runs(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("secrets")
    fakes = {mode: FakeServer(mode) for mode in ("close", "echo", "http", "garble")}
    secret = f"kg-pw-{uuid.uuid4().hex}"
    port = _closed_port()
    targets = {
        "closed port": f"bolt://127.0.0.1:{port}",
        **{f"{mode} listener": f"bolt://127.0.0.1:{server.port}" for mode, server in fakes.items()},
        "neo4j+s to plain TCP": f"neo4j+s://127.0.0.1:{fakes['http'].port}",
        "password in the URI": f"bolt://neo4j:{secret}@127.0.0.1:{port}",
    }
    home = tmp_path / "home"
    runs = {}
    try:
        for target, uri in targets.items():
            env = kg_env(home, NEO4J_URI=uri, NEO4J_USERNAME="neo4j", NEO4J_PASSWORD=secret)
            for name, args in COMMANDS.items():
                runs[(target, name)] = subprocess.Popen(
                    [*kg_command(), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                    text=True, stdin=subprocess.DEVNULL, cwd=tmp_path,
                )
        for proc in runs.values():
            out, err = proc.communicate(timeout=120)
            proc.stdout, proc.stderr = out, err
    finally:
        for server in fakes.values():
            server.close()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    return Runs(secret, runs, files, bytes(fakes["garble"].received))


RUNS = 7 * len(COMMANDS)


@pytest.mark.slow
@pytest.mark.reliability(
    "Secrets",
    "NEO4J_PASSWORD set, then kg stats/query/load/export against a closed port, listeners that "
    "close, echo, answer HTTP or send the client's own HELLO back, neo4j+s:// to plain TCP, and "
    "the password in the URI: stdout, stderr and every file written grepped for the password",
    cases=RUNS,
)
def test_the_password_never_shows(failed_runs):
    secret = failed_runs.secret
    printed = [f"{target} / kg {name}" for (target, name), proc in failed_runs.results.items()
               if secret in proc.stdout or secret in proc.stderr]
    assert not printed, f"the password was printed by: {printed}"
    written = [str(p) for p in failed_runs.files if secret.encode() in p.read_bytes()]
    assert not written, f"the password was written to {written}"
    # The garbling listener got the HELLO, password included, and sent it back to kg:
    # so the password did reach kg's side of a broken exchange, and still never showed.
    assert secret.encode() in failed_runs.garble_received, "no HELLO reached the garbling listener"


@pytest.mark.reliability(
    "Secrets",
    "the same failed connections: each one a non-zero exit and exactly one 'Error:' line, "
    "no traceback, no driver log lines",
    cases=RUNS,
)
def test_each_failed_connection_is_one_line(failed_runs):
    problems = []
    for (target, name), proc in failed_runs.results.items():
        try:
            assert_one_line_failure(proc)
        except AssertionError:
            err = proc.stderr.strip()
            kind = "traceback" if "Traceback" in err else "extra lines" if err.count("\n") else "exit 0"
            last = err.splitlines()[-1] if err else "(no stderr)"
            problems.append(f"{target} / kg {name}: {kind}: {last[:160]}")
    assert not problems, f"{len(problems)} of {len(failed_runs.results)} runs not one clean line: " + " | ".join(problems)


@pytest.mark.reliability(
    "Secrets",
    "repr/str of the store settings and of a connected-or-failed Neo4j store hold no password",
)
def test_settings_and_errors_hold_no_password():
    from kg.config import store_settings
    from kg.errors import StoreError
    from kg.store import open_store

    secret = f"kg-pw-{uuid.uuid4().hex}"
    settings = store_settings(neo4j_uri=f"bolt://127.0.0.1:{_closed_port()}", neo4j_password=secret, environ={})
    assert secret not in repr(settings) and secret not in str(settings)
    with pytest.raises(StoreError) as info:
        open_store(settings)
    text = "".join(__import__("traceback").format_exception(info.value))
    assert secret not in text and "\n" not in str(info.value)


@pytest.mark.reliability(
    "Secrets",
    "no NEO4J_PASSWORD on a terminal: kg prompts, the typed password is not echoed nor printed "
    "when the connection then fails",
)
def test_prompted_password_is_not_echoed(tmp_path):
    import os
    import pty
    import select
    import time

    secret = f"kg-typed-{uuid.uuid4().hex}"
    env = kg_env(tmp_path / "home", NEO4J_URI=f"bolt://127.0.0.1:{_closed_port()}")
    master, slave = pty.openpty()
    proc = subprocess.Popen([*kg_command(), "stats"], env=env, stdin=slave, stdout=slave, stderr=slave,
                            cwd=tmp_path, close_fds=True)
    os.close(slave)
    output, typed = b"", False
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
                if not typed and b"password" in output.lower():
                    os.write(master, secret.encode() + b"\n")
                    typed = True
            elif proc.poll() is not None:
                break
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    text = output.decode("utf-8", "replace")
    assert typed, f"kg did not prompt for the password: {text!r}"
    assert secret not in text, "the typed password was echoed or printed"
    assert proc.returncode not in (0, None)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert lines[-1].startswith("Error: cannot reach Neo4j"), lines
    assert "Traceback" not in text
