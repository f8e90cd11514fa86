"""Benchmark: batched loading into the embedded FalkorDB vs one MERGE per relationship.

Builds a synthetic graph (default 100,000 actors and 500,000 relationships, spread over
documents of 200 actors and 1,000 relationships each, plus 20 "hub" actors every
document shares so that documents merge into each other) and loads it through the real
``Store.load`` twice: one query per document (UNWIND batches per type, the path of every
load into a graph that holds something) and the bulk path of a first load (GRAPH.BULK,
see kg.store.bulk; its time includes building the indexes).  It checks that both built
the same graph, then measures one MERGE query per relationship in the same run, on the
same server and the bulk-built graph, and prints the rates and the ratios.

The one-MERGE baseline does per relationship what the batched load does: look both
actors up by id, MERGE the typed relationship, keep its evidence set, count, sentences
and confidence, in the same single-pass form as the batched query.  Its relationships
are new ones between random actors of the loaded documents, of random types, like the
batched load's.  It runs in rounds (default 5 x 1,000 queries) and the median round
is reported, because the machine is shared and single rounds vary.

    .venv/bin/python bench/bench_load.py               # the full 100k / 500k graph
    .venv/bin/python bench/bench_load.py --scale 0.05  # a quick run (5k / 25k)
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.config import StoreSettings  # noqa: E402
from kg.model import ACTOR_TYPES, RELATION_TYPES, Actor, Document, Extraction, Relation  # noqa: E402
from kg.store import open_store  # noqa: E402
from kg.store.embedded import ensure_server, server_status, stop_server  # noqa: E402

ACTORS_PER_DOC = 200
RELATIONS_PER_DOC = 1000
HUBS = 20

# {rel} is one of RELATION_TYPES.
SINGLE_MERGE = """\
MATCH (s:Actor {{id: $source}})
MATCH (t:Actor {{id: $target}})
MERGE (s)-[r:{rel}]->(t)
ON CREATE SET r.evidence = [$evidence], r.count = 1, r.sentences = [$sentence],
              r.confidence = $confidence
