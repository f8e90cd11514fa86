"""Benchmark: kg's extraction against spaCy's bare ``nlp.pipe`` over the same articles.

Builds N articles (default 1,000) from the seed and corpus texts, each made distinct
(paragraphs reordered, a dateline and a closing line that vary), then measures in two
child processes, so that each peak memory figure is its own:

- bare: ``for doc in nlp.pipe(texts, batch_size=B)`` with kg's pipeline (``kg.nlp.load_nlp``)
- kg:   ``for ex in kg.extract.extract_documents(documents, batch_size=B, workers=W)``

Model loading is outside the timing (both load once and warm up on a few texts).  Prints
documents per second, wall seconds, peak RSS (``resource.getrusage``) and the cost ratio
kg / bare (target <= 1.5).

    .venv/bin/python bench/bench_extract.py            # 1,000 articles
    .venv/bin/python bench/bench_extract.py --n 100    # quicker
    .venv/bin/python bench/bench_extract.py --json     # figures as JSON
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "corpus"]
TARGET_RATIO = 1.5
DATELINES = ["SEATTLE —", "NEW YORK —", "WASHINGTON —", "LONDON —", "DETROIT —", "SAN FRANCISCO —", "BOSTON —", ""]


def base_texts(sources: list[Path]) -> list[str]:
    """Article texts read through kg's own reader (metadata headers and boilerplate gone)."""
    from kg.documents import iter_documents

    files = [p for folder in sources if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    if not files:
        sys.exit(f"no .txt articles found in {', '.join(map(str, sources))}")
    return [doc.text for doc in iter_documents(files, on_skip=lambda error: print(f"skip: {error}", file=sys.stderr))]


def build_articles(n: int, sources: list[Path]) -> list[str]:
    """N distinct article texts made from the base texts (deterministic)."""
    texts = base_texts(sources)
    rng = random.Random(20200610)
    articles = []
    for i in range(n):
        paragraphs = [p for p in texts[i % len(texts)].split("\n") if p.strip()]
        head, body = paragraphs[:1], paragraphs[1:]
        if i >= len(texts):
            rng.shuffle(body)
        dateline = DATELINES[i % len(DATELINES)]
        if body and dateline:
            body[0] = f"{dateline} {body[0]}"
        closing = f"This story was updated on {1 + i % 28} {['May', 'June', 'July'][i % 3]} {2019 + i % 4} (item {i})."
        articles.append("\n\n".join(head + body + [closing]))
    return articles


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def run_phase(phase: str, n: int, batch_size: int, workers: int, sources: list[Path]) -> dict:
    """Run one measurement in this process and return its figures."""
    from kg.model import Document
    from kg.nlp import load_nlp

    articles = build_articles(n, sources)
    nlp = load_nlp()
    warm = articles[:4]
    if phase == "bare":
        for _ in nlp.pipe(warm, batch_size=batch_size):
            pass
        start = time.perf_counter()
        count = 0
        for _doc in nlp.pipe(articles, batch_size=batch_size, n_process=workers):
            count += 1
        seconds = time.perf_counter() - start
        extra = {}
    else:
        try:
            from kg.extract import extract_documents
        except ImportError as exc:
            return {"phase": phase, "error": f"kg.extract.extract_documents is not available yet ({exc})"}
        documents = [Document(text=t, name=f"bench-{i:04d}.txt", path=f"bench-{i:04d}.txt") for i, t in enumerate(articles)]
        for _ in extract_documents(documents[:4], batch_size=batch_size):
            pass
        start = time.perf_counter()
        count = actors = relations = statements = 0
        for extraction in extract_documents(documents, batch_size=batch_size, workers=workers):
            count += 1
            actors += len(extraction.actors)
            relations += len(extraction.relations)
            statements += len(extraction.statements)
        seconds = time.perf_counter() - start
        extra = {"actors": actors, "relations": relations, "statements": statements}
    return {
        "phase": phase,
        "documents": count,
        "characters": sum(len(t) for t in articles),
        "seconds": round(seconds, 3),
        "docs_per_second": round(count / seconds, 2) if seconds else None,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        **extra,
    }


def run_child(phase: str, args) -> dict:
    command = [
        sys.executable, __file__, "--phase", phase, "--n", str(args.n),
        "--batch-size", str(args.batch_size), "--workers", str(args.workers),
    ]
    for source in args.source:
        command += ["--source", str(source)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"phase": phase, "error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--source", type=Path, action="append", default=[], help="folder of .txt articles")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--phase", choices=["bare", "kg"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sources = args.source or DEFAULT_SOURCES
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.n, args.batch_size, args.workers, sources)))
        return 0

    args.source = sources
    bare = run_child("bare", args)
    kg = run_child("kg", args)
    ratio = None
    if "error" not in bare and "error" not in kg and bare["seconds"]:
        ratio = round(kg["seconds"] / bare["seconds"], 2)
    if args.json:
        print(json.dumps({"bare": bare, "kg": kg, "ratio": ratio, "target": TARGET_RATIO}, indent=2))
    else:
        print(f"articles: {args.n}  batch size: {args.batch_size}  workers: {args.workers}")
        print(f"{'':<22} {'docs/s':>8} {'seconds':>9} {'peak RSS MB':>12}")
        for label, row in (("spaCy nlp.pipe (bare)", bare), ("kg extract_documents", kg)):
            if "error" in row:
                print(f"{label:<22} error: {row['error']}")
            else:
                print(f"{label:<22} {row['docs_per_second']:>8} {row['seconds']:>9} {row['peak_rss_mb']:>12}")
        if ratio is not None:
            verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
            print(f"ratio kg/bare: {ratio}  (target <= {TARGET_RATIO}: {verdict})")
    if "error" in bare or "error" in kg:
        return 2
    return 0 if ratio is not None and ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
