"""Find the mentions of actors in a parsed Doc: names, frames and references.

``find_mentions(doc, gazetteer)`` returns two layers of ``Mention`` records:

- *names*: gazetteer matches, spaCy entities (ORG, PERSON, PRODUCT, LAW, ...), generic
  government bodies ("police", "law enforcement", "Congress"), descriptive references
  ("the company", "the Seattle group") and examples of a typed group ("organizations
  like Acme Aid").  Names never overlap.
- *frames*: policies ("a one-year moratorium on police use of ...", "it will no longer
  sell ..."), bills ("the police reform bill", "the ... Act", legislation introduced)
  and incidents ("the death of X", "the wrongful arrest of X", "protests").  A frame may
  contain names.

Types come from the gazetteer, the pattern, an appositive ("Acme Aid, a nonprofit"), name
keywords (Inc., University, Department, ...) and finally the NER label.  Nothing here
resolves one mention to another: that is ``resolve``'s job.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from kg.extract.gazetteer import Gazetteer

__all__ = ["Mention", "find_mentions", "guess_type"]

NER_LABELS = {"ORG", "PERSON", "PRODUCT", "LAW", "GPE", "NORP", "EVENT"}

TITLES = {
    "president", "ceo", "cto", "cfo", "sens.", "sens", "reps.", "reps", "coo", "chairman", "chairwoman", "chair", "director",
    "sen.", "sen", "senator", "rep.", "rep", "representative", "dr.", "dr", "mr.", "mr",
    "mrs.", "mrs", "ms.", "ms", "judge", "justice", "mayor", "gov.", "governor", "chief",
    "officer", "secretary", "minister", "commissioner", "supervisor", "councilman",
    "councilwoman", "councilmember", "attorney", "lawyer", "professor", "prof.", "founder",
    "co-founder", "analyst", "researcher", "spokesperson", "spokesman", "spokeswoman",
    "executive", "vice", "general", "deputy", "lt.", "sgt.", "detective", "investigator",
    "rev.", "assemblyman", "assemblywoman", "congressman", "congresswoman", "leader",
    "head", "boss", "manager", "engineer", "scientist", "activist", "author", "officer",
    "councilor", "councillor", "councilors", "councillors", "councilmembers", "senators",
    "commissioners", "supervisors", "representatives", "alderman", "alderwoman", "assemblymember",
    "sheriff", "superintendent",
}

ORG_KEYWORDS = [
    ("MediaOutlet", {"times", "post", "news", "journal", "tribune", "herald", "gazette",
                     "chronicle", "magazine", "daily", "press", "wire", "examiner",
                     "reporter", "observer", "telegraph", "insider", "broadcasting",
                     "radio", "tv", "television"}),
    ("GovernmentBody", {"department", "police", "court", "agency", "commission", "bureau",
                        "administration", "senate", "house", "congress", "ministry",
                        "parliament", "government", "committee", "council", "board",
                        "office", "assembly", "legislature", "sheriff", "authority", "district",
                        "city", "county", "state", "service", "army", "navy", "force",
                        "commissioner", "prosecutor", "tribunal", "judiciary", "directorate",
                        # European regulators' own names ("Agencia Española de Protección de Datos")
                        "agencia", "agence", "autorité", "autorità", "autoriteit", "commissione",
                        "comisión", "garante", "ministerio", "ministère", "bundesamt", "behörde",
                        # legislatures by their own names ("the Legislative Yuan", "the Diet")
                        "statehouse", "diet", "yuan", "landtag", "bundestag", "bundesrat", "knesset", "duma",
                        "sejm", "riksdag", "storting", "folketing", "cortes", "sabha", "majlis", "shura",
                        "senedd", "holyrood", "oireachtas", "dáil", "seanad", "congreso", "carabineros",
                        "gendarmerie", "deputies"}),
    ("NGO", {"university", "institute", "lab", "laboratory", "center", "centre",
             "foundation", "union", "association", "coalition", "network", "alliance",
             "society", "watch", "fund", "trust", "league", "project", "initiative",
             "campaign", "movement", "school", "college", "academy", "council",
             "federation", "liberties", "rights", "justice", "charity", "group", "observatory", "club",
             "consortium", "confederation", "legion", "teamsters"}),
    ("Company", {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "limited", "pty",
                 "gmbh", "ag", "nv", "bv",
                 "plc", "co", "co.", "company", "technologies", "technology", "systems",
                 "labs", "holdings", "solutions", "software", "analytics", "ai",
                 "networks", "group", "partners", "capital", "ventures", "industries",
                 "enterprises", "research", "communications", "media", "grocers", "foods", "markets",
                 "stores", "outfitters", "pharmacy", "pharmacies", "supermarkets"}),
]
# first words of Spanish, Portuguese, French and Italian bodies' names, which the English model
# often reads as a person's ("Audiencia Nacional", "Comisiones Obreras")
FOREIGN_ORG_HEADS = dict.fromkeys(
    ("audiencia", "juzgado", "tribunal", "ministerio", "secretaría", "consejo", "fiscalía", "procuraduría",
     "defensoría", "policía", "guardia", "cámara", "câmara", "congreso", "senado", "ayuntamiento", "prefeitura",
     "agencia", "autoridad", "comisión", "comissão", "conselho", "ministério", "polícia", "cour", "conseil",
     "ministère", "préfecture", "tribunale", "consiglio", "ministero", "polizia", "questura"), "GovernmentBody")
FOREIGN_ORG_HEADS.update(dict.fromkeys(
    ("sindicato", "asociación", "associação", "fundación", "fundação", "instituto", "confederación",
     "federación", "unión", "colectivo", "observatorio", "comisiones", "movimiento", "movimento", "centro",
     "associazione", "fondazione", "fondation", "ligue", "syndicat"), "NGO"))
# newspapers' names by their last word only ("The Harlan Bay Ledger"; "FaceLedger" is a product)
MEDIA_TAILS = {"ledger", "courier", "inquirer", "dispatch"}

COMPANY_WORDS = ORG_KEYWORDS[3][1]
TRADE_WORDS = {"business", "industry", "trade", "chamber", "manufacturers", "retailers", "merchants", "owners",
               "landlords", "tenants", "employers", "homeowners", "commerce", "retail", "hospital", "hospitals",
               "nurses", "physicians", "leadership", "civil", "liberties"}
TRADE_TAILS = {"council", "association", "alliance", "group", "coalition", "roundtable", "federation",
               "chamber", "board"}
# Capitalised last words that make a name a law, a product or a policy rather than the
# company NER often takes it for; singular only ("Acme Systems" stays a company).
LAW_TAILS = {"Act", "Law", "Code", "Regulation", "Directive", "Ordinance", "Statute", "Bill"}
PRODUCT_TAILS = {"System", "Database", "API", "App", "Platform", "Check", "Scanner", "Repository", "Match", "Search",
                 "Sentinel", "Recall", "Verify", "Identify", "Pro", "Live"}
POLICY_TAILS = {"Standard", "Principles", "Guidelines", "Pledge"}
SERVICE_PRODUCT_WORDS = {"ai", "openai", "cloud", "web", "app", "online", "data", "recognition", "vision"}

APPOSITIVE_TYPES = {
    "nonprofit": "NGO", "non-profit": "NGO", "charity": "NGO", "organization": "NGO",
    "organisation": "NGO", "group": "NGO", "coalition": "NGO", "association": "NGO",
    "ngo": "NGO", "institute": "NGO", "university": "NGO", "alliance": "NGO",
    "association": "NGO", "campaign": "NGO", "advocacy": "NGO", "movement": "NGO",
    "company": "Company", "firm": "Company", "startup": "Company", "start-up": "Company",
    "maker": "Company", "vendor": "Company", "provider": "Company", "developer": "Company",
    "retailer": "Company", "giant": "Company", "subsidiary": "Company",
    "corporation": "Company", "contractor": "Company", "manufacturer": "Company",
    "chain": "Company", "supermarket": "Company", "insurer": "Company", "bank": "Company",
    "concessionaire": "Company", "operator": "Company",
    "agency": "GovernmentBody", "department": "GovernmentBody", "court": "GovernmentBody",
    "regulator": "GovernmentBody", "watchdog": "GovernmentBody", "body": "GovernmentBody",
    "authority": "GovernmentBody", "commission": "GovernmentBody", "ministry": "GovernmentBody",
    "newspaper": "MediaOutlet", "outlet": "MediaOutlet", "publication": "MediaOutlet",
    "magazine": "MediaOutlet", "broadcaster": "MediaOutlet", "site": "MediaOutlet",
    "app": "Product", "software": "Product", "tool": "Product", "platform": "Product",
    "system": "Product", "program": "Product", "programme": "Product", "service": "Product",
    "camera": "Product", "cameras": "Product", "device": "Product", "product": "Product",
    "algorithm": "Product", "database": "Product", "technology": "Product",
    "engine": "Product", "scanner": "Product", "kiosk": "Product", "terminal": "Product",
    "feature": "Product",
}

# heads that name an agency as often as a product: "the national consumer service, SERNAC,"
AMBIGUOUS_HEADS = {"service"}

# Head nouns of descriptive references and the actor types each may stand for.
DESCRIPTIVE_HEADS = {
    "company": ("Company",), "firm": ("Company",), "giant": ("Company",),
    "multinational": ("Company",), "retailer": ("Company",), "corporation": ("Company",),
    "conglomerate": ("Company",), "startup": ("Company",), "vendor": ("Company",), "chain": ("Company",),
    "maker": ("Company",), "supplier": ("Company",), "contractor": ("Company",), "provider": ("Company",),
    "group": ("Company", "NGO"), "organization": ("NGO", "Company"),
    "organisation": ("NGO", "Company"), "nonprofit": ("NGO",), "charity": ("NGO",),
    "coalition": ("NGO",), "union": ("NGO",),
    "agency": ("GovernmentBody",), "bureau": ("GovernmentBody",),
    "administration": ("GovernmentBody",), "department": ("GovernmentBody",),
    "committee": ("GovernmentBody",), "council": ("GovernmentBody",), "board": ("GovernmentBody",),
    "commission": ("GovernmentBody",), "court": ("GovernmentBody",), "legislature": ("GovernmentBody",),
    "parliament": ("GovernmentBody",), "regulator": ("GovernmentBody",), "watchdog": ("GovernmentBody", "NGO"),
    "authority": ("GovernmentBody",), "panel": ("GovernmentBody",), "subcommittee": ("GovernmentBody",),
    "force": ("GovernmentBody",), "ministry": ("GovernmentBody",), "network": ("NGO",),
    "office": ("GovernmentBody",), "foundation": ("NGO",), "institute": ("NGO",),
    "government": ("GovernmentBody",),
    "association": ("NGO",), "district": ("GovernmentBody",), "service": ("GovernmentBody",),
    "alliance": ("NGO",), "campaign": ("NGO",),
    # only ever the actor whose name holds the word (kg.extract.resolve.NAMED_HEADS)
    "project": ("NGO",), "federation": ("NGO",), "society": ("NGO",), "league": ("NGO",), "guild": ("NGO",),
    "center": ("NGO",), "centre": ("NGO",), "club": ("NGO",), "caucus": ("GovernmentBody",),
    "city": ("GovernmentBody",), "newspaper": ("MediaOutlet",),
    "outlet": ("MediaOutlet",), "publication": ("MediaOutlet",),
    "platform": ("Product",), "software": ("Product",), "tool": ("Product",),
    "system": ("Product",), "app": ("Product",), "algorithm": ("Product",),
    "lawmaker": ("Person",), "senator": ("Person",), "congressman": ("Person",),
    "congresswoman": ("Person",), "mayor": ("Person",), "governor": ("Person",),
    "activist": ("Person",), "ceo": ("Person",), "founder": ("Person",),
    # titles: only ever the person who bears one (kg.extract.resolve.TITLE_HEADS)
    "minister": ("Person",), "chancellor": ("Person",), "commissioner": ("Person",),
    "sheriff": ("Person",), "superintendent": ("Person",), "judge": ("Person",),
    "councillor": ("Person",), "councilor": ("Person",), "councilman": ("Person",),
    "councilwoman": ("Person",), "prosecutor": ("Person",), "chairman": ("Person",),
    "chairwoman": ("Person",), "chief": ("Person",), "ombudsman": ("Person",),
}

NGO_HINTS = {"civil", "rights", "liberty", "liberties", "advocacy", "privacy", "nonprofit",
             "non-profit", "human", "activist", "campaign", "watchdog", "charity"}
COMPANY_HINTS = {"tech", "technology", "retail", "online", "commerce", "cloud", "software",
                 "internet", "e-commerce", "startup", "chip", "search", "social", "media"}
POLICY_HEADS = {"moratorium", "ban", "pause", "freeze", "prohibition", "suspension", "halt", "pilot", "trial"}
# a pilot is a policy only when the technology is named ("a face-matching pilot"), and one
# apart from its pause or end
TRIAL_HEADS = {"pilot", "trial"}
# a contested project ("a $640,000 contract that would have added live face recognition to
# the city's cameras", "the department's contract with Acme"): a Policy of whoever runs it,
# only when the technology or a vendor is named; later "the contract", "the plan" refer to it
PROJECT_HEADS = {"contract", "plan", "rollout"}
PROJECT_REFS = PROJECT_HEADS | {"proposal", "upgrade", "deal", "expansion"}
TRIAL_TECH = {"recognition", "facial", "biometric", "camera", "surveillance", "scanning", "matching", "technology"}
BILL_HEADS = {"bill", "legislation", "ordinance", "initiative", "proposal", "measure"}
BILL_VERBS = {"introduce", "propose", "register", "sponsor", "file", "unveil", "pass",
              "approve", "adopt", "vote", "draft", "back", "sign", "enact", "reintroduce"}
KILLING_HEADS = {"death", "killing", "murder", "shooting", "slaying"}
ARREST_ADJ = {"wrongful", "false", "erroneous", "mistaken", "wrong", "unlawful", "faulty"}
STOP_VERBS = {"stop", "cease", "end", "suspend", "pause", "halt", "exit", "abandon",
              "withdraw", "discontinue", "quit", "freeze", "ban", "drop"}
SUSPEND_VERBS = {"suspend", "pause", "halt"}
CLAUSE_POLICY_VERBS = {"sell", "offer", "provide", "develop", "supply", "market", "license",
                       "research", "use", "build", "deploy"}
DECISION_VERBS = {"decide", "agree", "plan", "vow", "pledge", "choose", "promise", "commit", "move"}
ANNOUNCE_VERBS = {"announce", "say", "decide", "pledge", "commit", "vow", "confirm",
                  "declare", "explain", "state", "tell", "promise", "write"}
PROTEST_HEADS = {"protest", "protests", "demonstrations", "uprising"}

PRIORITY = {"gazetteer": 0, "example": 1, "appos": 1, "shape": 1, "ner": 2, "descriptive": 3, "contained": 5}


@dataclass
class Mention:
    """A span of the Doc that names or refers to an actor (tokens start..end)."""

    start: int
    end: int
    text: str
    type: str
    source: str  # gazetteer | ner | example | descriptive | policy | bill | incident
    canonical: str | None = None  # known canonical name (gazetteer, pattern)
    forms: tuple[str, ...] = ()  # extra surface forms (aliases) this mention shows
    owner: int | None = None  # policies: token index of the owner's mention
    victim: tuple[int, int] | None = None  # incidents: the person's token span
    candidates: tuple[str, ...] = ()  # descriptive: the types it may refer to
    role: str | None = None
    meta: dict = field(default_factory=dict)


def guess_type(text: str, label: str) -> str:
    """The SCHEMA type of a name not in the gazetteer, from its words and NER label.

    >>> guess_type("Acme Widgets Inc.", "ORG")
    'Company'
    >>> guess_type("Springfield Police Department", "ORG")
    'GovernmentBody'
    """
    if label == "PERSON":
        return "Person"
    if label == "PRODUCT":
        return "Product"
    if label == "LAW":
        return "Bill"
    if label == "EVENT":
        return "Incident"
    if label in ("GPE", "NORP"):
        return "GovernmentBody"
    words = [w.lower() for w in re.findall(r"[\w.&']+", text)]
    last = text.split()[-1] if words else ""
    if re.fullmatch(r"(19|20)\d\d", last) and len(text.split()) >= 2:
        last = text.split()[-2].rstrip(",")  # "the Data Protection Act, 2012"
    # "the Traveler Privacy Protection Act", "the Consumer Defense Code", "FaceSense API",
    # "the Responsible AI Standard"
    for kind, tails in (("Bill", LAW_TAILS), ("Product", PRODUCT_TAILS), ("Policy", POLICY_TAILS)):
        if len(words) >= 2 and last in tails:
            return kind
    if len(words) >= 2 and last == "Group" and not any(w in NGO_HINTS or w in TRADE_WORDS for w in words):
        return "Company"  # "Bunnings Group", "the Carlyle Group"; not "a privacy rights group"
    if any(w in TRADE_TAILS for w in words) and any(w in TRADE_WORDS for w in words):
        return "NGO"  # "Springfield Technology Business Council", "Ohio Council of Retail Merchants"
    if words and words[-1] == "service" and any(w in SERVICE_PRODUCT_WORDS for w in words):
        return "Product"  # "Acme Cloud Vision Service", not the Secret Service
    if len(words) >= 2 and words[-1] in MEDIA_TAILS:
        return "MediaOutlet"
    if len(words) >= 2 and words[0] in FOREIGN_ORG_HEADS:
        return FOREIGN_ORG_HEADS[words[0]]
    for kind, keys in ORG_KEYWORDS:
        if words and words[-1] in keys:
            return kind
    for kind, keys in ORG_KEYWORDS:
        if any(w in keys for w in words):
            return kind
    if label == "FAC":
        return "Product"
    return "Company"


@functools.lru_cache(maxsize=8)
def _matchers(gazetteer: Gazetteer, vocab):
    from spacy.matcher import PhraseMatcher

    exact = PhraseMatcher(vocab, attr="ORTH")
    folded = PhraseMatcher(vocab, attr="LOWER")
    from spacy.lang.en import English

    tokenizer = English(vocab=vocab).tokenizer
    for number, entry in enumerate(gazetteer.entries):
        key = str(number)
        exact_docs, folded_docs = [], []
        for form in entry.forms():
            doc = tokenizer(form)
            one_capital = len(doc) == 1 and (form[:1].isupper() or form.isupper())
            (exact_docs if one_capital or form.isupper() else folded_docs).append(doc)
        if exact_docs:
            exact.add(key, exact_docs)
        if folded_docs:
            folded.add(key, folded_docs)
    return exact, folded


def _clean_span(doc, start: int, end: int) -> tuple[int, int]:
    """Trim determiners, possessive markers, titles and punctuation from an entity span."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           and doc[end - 1].text not in (".",)):
        end -= 1
    if end > start and doc[end - 1].text == "." and end - start == 1:
        end -= 1
    return start, end