ON MATCH SET r.evidence = r.evidence + [e IN [$evidence] WHERE NOT e IN r.evidence],
             r.count = size(r.evidence + [e IN [$evidence] WHERE NOT e IN r.evidence]),
             r.sentences = (r.sentences + [x IN [$sentence] WHERE NOT x IN r.sentences])[0..5],
             r.confidence = CASE WHEN $confidence > r.confidence THEN $confidence
                                 ELSE r.confidence END"""


def synthetic(n_actors: int, n_relations: int, seed: int = 7) -> list[Extraction]:
    """Documents over ``n_actors`` actors holding ``n_relations`` relationships in all."""
    rng = random.Random(seed)
    n_docs = max(1, n_relations // RELATIONS_PER_DOC)
    per_doc = max(2, (n_actors - HUBS) // n_docs)
    hubs = [Actor(f"Hub {h}", ACTOR_TYPES[h % len(ACTOR_TYPES)]) for h in range(HUBS)]
    docs = []
    for d in range(n_docs):
        own = [
            Actor(f"Actor {d}-{i}", ACTOR_TYPES[(d + i) % len(ACTOR_TYPES)], (f"A{d}.{i}",), mentions=1 + i % 3)
            for i in range(per_doc)
        ]
        cast = own + hubs
        seen = set()
        rels = []
        while len(rels) < RELATIONS_PER_DOC:
            a, b = rng.sample(cast, 2)
            rtype = RELATION_TYPES[rng.randrange(len(RELATION_TYPES))]
            if (a.name, rtype, b.name) in seen:
                continue
            seen.add((a.name, rtype, b.name))
            rels.append(Relation(a.name, rtype, b.name, f"{a.name} {rtype} {b.name}.", len(rels), 0.6))
        docs.append(Extraction(
            document=Document(text=f"synthetic document {d}", name=f"synthetic-{d}.txt"),
            actors=tuple(cast), relations=tuple(rels),
        ))
    return docs


def one_merge_rates(store, docs, sample: int, rounds: int) -> list[float]:
    """Relationships per second of ``rounds`` runs of ``sample`` one-MERGE queries, each a
    new relationship between two random actors of a loaded document."""
    rng = random.Random(11)
    queries = {rel: SINGLE_MERGE.format(rel=rel) for rel in RELATION_TYPES}
    rates = []
    for n in range(rounds):
        rows = []
        for i in range(sample):
            cast = docs[rng.randrange(len(docs))].actors
            a, b = rng.sample(cast, 2)
            rows.append((queries[RELATION_TYPES[rng.randrange(len(RELATION_TYPES))]],
                         {"source": a.id, "target": b.id, "evidence": f"single:{n}:{i}",
                          "sentence": f"{a.name} and {b.name}, round {n}.", "confidence": 0.5}))
        t0 = time.perf_counter()
        for cypher, params in rows:
            store.query(cypher, params, write=True)
        rates.append(sample / (time.perf_counter() - t0))
    return rates


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of 100k actors / 500k relations")
    parser.add_argument("--sample", type=int, default=1000, help="one-MERGE queries per round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the one-MERGE run (median kept)")
    parser.add_argument("--home", help="KG_HOME of the embedded server (default: a temp folder)")
    args = parser.parse_args(argv)

    n_actors, n_relations = int(100_000 * args.scale), int(500_000 * args.scale)
    t0 = time.perf_counter()
    docs = synthetic(n_actors, n_relations)
    # The synthetic documents are the benchmark's own (a real load streams extractions and
    # holds one at a time): keep the garbage collector from re-scanning their ~1.5 million
    # objects during both timed parts.
    gc.freeze()
    total_rels = sum(len(d.relations) for d in docs)
    print(f"synthetic graph: {len(docs)} documents, ~{n_actors} actors, {total_rels} relationships "
          f"(built in {time.perf_counter() - t0:.1f} s)")

    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="kgbench"))
    started = server_status(home) is None
    ensure_server(home)
    try:
        rates = {}
        stats = {}
        # The per-document load first, into a graph of its own; then the bulk load of a
        # first load, into the graph the one-MERGE baseline runs on.
        for graph, bulk, label in (("kg_bench_docs", False, "per-document load"),
                                   ("kg_bench", True, "bulk first load")):
            with open_store(StoreSettings(home=home, graph=graph)) as store:
                store.reset()
                store.ensure_schema()
                indexed = {(row[0], prop) for row in store.query(
                    "CALL db.indexes() YIELD label, properties RETURN label, properties").rows
                    for prop in row[1]}
                if ("Actor", "id") not in indexed:
                    print("no index on Actor.id: the load would scan every actor", file=sys.stderr)
                    return 1
                t0 = time.perf_counter()
                summary = store.load(docs, bulk=bulk)
                seconds = time.perf_counter() - t0
                stats[label] = store.stats()
                rates[label] = total_rels / seconds
                print(f"{label}: {summary.documents} documents, {stats[label]['actors']} actors, "
                      f"{stats[label]['relations']} relationships in {seconds:.1f} s "
                      f"= {rates[label]:,.0f} relationships/s"
                      + (" (indexes built included)" if bulk else ""))
        if stats["bulk first load"] != stats["per-document load"]:
            print("the two loads built different graphs", file=sys.stderr)
            return 1
        # The one-MERGE rate depends on the graph it runs on: FalkorDB answers faster on a
        # graph built in one go than on one grown query by query, as a MERGE-per-relationship
        # load would grow it.  Both are measured; every ratio is printed against both.
        medians = {}
        for graph, label in (("kg_bench_docs", "per-document graph"), ("kg_bench", "bulk-built graph")):
            with open_store(StoreSettings(home=home, graph=graph)) as store:
                single = one_merge_rates(store, docs, args.sample, args.rounds)
                medians[label] = statistics.median(single)
                print(f"one MERGE per relationship on the {label}: {args.rounds} rounds of {args.sample}: "
                      + ", ".join(f"{rate:,.0f}" for rate in single) + " relationships/s")
                store.reset()
        for label, rate in rates.items():
            print(f"ratio {label} / one MERGE (median round): "
                  + ", ".join(f"{rate / median:.1f}x on the {graph} ({median:,.0f}/s)"
                              for graph, median in medians.items()))
        print("(targets: batched >= 20,000/s, ratio >= 20x)")
    finally:
        if started:
            stop_server(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
