"""Golden extraction output of each seed, reviewed by a person when it changes.

The extraction JSON (without the path-dependent "meta") of every file in seeds/ is compared
with tests/golden/<name>.json.  After a deliberate change to the extractor, regenerate the
files and review the diff before committing it:

    KG_UPDATE_GOLDEN=1 pytest tests/test_extract_golden.py
"""

import json
import os
from pathlib import Path

import pytest

from kg.documents import iter_documents
from kg.extract import extract_documents

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("KG_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def outputs():
    extractions = extract_documents(list(iter_documents(SEEDS)))
    out = {}
    for extraction in extractions:
        data = extraction.to_json()
        data.pop("meta", None)
        out[data["document"]] = data
    return out


def _dump(data) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


@pytest.mark.parametrize("seed", [p.name for p in SEEDS])
def test_seed_extraction_matches_golden(outputs, seed):
    current = outputs[seed]
    golden = GOLDEN / (Path(seed).stem + ".json")
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(_dump(current), encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run KG_UPDATE_GOLDEN=1 pytest {__file__}"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert current["actors"] == expected["actors"]
    assert current["relations"] == expected["relations"]
    assert current["statements"] == expected["statements"]