def _entity_end(doc, start):
    """End of the entity that begins at ``start`` ("Circuit Court of" + "Cook County")."""
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _split_possessive(doc, start, end):
    """"Acme Research’s John Roe" -> [(start, j), (j + 1, end)]; a plural possessive inside
    an organisation's name stays ("the Springfield Police Officers' Association")."""
    for j in range(start + 1, end - 1):
        if doc[j].tag_ == "POS" or doc[j].text in ("’s", "'s"):
            if doc[j].text in ("'", "’") and doc[j - 1].lower_.endswith("s") \
                    and doc[end - 1].lower_ in GUILD_TAILS:
                continue
            if j == start + 1 and all(t.lower_ in GENERIC_BODY_WORDS for t in doc[j + 1:end]) \
                    and doc[end - 1].lower_ in ("council", "department", "board", "commission", "office"):
                return [(start, end)]  # "Brookdale’s City Council" as one organisation
            return [(start, j), (j + 1, end)]
    return [(start, end)]


GUILD_TAILS = {"association", "union", "guild", "federation", "league", "council", "fund", "foundation",
               "alliance", "coalition", "society", "caucus", "network", "campaign"}
# "Springfield's City Council": a generic body name that a place's possessive completes
GENERIC_BODY_WORDS = {"city", "council", "police", "department", "board", "of", "supervisors", "county",
                      "commission", "town", "school", "district", "sheriff's", "office", "attorney",
                      "general", "legislature", "assembly", "mayor's", "the"}


def _looks_like_name(span) -> bool:
    text = span.text
    if "http" in text or "/" in text or "@" in text or "\n" in text:
        return False
    if not any(ch.isupper() for ch in text) or len(text) < 2:
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    if span[0].is_lower and span[0].pos_ != "PROPN":
        return False
    return True


def _first_name_before(doc, start) -> bool:
    """True if the token before a one-word PERSON is a first name the model left out:
    a capitalised proper noun outside any entity, not a title, opening the sentence or
    following punctuation."""
    word = doc[start - 1]
    if word.pos_ != "PROPN" or not word.is_title or word.ent_type_ or word.lower_ in TITLES:
        return False
    if word.lower_ in APPOSITIVE_TYPES or word.lower_ in DESCRIPTIVE_HEADS:
        return False  # "Startup Fenwix": a typing noun, not a first name
    if len(word) < 2 or not word.is_alpha:
        return False
    return word.is_sent_start or start >= 2 and doc[start - 2].is_punct


def _title_prefix(doc, start, end):
    """Leading title words of a PERSON span ("President Jane Doe") -> (new start, role)."""
    role = []
    while end - start > 1 and doc[start].lower_ in TITLES:
        role.append(doc[start].text)
        start += 1
    return start, " ".join(role) or None


# Title words that may close a longer title before a name ("Information Commissioner Jane Doe").
INNER_TITLES = {"commissioner", "minister", "secretary", "general", "director", "judge", "justice",
                "mayor", "governor", "chief", "ombudsman", "prosecutor", "superintendent", "sheriff",
                "chairman", "chairwoman", "chair", "president", "senator", "inspector", "auditor"}


def _title_inside(doc, start, end):
    """Where the person's name begins in a span that opens with a title of several words
    ("Privacy Commissioner Carly Kind" -> the index of "Carly"), or None. The name is the last
    two or three capitalised words, none of them a word of an organisation's name."""
    for cut in (end - 2, end - 3):
        if cut <= start or doc[cut - 1].lower_ not in INNER_TITLES:
            continue
        name = doc[cut:end]
        if all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in name) \
                and guess_type(name.text, "") == "Company" \
                and not any(t.lower_ in INSTITUTION_TAILS or t.lower_ in TITLES for t in name):
            return cut
    return None


def _subtree_span(token, skip_deps=("relcl", "acl", "appos", "conj", "cc", "punct", "advcl")):
    """Left and right edges of token's subtree, leaving out the given dependents."""
    left, right = token.i, token.i
    for child in token.children:
        if child.dep_ in skip_deps:
            continue
        left = min(left, child.left_edge.i)
        right = max(right, child.right_edge.i)
    return left, right + 1


def find_mentions(doc, gazetteer: Gazetteer) -> tuple[list[Mention], list[Mention]]:
    """(names, frames) found in ``doc``; names do not overlap one another."""
    candidates: list[Mention] = []
    entries = gazetteer.entries

    exact, folded = _matchers(gazetteer, doc.vocab)
    for matcher in (exact, folded):
        for match_id, start, end in matcher(doc):
            if hyphen_joined(doc, start):
                continue  # "Vasquez-Hill": the end of a longer word, not the paper The Hill
            entry = entries[int(doc.vocab.strings[match_id])]
            candidates.append(Mention(start, end, doc[start:end].text, entry.type,
                                      "gazetteer", canonical=entry.name))

    story_state = _story_state(doc)
    _state_chambers(doc, candidates, story_state)
    datelines = list(_dateline_spans(doc))
    places = {doc[start:place_end].text.lower() for start, place_end, _ in datelines}  # "são paulo"
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS and not _acting_facility(ent):
            continue
        pieces = _split_possessive(doc, ent.start, ent.end)
        for number, (start, end) in enumerate(pieces):
            start, end = _clean_span(doc, start, end)
            paren = next((j for j in range(start + 1, end) if doc[j].text == "("), None)
            if paren is not None:  # "the Office of the ... Commissioner (OAIC": NER ran into the acronym
                start, end = _clean_span(doc, start, paren)
            described = next((j for j in range(end - 2, start - 1, -1) if doc[j].lower_ in DESCRIBED_NAME_NOUNS), None)
            if described is not None and all(t.pos_ == "PROPN" for t in doc[described + 1:end]):
                start = described + 1  # "the Virginia company Argus Biometrics": the name after its description
            if end - start > 1 and _year(doc[start]) and doc[end - 1].text in LAW_TAILS:
                start += 1  # "Indonesia's 2022 Personal Data Protection Law": the law, not its year
            if doc[end - 1].text == "Act":
                end = _with_year(doc, end)
            if end - start > 1 and doc[end - 1].lower_ in ("million", "billion", "trillion"):
                end -= 1  # "fined Acme 1.2 million euros": the amount is no part of the name
                while end > start + 1 and (doc[end - 1].like_num or doc[end - 1].is_currency):
                    end -= 1
            if end <= start:
                continue
            if end < len(doc) and (doc[end].lower_ in ("sen.", "rep.", "senator", "representative")
                                   and doc[start:end].text == "State"
                                   or doc[end].text in ("Democrat", "Republican") and start > 0
                                   and doc[start - 1].lower_ in ("a", "an")):
                continue  # "State Sen. Jane Doe", "a Las Cruces Democrat": a title, a place
            label = "ORG" if ent.label_ == "FAC" else ent.label_  # a facility that acts: its operator
            role = None
            if label == "ORG" and (doc[start:end].text.lower() in places or any(
                    f"{doc[start:end].text} {body}" in doc.text for body in ("City Council", "County Board"))):
                label = "GPE"  # "Marlow's officers" in a story filed from Marlow
            if label == "PERSON" and (doc[start:end].text.lower() in places or start >= 2
                                      and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS):
                label = "GPE"  # "BUENOS AIRES —" ... "a Buenos Aires judge": a place the model took for a person
            if label in ("ORG", "PERSON", "GPE", "NORP") and end - start > 1 and (
                    doc[start].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps",
                                                      "senator", "judge")
                    or doc[start].lower_ in PERSON_TITLES and 2 <= end - start - 1 <= 3
                    and all(t.pos_ == "PROPN" and t.is_title for t in doc[start + 1:end])
                    and guess_type(doc[start + 1:end].text, "ORG") == "Company"):
                label = "PERSON"  # "Councilmember Jane Doe", read as an organisation
            if label == "ORG" and start > 0 and doc[start - 1].lower_ in PERSON_TITLES | {"chief", "detective"} \
                    and 2 <= end - start <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in doc[start:end]) \
                    and guess_type(doc[start:end].text, "ORG") == "Company":
                label = "PERSON"  # "Police Chief Marcus Hale", the title left outside the model's name
            if label in ("ORG", "PERSON") and end - start >= 3:
                cut = _title_inside(doc, start, end)
                if cut is not None:  # "Privacy Commissioner Carly Kind", "Attorney General Jane Doe"
                    label, role, start = "PERSON", doc[start:cut].text, cut
            if label == "PERSON":
                start, title_role = _title_prefix(doc, start, end)
                role = role or title_role
                if end - start == 1 and start > 0 and _first_name_before(doc, start):
                    start -= 1  # "Carme Artigas" tagged from the surname only
                tail = doc[end - 1].lower_
                if tail in NOT_PERSON_TAILS or any(tail in keys for _, keys in ORG_KEYWORDS) \
                        or end - start >= 2 and doc[start].lower_ in FOREIGN_ORG_HEADS:
                    label = "ORG"
                elif end - start >= 2 and doc[end - 1].text in PRODUCT_TAILS:
                    label = "PRODUCT"  # "Spectra Search", "Halyard Match"
                if end + 1 < len(doc) and doc[end].lower_ in PERSON_TITLES and doc[end + 1].pos_ == "PROPN":
                    continue  # "Jefferson Parish Sheriff Joseph Lopinto": a place before a title
            if doc[end - 1].lower_ in ("of", "for", "and") and end < len(doc) and doc[end].ent_iob_ == "B":
                end = doc[end].ent.end if hasattr(doc[end], "ent") else end
                end = _entity_end(doc, end)
            span = doc[start:end]
            if not _looks_like_name(span) or span[-1].lower_ in VENUE_TAILS or any(
                    t.lower_ in ("detention", "jail", "prison", "correctional") for t in span):
                continue
            if label == "ORG" and len(span.text) <= 2 and gazetteer.lookup(span.text) is None:
                continue
            if number == 1:
                # the part after "X’s": a person ("Acme Research’s John Roe") or nothing
                unit = span[0].lower_ in ("bureau", "office", "division", "directorate", "department")
                if unit and label == "ORG":
                    pass  # "the FTC’s Bureau of Consumer Protection": a unit of the body
                elif not (2 <= end - start <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in span)):
                    continue
                else:
                    label = "PERSON"
                if span.root.head.i >= end and span.root.head.pos_ == "NOUN":
                    continue  # "the ACLU’s Free Expression ... program": part of a name
            if label == "ORG" and end - start == 1 and span[0].is_sent_start and span[0].pos_ != "PROPN":
                continue  # "Hardware needs regulation": a capitalised common noun
            if end - start == 1 and end < len(doc) and start > 0 \
                    and doc[start - 1].lower_ in ("the", "a", "an", "'s", "’s") \
                    and doc[end].lower_ in DESCRIBED_NAME_NOUNS | PLACE_OF_BUSINESS:
                continue  # "the Monterrey company Vigía Digital", "the chain's Woodbridge store": a place
            if label == "ORG" and start >= 2 and doc[start - 1].tag_ == "POS" \
                    and doc[start - 2].ent_type_ == "GPE" and all(t.lower_ in GENERIC_BODY_WORDS for t in span) \
                    and any(t.lower_ in ("council", "department", "board", "commission", "office") for t in span):
                place = next((e for e in doc.ents if e.start <= start - 2 < e.end), None)
                if place is not None and place.text.lower() not in COUNTRIES:
                    candidates.append(Mention(place.start, end, doc[place.start:end].text, "GovernmentBody",
                                              "gazetteer", canonical=f"{place.text} {span.text}"))
                    continue
            if end - start >= 3 and doc[start + 1].text in ("’s", "'s") and doc[start].pos_ == "PROPN" \
                    and all(t.lower_ in GENERIC_BODY_WORDS for t in doc[start + 2:end]):
                candidates.append(Mention(start, end, span.text, "GovernmentBody", "gazetteer",
                                          canonical=f"{doc[start].text} {doc[start + 2:end].text}"))
                continue
            entry = gazetteer.lookup(span.text)
            if entry is not None:
                candidates.append(Mention(start, end, span.text, entry.type, "gazetteer",
                                          canonical=entry.name))
                continue
            if label == "NORP":
                continue
            if label == "GPE":
                if not _acts_as_government(span):
                    continue
            root = span.root
            if label in ("ORG", "PRODUCT", "PERSON") and root.dep_ == "compound" and root.head.i == end \
                    and root.head.lower_ in ("app", "platform") and span[0].pos_ == "PROPN":
                candidates.append(Mention(start, end + 1, doc[start:end + 1].text, "Product", "ner",
                                          meta={"label": "PRODUCT"}))
                continue  # "the Streetwise app": a named product
            if label == "ORG" and root.dep_ in ("compound", "amod") and root.head.i >= end \
                    and root.head.pos_ == "NOUN" and root.head.lower_ not in TITLES \
                    and root.head.lemma_.lower() not in TITLES:
                continue  # "the Uyghur Muslim minority community": a modifier, not an actor
            kind = guess_type(span.text, label)
            candidates.append(Mention(start, end, span.text, kind, "ner", role=role,
                                      meta={"label": label}))

    candidates.extend(_city_police(doc))
    candidates.extend(_place_governments(doc))
    candidates.extend(_shaped_orgs(doc, candidates))
    candidates.extend(_examples_and_appositives(doc, gazetteer))
    candidates.extend(_acronym_names(doc, gazetteer))
    candidates.extend(_descriptive(doc))
    candidates.extend(_named_software(doc, candidates))
    candidates.extend(_unlabelled_people(doc, gazetteer, candidates))

    # wire datelines ("LONDON —") are where a story was filed from, not actors
    not_names = {i for start, _, dash in datelines for i in range(start, dash)} | _unit_names(doc) \
        | _numbered_bill_tokens(doc)
    if not_names:
        candidates = [m for m in candidates if not any(i in not_names for i in range(m.start, m.end))]
    _prefer_institutions(candidates)
    act_spans = list(_act_names(doc))
    for start, end in act_spans:
        for m in candidates:  # "the Digital Personal Data Protection Act": not the gazetteer's shorter Act
            if m.source == "gazetteer" and m.type == "Bill" and start <= m.start and m.end <= end \
                    and m.end >= end - 2 and (m.start, m.end) != (start, end):
                m.source = "contained"
    _widen_typed_examples(candidates)
    names = _non_overlapping(candidates)
    for m in names:
        if m.source == "shape":
            m.source = "ner"  # from here on a name like any the model found
        _widen_name(doc, m)
    _state_bodies(doc, names, story_state)
    _retype_from_context(doc, names)
    _retype_false_people(doc, names)
    _retype_product_names(doc, names)
    names = _people_by_surname(doc, names)
    names = _repeated_names(doc, names)
    frames = _policies(doc) + _clause_policies(doc) + _bills(doc, act_spans) + _incidents(doc, names) \
        + _lawsuits(doc)
    return names, frames


