"""Servers that go away, and --strict: the embedded FalkorDB server killed or restarted
under a running `kg load`, and a batch with a bad file loaded with --strict."""

from __future__ import annotations

import os
import re
import signal
import time

import pytest
from reliability_plugin import (
    assert_one_line_failure,
    check_consistency,
    copy_files,
    count_documents,
    kg_env,
    kill_group,
    run_kg,
    start_kg,
    wait_for,
)

from kg.config import StoreSettings
from kg.store import open_store
from kg.store.embedded import ensure_server, server_status

KILL_AFTER = 20
MIN_BACKOFF = 1.0  # seconds kg must keep retrying before it gives up
MAX_GIVE_UP = 60.0  # ... and the most it may take


def _start_load_and_wait(folder, env, home):
    # --no-bulk: documents must arrive one by one for the server to die mid-load.
    proc = start_kg(["load", "--no-bulk", folder], env)
    reached = wait_for(lambda: count_documents(home, "kg") >= KILL_AFTER or proc.poll() is not None,
                       timeout=150, interval=0.05)
    if not reached or proc.poll() is not None:
        _, err = kill_group(proc)
        pytest.fail(f"the load did not get {KILL_AFTER} documents in and keep running: {err[-500:]}")
    return proc


def _kill_server(home):
    server = server_status(home)
    assert server is not None, "no embedded server is running"
    os.kill(server.pid, signal.SIGKILL)
    wait_for(lambda: server_status(home) is None, timeout=10, interval=0.02)
    return time.monotonic()


def _finish_and_compare(folder, env, home, extractions, expected):
    """Re-run the load; the graph must then equal a clean load of the same documents."""
    rerun = run_kg(["load", folder], env)
    assert rerun.returncode == 0, rerun.stderr[-800:]
    with open_store(StoreSettings(home=home, graph="kg")) as store, \
            open_store(StoreSettings(home=home, graph="reference")) as ref:
        ref.reset()
        ref.load(extractions)
        assert len(check_consistency(store, expected)) == len(extractions)
        got, clean = store.snapshot(), ref.snapshot()
        assert (got.documents, got.relations, got.statements, got.mentions) == (
            clean.documents, clean.relations, clean.statements, clean.mentions)
        assert [a["id"] for a in got.actors] == [a["id"] for a in clean.actors]


@pytest.mark.slow
@pytest.mark.reliability(
    "Servers that go away",
    "embedded FalkorDB SIGKILLed during kg load --no-bulk and left down: kg retries with backoff for a "
    "bounded time, then one clear line and a non-zero exit; only whole documents stored; the "
    "next run finishes the job",
)
def test_server_killed_during_load(reliability_corpus, own_home):
    folder, files, extractions, expected = reliability_corpus
    env = kg_env(own_home, "kg")
    proc = _start_load_and_wait(folder, env, own_home)
    try:
        killed_at = _kill_server(own_home)
        out, err = proc.communicate(timeout=MAX_GIVE_UP + 30)
        gave_up_after = time.monotonic() - killed_at
    finally:
        kill_group(proc)
    proc.stdout, proc.stderr = out, err
    line = assert_one_line_failure(proc)
    assert "FalkorDB" in line, line
    assert gave_up_after <= MAX_GIVE_UP, f"kg kept trying for {gave_up_after:.1f}s"
    assert gave_up_after >= MIN_BACKOFF, (
        f"kg gave up {gave_up_after:.2f}s after the server died: no retry with backoff ({line})"
    )

    ensure_server(own_home)  # the data comes back from the append-only file
    with open_store(StoreSettings(home=own_home, graph="kg")) as store:
        assert len(check_consistency(store, expected)) < len(files)
    _finish_and_compare(folder, env, own_home, extractions, expected)


@pytest.mark.slow
@pytest.mark.reliability(
    "Servers that go away",
    "embedded FalkorDB SIGKILLed during kg load --no-bulk and restarted at once: the load retries, "
    "reconnects and exits 0; only whole documents stored; the next run completes the graph",
)
def test_server_restarted_during_load(reliability_corpus, own_home):
    folder, files, extractions, expected = reliability_corpus
    env = kg_env(own_home, "kg")
    proc = _start_load_and_wait(folder, env, own_home)
    try:
        _kill_server(own_home)
        ensure_server(own_home)
        out, err = proc.communicate(timeout=180)
    finally:
        kill_group(proc)
    assert proc.returncode == 0, f"the load did not survive a server restart: {err.strip().splitlines()[-1:]}"
    assert re.search(r"Loaded \d+ documents", out), out
    with open_store(StoreSettings(home=own_home, graph="kg")) as store:
        check_consistency(store, expected)
    _finish_and_compare(folder, env, own_home, extractions, expected)


@pytest.mark.slow
@pytest.mark.reliability(
    "Hostile documents",
    "kg load --strict on a folder with 3 good articles and a binary and an empty file: "
    "non-zero exit, a warning naming each bad file, the good articles loaded",
    cases=2,
)
def test_strict_load_fails_but_keeps_the_good_files(reliability_corpus, falkordb_settings, tmp_path):
    folder, files, extractions, expected = reliability_corpus
    batch = copy_files(files[:3], tmp_path / "batch")
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (batch / "empty.md").write_text("", encoding="utf-8")
    graph = f"strict_{os.getpid()}"
    env = kg_env(falkordb_settings.home, graph)
    proc = run_kg(["load", "--strict", batch], env)
    try:
        line = assert_one_line_failure(proc, must_contain="--strict")
        assert "2 file(s) skipped" in line, line
        warnings = [ln for ln in proc.stderr.splitlines() if ln.startswith("warning:")]
        assert any("binary.txt" in w for w in warnings) and any("empty.md" in w for w in warnings), warnings
        with open_store(StoreSettings(home=falkordb_settings.home, graph=graph)) as store:
            ids = {r[0] for r in store.query("MATCH (d:Document) RETURN d.id").rows}
            good = {ex.document.id for ex in extractions[:3]}
            assert ids == good, "the good files of a --strict batch were not loaded"
            check_consistency(store, expected)
    finally:
        with open_store(StoreSettings(home=falkordb_settings.home, graph=graph)) as store:
            store.reset()
