"""The embedded FalkorDB server: started once, reused, persistent, cleaned after a crash."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.config import StoreSettings
from kg.errors import StoreError
from kg.store import open_store
from kg.store.embedded import ensure_server, server_status, stop_server


@pytest.fixture
def home(tmp_path_factory):
    path = tmp_path_factory.mktemp("emb")
    yield path
    stop_server(path)


def _servers_in(home: Path) -> list[int]:
    """Pids of live processes whose working folder is ``home`` (our redis-servers)."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if Path(os.readlink(proc / "cwd")).resolve() == home.resolve():
                if b"redis-server" in (proc / "cmdline").read_bytes():
                    pids.append(int(proc.name))
        except OSError:
            continue
    return pids


def _load_one(home, make_extraction):
    ex = make_extraction(
        "The ACLU criticised Amazon", actors=[("ACLU", "NGO"), ("Amazon", "Company")],
        relations=[("ACLU", "CRITICIZED", "Amazon", 0)],
    )
    with open_store(StoreSettings(home=home)) as store:
        store.load([ex])
        return store.stats()


def test_start_reuse_stop(home):
    server = ensure_server(home)
    assert (home / "falkordb.sock").exists() and (home / "server.json").exists()
    again = ensure_server(home)
    assert again.pid == server.pid
    assert _servers_in(home) == [server.pid]
    assert stop_server(home) is True
    assert server_status(home) is None
    assert _servers_in(home) == []
    assert not (home / "server.json").exists() and not (home / "falkordb.sock").exists()
    assert stop_server(home) is False


def test_data_survives_a_clean_restart(home, make_extraction):
    before = _load_one(home, make_extraction)
    assert before["relations"] == 1
    stop_server(home)
    with open_store(StoreSettings(home=home)) as store:
        assert store.stats() == before


def test_data_survives_a_killed_server(home, make_extraction):
    before = _load_one(home, make_extraction)
    server = server_status(home)
    time.sleep(1.5)  # appendfsync everysec: what was written a second ago is on disk
    os.kill(server.pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while _servers_in(home) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server_status(home) is None  # the pidfile and socket are stale now
    with open_store(StoreSettings(home=home)) as store:
        assert store.stats() == before
    assert server_status(home).pid != server.pid


def test_stale_files_are_detected_and_cleaned(home):
    dead = subprocess.Popen(["true"])
    dead.wait()
    (home / "server.json").write_text(json.dumps({"pid": dead.pid, "socket": str(home / "falkordb.sock")}))
    (home / "falkordb.pid").write_text(str(dead.pid))
    (home / "falkordb.sock").write_text("not a socket")
    server = ensure_server(home)
    assert server.pid != dead.pid and _servers_in(home) == [server.pid]


def test_a_reused_pid_is_never_taken_for_the_server(home):
    # After a crash the recorded pid may belong to another program: here, this test.
    (home / "server.json").write_text(json.dumps({"pid": os.getpid(), "socket": str(home / "falkordb.sock")}))
    assert server_status(home) is None
    server = ensure_server(home)
    assert server.pid != os.getpid()


def test_two_processes_start_one_server(home):
    code = (
        "import sys; from kg.store.embedded import ensure_server; "
        "print(ensure_server(sys.argv[1]).pid)"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(home)], stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    pids = {int(p.communicate(timeout=60)[0].strip()) for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert len(pids) == 1
    assert _servers_in(home) == list(pids)


def test_a_home_too_deep_for_a_socket_uses_a_loopback_port(tmp_path, make_extraction):
    home = tmp_path / ("deep-" * 20)
    try:
        server = ensure_server(home)
        assert server.socket is None and server.port and server.url.startswith("redis://127.0.0.1:")
        assert _load_one(home, make_extraction)["relations"] == 1
        assert ensure_server(home).pid == server.pid
    finally:
        stop_server(home)
    assert _servers_in(home) == []


def test_unusable_home_is_one_line_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        ensure_server(blocker / "home")
    assert "\n" not in str(info.value) and "home" in str(info.value)