# Titles that only ever stand before a person's name ("Councilmember Jane Doe"); all in TITLES,
# so they are also stripped from the name.
PERSON_TITLES = {"councilmember", "councilman", "councilwoman", "councillor", "councilor", "alderman",
                 "alderwoman", "mayor", "governor", "gov.", "assemblyman", "assemblywoman",
                 "assemblymember", "congressman", "congresswoman", "supervisor", "commissioner",
                 "superintendent", "sheriff", "detective", "officer", "spokeswoman", "spokesman",
                 "spokesperson", "president", "professor", "prof.", "councilors", "councillors",
                 "councilmembers", "senators", "supervisors", "commissioners"}

# Words of a person's role ("Jane Doe, the group's senior attorney", "Acme researcher Jane Doe").
ROLE_WORDS = {"president", "ceo", "chief", "director", "founder", "co-founder", "head",
              "boss", "chairman", "executive", "researcher", "analyst", "spokesperson",
              "spokesman", "spokeswoman", "officer", "professor", "scientist", "engineer",
              "counsel", "attorney", "manager", "vice", "leader", "member", "senator",
              "secretary", "fellow", "editor", "reporter", "staffer", "official",
              "commissioner", "chair", "partner", "lawyer", "general", "governor", "mayor", "assistant",
              "deputy", "detective", "sheriff", "judge", "superintendent", "inspector", "adviser", "advisor",
              "coordinator", "administrator", "campaigner", "organizer", "organiser", "strategist",
              "lobbyist", "economist", "technologist", "sergeant", "lieutenant", "captain",
              "advocate", "cfo", "cto", "chairwoman", "councilmember"}

# Role nouns that make an appositive's name a person ("the group's senior attorney, Jane
# Doe"): all but those an organisation can be too ("Acme, a partner of the city").
PERSON_ROLE_NOUNS = ROLE_WORDS - {"partner", "member"}
# Nouns that describe only people ("Jane Doe, a Harford County man,").
PERSON_NOUNS = PERSON_ROLE_NOUNS | {
    "man", "woman", "resident", "father", "mother", "grandfather", "grandmother", "son", "daughter",
    "teenager", "student", "driver", "worker", "plaintiff", "citizen", "native", "veteran", "nurse",
    "retiree", "activist", "victim", "widow", "husband", "wife", "grandson", "granddaughter", "shopper",
    "commuter", "passenger", "customer", "employee", "courier", "contractor", "pastor", "teacher"}

INSTITUTION_TAILS = {"police", "department", "court", "office", "university", "institute",
                     "lab", "laboratory", "center", "centre", "commission", "council",
                     "board", "agency", "service", "committee", "union", "foundation", "association",
                     "guild", "federation", "league", "coalition", "caucus"}
NOT_PERSON_TAILS = INSTITUTION_TAILS | {"hospital", "jail", "prison", "church", "school"}
VENUE_TAILS = {"arena", "stadium", "hall", "park", "street", "airport", "square", "avenue",
               "road", "boulevard", "plaza", "mall", "bridge", "river", "island", "beach", "hill"}


# words an acronym skips ("Commission nationale de l'informatique et des libertés (CNIL)")
ACRONYM_SKIPS = {"de", "du", "des", "la", "le", "les", "l'", "d'", "et", "of", "the", "and", "for", "on", "in",
                 "del", "di", "della", "für", "und", "van", "voor", "en", "y", "à", "&"}


def _acronym_names(doc, gazetteer) -> list[Mention]:
    """A name whose acronym follows it in parentheses, read back from the acronym's letters,
    which NER often cuts short on foreign names ("the Commission nationale de l'informatique
    et des libertés (CNIL)")."""
    found = []
    for token in doc[1:-1]:
        short = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
        if token.text != "(" or not (short.isalpha() and short.isupper() and 2 <= len(short) <= 8) \
                or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        letters = list(short)
        i = token.i - 1
        while i >= 0 and letters:
            word = doc[i].text
            bare = word.split("'")[-1] if "'" in word[:-1] else word
            if not bare or not bare[0].isalpha():
                break
            if bare[0].upper() == letters[-1] and (doc[i].is_title or doc[i].is_upper or bare[0].isupper()
                                                   or word.lower() not in ACRONYM_SKIPS):
                letters.pop()
            elif word.lower() not in ACRONYM_SKIPS:
                break
            i -= 1
        start = i + 1
        if letters or not doc[start].is_title or token.i - start < 2:
            continue
        span = doc[start:token.i]
        entry = gazetteer.lookup(span.text)
        kind = entry.type if entry is not None else guess_type(span.text, "ORG")
        found.append(Mention(start, token.i, span.text, kind, "appos"))
    return found


UNIT_WORDS = {"project", "program", "programme", "initiative"}


def _unit_names(doc) -> set[int]:
    """Tokens of the named units inside an organisation ("the ACLU's Speech, Privacy, and
    Technology Project", "the Technology and Liberty Project at the ACLU of Washington"):
    part of their organisation, not actors of their own. A unit with no organisation named
    beside it may be an organisation itself ("the Surveillance Technology Oversight Project")."""
    inside = set()
    for token in doc:
        if token.lower_ not in UNIT_WORDS or not token.is_title or token.is_sent_start:
            continue
        # the parse of such names is unreliable, so the span is read from the surface:
        # capitalised words, commas and "and"/"for"/"of" back to the possessive or "the"
        start = token.i
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in (",", "and", "for", "of", "&")):
            start -= 1
        while start < token.i and not doc[start].is_title:
            start += 1
        before = doc[start - 1] if start > 0 else None
        after = doc[token.i + 1:token.i + 3]
        owned = before is not None and before.tag_ == "POS" or len(after) == 2 and after[0].lower_ in ("at", "of") \
            and (after[1].is_title or after[1].lower_ == "the")
        if owned and start < token.i:
            inside.update(range(start, token.i + 1))
    return inside


def _dateline_spans(doc):
    """(start, end of the place's capitals, index of the dash) of each wire dateline
    ("LONDON —", "PORTLAND, Ore. —", "PARIS (Reuters) -")."""
    for token in doc:
        if not (token.i == 0 or "\n" in doc[token.i - 1].text_with_ws):
            continue
        if not (token.is_alpha and token.is_upper and len(token) >= 3):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i < 3 and doc[end].is_upper and doc[end].is_alpha:
            end += 1  # "SAN FRANCISCO"
        j = end
        while j < len(doc) and j - end <= 5 and doc[j].text not in ("—", "–", "-", "--"):
            if "\n" in doc[j].text_with_ws:
                break
            j += 1
        if j < len(doc) and doc[j].text in ("—", "–", "-", "--"):
            yield token.i, end, j


def _widen_name(doc, m: Mention) -> None:
    """Words of a name the model or the gazetteer leave out: "St. Louis County ...", "the
    Fraternal Order of Police Lodge 44" (a lodge is its own actor), "SEIU Local 1199"."""
    if m.type not in ("GovernmentBody", "NGO", "Company"):
        return
    widened = False
    if m.start > 0 and doc[m.start - 1].text in ("St.", "Ste.", "Mt.") and doc[m.start].is_title:
        m.start -= 1
        widened = True
    if m.start > 0 and doc[m.start - 1].text in ("U.S.", "US") and m.type == "GovernmentBody" \
            and m.source != "gazetteer" and doc[m.start].lower_ not in ("the",):
        m.start -= 1  # "the U.S. District Court for the District of South Carolina"
        widened = True
    if m.end + 1 < len(doc) and doc[m.end].text in ("Lodge", "Local") and doc[m.end + 1].like_num:
        m.end += 2
        widened = True
    if widened:
        m.text = doc[m.start:m.end].text
        if m.source == "gazetteer":
            m.source, m.canonical = "ner", None


def _prefer_institutions(candidates: list[Mention]) -> None:
    """"Northshire Police" (NER) over the generic "Police" (gazetteer) inside it."""
    ner = [m for m in candidates if m.source == "ner" and m.meta.get("label") in ("ORG", "FAC", "GPE")
           and m.text.split()[-1].lower() in INSTITUTION_TAILS or m.source == "shape"]
    for m in ner:
        for other in candidates:
            # "the Senate" (gazetteer) inside "the Senate Finance Committee", whose "the" NER's span lost
            start = other.start + 1 if other.text.lower().startswith("the ") else other.start
            if other.source == "gazetteer" and m.start <= start and other.end <= m.end \
                    and (other.end - start) < (m.end - m.start):
                other.source = "contained"


POLICE_TITLES = {"chief", "commissioner", "superintendent", "captain", "sgt.", "sergeant", "lieutenant",
                 "spokesman", "spokeswoman", "spokesperson", "officer", "detective", "director"}
COUNTRIES = {"u.s.", "us", "united states", "america", "uk", "u.k.", "britain", "england",
             "china", "india", "france", "germany", "canada", "australia", "russia", "the u.s."}


POLICE_LEVELS = {"City", "Metropolitan", "State", "Regional", "County", "Municipal"}


def _police_name(doc, place: str) -> str:
    """The force's name as the story gives it in full ("Kaohsiung City Police Department",
    "Pennsylvania State Police", "Red River Regional Police Service"), else "<place> Police
    Department"."""
    pattern = re.escape(place) + r"(?P<level> (?:" + "|".join(POLICE_LEVELS) + "))?" \
        r" Police(?P<tail> (?:Department|Service|Force|Command|Bureau))?\b"
    found = [m for m in re.finditer(pattern, doc.text) if m.group("level") or m.group("tail")]
    if found:
        return max((m.group(0) for m in found), key=len)
    if place.split()[-1] in POLICE_LEVELS and f"{place} Police" in doc.text:
        return f"{place} Police"  # "Pennsylvania State Police"
    return f"{place} Police Department"


def _place_governments(doc) -> list[Mention]:
    """"the Maharashtra government", "the state government of Querétaro", "the Irish
    government": the government of a place, an actor of its own."""
    found = []
    for token in doc:
        if token.lower_ != "government" or token.pos_ != "NOUN":
            continue
        lefts = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
        named = [c for c in lefts if c.ent_type_ in ("GPE", "NORP") and c.pos_ in ("PROPN", "ADJ")
                 or c.pos_ == "PROPN" and c.is_title and c.ent_type_ in ("", "ORG") and c.i == token.i - 1]
        if named:
            place = doc[named[0].left_edge.i:named[0].i + 1]
            start = place.start
            end = token.i + 1
        else:
            of = [g for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "GPE"]
            if not of:
                continue
            place = doc[of[0].left_edge.i:of[0].i + 1]
            start = min([c.i for c in lefts] + [token.i])
            end = place.end
        if place.text.lower() in COUNTRIES | {"american", "federal"}:
            continue  # the U.S. government and the like are in the gazetteer, or too general
        if named and named[0].ent_type_ == "NORP":
            canonical = f"{place.text} Government"  # "the Irish government"
        elif doc.text.count(place.text) > 1:
            canonical = place.text  # "Santa Ines would comply": the place acting is its government
        else:
            canonical = f"Government of {place.text}"
        found.append(Mention(start, end, doc[start:end].text, "GovernmentBody", "gazetteer", canonical=canonical))
    if not found:
        found = _dateline_country_government(doc)
    return found


def _dateline_country_government(doc) -> list[Mention]:
    """"MUSCAT, Oman — ... called on the government to submit a draft law": in a story filed
    from abroad that names no government of its own, "the government" is the country's."""
    dateline = next(_dateline_spans(doc), None)  # the story's own, the first
    if dateline is None or dateline[1] >= dateline[2] or doc[dateline[1]].text != ",":
        return []
    place = doc[dateline[1] + 1:dateline[2]]
    if not len(place) or not all(t.ent_type_ == "GPE" and t.is_title and t.is_alpha for t in place) \
            or place.text.lower() in COUNTRIES or place.text in US_STATES:
        return []
    country = place.text
    return [Mention(token.i - 1, token.i + 1, doc[token.i - 1:token.i + 1].text, "GovernmentBody", "gazetteer",
                    canonical=f"Government of {country}")
            for token in doc if token.lower_ == "government" and token.pos_ == "NOUN" and token.i > 0
            and doc[token.i - 1].lower_ == "the" and not any(c.dep_ in ("compound", "amod", "nmod", "poss")
                                                               for c in token.lefts)]


def _city_police(doc) -> list[Mention]:
    """"Minneapolis police" -> Minneapolis Police Department, or the Queensland Police Service
    when the story names it so (a country's police stays generic)."""
    found = []
    for token in doc:
        titled = token.i + 1 < len(doc) and doc[token.i + 1].lower_ in POLICE_TITLES
        if token.lower_ != "police" or token.text == "Police" and not titled and not token.is_sent_start:
            continue
        places = [c for c in token.children if c.dep_ in ("compound", "nmod") and (
            c.ent_type_ == "GPE" or c.pos_ == "PROPN" and c.is_title
            and (c.ent_type_ in ("", "ORG") and c.i == token.i - 1  # "the Pune police": a city the model missed
                 or f"{c.text} Police Department" in doc.text))]  # NER took "Woodbridge" for a person
        before = doc[token.i - 1] if token.i > 0 else None
        if not places and (titled or token.dep_ == "compound") and before is not None and (
                before.ent_type_ == "GPE" and before.head.i == token.head.i
                or before.is_title and f"{before.text} Police Department" in doc.text):
            # "Springfield Police Chief Jane Doe", "in Springfield police custody"; the parser
            # may take the place's word for anything when the story names its department
            places = [before]
        if not places:
            # "police in Springfield, Ohio" -> Springfield Police Department
            located = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "in"
                       for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "GPE"]
            if located:
                place = next((e for e in doc.ents if e.start <= located[0].i < e.end), None)
                if place is not None and place.text.lower() not in COUNTRIES:
                    found.append(Mention(token.i, place.end, doc[token.i:place.end].text, "GovernmentBody",
                                         "gazetteer", canonical=_police_name(doc, place.text)))
            continue
        place = doc[places[0].left_edge.i:places[0].i + 1]
        if place.text.lower() in COUNTRIES:
            continue
        end = token.i + 1
        if end < len(doc) and doc[end].lower_ in ("department", "force"):
            end += 1
        found.append(Mention(place.start, end, doc[place.start:end].text, "GovernmentBody", "gazetteer",
                             canonical=_police_name(doc, place.text)))
    return found


