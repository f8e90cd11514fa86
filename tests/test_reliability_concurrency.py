"""Concurrent use: two `kg load` processes on overlapping folders and a `kg query` loop
against one fresh KG_HOME end with the graph of one sequential load, on one server."""

from __future__ import annotations

import json
import re
import time

import pytest
from reliability_plugin import (
    check_consistency,
    copy_files,
    graph_signature,
    kg_env,
    redis_servers_in,
    run_kg,
    start_kg,
)

from kg.config import StoreSettings
from kg.store import open_store
from kg.store.embedded import server_status

COUNT_QUERY = "MATCH (d:Document) RETURN count(d) AS n"


@pytest.mark.slow
@pytest.mark.reliability(
    "Concurrent use",
    "two kg load processes on overlapping folders (60 + 60 articles, 30 shared) and a kg query "
    "loop started together on a fresh KG_HOME: same graph as one sequential load, every query "
    "answered, exactly one server started",
    cases=3,
)
def test_two_loads_and_queries_at_once(reliability_corpus, own_home, tmp_path):
    folder, files, extractions, expected = reliability_corpus
    first = copy_files(files[0:60], tmp_path / "a")
    second = copy_files(files[30:90], tmp_path / "b")
    wanted = {p.name for p in files[0:90]}
    subset = [ex for ex in extractions if ex.document.name in wanted]
    assert len(subset) == 90
    env = kg_env(own_home, "kg")

    loads = [start_kg(["load", first], env), start_kg(["load", second], env)]
    counts, failures = [], []
    try:
        while True:
            running = any(p.poll() is None for p in loads)
            result = run_kg(["query", COUNT_QUERY, "--format", "json"], env, timeout=120)
            if result.returncode == 0:
                counts.append(json.loads(result.stdout)[0]["n"])
            else:
                failures.append(result.stderr.strip()[-300:])
            if not running:
                break
            time.sleep(0.2)
        outputs = [p.communicate(timeout=240) for p in loads]
    finally:
        for p in loads:
            if p.poll() is None:
                p.kill()
                p.communicate()

    for proc, (out, err) in zip(loads, outputs):
        assert proc.returncode == 0, err[-800:]
        summary = re.search(r"Loaded (\d+) documents \((\d+) unchanged", out)
        assert summary and int(summary[1]) + int(summary[2]) == 60, out
    assert not failures, f"queries failed during the loads: {failures[:3]}"
    assert len(counts) >= 2 and counts[0] < 90, f"the query loop never overlapped the loads: {counts}"
    assert counts == sorted(counts), f"the document count went backwards: {counts}"
    assert counts[-1] == 90

    # One server for that home, started once.
    server = server_status(own_home)
    assert server is not None and redis_servers_in(own_home) == [server.pid]
    log = (own_home / "falkordb.log").read_text(errors="replace")
    starts = len(re.findall(r"Server initialized", log))
    assert starts == 1, f"the embedded server was started {starts} times on the same data"

    with open_store(StoreSettings(home=own_home, graph="kg")) as store, \
            open_store(StoreSettings(home=own_home, graph="reference")) as ref:
        ref.reset()
        ref.load(subset)
        assert len(check_consistency(store, expected)) == 90
        together, sequential = graph_signature(store), graph_signature(ref)
        assert together["stats"] == sequential["stats"]
        assert together["count_sum"] == sequential["count_sum"]
        assert together["actor_ids"] == sequential["actor_ids"]
        assert together == sequential
