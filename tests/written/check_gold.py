"""Check a written set's gold files (shape, names, verbatim evidence): python3 check_gold.py OUT"""
import json, os, sys, re
TYPES = {"Company","NGO","GovernmentBody","Person","Bill","Incident","Product","Policy","MediaOutlet"}
RELS = {"CRITICIZED","CALLED_FOR","EXEMPTED","RESTRICTED","ANNOUNCED","SUPPORTED","SUPPLIED","USED",
        "INTRODUCED","DEVELOPED","AFFILIATED_WITH","INVOLVED_IN"}
def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip()
out = sys.argv[1]
problems = 0
tot = [0, 0, 0]
for f in sorted(os.listdir(os.path.join(out, "gold"))):
    if not f.endswith(".json"):
        continue
    def bad(msg):
        global problems
        problems += 1
        print(f"{f}: {msg}")
    try:
        g = json.load(open(os.path.join(out, "gold", f), encoding="utf-8"))
    except Exception as e:
        bad(f"not JSON: {e}"); continue
    for k in ("document", "actors", "relations", "statements", "notes"):
        if k not in g: bad(f"missing key {k}")
    doc = os.path.join(out, g.get("document", ""))
    if not os.path.isfile(doc):
        bad(f"document {doc} not found"); continue
    text = norm(open(doc, encoding="utf-8").read())
    names = set()
    for a in g.get("actors", []):
        if a.get("type") not in TYPES: bad(f"actor {a.get('name')}: bad type {a.get('type')}")
        if a.get("name") in names: bad(f"actor {a.get('name')} twice")
        names.add(a.get("name"))
        if not isinstance(a.get("aliases", []), list): bad(f"actor {a.get('name')}: aliases not a list")
    for r in g.get("relations", []):
        if r.get("type") not in RELS: bad(f"relation type {r.get('type')}")
        for end in ("source", "target"):
            if r.get(end) not in names: bad(f"relation {end} {r.get(end)!r} is not an actor name")
        if norm(r.get("evidence", "")) not in text: bad(f"evidence not verbatim: {r.get('evidence','')[:70]!r}")
    for s in g.get("statements", []):
        if s.get("kind") not in ("quote", "reported"): bad(f"statement kind {s.get('kind')}")
        if s.get("speaker") not in names: bad(f"speaker {s.get('speaker')!r} is not an actor name")
        for a in s.get("about", []):
            if a not in names: bad(f"about {a!r} is not an actor name")
        if norm(s.get("text", "")) not in text: bad(f"statement text not verbatim: {s.get('text','')[:70]!r}")
    n = (len(g.get("actors", [])), len(g.get("relations", [])), len(g.get("statements", [])))
    tot = [x + y for x, y in zip(tot, n)]
    words = len(text.split())
    print(f"{f}: {words} words, {n[0]} actors, {n[1]} relations, {n[2]} statements")
print(f"total: {tot[0]} actors, {tot[1]} relations, {tot[2]} statements; {problems} problems")
sys.exit(1 if problems else 0)