# organisation names by shape: "Calder County Sheriff's Office", "Nordic People's Party",
# "Office of Equity and Civic Life" (head word -> the type its name gives)
SHAPE_HEADS = {
    "office": "GovernmentBody", "bureau": "GovernmentBody", "department": "GovernmentBody",
    "police": "GovernmentBody", "council": "GovernmentBody", "commission": "GovernmentBody",
    "committee": "GovernmentBody", "board": "GovernmentBody", "party": "GovernmentBody",
    "authority": "GovernmentBody", "agency": "GovernmentBody", "court": "GovernmentBody",
    "ministry": "GovernmentBody", "parliament": "GovernmentBody", "assembly": "GovernmentBody",
    "association": "NGO", "union": "NGO", "foundation": "NGO", "institute": "NGO", "center": "NGO",
    "centre": "NGO", "coalition": "NGO", "network": "NGO", "project": "NGO", "lab": "NGO",
    "alliance": "NGO", "federation": "NGO", "society": "NGO", "league": "NGO", "forum": "NGO",
    "caucus": "GovernmentBody", "inc.": "Company", "corp.": "Company", "ltd.": "Company", "llc": "Company",
    "inc": "Company", "corp": "Company", "ltd": "Company", "group": "Company",
    "guild": "NGO", "conference": "NGO",
}
# common nouns that may own a name's word through "'s" ("Sheriff's Office", "People's Party")
NAME_POSSESSORS = {"people", "sheriff", "sheriffs", "women", "children", "men", "workers", "veterans",
                   "attorney", "mayor", "governor", "citizens", "consumers", "parents", "nurses",
                   "teachers", "officers", "employees", "members", "farmers", "prosecutor",
                   "defender", "defenders", "general", "commissioner", "comptroller", "controller",
                   "auditor", "coroner", "treasurer", "solicitor", "prosecutors"}
NAME_JOINERS = {"of", "for", "and", "&"}


# Verbs of speech (kg.extract.statements attributes quotes by them; a name the model missed is a
# person's when it is their subject and the text uses the surname again).
SPEECH_VERBS = {
    "say", "tell", "add", "write", "note", "explain", "state", "continue", "emphasize",
    "emphasise", "elaborate", "insist", "argue", "claim", "warn", "declare", "announce",
    "respond", "reply", "ask", "urge", "call", "comment", "acknowledge", "admit", "tweet",
    "conclude", "react", "remark", "stress", "point", "suggest", "observe", "complain",
    "recall", "predict", "testify", "allege", "report", "caution", "contend", "maintain",
    "assert", "describe", "put", "read", "wonder", "joke", "plead", "demand",
    "accuse", "rule",
}
# Titles of elected members that stand before a name ("MPP Priya Deshmukh", "MP Ong Jia Hui").
MEMBER_TITLES = {"mp", "mpp", "mep", "mk", "deputy", "lawmaker", "legislator"}


def hyphen_joined(doc, i) -> bool:
    """Whether token ``i`` ends a hyphenated word begun before it ("Hill" of "Vasquez-Hill",
    "op" of "Co-op")."""
    return 2 <= i < len(doc) and doc[i - 1].text == "-" and not doc[i - 2].whitespace_


def _named_again(doc, surname: str, start: int, end: int) -> bool:
    """Whether the text calls someone by ``surname`` alone outside tokens start..end (a
    hyphenated surname spans three tokens), not as part of a longer capitalised name."""
    size = len(surname.split("-")) * 2 - 1
    for token in doc:
        i = token.i
        if start <= i < end or doc[i:i + size].text != surname or hyphen_joined(doc, i):
            continue
        if not (i > 0 and doc[i - 1].is_title) and not (i + size < len(doc) and doc[i + size].is_title):
            return True
    return False


def _name_run(doc, start):
    """End of the run of capitalised proper-noun words from ``start`` (a hyphen joins two:
    "Vasquez-Hill"), or ``start`` when there is none."""
    end = start
    while end < len(doc):
        token = doc[end]
        if token.text == "-" and end > start and not doc[end - 1].whitespace_ and end + 1 < len(doc) \
                and doc[end + 1].is_title:
            end += 1
            continue
        if token.pos_ != "PROPN" or not token.is_title or not token.text.replace("-", "").isalpha():
            break
        end += 1
    return end


def _unlabelled_people(doc, gazetteer, known: list[Mention]) -> list[Mention]:
    """People the model missed or took for a place or a work ("Dirk Hoekstra", "Ondřej
    Kalina", "Darnell Okafor"): two to four capitalised proper nouns outside every name found,
    none of them a word of an organisation or a title, that a person's context marks: a title
    just before ("Chief Renata Vasquez-Hill", "MPP Priya Deshmukh"), a person's role in
    apposition ("Sandra Obi, chair of ...", "its chief executive, Héctor Villarreal") or a
    speech verb whose subject the name is ("said Corinne Park", "Karim Haddad ... said")."""
    covered = {i for m in known for i in range(m.start, m.end)}
    known_texts = {m.text for m in known}
    found = []
    i = 0
    while i < len(doc):
        end = _name_run(doc, i)
        if end == i:
            i += 1
            continue
        start, i = i, end
        titles = [j for j in range(start, end) if doc[j].lower_ in TITLES or doc[j].lower_ in MEMBER_TITLES]
        if titles:  # "Police Chief Renata Vasquez-Hill": the name after its title
            start = titles[-1] + 1
        words = [t for t in doc[start:end] if t.text != "-"]
        if hyphen_joined(doc, end + 1):
            continue  # "Southern Co-op": part of a longer word
        if not 2 <= len(words) <= 4 or any(j in covered for j in range(start, end)) \
                or not titles and start > 0 and doc[start - 1].pos_ == "PROPN":
            continue
        if any(t.lower_ in INSTITUTION_TAILS or t.lower_ in ACRONYM_SKIPS for t in words) \
                or guess_type(doc[start:end].text, "") != "Company" or gazetteer.lookup(doc[start:end].text) \
                or doc[start:end].text in known_texts:
            continue  # ("Orbis Vision said" where the model named Orbis Vision before)
        root = doc[start:end].root
        before = doc[start - 1].lower_ if start > 0 else ""
        titled = before in TITLES or before in MEMBER_TITLES
        described = any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in root.children) \
            or root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_ROLE_NOUNS
        # a company speaks too ("Sentinel Grid said"); a person is later called by the surname
        speaking = root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS \
            and _named_again(doc, doc[start:end].text.split()[-1], start, end)
        if titled or described or speaking:
            found.append(Mention(start, end, doc[start:end].text, "Person", "shape", meta={"label": "PERSON"}))
    return found


def _capital_word(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and token.lower_ not in ("the", "a", "an") \
        and not (token.is_sent_start and token.pos_ != "PROPN")


def _joins_the_tail(doc, at, head) -> bool:
    """"Office of Equity and Civic Life": the capitalised run from ``at`` is a conjunct of a word
    of the name's tail (not of its head word, as "Department of Justice and Microsoft")."""
    end = at
    while end + 1 < len(doc) and _capital_word(doc[end + 1]):
        end += 1
    root = doc[end]
    return root.dep_ == "conj" and head < root.head.i < at and SHAPE_HEADS.get(root.lower_) is None


PORTFOLIO_HEADS = {"committee", "subcommittee", "ministry", "department", "commission"}
CHAMBER_WORDS = {"senate", "house", "assembly"}


def _listed_start(doc, start, head):
    """Where a body named by a list of portfolios begins ("the Senate Health, Education, Labor
    and Pensions Committee", "the House Energy and Commerce Committee"), or None: the list is
    of single capitalised words after "the", none a name of its own (an acronym, a place, a
    person), so "the ACLU and Justice Department" stays two actors."""
    if head.lower_ not in PORTFOLIO_HEADS or start < 3 or doc[start - 1].lower_ not in ("and", ","):
        return None
    i = start - 1
    while i >= 2 and doc[i].lower_ in ("and", ",") and _capital_word(doc[i - 1]):
        word = doc[i - 1]
        if word.is_upper or word.ent_type_ in ("PERSON", "GPE", "NORP"):
            return None
        i -= 2
        if doc[i].lower_ in ("and", ","):
            continue
        if doc[i].lower_ in CHAMBER_WORDS and i >= 1 and doc[i - 1].lower_ == "the":
            return i
        if doc[i].lower_ == "the":
            return i + 1
        return None
    return None


def _shaped_orgs(doc, known: list[Mention]) -> list[Mention]:
    """Capitalised names ending in an organisation's head word ("Northvale Police Bureau",
    "Calder County Sheriff's Office") or headed by one with an "of" tail ("Office of Equity
    and Human Rights"): one actor even where the model splits or misses the name."""
    found = []
    n = len(doc)
    for head in doc:
        kind = SHAPE_HEADS.get(head.lower_)
        if kind is None or not head.text[:1].isupper() or head.is_sent_start and head.pos_ != "PROPN":
            continue
        if found and found[-1].start <= head.i < found[-1].end:
            continue
        if head.text.endswith(".") and head.i + 1 < len(doc) and doc[head.i + 1].is_title:
            continue  # "... fined Facewise Inc. Pieter Jansen said": maybe a sentence's end
        start = head.i
        while start > 0:
            prev = doc[start - 1]
            if _capital_word(prev) and not (prev.ent_type_ == "PERSON" and prev.ent_iob_ == "I"
                                           and start - 1 > 0 and doc[start - 2].ent_type_ == "PERSON"):
                start -= 1
            elif prev.text in ("'s", "’s") and start >= 2 and doc[start - 2].lower_ in NAME_POSSESSORS \
                    and doc[start - 2].text[:1].isupper():
                start -= 2
            elif prev.text in ("'", "’") and start >= 2 and doc[start - 2].lower_.endswith("s") \
                    and _capital_word(doc[start - 2]) and prev.whitespace_:
                start -= 2  # "the Springfield Police Officers' Association"
            elif prev.lower_ in ("of", "for", "and", ",") and prev.ent_iob_ == "I" and start >= 2 \
                    and _capital_word(doc[start - 2]) and doc[start - 2].ent_iob_ in ("B", "I") \
                    and not (prev.lower_ in ("and", ",") and doc[start - 2].is_upper):
                start -= 2  # "the Southeast Asia Freedom of Expression Network": a joiner inside the model's name
            else:
                break
        listed = _listed_start(doc, start, head)
        if listed is not None:
            start = listed  # "the Senate Health, Education, Labor and Pensions Committee"
        if start >= 3 and doc[start - 1].lower_ == "and" and _capital_word(doc[start - 2]) \
                and doc[start - 3].lower_ == "the" and not doc[start - 2].is_upper \
                and doc[start - 2].ent_type_ not in ("ORG", "GPE", "PERSON"):
            start -= 2  # "the Black and Latino Legislative Caucus"
        if start > 0 and not doc[start - 1].whitespace_ and not doc[start - 1].is_alpha:
            continue  # "Acme-IT Inc.": the tail of a longer word
        end = head.i + 1
        if head.lower_ == "police" and end < n and doc[end].text in ("Service", "Force", "Division"):
            end += 1  # "the Red River Regional Police Service", "Kenya's National Police Service"
        branch = any(m.source == "gazetteer" and (m.start, m.end) == (start, end) for m in known)
        if not branch and end + 1 < n and doc[end].lower_ in ("of", "for") and head.lower_ not in ("inc.", "corp.", "ltd.", "llc"):
            j = end + 1
            if doc[j].lower_ == "the" and j + 1 < n:
                j += 1
            last = None
            while j < n:
                if _capital_word(doc[j]) or doc[j].is_alpha and doc[j].text[:1].isupper() and last is not None:
                    last = j
                    j += 1
                elif last is not None and doc[j].lower_ in NAME_JOINERS and j + 1 < n \
                        and _capital_word(doc[j + 1]) and (doc[j + 1].ent_iob_ != "B"
                                                           or doc[j + 1].ent_type_ == "NORP"
                                                           or _joins_the_tail(doc, j + 1, head.i)) or \
                        last is not None and doc[j].lower_ in ("and", "&", ",") and j + 1 < n \
                        and _capital_word(doc[j + 1]) and doc[j + 1].ent_iob_ == "I":
                    j += 1
                elif last is not None and doc[j].lower_ == "of" and j + 2 < n and doc[j + 1].lower_ == "the" \
                        and _capital_word(doc[j + 2]) and (doc[j + 2].ent_type_ == "GPE" or doc[j + 2].ent_iob_ == "I"):
                    j += 2  # "League of Cities of the Philippines"
                else:
                    break
            if last is not None:
                end = last + 1
        if end - start < 2 or all(t.lower_ in SHAPE_HEADS or t.lower_ in NAME_JOINERS for t in doc[start:end]):
            continue
        if doc[start].lower_ in TITLES and doc[start].ent_type_ != "ORG":
            continue  # "Commissioner ..." starts a person's title, not a name
        span = doc[start:end]
        if any(t.lower_ in ("detention", "jail", "prison", "correctional") for t in span):
            continue
        if head.lower_ in ("council", "group", "center", "centre"):
            kind = guess_type(doc[start:head.i + 1].text, "ORG")  # a trade council, a company group
        elif head.lower_ == "police" and any(SHAPE_HEADS.get(t.lower_) == "NGO" for t in doc[start:head.i]):
            kind = "NGO"  # "the Oregon Association Chiefs of Police": chiefs' association, not a force
        found.append(Mention(start, end, span.text, kind, "shape", meta={"label": "ORG"}))
    return found


GENERIC_TECH_WORDS = {"face", "facial", "recognition", "biometric", "biometrics", "ai", "video", "surveillance",
                      "camera", "search", "identity", "identification", "matching", "artificial", "intelligence"}
SOFTWARE_HEADS = {"software", "system", "tool", "platform", "algorithm", "database", "program", "programme"}


def _named_software(doc, known: list[Mention]) -> list[Mention]:
    """"whose IdentiScan software", "the FaceTrace search system": capitalised words just before
    a software noun name a product, where nothing else has named them."""
    taken = {i for m in known if m.source != "descriptive" for i in range(m.start, m.end)}
    # "the Clearpath system" beside Clearpath Analytics: the company's system, named already
    org_words = {m.text.split()[0] for m in known if m.type in NAMED_ORG_TYPES and m.source != "descriptive"}
    found = []
    for head in doc:
        if head.lemma_.lower() not in SOFTWARE_HEADS or head.pos_ != "NOUN":
            continue
        end = head.i
        while end > 0 and doc[end - 1].pos_ == "NOUN" and doc[end - 1].is_lower and doc[end - 1].head.i == head.i:
            end -= 1  # "FaceTrace search system"
        start = end
        while start > 0 and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN") and not doc[start - 1].is_sent_start \
                and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
            start -= 1
        if start == end or any(i in taken for i in range(start, end)) or end - start > 3:
            continue
        if start > 0 and doc[start - 1].lower_ not in ("whose", "its", "their", "the", "a", "'s", "’s", "of", "by",
                                                       "with", "through", "using"):
            continue
        text = doc[start:end].text
        if doc[start].text in org_words or all(t.lower_ in GENERIC_TECH_WORDS for t in doc[start:end]):
            continue  # "the Face Recognition system": no name
        if text.lower() in COUNTRIES or any(t.ent_type_ in ("GPE", "NORP", "PERSON", "DATE") and t.ent_type_ != ""
                                           and not _product_shaped(t.text) for t in doc[start:end]):
            continue
        found.append(Mention(start, end, text, "Product", "ner", forms=(doc[start:head.i + 1].text,),
                             meta={"label": "PRODUCT"}))
    return found


def _widen_typed_examples(candidates: list[Mention]) -> None:
    """"critics like Safe Streets Now": the example takes the NER span's extent, keeping its type."""
    ner = [m for m in candidates if m.source == "ner"]
    for m in candidates:
        if m.source != "appos":
            continue
        for other in ner:
            if other.start <= m.start and m.end <= other.end and (other.start, other.end) != (m.start, m.end):
                m.start, m.end, m.text = other.start, other.end, other.text


GOVERNING_VERBS = {"pass", "ban", "approve", "adopt", "enact", "vote", "prohibit", "outlaw", "bar", "restrict",
                   "sue", "fine", "order", "impose"}


def _acts_as_government(span) -> bool:
    """A city, state or country counts as an actor when it is the subject of a verb
    (other than "be"/"have"): "San Francisco banned ..."."""
    root = span.root
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].ent_type_ == "GPE":
        return False  # the state of "Somerville, Massachusetts"
    for head in (root, root.head if root.dep_ == "conj" else None):
        if head is not None and any(c.dep_ == "relcl" and c.lemma_.lower() in GOVERNING_VERBS and any(
                g.dep_ == "nsubj" and g.lower_ in ("which", "that") for g in c.children) for c in head.children):
            return True  # "San Francisco and Somerville, which passed similar bans"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in (
            "city", "town", "county", "village", "borough", "township") and root.head.head.i < root.i:
        return True  # "sued the city of Springfield"
    while root.dep_ == "conj":
        root = root.head  # "San Francisco and Oakland banned ..."
    if root.dep_ == "pobj" and root.head.lower_ in ("including", "like") and root.head.head.lemma_.lower() in (
            "city", "state", "country", "community", "municipality", "town", "county"):
        root = root.head.head  # "Other cities, including San Francisco and Boston, have banned ..."
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ == "VERB" \
        and root.head.lemma_ not in ("be", "have")


