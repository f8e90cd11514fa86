"""Time the centrality report on a synthetic graph: 100,000 actors, 500,000 relationships.

    .venv/bin/python bench/bench_report.py               # full size; target: under 60 s
    .venv/bin/python bench/bench_report.py --scale 0.05  # quick run
    .venv/bin/python bench/bench_report.py --communities # also time Louvain

Builds a GraphSnapshot with skewed degrees (a few hubs, many passing mentions), then runs
kg.report.centrality_report (sampled betweenness above 3,000 actors) and prints the time
of each step and the total.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from kg.model import ACTOR_TYPES, RELATION_TYPES, GraphSnapshot


def synthetic_snapshot(actors=100_000, relations=500_000, documents=2_000, seed=7) -> GraphSnapshot:
    rng = random.Random(seed)
    ids = [f"actor-{i}" for i in range(actors)]
    docs = [{"id": f"doc-{i}", "title": f"Article {i}", "source": "bench",
             "published": f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}", "path": f"doc-{i}.txt"}
            for i in range(documents)]
    skewed = lambda: ids[int(actors * rng.random() ** 3)]  # noqa: E731  hubs at low indices
    seen, rows = set(), []
    while len(rows) < relations:
        source, target, kind = skewed(), ids[int(actors * rng.random() ** 2)], rng.choice(RELATION_TYPES)
        if source == target or (source, kind, target) in seen:
            continue
        seen.add((source, kind, target))
        doc = docs[rng.randrange(documents)]["id"]
        rows.append({"source": source, "target": target, "type": kind,
                     "count": 1 + int(rng.expovariate(1.0)), "confidence": 0.7,
                     "evidence": [f"{doc}:{rng.randrange(40)}"], "sentences": ["a sentence"]})
    mentions = [{"actor": ids[i], "document": docs[(i * 7919) % documents]["id"], "count": 1}
                for i in range(actors)]
    statements = [{"id": f"s{i}", "text": "words", "kind": "quote", "published": None,
                   "speaker": skewed(), "about": [skewed()], "document": docs[i % documents]["id"]}
                  for i in range(actors // 10)]
    actor_rows = [{"id": a, "name": f"Actor {i}", "type": ACTOR_TYPES[i % len(ACTOR_TYPES)],
                   "aliases": [], "role": None, "mentions": 1, "documents": 1, "statements": 0}
                  for i, a in enumerate(ids)]
    return GraphSnapshot(actors=actor_rows, relations=rows, statements=statements,
                         documents=docs, mentions=mentions)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--k", type=int, default=None, help="betweenness sources (default 500)")
    parser.add_argument("--communities", action="store_true", help="also time Louvain communities")
    args = parser.parse_args(argv)

    from kg.report import centrality_report, communities_report, render

    n_actors, n_relations = int(100_000 * args.scale), int(500_000 * args.scale)
    start = time.perf_counter()
    snapshot = synthetic_snapshot(n_actors, n_relations, max(10, int(2_000 * args.scale)))
    print(f"synthetic snapshot: {n_actors:,} actors, {n_relations:,} relationships "
          f"(built in {time.perf_counter() - start:.1f} s, not counted)")

    timings = {}
    start = time.perf_counter()
    report = centrality_report(snapshot, top=args.top, k=args.k, timings=timings)
    text = render(report, "table")
    total = time.perf_counter() - start
    for name, seconds in timings.items():
        print(f"  {name:<12} {seconds:7.2f} s")
    print(f"  {'render':<12} {total - sum(timings.values()):7.2f} s  (and the rest)")
    print(f"centrality report total: {total:.2f} s  ({'OK' if total < 60 else 'OVER'} the 60 s target"
          f"{'' if args.scale == 1 else ', scaled run'})")
    header = report.header_dict()
    print(f"betweenness: {header['betweenness']}")
    print(f"eigenvector: {header['eigenvector']}")
    print("top 3:", ", ".join(f"{r['name']} ({r['pagerank']:.2e})" for r in report.rows[:3]))
    if args.communities:
        start = time.perf_counter()
        found = communities_report(snapshot)
        print(f"communities (Louvain): {time.perf_counter() - start:.2f} s, "
              f"{found.header_dict()['communities']} communities, "
              f"modularity {found.header_dict()['modularity']}")
    return 0 if text else 1


if __name__ == "__main__":
    sys.exit(main())
