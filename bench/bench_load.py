"""Benchmark: batched loading into the embedded FalkorDB vs one MERGE per relationship.

Builds a synthetic graph (default 100,000 actors and 500,000 relationships, spread over
documents of 200 actors and 1,000 relationships each, plus 20 "hub" actors every
document shares so that documents merge into each other), loads it through the real
``Store.load`` path (one query per document: UNWIND batches per type), then measures
one MERGE query per relationship on a sample in the same run, and prints both rates and
their ratio.

    .venv/bin/python bench/bench_load.py               # the full 100k / 500k graph
    .venv/bin/python bench/bench_load.py --scale 0.05  # a quick run (5k / 25k)
"""

from __future__ import annotations

import argparse
import random
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

SINGLE_MERGE = """\
MATCH (s:Actor {id: $source})
MATCH (t:Actor {id: $target})
MERGE (s)-[r:CRITICIZED]->(t)
ON CREATE SET r.evidence = [], r.sentences = [], r.confidence = 0.0
WITH r
SET r.evidence = r.evidence + [e IN [$evidence] WHERE NOT e IN r.evidence],
    r.sentences = (r.sentences + [$sentence])[0..5],
    r.confidence = CASE WHEN $confidence > r.confidence THEN $confidence ELSE r.confidence END
WITH r
SET r.count = size(r.evidence)"""


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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of 100k actors / 500k relations")
    parser.add_argument("--sample", type=int, default=3000, help="relationships in the one-MERGE-each run")
    parser.add_argument("--home", help="KG_HOME of the embedded server (default: a temp folder)")
    args = parser.parse_args(argv)

    n_actors, n_relations = int(100_000 * args.scale), int(500_000 * args.scale)
    t0 = time.perf_counter()
    docs = synthetic(n_actors, n_relations)
    total_rels = sum(len(d.relations) for d in docs)
    print(f"synthetic graph: {len(docs)} documents, ~{n_actors} actors, {total_rels} relationships "
          f"(built in {time.perf_counter() - t0:.1f} s)")

    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="kgbench"))
    started = server_status(home) is None
    ensure_server(home)
    try:
        with open_store(StoreSettings(home=home, graph="kg_bench")) as store:
            store.reset()
            t0 = time.perf_counter()
            summary = store.load(docs)
            batched_s = time.perf_counter() - t0
            stats = store.stats()
            batched = total_rels / batched_s
            print(f"batched load: {summary.documents} documents, {stats['actors']} actors, "
                  f"{stats['relations']} relationships in {batched_s:.1f} s "
                  f"= {batched:,.0f} relationships/s")

            sample = args.sample
            rng = random.Random(11)
            ids = [a.id for a in docs[0].actors]
            t0 = time.perf_counter()
            for i in range(sample):
                a, b = rng.sample(ids, 2)
                store.query(SINGLE_MERGE, {"source": a, "target": b, "evidence": f"single:{i}",
                                           "sentence": f"single {i}", "confidence": 0.5}, write=True)
            single_s = time.perf_counter() - t0
            single = sample / single_s
            print(f"one MERGE per relationship: {sample} relationships in {single_s:.1f} s "
                  f"= {single:,.0f} relationships/s")
            print(f"ratio batched / single: {batched / single:.1f}x "
                  f"(targets: batched >= 20,000/s, ratio >= 20x)")
            store.reset()
    finally:
        if started:
            stop_server(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