def hung_on_name(verb) -> bool:
    """Whether the parser hung a sentence's main verb on its subject: "Jeff Brandes, a
    Republican, called on X" (called: acl of Brandes), "The organisation called on X"."""
    if verb.dep_ != "acl" or verb.tag_ != "VBD":
        return False
    head = verb.head
    # "The organisation called on X" (no main verb), "The ACLU of Kentucky, which ..., called on X"
    return head.dep_ == "ROOT" and head.pos_ in ("PROPN", "NOUN") \
        or head.dep_ == "nsubj" and head.pos_ == "PROPN" and verb.doc[verb.i - 1].text == "," \
        and not any(t.ent_type_ == "PERSON" for t in verb.doc[head.i:verb.i])  # "X, whose chief, Y, said"


def subject_of(verb):
    """The subject of a verb: its nsubj nearest before it ("Update: ... Microsoft Corp.
    announced" -> Corp.), else the nearest name in apposition or subject position before
    it in the sentence ("Sundar Pichai, the boss of Google, had explained")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    if hung_on_name(verb):
        return verb.head
    for token in reversed(verb.doc[verb.sent.start:verb.i]):
        if token.pos_ == "PROPN" and token.dep_ in ("appos", "nsubj") and token.ent_type_ in ("PERSON", "ORG"):
            return token
        if token.pos_ == "VERB":
            break
    return None


def verb_named_subject(verb, acts):
    """An actor whose name the parser read as the sentence's main verb ("Fight for the
    Future urged ...", "Stand Up for Privacy said ..."): the subject of ``verb``."""
    candidates = [verb.head] if verb.dep_ in ("conj", "advcl") and verb.head.i < verb.i else []
    candidates += [c for c in verb.children if c.dep_ in ("advcl", "csubj") and c.i < verb.i]
    for token in candidates:
        if token.pos_ == "VERB" and acts.at(token.i) is not None and token.i <= token.sent.start + 1:
            return acts.at(token.i)
    return None


