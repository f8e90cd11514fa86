"""Nothing lost: `kg load` SIGKILLed in the middle of a large batch leaves only whole
documents, the next run completes the graph exactly, and the data survives a restart.

These tests kill the per-document path (`--no-bulk`, or any load into a graph that
already holds something); the bulk path of a first load is killed in test_store_bulk.py."""

from __future__ import annotations

import json
import re

import pytest
from reliability_plugin import (
    check_consistency,
    error_lines,
    count_documents,
    kill_group,
    kg_env,
    redis_servers_in,
    run_kg,
    start_kg,
    wait_for,
)

from kg.config import StoreSettings
from kg.store import open_store
from kg.store.embedded import server_status

KILL_AFTER = 20  # documents in the store before the SIGKILL


def _wait_for_documents(proc, home) -> bool:
    """Wait until KILL_AFTER documents are stored or the load ends; True if either happened."""
    return wait_for(lambda: count_documents(home, "kg") >= KILL_AFTER or proc.poll() is not None,
                    timeout=150, interval=0.05)


@pytest.mark.slow
@pytest.mark.reliability(
    "Crash consistency",
    "kg load --no-bulk of 150 articles SIGKILLed mid-batch; every document in the store complete "
    "(actors, relations, statements as extracted), no duplicate ids, no evidence counted twice; "
    "re-run completes to the graph of a clean load; data survives kg stop and restart",
    cases=150,
)
def test_killed_load_leaves_whole_documents_and_rerun_completes(reliability_corpus, own_home):
    folder, files, extractions, expected = reliability_corpus
    env = kg_env(own_home, "kg")

    proc = start_kg(["load", "--no-bulk", folder], env)
    try:
        reached = _wait_for_documents(proc, own_home)
        ended = proc.poll() is not None
    finally:
        _, err = kill_group(proc)
    assert reached and not ended, f"the load did not get {KILL_AFTER} documents in and keep running: {err[-500:]}"
    assert proc.returncode == -9, f"kg load was not killed by SIGKILL (exit {proc.returncode})"

    settings = StoreSettings(home=own_home, graph="kg")
    with open_store(settings) as store:
        after_kill = check_consistency(store, expected)
    assert KILL_AFTER <= len(after_kill) < len(files), (
        f"{len(after_kill)} of {len(files)} documents in after the kill: not killed mid-batch"
    )

    rerun = run_kg(["load", folder], env)
    assert rerun.returncode == 0, rerun.stderr[-800:]
    summary = re.search(r"Loaded (\d+) documents \((\d+) unchanged", rerun.stdout)
    assert summary, rerun.stdout
    assert (int(summary[1]), int(summary[2])) == (len(files) - len(after_kill), len(after_kill))

    with open_store(settings) as store, open_store(StoreSettings(home=own_home, graph="reference")) as ref:
        ref.reset()
        ref.load(extractions)  # a clean sequential load of the same documents
        assert len(check_consistency(store, expected)) == len(files)
        recovered, clean = store.snapshot(), ref.snapshot()
        assert recovered.documents == clean.documents
        assert recovered.actors == clean.actors
        assert recovered.relations == clean.relations
        assert recovered.statements == clean.statements
        assert recovered.mentions == clean.mentions
        before_restart = store.stats()

    # Persistence: stop the server cleanly, then any kg command brings the data back.
    old_pid = server_status(own_home).pid
    stopped = run_kg(["stop"], env)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout, stopped.stdout + stopped.stderr
    assert redis_servers_in(own_home) == []
    stats = run_kg(["stats", "--format", "json"], env)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout) == before_restart
    assert server_status(own_home).pid != old_pid
    with open_store(settings) as store:
        assert store.snapshot().relations == clean.relations


@pytest.mark.slow
@pytest.mark.reliability(
    "Crash consistency",
    "Ctrl-C (SIGINT) during kg load --no-bulk of 150 articles: exit 130 with one line, only whole "
    "documents stored, the next run writes the rest",
    cases=150,
)
def test_interrupted_load_stops_cleanly(reliability_corpus, own_home):
    import os
    import signal

    folder, files, extractions, expected = reliability_corpus
    env = kg_env(own_home, "kg")
    proc = start_kg(["load", "--no-bulk", folder], env)
    try:
        reached = _wait_for_documents(proc, own_home)
        assert reached and proc.poll() is None, "the load did not get going or ended too soon"
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        kill_group(proc)
    assert proc.returncode == 130, f"exit {proc.returncode}: {err[-500:]}"
    assert "Traceback" not in err
    lines = error_lines(err)
    assert len(lines) == 1 and "interrupted" in lines[0], lines
    with open_store(StoreSettings(home=own_home, graph="kg")) as store:
        partial = check_consistency(store, expected)
    assert KILL_AFTER <= len(partial) < len(files)
    rerun = run_kg(["load", folder], env)
    assert rerun.returncode == 0, rerun.stderr[-500:]
    assert f"({len(partial)} unchanged" in rerun.stdout, rerun.stdout
    with open_store(StoreSettings(home=own_home, graph="kg")) as store:
        assert len(check_consistency(store, expected)) == len(files)