def _non_overlapping(candidates: list[Mention]) -> list[Mention]:
    order = sorted(candidates, key=lambda m: (PRIORITY.get(m.source, 4), -(m.end - m.start), m.start))
    taken: set[int] = set()
    kept = []
    for mention in order:
        span = range(mention.start, mention.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        kept.append(mention)
    kept.sort(key=lambda m: m.start)
    return kept


def _repeated_names(doc, names: list[Mention]) -> list[Mention]:
    """A name NER found once is the same actor where it recurs unlabelled ("Facewise Inc.
    scraped photos. ... Facewise should never have ..."), also without its Inc./Corp."""
    covered = {i for m in names for i in range(m.start, m.end)}
    forms: dict[tuple[str, ...], Mention] = {}
    for m in names:
        if m.source not in ("ner", "appos", "example") or m.type in ("Policy", "Bill", "Incident"):
            continue
        words = tuple(t.text for t in doc[m.start:m.end])
        if not words or not words[0][:1].isupper():
            continue
        forms.setdefault(words, m)
        if len(words) >= 2 and words[-1].lower().rstrip(".") in ("inc", "corp", "ltd", "llc", "co", "plc"):
            forms.setdefault(words[:-1], m)
        if m.type == "Person" and len(words) >= 4 and words[-2] == "-":
            forms.setdefault(words[-3:], m)  # "Vasquez-Hill said" after "Renata Vasquez-Hill"
        elif m.type == "Person" and len(words) >= 2 and words[-1].isalpha() and words[-1].istitle() \
                and len(words[-1]) > 2:
            forms.setdefault(words[-1:], m)  # "Aird said" after "Lashrecse Aird"
    if not forms:
        return names
    longest = max(len(w) for w in forms)
    extra = []
    i = 0
    while i < len(doc):
        if i in covered or not doc[i].text[:1].isupper() or i > 0 and doc[i - 1].pos_ == "PROPN" \
                and doc[i - 1].i not in covered or hyphen_joined(doc, i):
            i += 1
            continue
        for size in range(min(longest, len(doc) - i), 0, -1):
            words = tuple(t.text for t in doc[i:i + size])
            m = forms.get(words)
            if m is None or any(j in covered for j in range(i, i + size)):
                continue
            after = doc[i + size] if i + size < len(doc) else None
            if after is not None and after.lower_.rstrip(".") in ("inc", "corp", "ltd", "llc", "plc") \
                    and i + size not in covered:
                size += 1
            elif after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() \
                    and after.lower_ not in TITLES:
                continue  # "Facewise Labs" is another name (but "Vermont Attorney General X" is Vermont's)
            kind = "Company" if doc[i + size - 1].lower_.rstrip(".") in ("inc", "corp", "ltd", "llc", "plc") \
                else m.type
            extra.append(Mention(i, i + size, doc[i:i + size].text, kind, m.source,
                                 canonical=m.canonical, meta=dict(m.meta)))
            covered.update(range(i, i + size))
            i += size - 1
            break
        i += 1
    return sorted(names + extra, key=lambda m: m.start) if extra else names


def _proper_span(token):
    """The run of proper-noun tokens ending at ``token`` (compound PROPNs included)."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "flat", "nmod") and child.pos_ == "PROPN":
            start = min(start, child.left_edge.i)
    return start, token.i + 1


def _examples_and_appositives(doc, gazetteer) -> list[Mention]:
    """Names typed by their context: "organizations like Acme Aid", "Acme Aid, a nonprofit",
    "a company called Clearview AI"."""
    found = []
    for token in doc:
        proper = token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.is_title and not token.is_sent_start
        if not proper or token.dep_ in ("compound", "flat"):
            continue
        kind = None
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in ("like", "as", "including") and head.head is not None:
            noun = head.head
            if head.lower_ == "as" and noun.lower_ == "such":
                noun = noun.head
            kind = _group_type(noun)
        elif token.dep_ == "conj":
            # the later items of "like Acme Aid, Beta Fund and Gamma Labs"
            first = token
            while first.dep_ == "conj":
                first = first.head
            if first.dep_ == "pobj" and first.head.lower_ in ("like", "as", "including"):
                noun = first.head.head
                if first.head.lower_ == "as" and noun.lower_ == "such":
                    noun = noun.head
                kind = _group_type(noun)
        elif token.dep_ == "appos" and head.pos_ == "NOUN" and head.i < token.i \
                and head.lemma_.lower() not in AMBIGUOUS_HEADS:
            kind = APPOSITIVE_TYPES.get(head.lemma_.lower())  # "its police product, Lookwise Pro,"
        elif token.dep_ in ("oprd", "xcomp", "attr") and head.lemma_ in ("call", "name"):
            noun = head.head if head.dep_ == "acl" else None
            kind = APPOSITIVE_TYPES.get(noun.lemma_.lower()) if noun is not None else None
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                if any(n.lemma_.lower() in PERSON_ROLE_NOUNS for n in (child, *child.conjuncts)):
                    kind = None  # "X, campaigns and managing director at ...": a person's role
                    break
                described = _described_by_later_name(token, child)
                if described is not None:
                    # "Lucia Benavides of Casa Esperanza, a Cape Harlow group,": the group is the
                    # name just before the comma, not the person the parser hung it on
                    kind = None
                    later = APPOSITIVE_TYPES.get(child.lemma_.lower())
                    start, end = _proper_span(described)
                    if later is not None and _looks_like_name(doc[start:end]) \
                            and gazetteer.lookup(doc[start:end].text) is None:
                        found.append(Mention(start, end, doc[start:end].text, later, "appos"))
                    break
                kind = _system_owner_type(child) or APPOSITIVE_TYPES.get(child.lemma_.lower(), kind)
        start, end = _proper_span(token)
        if kind is None:
            kind, start = _typing_noun(token)
        if kind is None or kind == "Product" and token.dep_ == "pobj":
            continue
        span = doc[start:end]
        if not _looks_like_name(span):
            continue
        entry = gazetteer.lookup(span.text)
        if entry is not None:
            continue
        found.append(Mention(start, end, span.text, kind, "appos"))
    return found


def _described_by_later_name(token, appositive):
    """The name an appositive describes when the parser hung it on an earlier name with an "of"
    phrase between ("Detective Paul Brandt of the Redfield Police Department and Northgate
    Biometrics, the Kansas City company"): the proper noun just before its comma, else None."""
    doc = token.doc
    if not any(c.dep_ == "prep" and c.lower_ == "of" and token.i < c.i < appositive.i for c in token.children):
        return None
    comma = appositive.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    before = doc[comma - 1]
    return before if before.pos_ == "PROPN" and before.i > token.i else None


# "the largest hospital system in the state": an organisation, not a product
SYSTEM_OWNERS = {"hospital": "Company", "health": "Company", "healthcare": "Company", "school": "GovernmentBody"}


def _system_owner_type(noun):
    if noun.lemma_.lower() != "system":
        return None
    return next((SYSTEM_OWNERS[c.lower_] for c in noun.children
                 if c.dep_ in ("compound", "amod") and c.lower_ in SYSTEM_OWNERS), None)


# organisations a typing noun or a company word may name (kg.extract.resolve.ORG_TYPES adds outlets)
NAMED_ORG_TYPES = ("Company", "NGO", "GovernmentBody")
# the small model's lemmatizer gets a few verbs of the beat wrong ("fined" -> "fin")
LEMMA_FIXES = {"fined": "fine", "fines": "fine", "fining": "fine", "slammed": "slam", "blasted": "blast",
               "sued": "sue", "suing": "sue", "banned": "ban", "barred": "bar", "backed": "back",
               "trialled": "trial", "trialed": "trial", "trialling": "trial", "trialing": "trial"}


def _typing_noun(token) -> tuple[str | None, int]:
    """"the retailer Quellmart", "the grocery chain Tallow", "Startup Fenwix ...": the type a
    lower-case noun just before a name gives it (organisations only), and where the name starts."""
    doc = token.doc
    start, _ = _proper_span(token)
    first = doc[start]
    if first.is_sent_start and token.i > start and APPOSITIVE_TYPES.get(first.lower_) in NAMED_ORG_TYPES:
        return APPOSITIVE_TYPES[first.lower_], start + 1
    if start == 0:
        return None, start
    noun = doc[start - 1]
    if noun.pos_ != "NOUN" or noun.text != noun.lower_:
        return None, start
    if not (noun.head.i == token.i or token.dep_ == "appos" and token.head.i == noun.i):
        return None, start
    kind = APPOSITIVE_TYPES.get(noun.lemma_.lower())
    return (kind if kind in NAMED_ORG_TYPES else None), start


def _group_type(noun):
    """The type of the examples of a group noun: "organizations (that ...) such as X";
    when "such as" hangs on a noun inside the group's relative clause, climb to it."""
    for _ in range(5):
        kind = APPOSITIVE_TYPES.get(noun.lemma_.lower())
        if kind is not None and noun.tag_ in ("NNS", "NNPS"):
            return kind
        if noun.head.i == noun.i:
            return None
        noun = noun.head
    return None


def _descriptive(doc) -> list[Mention]:
    """"the company", "the Seattle group", "Jeff Bezos’ group", "this company"."""
    found = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or lemma not in DESCRIPTIVE_HEADS or token.tag_ in ("NNS", "NNPS"):
            continue
        dets = [c for c in token.lefts if c.dep_ in ("det", "poss") or possessive_name(c)]
        if not dets:
            continue
        det = dets[0]
        poss = det.dep_ == "poss" or possessive_name(det)
        if det.dep_ == "det" and det.lower_ not in ("the", "this", "that"):
            continue
        if poss and det.pos_ == "PRON":
            continue  # "its platform" is handled by the product/owner rules
        start = min(c.left_edge.i for c in token.lefts) if list(token.lefts) else token.i
        forms = []
        if poss and det.pos_ == "NOUN" and det.lemma_.lower() not in DESCRIPTIVE_HEADS:
            pass  # "the sheriff's office": the whole phrase refers ("the company's" refers itself)
        elif poss:
            # "Jeff Bezos’ group": the name stays the person's; the phrase is an alias
            forms.append(doc[start:token.i + 1].text)
            start = det.i + 1
            while start < token.i and (doc[start].dep_ == "case" or doc[start].text in ("’", "'")):
                start += 1
        end = token.i + 1
        for child in token.rights:
            if child.dep_ in ("acl",) and child.lemma_ in ("found", "base", "headquarter"):
                forms.append(doc[start:child.right_edge.i + 1].text)
        text = doc[start:end].text
        candidates = DESCRIPTIVE_HEADS[lemma]
        owner_type = _system_owner_type(token)
        if owner_type is not None:
            candidates = (owner_type,)  # "the hospital system": the hospitals' company
        modifiers = {c.lemma_.lower() for c in token.lefts} | {c.lemma_.lower() for c in token.subtree if c.i < token.i}
        if modifiers & NGO_HINTS and "NGO" in candidates:
            candidates = ("NGO",)  # "the civil liberties group"
        elif modifiers & COMPANY_HINTS and "Company" in candidates:
            candidates = ("Company",)  # "the online commerce giant"
        if poss and det.pos_ == "PROPN" and "Company" in candidates:
            candidates = ("Company",)  # "Jeff Bezos’ group": the person's company
        found.append(Mention(start, end, text, candidates[0], "descriptive",
                             candidates=candidates, forms=tuple(forms),
                             meta={"possessor": det.i if poss else None, "head": lemma,
                                   # "the sheriff's office": a body whose name holds "sheriff"
                                   "qualifier": det.lower_ if poss and det.pos_ == "NOUN"
                                   and (det.lemma_.lower() not in DESCRIPTIVE_HEADS
                                        or candidates == ("GovernmentBody",)) else None}))
    return found


def possessive_name(token) -> bool:
    """True for a name the parser hung as a modifier though an apostrophe makes it a
    possessor: "Jeff Bezos’ group" (Bezos: nmod, ’: punct)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.dep_ == "nmod" and token.pos_ == "PROPN" and following is not None \
        and following.text in ("’", "'", "’s", "'s") and token.i < token.head.i


def acts_free(token, names: list[Mention]) -> bool:
    """True when no name (other than a descriptive reference) covers ``token``."""
    return not any(m.start <= token.i < m.end and m.source != "descriptive" for m in names)


def _retype_from_context(doc, names: list[Mention]) -> None:
    """Appositives override NER guesses: "Acme Aid, a nonprofit", "Ring, its subsidiary"."""
    people = {i for m in names if m.type == "Person" for i in range(m.start, m.end)}
    body_words = {doc[m.start].lower_ for m in names if m.type == "GovernmentBody" and m.end - m.start > 1}
    for mention in names:
        if mention.source == "ner" and mention.type == "Person":
            root = doc[mention.start:mention.end].root
            described = [root.head] if root.dep_ == "appos" else []
            described += [c for c in root.children if c.dep_ == "appos" and _described_by_later_name(root, c) is None]
            if any(n.lemma_.lower() in PERSON_ROLE_NOUNS for d in described for n in (d, *d.conjuncts)):
                continue  # "X, campaigns and managing director at ...": a person's role
            kinds = {APPOSITIVE_TYPES.get(d.lemma_.lower()) for d in described if d.pos_ == "NOUN"} & {
                "GovernmentBody", "NGO", "Company", "MediaOutlet"}
            if len(kinds) == 1:
                mention.type = kinds.pop()  # "the data protection authority, the Vigilo,"
            elif mention.end - mention.start == 1 and doc[mention.start].lower_ in body_words \
                    and not any(c.dep_ == "compound" for c in root.children):
                mention.type = "GovernmentBody"  # "Dayton joins ..." beside "Dayton Police Department"
            continue
        if mention.source != "ner" or mention.type == "Person":
            continue
        root = doc[mention.start:mention.end].root
        span = doc[mention.start:mention.end]
        if root.dep_ == "conj" and root.head.i in people and 2 <= len(span) <= 3 and _guessed_company(doc, mention):
            mention.type = "Person"  # "Councilors Jane Doe and John Roe"
            continue
        described = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and acts_free(root.head, names):
            described.append(root.head)  # "the data protection authority, the Vigilo,"
        if 2 <= len(span) <= 3 and _guessed_company(doc, mention) \
                and any(d.lemma_.lower() in PERSON_NOUNS for d in described):
            mention.type = "Person"  # "the group's senior attorney, Jane Doe,", "Jane Doe, a Maryland man,"
            continue
        if not described and mention.type == "Company" and not any(w.lower_ in COMPANY_WORDS for w in span):
            described = _comma_description(doc, mention.end)
        for child in described:
            kind = APPOSITIVE_TYPES.get(child.lemma_.lower())
            if kind:
                mention.type = kind


def _comma_description(doc, end: int) -> list:
    """The head noun of ", a program made by ..." or ", software sold to ..." right after a
    name, when the parser did not make it an appositive."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return []
    i = end + 1
    if doc[i].lower_ in ("a", "an"):
        i += 1
    while i < len(doc) and i < end + 7 and (doc[i].pos_ in ("ADJ", "PROPN", "PUNCT") and doc[i].text != ","
                                            or doc[i].dep_ in ("compound", "amod")):
        i += 1
    if i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].tag_ == "NN" and (
            i + 1 == len(doc) or doc[i + 1].tag_ == "VBN" or doc[i + 1].text == ","):
        return [doc[i]]
    return []


US_STATES = {
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
    "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming"}
NATIONAL_CHAMBERS = {"U.S. Senate": "Senate", "U.S. House of Representatives": "House of Representatives"}


NATIONAL_MARKS = {"u.s.", "us", "united", "federal", "congress", "american"}


def _story_state(doc) -> tuple[str | None, bool]:
    """The U.S. state a story names most ("Delaware" alone or in a body's name, not in
    "Virginia-based"), and whether the story is about that state's lawmaking alone: named
    twice, with no word of Congress (so its "Senate" is the state's)."""
    counts: dict[str, int] = {}
    for token in doc:
        if token.text in US_STATES and not (token.i + 1 < len(doc) and doc[token.i + 1].text == "-"):
            counts[token.text] = counts.get(token.text, 0) + 1
    for ent in doc.ents:  # "New Mexico", "North Carolina"
        if ent.label_ == "GPE" and ent.text in US_STATES and " " in ent.text:
            counts[ent.text] = counts.get(ent.text, 0) + 1
    if not counts:
        return None, False
    state = max(counts, key=counts.get)
    national = any(t.lower_ in ("congress", "congressional") for t in doc) \
        or "U.S. Senate" in doc.text or "U.S. House" in doc.text
    return state, counts[state] >= 2 and not national


# a state's bodies that stories name without the state ("the General Assembly")
STATE_BODY_NAMES = {"General Assembly", "Legislature", "State Legislature"}


def _state_bodies(doc, names: list[Mention], story_state: tuple[str | None, bool]) -> None:
    """"the General Assembly", "the Senate Judiciary Committee" in a story about one state's
    lawmaking: that state's ("Delaware General Assembly"). ``story_state``: ``_story_state(doc)``."""
    state, state_story = story_state
    if not state_story:
        return
    for m in names:
        text = m.text[4:] if m.text.startswith("the ") or m.text.startswith("The ") else m.text
        committee = text.split()[0] in ("Senate", "House") and text.split()[-1] == "Committee"
        if m.type != "GovernmentBody" or not (text in STATE_BODY_NAMES or committee) \
                or (m.canonical or "").startswith("U.S.") and not committee:
            continue
        if m.start > 0 and (doc[m.start - 1].text in US_STATES or doc[m.start - 1].lower_ in ("u.s.", "federal")):
            continue
        m.canonical, m.source = f"{state} {text}", "gazetteer"


def _state_chambers(doc, candidates: list[Mention], story: tuple[str | None, bool]) -> None:
    """"the Maine Senate", "the state Senate": a state's chamber, not the U.S. one the
    gazetteer's "Senate" stands for. "state Senate" takes the state the story names most."""
    story_state, state_story = story  # _story_state(doc)
    named: dict[str, str] = {}  # chamber -> the state chamber the story named
    for m in sorted(candidates, key=lambda m: m.start):
        chamber = NATIONAL_CHAMBERS.get(m.canonical or "")
        if m.source != "gazetteer" or chamber is None:
            continue
        first = m.start + 1 if doc[m.start].lower_ == "the" else m.start
        start = next((j for j in range(max(0, first - 2), first) if doc[j:first].text in US_STATES), None)
        if start is not None:
            state = doc[start:first].text
        elif first > 0 and doc[first - 1].lower_ == "state" and story_state:
            start, state = first - 1, story_state  # "the state Senate": the story state's Senate
        else:
            local = not NATIONAL_MARKS & {t.lower_ for t in doc[max(0, m.start - 2):m.end]}
            if chamber in named and local:
                m.canonical = named[chamber]  # "the Senate vote" after "the New Mexico Senate"
            elif state_story and local:
                m.canonical = f"{story_state} {chamber}"  # "Ruiz urged the Senate" in a Delaware story
                named.setdefault(chamber, m.canonical)
            continue
        m.start, m.text, m.canonical = start, doc[start:m.end].text, f"{state} {chamber}"
        named.setdefault(chamber, m.canonical)


PLACE_OF_BUSINESS = {"store", "branch", "plant", "warehouse", "factory", "office", "location", "outlet", "hotel"}
DESCRIBED_NAME_NOUNS = {"company", "firm", "startup", "start-up", "maker", "vendor", "developer", "contractor",
                        "supplier", "retailer", "chain"}
PLACE_NOUNS = {"city", "town", "province", "state", "region", "municipality", "village", "county"}
FACILITY_OWNER_NOUNS = {"concessionaire", "operator", "company", "firm", "owner", "chain", "retailer"}


# what only an organisation has: "Stratacore's customers", "Acme's software"
ORG_POSSESSIONS = {"customer", "client", "software", "product", "system", "platform", "technology",
                   "employee", "staff", "shareholder", "investor", "headquarters", "website", "executive",
                   "engineer", "store", "device", "app", "contract", "subsidiary", "spokesman", "spokeswoman",
                   "spokesperson", "ceo", "founder", "lawyer", "algorithm", "camera", "tool", "service"}
# "a client of Stratacore", "made by Stratacore"
ORG_OF_NOUNS = {"client", "customer", "vendor", "subsidiary", "supplier", "maker", "unit", "division"}
ORG_BY_VERBS = {"make", "develop", "build", "sell", "supply", "license", "market", "manufacture", "create",
                "own", "operate", "design"}


def _retype_false_people(doc, names: list[Mention]) -> None:
    """Names NER took for people that the story shows are not:
    - a single word that no person of the story has for a name, used as only an organisation
      is ("Stratacore's customers", "a client of Stratacore", "made by Stratacore"): a company;
    - a name whose first word is a company's of the story ("Corvid Sentinel" beside "Corvid
      Vision"), or that names a product ("the feature, called Sentinel Live"): a product."""
    typed_otherwise = {m.text for m in names if m.source != "ner" and m.type != "Person"}  # "its product, Lookwise Pro"
    people_words = {w.lower() for m in names if m.type == "Person" and m.end - m.start > 1
                    and m.text not in typed_otherwise for w in m.text.split()}
    company_heads = {m.text.split()[0] for m in names if m.type == "Company" and m.end - m.start > 1}
    called = set()  # "the feature, called Sentinel Live,"
    for m in names:
        root = doc[m.start:m.end].root
        if m.source == "ner" and root.dep_ == "oprd" and root.head.lemma_.lower() in ("call", "name", "dub") \
                and APPOSITIVE_TYPES.get(root.head.head.lemma_.lower()) == "Product":
            called.add(m.text)
    single = {m.text for m in names if m.source == "ner" and m.type == "Person" and " " not in m.text
              and m.text.lower() not in people_words}
    # every use of the word counts, named by the model there or not
    acting = {token.text for token in doc if token.text in single and _org_cue(token)}
    for m in names:
        if m.text in acting:
            m.type = "Company"
    # "Optiveil, a Denver-based maker of ...": what an appositive made of one mention holds for all
    described = {}
    for m in names:
        if m.end - m.start == 1 and m.type in NAMED_ORG_TYPES and m.text in single and (
                m.source == "appos" or m.source == "ner" and any(c.dep_ == "appos" for c in doc[m.start].children)):
            described.setdefault(m.text, m.type)
    for m in names:
        if m.source == "ner" and m.type == "Person" and m.text in described:
            m.type = described[m.text]
    companies = {m.text for m in names if m.type == "Company" and m.end - m.start == 1}
    for mention in names:
        words = mention.text.split()
        if mention.source != "ner" or mention.type != "Person":
            continue
        # "Lookwise Pro" beside the company Lookwise
        if mention.text in called or len(words) == 2 and (words[0] in company_heads or words[0] in companies) \
                and words[0].lower() not in people_words and mention.text not in typed_otherwise:
            for m in names:
                if m.text == mention.text and m.source == "ner":
                    m.type = "Product"


# the word parts of one-word product names ("FaceLedger", "NetraScan", "GuardEye")
PRODUCT_MORPHEMES = ("face", "scan", "match", "guard", "eye", "id", "lens", "sight", "trace", "gate", "find",
                     "check", "watch", "sentry", "key", "pass", "gaze", "blick", "alert", "clock", "entry",
                     "verify", "grid", "track")
# what a company does and a product does not ("NorthLens said", "NorthLens sells")
AGENT_VERBS = {"say", "tell", "announce", "deny", "argue", "add", "insist", "sell", "supply", "provide", "develop",
               "make", "build", "sue", "file", "agree", "decline", "respond", "disclose", "acknowledge",
               "confirm", "dispute", "license", "market", "offer", "pay", "settle", "hire", "employ", "contract"}


def _retype_product_names(doc, names: list[Mention]) -> None:
    """A one-word name of joined capitalised parts, one of them a product's ("FaceLedger",
    "KaoGuard"), that the model guessed a company or a person, is a product unless the story
    shows it act as a company does ("FaceLedger said", "FaceLedger's customers")."""
    typed_otherwise = {m.text for m in names if m.source != "ner"}
    guessed = {m.text for m in names if m.source == "ner" and m.type in ("Company", "Person")
               and m.end - m.start == 1 and m.text not in typed_otherwise and _product_shaped(m.text)}
    if not guessed:
        return
    acting = {t.text for t in doc if t.text in guessed and (
        _org_cue(t) or t.dep_ == "nsubj" and t.head.lemma_.lower() in AGENT_VERBS
        or t.dep_ == "appos" and APPOSITIVE_TYPES.get(t.head.lemma_.lower()) in NAMED_ORG_TYPES)}
    for m in names:
        if m.text in guessed and m.text not in acting and m.source == "ner":
            m.type = "Product"


def _product_shaped(word: str) -> bool:
    parts = re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])", word)
    return len(parts) >= 2 and "".join(parts) == word and any(p.lower() in PRODUCT_MORPHEMES for p in parts)


def _org_cue(token) -> bool:
    """Whether ``token`` (a one-word name) is used as only an organisation is."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and nxt.tag_ == "POS" and nxt.head.i == token.i:
        owned = token.head
        if owned.lemma_.lower() in ORG_POSSESSIONS:
            return True
    if token.dep_ == "pobj":
        prep, governor = token.head, token.head.head
        if prep.lower_ == "of" and governor.lemma_.lower() in ORG_OF_NOUNS:
            return True
        if prep.lower_ == "by" and governor.lemma_.lower() in ORG_BY_VERBS:
            return True
    if token.i > 0 and doc[token.i - 1].lower_ in DESCRIBED_NAME_NOUNS:
        return True  # "the Valencia startup Biomira"
    # "Lookwise, which is based in ...": people are "who"
    return any(c.dep_ == "relcl" and any(w.dep_ in ("nsubj", "nsubjpass") and w.lower_ == "which" for w in c.children)
               for c in token.children)


def _acting_facility(ent) -> bool:
    """A facility NER names that acts as a company: "ViaQuatro, the private concessionaire
    that runs the subway", "ViaQuatro said in a statement"."""
    if ent.label_ != "FAC":
        return False
    root = ent.root
    if any(c.dep_ == "appos" and c.lemma_.lower() in FACILITY_OWNER_NOUNS for c in root.children):
        return True
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in ("say", "announce", "deny", "argue", "insist")


def _guessed_company(doc, mention: Mention) -> bool:
    """True for a name that is a company only because NER said ORG and no word says otherwise."""
    span = doc[mention.start:mention.end]
    return mention.source == "ner" and mention.type == "Company" \
        and all(t.pos_ == "PROPN" and t.is_title for t in span) \
        and guess_type(span.text, "") == "Company" and not any(w.lower_ in COMPANY_WORDS for w in span)


def _people_by_surname(doc, names: list[Mention]) -> list[Mention]:
    """People NER took for organisations, recognised by their surname. A full name read as an
    ORG ("Alonzo Sawyer") is a person when the text later calls a person by its last word
    ("Sawyer said"). A one-word ORG ("Caspar said") is the surname of a person whose full
    name the model missed, when the text introduces it as a first name before the same word
    ("Johannes Caspar, who heads the office"); the full name becomes a mention of its own."""
    for m in names:
        root = doc[m.start:m.end].root
        if 2 <= m.end - m.start <= 3 and _guessed_company(doc, m) and any(
                c.dep_ == "relcl" and any(w.lower_ in ("who", "whom") for w in c.children) for c in root.children):
            m.type = "Person"  # "the case of Guillermo Ibarrola, who was held for six days"
    org_first_words = {doc[m.start].text: m.type for m in names if m.end - m.start >= 2 and m.type in NAMED_ORG_TYPES
                       and doc[m.end - 1].lower_ in COMPANY_WORDS}
    for m in names:
        if m.source == "ner" and m.type == "Person" and m.end - m.start == 1 and doc[m.start].text in org_first_words:
            m.type = org_first_words[doc[m.start].text]  # "Bunnings" beside "Bunnings Group Limited"
    surnames = {doc[m.start].text for m in names if m.type == "Person" and m.end - m.start == 1}
    surnames |= {doc[m.end - 1].text for m in names if m.type == "Person" and m.end - m.start >= 2}
    for m in names:
        if 2 <= m.end - m.start <= 3 and doc[m.end - 1].text in surnames and _guessed_company(doc, m):
            m.type = "Person"
    covered = {i for m in names for i in range(m.start, m.end)}
    single = {}
    for m in names:
        if m.end - m.start == 1 and _guessed_company(doc, m):
            single.setdefault(doc[m.start].text, []).append(m)
    added = []
    for word, mentions in single.items():
        free = covered - {m.start for m in mentions}
        first = next((t for t in doc if t.text == word and t.i > 0 and t.i not in free
                      and _first_name_before(doc, t.i)), None)
        if first is None or first.i > mentions[0].start or first.i - 1 in covered:
            continue
        for m in mentions:
            m.type = "Person"
        names = [m for m in names if m.start != first.i]
        added.append(Mention(first.i - 1, first.i + 1, doc[first.i - 1:first.i + 1].text, "Person", "ner",
                             meta={"label": "PERSON"}))
    return sorted(names + added, key=lambda m: m.start) if added else names


def _np_forms(doc, head, with_right=True):
    """Surface forms of the noun phrase headed by ``head``: full, without the determiner,
    and without right-hand modifiers."""
    left = head.i
    for child in head.lefts:
        left = min(left, child.left_edge.i)
    right = head.i + 1
    if with_right:
        for child in head.rights:
            if child.dep_ in ("prep",) and child.lower_ in ("on", "of", "in", "over", "against", "from", "by"):
                right = max(right, child.right_edge.i + 1)
    while right > head.i + 1 and doc[right - 1].is_punct:
        right -= 1
    forms = [doc[left:right].text, doc[left:head.i + 1].text]
    det_end = left
    while det_end < head.i and (doc[det_end].dep_ in ("det", "poss", "case") or doc[det_end].is_punct):
        det_end += 1
    forms += [doc[det_end:right].text, doc[det_end:head.i + 1].text]
    seen, out = set(), []
    for form in forms:
        if form and form not in seen:
            seen.add(form)
            out.append(form)
    return left, right, out


OWNER_VERBS = {"announce", "implement", "place", "impose", "extend", "decide", "enact", "adopt",
               "introduce", "propose", "approve", "pass", "issue", "put", "keep", "maintain",
               "declare", "apply", "institute", "unveil", "launch", "continue", "have", "make",
               "order", "vote", "sign", "reiterate", "confirm", "say", "tell", "ban", "prohibit",
               "begin", "start", "run", "conduct", "expand", "shelve"}


# what is said of a measure no one has made yet: "pushed for a ban", "opposed any ban"
WANTING_WORDS = {"call", "push", "need", "urge", "demand", "seek", "want", "press", "campaign",
                 "advocate", "support", "favor", "favour", "back", "lobby"}
WISHING_WORDS = WANTING_WORDS | {"oppose", "fight"}


def wished_for(noun, words=WISHING_WORDS) -> bool:
    """True if ``noun`` (a measure) is what a word of wishing or opposing (``words``) governs:
    "pushed for a ban", "the need for a ban", "opposed any federal ban"."""
    if noun.dep_ == "pobj":
        head = noun.head.head
    elif noun.dep_ == "dobj" and noun.head.lemma_.lower() != "call":
        head = noun.head  # "called the suspension an overreaction" names it; "call for" wishes it
    else:
        return False
    return head.lemma_.lower() in words


def _owner_token(head):
    """Who makes a policy: the possessor, else the subject of the governing verbs when
    they make or announce it ("Amazon announced a moratorium"; not "critics opposed a ban")."""
    for child in head.children:
        if child.dep_ == "poss":
            return child.i
    if head.head.pos_ in ("VERB", "AUX") and head.dep_ in ("dobj", "nsubjpass") \
            and head.head.lemma_.lower() not in OWNER_VERBS:
        return None
    if head.dep_ == "pobj" and head.head.lower_ in ("against", "over", "about", "despite", "with", "to"):
        return None  # "lobbied against the ban": the lobbyist does not own it
    if head.dep_ == "pobj" and wished_for(head):
        return None  # "the group pushed for a ban": one it wants, no one's yet
    verb = head
    for _ in range(6):
        if verb.dep_ in ("ROOT",) and verb.pos_ not in ("VERB", "AUX"):
            break
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                if subjects[0].dep_ == "nsubjpass":
                    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
                    if agents:
                        return agents[0].i
                    return None
                return subjects[0].i
        if verb.dep_ == "ROOT":
            stranded = stranded_subject(verb)
            return stranded.i if stranded is not None else None
    return None


def stranded_subject(verb):
    """The subject of a subjectless main verb that the parser hung on an earlier noun as
    one more conjunct: "at the onset of protests over racism and police brutality,
    Microsoft, Amazon and IBM joined forces" (IBM, whose conjuncts are the others)."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or verb.i == 0 or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ == "PROPN" and before.dep_ == "conj" and before.head.i < before.i and before.ent_type_ == "ORG":
        return before
    return None


POLICY_REFS = {"decision", "move", "pledge", "commitment", "order", "fine", "penalty"}  # only refer to a known policy

# What a court, a regulator or a government decides: a Policy of whoever issued it. An order
# or a notice only with a word that makes it one ("a cease-and-desist order", "an enforcement
# notice"), not "in order to".
DECISION_HEADS = {"ruling", "judgment", "judgement", "determination", "injunction", "settlement", "verdict"}
ORDER_HEADS = {"order", "notice"}
ORDER_WORDS = {"executive", "court", "desist", "enforcement", "compliance", "interim", "preliminary",
               "restraining", "administrative", "emergency", "consent", "protective", "temporary", "stop"}


def _is_decision(token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or token.dep_ == "compound" or lemma not in DECISION_HEADS | ORDER_HEADS:
        return False
    if token.tag_ != "NN":
        return False  # "the court's rulings", "consent notices": decisions in general
    lefts = [t for c in token.lefts for t in c.subtree]
    if lemma in ORDER_HEADS:
        words = {t.lower_ for t in lefts} & ORDER_WORDS
        if words == {"court"} and not any(c.dep_ == "poss" or c.lower_ in ("the", "this") for c in token.lefts):
            return False  # "without a court order": any order
        return bool(words)
    # "the ruling", "a 2-1 judgment", "the court's determination"; not "human judgment"
    return any(c.dep_ in ("det", "poss") or c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts)


ISSUING_VERBS = {"issue", "hand", "deliver", "reach", "approve", "sign", "announce", "publish", "impose",
                 "grant", "enter", "agree", "order", "make", "release", "serve", "finalize", "finalise"}


def _decision_owner(token) -> int | None:
    """Who issued a decision: "the court's ruling", "the Fuyang ruling", "a ruling by X",
    "X issued an order", "the settlement was approved by X"."""
    for child in token.children:
        if child.dep_ == "poss" or child.dep_ == "compound" and child.pos_ == "PROPN" \
                and child.ent_type_ in ("ORG", "GPE"):
            return child.i
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for g in child.children:
                if g.dep_ == "pobj":
                    return g.i
    verb = token.head
    if verb.pos_ == "VERB" and verb.lemma_.lower() in ISSUING_VERBS and token.dep_ in ("dobj", "nsubjpass"):
        if token.dep_ == "nsubjpass":
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
            return agents[0].i if agents else None
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return subjects[0].i if subjects else None
    return None


def _commits_to_stop(token) -> bool:
    """"a pledge not to sell X to police", "its commitment to ending ...": a policy itself."""
    if token.lemma_.lower() not in ("pledge", "commitment", "promise", "vow", "decision"):
        return False
    if not any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in token.children):
        return False  # "their commitment": whose is for the resolver, as a reference
    for child in token.children:
        if child.dep_ in ("acl", "xcomp") and child.pos_ == "VERB":
            if child.lemma_.lower() in STOP_VERBS or child.lemma_.lower() in CLAUSE_POLICY_VERBS and any(
                    c.dep_ == "neg" for c in child.children):
                return True
        if child.dep_ == "prep" and child.lower_ == "to":
            if any(g.dep_ == "pcomp" and g.lemma_.lower() in STOP_VERBS for g in child.children):
                return True
    return False


def _policies(doc) -> list[Mention]:
    found = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and LEMMA_FIXES.get(token.lower_, lemma) == "fine":
            # "the watchdog fined Clearview AI 30.5 million euros": the regulator's decision,
            # which "the decision" and "the fine" refer to afterwards
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            first = not any(m.meta.get("head") == "fine" for m in found)  # later fines are background
            if first and subjects and any(c.dep_ == "dobj" for c in token.children):
                found.append(Mention(token.i, token.i + 1, token.text, "Policy", "policy", forms=(),
                                     owner=subjects[0].i,
                                     meta={"head": "fine", "definite": False, "head_i": token.i}))
            continue
        if _is_decision(token):
            left, right, forms = _np_forms(doc, token, with_right=False)
            head = "judgment" if lemma == "judgement" else lemma
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.lefts)
            found.append(Mention(left, right, doc[left:right].text, "Policy", "policy",
                                 forms=tuple(forms), owner=_decision_owner(token),
                                 meta={"head": head, "definite": definite, "head_i": token.i,
                                       "decision": True}))
            continue
        if token.pos_ == "NOUN" and lemma in PROJECT_REFS and token.tag_ == "NN" and token.dep_ != "compound":
            project = _project(doc, token)
            if project is not None:
                found.append(project)
            continue
        if token.pos_ != "NOUN" or lemma not in POLICY_HEADS | POLICY_REFS:
            continue
        if lemma in POLICY_REFS and not _commits_to_stop(token):
            determiners = [c for c in token.lefts if c.dep_ in ("det", "poss")]
            if not determiners or determiners[0].lower_ in ("a", "an") or token.tag_ != "NN" \
                    or any(c.dep_ in ("prep", "acl", "relcl") for c in token.rights):
                continue
            left, right, forms = _np_forms(doc, token, with_right=False)
            found.append(Mention(left, right, doc[left:right].text, "Policy", "policy",
                                 forms=tuple(forms[:1]), owner=None,
                                 meta={"head": None, "definite": True, "head_i": token.i, "ref_only": True}))
            continue
        if token.dep_ == "compound":
            continue
        if lemma in TRIAL_HEADS and not (
                any(c.dep_ in ("compound", "amod") and (c.lemma_.lower() in TRIAL_TECH or c.lower_.startswith("face"))
                    for c in token.lefts)
                or lemma == "pilot" and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.lefts)):
            continue  # "a facial recognition trial", "the face-matching pilot", not "a jury trial"
        left, right, forms = _np_forms(doc, token)
        dets = [c.lower_ for c in token.lefts if c.dep_ == "det"]
        definite = bool(dets) and dets[0] in ("the", "this", "that", "its", "their")
        definite = definite or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.lefts)
        proposed = token.head.lemma_.lower() in ("propose", "introduce", "sponsor", "file", "draft")
        found.append(Mention(left, right, doc[left:right].text, "Policy", "policy",
                             forms=tuple(forms), owner=_owner_token(token),
                             meta={"head": token.lemma_.lower(), "definite": definite,
                                   "head_i": token.i, "proposed": proposed}))
    return found


def _project(doc, token) -> Mention | None:
    """A contested project (PROJECT_HEADS) named with its technology or its vendor, or a bare
    "the contract", "the plan" that may refer to one."""
    lemma = token.lemma_.lower()
    tech = any(t.lemma_.lower() in TRIAL_TECH or t.lower_.startswith("face") for t in token.subtree)
    vendor = any(c.dep_ == "prep" and c.lower_ in ("with", "from") and any(
        g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for c in token.children)
    lefts = list(token.lefts)
    if lemma in PROJECT_HEADS and (tech or vendor):
        left, right, forms = _np_forms(doc, token)
        dets = [c.lower_ for c in lefts if c.dep_ == "det"]
        return Mention(left, right, doc[left:right].text, "Policy", "policy",
                       forms=tuple(forms), owner=_owner_token(token),
                       meta={"head": lemma, "definite": bool(dets) and dets[0] in ("the", "this", "that"),
                             "head_i": token.i})
    if len(lefts) == 1 and lefts[0].lower_ in ("the", "this") and not any(
            c.dep_ in ("prep", "acl", "relcl") for c in token.rights):
        text = doc[token.i - 1:token.i + 1].text
        return Mention(token.i - 1, token.i + 1, text, "Policy", "policy", forms=(text,), owner=None,
                       meta={"head": lemma, "definite": True, "head_i": token.i, "project_ref": True})
    return None


def _clause_policies(doc) -> list[Mention]:
    """"IBM said it would no longer develop or offer ..." -> a Policy of its speaker."""
    found = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        negated = any(c.dep_ == "neg" or c.lower_ in ("never",) for c in verb.children) or any(
            c.lower_ == "longer" for c in verb.children)
        future = bool(auxes & {"will", "would", "'ll", "wo", "shall"})
        lemma = verb.lemma_.lower()
        stop = lemma in STOP_VERBS or lemma == "get" and any(c.lower_ == "out" for c in verb.children)
        no_longer = any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in verb.children)
        if no_longer and lemma in CLAUSE_POLICY_VERBS:
            future = True
        decided = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DECISION_VERBS
        # "the department has suspended its use of X", "Acme paused the pilot": a pause done
        suspended = lemma in SUSPEND_VERBS and verb.tag_ in ("VBD", "VBN") and not negated \
            and not auxes & {"is", "was", "'s", "are", "were", "be", "been"} \
            and any(c.dep_ == "dobj" for c in verb.children) and verb.dep_ in ("ROOT", "ccomp", "conj")
        if not (stop and (future or decided or auxes & {"is", "was", "'s", "are", "were"}) or
                future and negated and lemma in CLAUSE_POLICY_VERBS or suspended):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and decided:
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        subject = subjects[-1]  # the nearest: a dateline ("FORT CALLOWAY, Kan. —") may be read as one too
        owner = subject.i
        speech = verb.head if verb.dep_ in ("ccomp", "conj") else None
        speaker = None
        if speech is not None and speech.lemma_ in ANNOUNCE_VERBS:
            speaker = subject_of(speech)
            if speaker is not None and speaker.lower_ in ("which", "who", "that") and speech.dep_ == "relcl":
                speaker = speech.head  # "IBM, which said it would stop ..."
            speaker = speaker.i if speaker is not None else None
            if subject.pos_ == "PRON" and speaker is not None:
                owner = speaker
        start = None
        end = verb.i + 1
        for child in verb.children:
            if child.dep_ in ("nsubj", "advcl", "mark", "punct", "cc", "conj", "npadvmod") or \
                    child.lower_ in ("too", "also", "still", "now", "then"):
                continue
            start = child.left_edge.i if start is None else min(start, child.left_edge.i)
            end = max(end, child.right_edge.i + 1)
            if child.dep_ == "conj":
                continue
        start = verb.i if start is None else min(start, verb.i)
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ == "VERB" and not any(
                    g.dep_ == "nsubj" for g in child.children):
                if child.lemma_.lower() in CLAUSE_POLICY_VERBS | STOP_VERBS:
                    end = max(end, child.right_edge.i + 1)
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_quote):
            end -= 1
        for i in range(verb.i, end):
            if doc[i].is_quote:
                end = i
                break
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_quote):
            end -= 1
        span_tokens = [t for t in doc[start:end] if t.lower_ not in ("too", "also", "still")
                       or t.head != verb]
        text = "".join(t.text_with_ws for t in span_tokens).strip()
        if any(t.is_quote for t in span_tokens) or len(span_tokens) < 3:
            continue
        forms = [text]
        no_aux = "".join(t.text_with_ws for t in span_tokens if not (t.dep_ == "aux" and t.head == verb)).strip()
        if no_aux != text:
            forms.append(no_aux)
        found.append(Mention(start, end, text, "Policy", "clause", forms=tuple(forms),
                             owner=owner, meta={"head": "suspension" if suspended and not future else None,
                                                "definite": False, "speaker": speaker,
                                                "head_i": verb.i, "clause": True,
                                                "suspended": suspended and not future}))
    return found


def _bills(doc, act_spans) -> list[Mention]:
    """Bills by their head noun ("the police reform bill", "Whitlock's bill") and by name
    (``act_spans``: ``_act_names(doc)``)."""
    found = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or lemma not in BILL_HEADS or token.dep_ == "compound":
            continue
        governed = token.head.lemma_.lower() in BILL_VERBS and token.dep_ in (
            "dobj", "nsubjpass", "pobj", "nsubj")
        modified = any(c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN", "ADJ")
                       and c.lower_ not in ("new", "such", "other", "similar", "federal", "national")
                       for c in token.lefts)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss"
                       for c in token.lefts)  # "Whitlock's bill", "her bill": one the story has
        if lemma in ("initiative", "proposal", "measure") and not (governed or definite):
            continue
        if not (governed or definite or (modified and lemma in ("bill", "ordinance"))):
            continue
        left, right, forms = _np_forms(doc, token, with_right=False)
        for child in token.rights:
            if child.dep_ in ("acl", "prep", "relcl"):
                forms = forms + [doc[left:child.right_edge.i + 1].text]
                break
        det_end = left
        while det_end < token.i and doc[det_end].dep_ in ("det", "poss", "case"):
            det_end += 1
        core = doc[det_end:token.i + 1].text
        canonical = core[:1].upper() + core[1:]
        found.append(Mention(left, right, doc[left:right].text, "Bill", "bill",
                             canonical=canonical, forms=tuple(forms),
                             meta={"head_i": token.i, "governed": governed}))
    for start, end in act_spans:
        text = doc[start:end].text
        found.append(Mention(start, end, text, "Bill", "bill", canonical=text,
                             meta={"head_i": end - 1, "governed": False}))
    return found


def _act_names(doc):
    """Capitalised names ending in "Act" or "Bill" ("the Facial Recognition ... Moratorium Act"), and
    numbered bills ("Senate Bill 6280", "House Bill 2856"), which NER reads as a person "Bill"."""
    for start in sorted(i for i in _numbered_bill_tokens(doc) if doc[i].text in CHAMBERS):
        yield start, start + 3
    for token in doc:
        if token.text not in ("Act", "Bill") or token.i == 0:
            continue
        if token.text == "Bill" and (doc[token.i - 1].text.endswith(".") or not doc[token.i - 1].is_title
                                     or token.i + 1 < len(doc) and (doc[token.i + 1].is_title or doc[token.i + 1].like_num)):
            continue  # "the Recording Devices Bill", not "Sen. Bill Cassidy" or "Senate Bill 6280"
        start = token.i
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in ("and", "of", "&", "for", "the", "in", "on")
                             and start > 1 and doc[start - 2].is_title) and doc[start - 1].lower_ != "the":
            start -= 1
        while start < token.i and doc[start].lower_ in ("and", "of", "&", "for", "in", "on"):
            start += 1
        end = _with_year(doc, token.i + 1) if token.text == "Act" else token.i + 1
        if start < token.i:
            yield start, end


def _with_year(doc, end: int) -> int:
    """The end of an Act's name ending at token ``end``, with the year that is part of its
    title: "the Data Protection Act 2018", "the Digital Personal Data Protection Act, 2023"."""
    if end < len(doc) and _year(doc[end]):
        return end + 1
    if end + 1 < len(doc) and doc[end].text == "," and _year(doc[end + 1]):
        return end + 2
    return end


def _year(token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20")


CHAMBERS = {"Senate", "House", "Assembly"}


def _numbered_bill_tokens(doc) -> set[int]:
    """Tokens of "Senate Bill 6280" and the like: a bill, not the Senate and a person "Bill"."""
    found = set()
    for token in doc[1:-1]:
        if token.text == "Bill" and doc[token.i - 1].text in CHAMBERS and doc[token.i + 1].like_num:
            found |= {token.i - 1, token.i, token.i + 1}
    return found


def _incidents(doc, names: list[Mention]) -> list[Mention]:
    person_at = {}
    for mention in names:
        if mention.type == "Person":
            for i in range(mention.start, mention.end):
                person_at[i] = mention
    found = []
    wrongful_story = _wrongful_story(doc)
    for token in doc:
        lemma = token.lemma_.lower()
        kind = _restraint_kind(token, wrongful_story)
        arrest_verb = kind is not None
        patients = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj")] if arrest_verb else []
        # "One shopper, Keisha Broadnax, was escorted out": the name in apposition
        named_patients = [t for c in patients for t in [c, *(a for a in c.children if a.dep_ == "appos")]
                          if t.i in person_at]
        noun = token.head
        relative_patient = arrest_verb and token.dep_ == "relcl" and any(
            c.dep_ == "nsubjpass" and c.lower_ in ("who", "that") for c in token.children) and (
            noun.i in person_at or noun.dep_ == "appos" and noun.head.i in person_at)
        if arrest_verb and (any(c.lower_ in WRONGLY for c in token.children) or _not_committed(token)
                            or wrongful_story and (named_patients or relative_patient)):
            victims = named_patients
            if not victims and any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in ("he", "she", "him", "her")
                                   for c in token.children) and token.sent.start <= 60 \
                    and not any(i < token.i for i in person_at):
                # a lede's "officers arrested her for a crime she did not commit": the person named next
                after = [i for i in person_at if token.i < i < token.i + 120]
                victims = [doc[min(after)]] if after else []
            if not victims and any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in ("he", "she", "him", "her")
                                   for c in token.children):
                # "..., saying he was wrongfully arrested": the person last named
                before = [i for i in person_at if token.i - 40 < i < token.i]
                subjects = [i for i in before if doc[person_at[i].start:person_at[i].end].root.dep_ == "nsubj"]
                victims = [doc[max(subjects or before)]] if before else []
            if not victims and token.dep_ == "relcl" and any(
                    c.dep_ == "nsubjpass" and c.lower_ in ("who", "that") for c in token.children):
                # "Jane Doe, a woman who was wrongfully arrested"
                noun = token.head
                victims = [t for t in (noun, noun.head) if t.i in person_at][:1] if noun.i in person_at \
                    or noun.dep_ == "appos" else []
            if victims:
                victim = person_at[victims[0].i]
                found.append(Mention(token.i, token.i + 1, token.text, "Incident", "incident",
                                     victim=(victim.start, victim.end),
                                     meta={"kind": kind, "head_i": token.i, "bare": True}))
            continue
        if token.pos_ != "NOUN":
            continue
        if lemma in KILLING_HEADS or lemma in ("arrest", "detention"):
            possessed = any(c.dep_ == "poss" for c in token.lefts)
            if lemma == "detention" and not any(c.lower_ in ARREST_ADJ for c in token.lefts):
                continue  # only a "wrongful detention": a detention centre is no incident
            if lemma == "arrest" and not any(c.lower_ in ARREST_ADJ for c in token.lefts) \
                    and not (wrongful_story and possessed):
                continue  # a plain "arrest" is an incident only as "Reid's arrest" in such a story
            victims = _victims_of(token, person_at)
            victims += [c for c in token.lefts if c.dep_ == "poss" and c.i in person_at]
            if not victims and lemma == "arrest" and token.tag_ == "NN":
                victims = _arrested_before(doc, token.i, person_at)
            if not victims:
                continue
            left, right, forms = _np_forms(doc, token)
            kind = "Killing" if lemma in KILLING_HEADS else "Wrongful detention" if lemma == "detention" \
                else "Wrongful arrest"
            people = {}
            for v in victims:
                people.setdefault((person_at[v.i].start, person_at[v.i].end), person_at[v.i])
            for number, person in enumerate(people.values()):
                # "the wrongful arrests of A ... and of B": one incident each; the later ones
                # are framed on the victim's name so that they do not take the first one's forms
                span = (left, right) if number == 0 else (person.start, person.end)
                found.append(Mention(*span, doc[span[0]:span[1]].text, "Incident", "incident",
                                     forms=tuple(forms) if number == 0 else (),
                                     victim=(person.start, person.end),
                                     meta={"kind": kind, "head_i": token.i, "bare": number > 0}))
        elif token.pos_ == "VERB" and lemma == "arrest":
            pass
        elif lemma in PROTEST_HEADS and token.tag_ == "NNS":
            left, right, forms = _np_forms(doc, token)
            extra = []
            for child in token.rights:
                if child.dep_ in ("relcl", "acl"):
                    extra.append(doc[left:child.right_edge.i + 1].text)
            found.append(Mention(left, right, doc[left:right].text, "Incident", "incident",
                                 forms=tuple(forms + extra),
                                 meta={"kind": "protests", "head_i": token.i}))
    return found


WRONGLY = {"falsely", "wrongfully", "wrongly", "mistakenly", "erroneously", "unlawfully"}
# what was done to a person a system wrongly flagged, and the incident each is
DETENTION_VERBS = {"detain", "hold", "stop", "jail"}
EJECTION_VERBS = {"eject", "expel", "remove"}
OUT_VERBS = {"escort", "turn", "kick", "throw", "walk"}  # "escorted out", "turned away"


def _restraint_kind(token, wrongful_story: bool) -> str | None:
    """"arrested" -> a wrongful arrest; in a story about a wrong match, "held", "stopped",
    "detained" -> a wrongful detention, "escorted out", "ejected" -> a wrongful ejection."""
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    if lemma == "arrest":
        return "Wrongful arrest"
    if lemma == "detain":
        return "Wrongful detention"
    if not wrongful_story:
        return None
    if lemma in DETENTION_VERBS:
        return "Wrongful detention"
    if lemma in EJECTION_VERBS or lemma in OUT_VERBS and any(
            c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("out", "away") for c in token.children):
        return "Wrongful ejection"
    return None


LAWSUIT_HEADS = {"lawsuit", "suit"}
LAWSUIT_REFS = {"case", "complaint", "appeal", "challenge", "lawsuit", "suit"}


def _not_committed(verb) -> bool:
    """"arrested her for a carjacking she did not commit": an arrest of an innocent person."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for t in prep.subtree:
                if t.lemma_ == "commit" and any(c.dep_ == "neg" for c in t.children):
                    return True
    return False


# the incidents of a person held by mistake ("Wrongful arrest of X"): one per person
WRONGFUL_KINDS = ("Wrongful arrest", "Wrongful detention", "Wrongful ejection")

# Words that make a story about a mistaken arrest, so that its plain "was arrested" and
# "Reid's arrest" are that incident too.
WRONGFUL_CUES = ("false arrest", "wrongful arrest", "wrongfully arrested", "wrongly arrested",
                 "falsely arrested", "mismatch", "misidentif", "wrongly identified",
                 "falsely identified", "wrong man", "did not commit", "didn't commit",
                 "never committed", "wrongful detention", "flagged him", "flagged her", "wrongly flagged",
                 "mistaken identity", "false match", "wrongly detained", "wrongfully detained")


def _wrongful_story(doc) -> bool:
    text = doc.text.lower()
    return any(cue in text for cue in WRONGFUL_CUES)


def of_objects(preps) -> list:
    """The objects of "of" prepositions with their conjuncts: "of A and B" -> A, B."""
    return [g for prep in preps if prep.lower_ == "of" for obj in prep.children if obj.dep_ == "pobj"
            for g in (obj, *obj.conjuncts)]


def _victims_of(noun, person_at) -> list:
    """The people an incident noun is "of": "the arrests of A and B", "... of A by X and of B"."""
    direct = [c for c in noun.rights if c.dep_ == "prep"]
    # "... and of B": the parser hangs the second "of" on any prep after the noun, even on
    # one of the verb ("include the arrests of A by X in 2020 and of B")
    after = [c for c in (*noun.rights, *noun.head.rights) if c.dep_ == "prep" and c.i > noun.i]
    preps = direct + [p for prep in after for p in prep.conjuncts]
    return [p for p in of_objects(preps) if p.i in person_at]


def _arrested_before(doc, before, person_at):
    """The person most recently said to be arrested before token ``before``."""
    for token in reversed(doc[:before]):
        if token.lemma_ == "arrest" and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "nsubjpass" and child.i in person_at:
                    return [child]
    for i in range(before - 1, max(-1, before - 80), -1):
        if i in person_at:
            return [doc[i]]
    return []


def _parties(doc):
    """(plaintiff token, defendant token) of the first "X sued Y" / "X took Y to court" /
    "X filed a lawsuit against Y" of the document."""
    for token in doc:
        if token.pos_ != "VERB":
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if token.lemma_ == "sue" and subjects:
            if not objects:
                objects = [t for t in doc[token.i + 1: token.i + 7] if t.pos_ == "PROPN"][-1:]
            return subjects[0].i, objects[0].i if objects else None
        if token.lemma_ == "take" and subjects and objects and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_ == "court" or g.text.endswith("Court")
                                                              for g in c.subtree)
                for c in token.children):
            return subjects[0].i, objects[0].i
        if token.lemma_ in ("file", "bring") and token.dep_ == "acl" and token.head.lemma_ in LAWSUIT_HEADS:
            # "settling a lawsuit filed by Jane Doe (against X)"
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            against = [g for c in list(token.children) + list(token.head.children)
                       if c.dep_ == "prep" and c.lower_ == "against" for g in c.children if g.dep_ == "pobj"]
            if not against and token.head.head.lemma_ in ("settle", "face", "fight", "lose", "win", "contest") \
                    and token.head.dep_ == "dobj":
                verb = token.head.head
                for _ in range(3):  # "X has agreed to overhaul ..., settling a lawsuit": X
                    against = [c for c in verb.children if c.dep_ == "nsubj"]
                    if against or verb.head.i == verb.i:
                        break
                    verb = verb.head
            if agents:
                return agents[0].i, against[0].i if against else None
        if token.lemma_ == "file" and not subjects and any(c.dep_ == "nsubjpass" and c.lemma_ == "petition"
                                                            and _court_petition(c) for c in token.children):
            # "The petition was filed jointly by the Internet Freedom Foundation ..."
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agents:
                return agents[0].i, None
        if token.lemma_ == "file" and subjects and objects and (
                objects[0].lemma_ in LAWSUIT_HEADS or objects[0].lemma_ == "petition" and _court_petition(objects[0])):
            against = [g for c in objects[0].children if c.dep_ == "prep" and c.lower_ == "against"
                       for g in c.children if g.dep_ == "pobj"]
            return subjects[0].i, against[0].i if against else None
    return None, None


def _court_petition(token) -> bool:
    """"a petition challenging the police's use of the app" heard by a court (not a petition
    of signatures): a court is named in its sentence, or it is "the petition" after one that was."""
    def heard_in_court(t):
        return any(w.lemma_.lower() == "court" or w.text.endswith("Court") for w in t.sent) \
            and not any(c.lower_ in ("signature", "signatures", "online") for c in t.subtree)
    if heard_in_court(token):
        return True
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and any(
        t.lemma_.lower() == "petition" and t.pos_ == "NOUN" and heard_in_court(t) for t in token.doc[:token.i])


def _lawsuits(doc) -> list[Mention]:
    """"The ACLU sued Clearview AI" / "the suit" / "his case": one lawsuit per document."""
    plaintiff, defendant = _parties(doc)
    found = []
    started = plaintiff is not None
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN":
            continue
        legal = lemma in LAWSUIT_HEADS or lemma == "challenge" and any(c.lower_ == "legal" for c in token.lefts) \
            or lemma == "petition" and _court_petition(token)
        if not legal and not (started and lemma in LAWSUIT_REFS and any(
                c.dep_ in ("det", "poss") for c in token.lefts)):
            continue
        if lemma == "suit" and any(c.lower_ in ("law", "space", "business") for c in token.lefts):
            continue
        left, right, forms = _np_forms(doc, token, with_right=False)
        found.append(Mention(left, right, doc[left:right].text, "Incident", "incident",
                             forms=tuple(forms), owner=plaintiff,
                             meta={"kind": "lawsuit", "head_i": token.i, "defendant": defendant}))
        started = True
    return found
