"""Find typed relations between the actors of a parsed Doc.

Rules, each a small function over the Doc and its resolved actors:

- verbs of a lexicon per SCHEMA type, active and passive ("X criticized Y", "Y was used
  by X"), with subjects found through conjunctions, control ("urged X to stop selling
  to Y" makes X the seller) and pronouns; "we" inside a quote is its speaker;
- negation turns a supply into a restriction ("won't sell to police" is RESTRICTED);
- "continue to allow X", "would not apply to X", "exempt X" are EXEMPTED, with the
  examples of "organizations like X and Y";
- policies: their owner ANNOUNCED them and RESTRICTED the bodies they name;
- products: DEVELOPED by the owner in "its software X", "X's product", a name that
  starts with the company's, or a gazetteer developer named in the same document;
- incidents: the victim and the agents ("killed by police") are INVOLVED_IN them;
- people: AFFILIATED_WITH the organisation of their appositive, title or possessive
  ("Jane Doe of Acme Research", "Acme Lab researcher John Roe");
- quotes: the speaker CALLED_FOR the addressee of "we urge X" / "X must ...", and
  SUPPORTED the policies a welcoming quote mentions ("we are delighted that ...");
- judgements in statements: "the ban was needed / not enough", "we are disappointed that X
  ...", "X's reckless use", "X should never have ..." (SUPPORTED / CRITICIZED);
- legal and commercial frames: complaints and lawsuits against X, fines, contracts and
  customer lists (SUPPLIED), "condemned the decision" (its maker);
- nominalisations and fallbacks: "X's support for / use of / sale of ... to Y", "services from
  Acme", "software supplied by Acme", "partnered with police", "lobbied against X", "charges from
  X", "disagreed with the allegations", "took X to court", "called it a model".
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.actors import (LEMMA_FIXES, PROJECT_HEADS, ROLE_WORDS, WRONGFUL_KINDS, hung_on_name, of_objects,
                               possessive_name, stranded_subject, verb_named_subject)
from kg.extract.gazetteer import Gazetteer
from kg.extract.resolve import GENERIC_POLICE, ORG_TYPES, DocActors, enacted, local_police
from kg.extract.statements import SPOKES_WORDS, RawStatement, _speech_governor

__all__ = ["RawRelation", "find_relations"]

VERB_TYPES = {
    "CRITICIZED": {"criticize", "criticise", "condemn", "accuse", "blame", "attack", "slam",
                   "denounce", "oppose", "sue", "fault", "decry", "lambast", "rebuke",
                   "protest", "chastise", "assail", "berate", "castigate", "scold", "question",
                   "fine", "penalize", "penalise", "sanction", "reprimand", "censure", "blast",
                   "excoriate", "deride", "pillory", "skewer"},
    "CALLED_FOR": {"urge", "press", "petition", "implore", "lobby", "pressure", "beg"},
    "SUPPORTED": {"praise", "welcome", "applaud", "endorse", "support", "commend", "hail",
                  "laud", "celebrate", "back", "champion", "cheer", "defend", "represent"},
    "SUPPLIED": {"sell", "supply", "provide", "offer", "market", "license", "pitch", "furnish"},
    "USED": {"use", "deploy", "employ", "adopt", "utilize", "utilise", "test", "run", "tap", "trial", "pilot"},
    "DEVELOPED": {"develop", "build", "create", "design", "own", "operate", "launch", "make",
                  "acquire", "buy", "manufacture"},
    "INTRODUCED": {"introduce", "sponsor", "propose", "file", "register", "unveil", "write",
                   "reintroduce", "draft", "author", "co-sponsor", "cosponsor"},
    "RESTRICTED": {"ban", "bar", "prohibit", "restrict", "block", "forbid", "outlaw"},
    "EXEMPTED": {"exempt", "exclude", "spare"},
}
VERB_TO_TYPE = {verb: kind for kind, verbs in VERB_TYPES.items() for verb in verbs}
POSITIVE = {"pleased", "delighted", "welcome", "welcomes", "glad", "happy", "sensible",
            "applaud", "commend", "encouraged", "encouraging", "grateful", "thrilled",
            "praise", "proud"}
NEGATIVE = {"threat", "dangerous", "fuel", "not", "never", "harm", "concern", "worried",
            "disappointed", "outrageous", "unacceptable", "fail", "failed"}
CALL_WORDS = {"advocate", "urge", "call", "push", "ask", "demand", "press"}
TARGET_TYPES = {
    "CRITICIZED": None, "CALLED_FOR": None, "SUPPORTED": None,
    "SUPPLIED": ("Company", "NGO", "GovernmentBody", "Person", "MediaOutlet"),
    "USED": ("Product", "Company"),
    "DEVELOPED": ("Product",),
    "INTRODUCED": ("Bill",),
    "RESTRICTED": ("Company", "NGO", "GovernmentBody", "Person", "Product"),
    "EXEMPTED": ("Company", "NGO", "GovernmentBody", "Person"),
    "ANNOUNCED": ("Policy", "Bill", "Product"),
    "INVOLVED_IN": ("Incident",),
    "AFFILIATED_WITH": ORG_TYPES,
}
SOURCE_TYPES = {
    "DEVELOPED": ("Company", "NGO", "GovernmentBody"),
    "INTRODUCED": ("GovernmentBody", "Person"),
    "AFFILIATED_WITH": ("Person",),
    "INVOLVED_IN": ("Person", "GovernmentBody", "Company", "NGO"),
    "USED": ("Company", "NGO", "GovernmentBody", "Person"),
    "SUPPLIED": ("Company", "NGO", "GovernmentBody"),
}
GOOD_EVAL = {"need", "necessary", "important", "welcome", "good", "right", "sensible", "overdue",
             "step", "win", "victory", "essential", "crucial", "critical", "vital", "great", "enough",
             "milestone", "model", "landmark", "breakthrough", "justified", "reasonable", "strong", "strongest",
             "historic", "meaningful", "responsible", "baseline", "huge", "big", "first"}
BAD_EVAL = {"flawed", "dangerous", "misguided", "overbroad", "unnecessary", "premature", "harmful",
            "mistake", "bad", "wrong", "insufficient", "inadequate", "weak", "fail", "loophole",
            "toothless", "unworkable", "vague", "short", "disappointing", "setback", "unconstitutional",
            # what a measure is warned to do ("the measure would hurt retailers")
            "hurt", "harm", "undermine", "threaten", "damage", "endanger", "stifle", "cripple", "chill",
            "jeopardize", "jeopardise", "burden", "backfire"}
# what "X called Y '...'" names Y: a label that condemns or one that praises
BAD_LABELS = {"backwards", "backward", "disaster", "travesty", "betrayal", "surveillance", "nightmare",
              "dystopia", "dystopian", "overreach", "invasion", "assault", "scandal", "sham", "farce",
              "whitewash", "failure", "disgrace", "outrage", "insult", "gamble", "blunder", "fiasco",
              "embarrassment", "charade", "checkpoint", "dragnet", "slap",
              # scorn in a quoted label ("a publicity stunt", "a gift to every car thief", "rushed")
              "stunt", "gift", "naive", "arbitrary", "disproportionate", "rushed", "intimidate", "intimidation",
              "politics", "rehearsal", "problem", "excessive", "overkill", "theater", "theatre", "ploy",
              "excuse", "cynical", "overreaching", "heavy-handed", "sloppy", "reckless"}
GOOD_LABELS = {"safeguard", "protection", "commonsense", "common-sense", "balanced", "victory", "win",
               "triumph", "relief", "useful", "fix", "start", "floor"}
LABELLING_VERBS = {"describe", "characterize", "characterise", "label", "brand"}  # "described X as ..."
FAULT_NOUNS = {"abuse", "failure", "misuse", "negligence", "recklessness", "violation", "breach",
               "overreach", "wrongdoing", "misconduct", "disregard"}
FAULT_ADJ = {"reckless", "careless", "negligent", "invasive", "illegal", "unlawful", "irresponsible",
             "shameful", "abusive", "secretive", "creepy"}
DISMAY = {"disappointed", "concerned", "troubled", "alarmed", "dismayed", "outraged", "appalled",
          "frustrated", "disturbed", "worried", "saddened", "angered"}
QUANTITY_NOUNS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions",
                  "number", "handful", "majority", "many", "some", "most", "score", "scores", "all"}
# nouns that carry a relation ("Acme's support for X") and the prepositions of their target
NOUN_FRAMES = {
    "support": ("SUPPORTED", ("for", "of")), "endorsement": ("SUPPORTED", ("of",)),
    "praise": ("SUPPORTED", ("for", "of")), "backing": ("SUPPORTED", ("of", "for")),
    "criticism": ("CRITICIZED", ("of",)), "condemnation": ("CRITICIZED", ("of",)),
    "opposition": ("CRITICIZED", ("to",)), "attack": ("CRITICIZED", ("on",)),
    "use": ("USED", ("of",)), "deployment": ("USED", ("of",)), "adoption": ("USED", ("of",)),
    "sale": ("SUPPLIED", ("to",)), "supply": ("SUPPLIED", ("to",)),
    "development": ("DEVELOPED", ("of",)),
}
FORMER = {"former", "ex", "retired"}  # "former police officer X" holds no office now
FILING_VERBS = {"file", "bring", "launch", "lodge", "initiate", "refile"}
BODY_HEADS = {"department", "office", "council", "board", "commission", "committee"}
# verbs whose stance reaches its target through a preposition
PREP_STANCES = {"object": ("CRITICIZED", ("to",)), "balk": ("CRITICIZED", ("at",)),
                "rail": ("CRITICIZED", ("against",)), "take": ("CRITICIZED", ("at",)),
                "lash": ("CRITICIZED", ("at", "against")), "hit": ("CRITICIZED", ("at",)),
                "side": ("SUPPORTED", ("with",)), "stand": ("SUPPORTED", ("with", "behind")),
                "come": ("CRITICIZED", ("against",))}  # only "came out against"
# people who stand for their body: "House leaders", "colleagues on the committee", "members
# of the committee questioned ..."
MEMBER_NOUNS = {"leader", "leadership", "member", "colleague", "lawmaker", "chair", "chairman", "chairwoman",
                "official", "representative", "staff", "staffer"}
# "a coalition of groups, including A and B": the members named are the collective
COLLECTIVE_NOUNS = {"coalition", "group", "alliance", "network", "number", "range", "dozen", "dozens", "handful",
                    "collection", "consortium", "bloc"}
# documents whose stance is their author's ("filed a brief supporting X")
FILED_NOUNS = {"brief", "letter", "statement", "petition", "resolution", "motion", "filing", "testimony",
               "comment", "complaint", "memo", "op-ed"}
# "warned that the bill would ...": a warning about a measure or a product is criticism
WARNING_VERBS = {"warn", "caution", "fear", "worry", "complain", "lament"}
# challenging a decision ("seek a review of", "asks the court to overturn") criticises it
CHALLENGE_NOUNS = {"review", "appeal", "challenge", "reversal", "repeal"}
UNDOING_VERBS = {"overturn", "reverse", "quash", "annul", "repeal", "rescind", "revoke", "vacate", "lift"}
REBUT_VERBS = {"disagree", "dispute", "deny", "reject", "contest", "challenge", "appeal", "rebut"}
CLAIM_NOUNS = {"allegation", "claim", "finding", "charge", "accusation", "conclusion", "ruling", "decision",
               "characterization", "assertion", "result", "criticism"}
ACCUSING_VERBS = {"allege", "accuse", "charge", "find", "say", "conclude", "rule", "fine", "ban", "sue", "claim"}
REPORT_NOUNS = {"report", "study", "analysis", "audit", "review", "investigation", "survey", "letter",
                "statement", "complaint", "petition", "test"}
LEDE_PEOPLE = {"man", "woman", "father", "mother", "grandfather", "grandmother", "resident", "teenager",
               "student", "driver", "worker", "shopper", "musician", "activist"}
MEASURE_NOUNS = {"measure", "ordinance", "bill", "ban", "proposal", "rule", "regulation", "restriction", "law"}
# "NYPD detectives used X", "officers from the sheriff's office ran searches": the force acts
# through its people (only a government body: "Google employees protested" is not Google)
PERSONNEL_NOUNS = {"officer", "detective", "investigator", "deputy", "trooper", "agent", "analyst",
                   "personnel", "staff", "staffer"}
# "ran searches through X", "queries on X": what a USED verb's object runs through is the tool
SEARCH_NOUNS = {"search", "query", "scan", "check", "match", "comparison", "lookup", "image", "photo",
                "photograph", "picture", "still", "probe"}
# "killed by a police officer": the force acts through its officer
OFFICER_NOUNS = {"officer", "cop", "trooper", "deputy"}
FORCE_WORDS = {"police", "sheriff", "sheriff's", "marshals", "constabulary", "garda", "fbi", "troopers", "patrol"}
# generic nouns for what a company sells ("services from Acme", "software supplied by Acme")
OFFERING_NOUNS = {"service", "software", "tool", "technology", "system", "product", "platform", "app",
                  "application", "algorithm", "camera", "database", "program", "programme", "solution",
                  "engine", "scanner", "kiosk", "terminal"}
# nouns and verbs of campaigning whose "against X" is opposition to X
AGAINST_HEADS = {"lobby", "lobbying", "campaign", "fight", "argue", "rally", "push", "vote", "protest",
                 "speak", "testify", "petition", "organize", "organise", "mobilize", "mobilise", "advocate",
                 "warn", "caution", "agitate", "crusade", "litigate", "side"}
# working together with a government body: a supplier's relationship
PARTNER_VERBS = {"partner", "team", "collaborate", "share", "contract", "work"}
# a person's relative clause that says what they run ("Jane Doe, who chairs the panel")
LEADING_VERBS = {"lead", "head", "chair", "co-chair", "cochair", "run", "direct", "manage", "oversee", "found",
                 "co-found", "cofound", "coordinate", "supervise"}
SEAT_VERBS = {"sit", "serve"}  # "who sits on the board"
DECISION_NOUNS = {"decision", "move", "plan", "announcement", "change", "step", "deployment", "rollout",
                  "policy", "choice", "vote", "ruling", "order", "fine", "penalty", "outcome", "verdict",
                  "judgment", "judgement", "expansion", "settlement", "sanction", "deal", "contract"}
DECIDING_VERBS = {"announce", "decide", "unveil", "launch", "adopt", "approve", "pass", "introduce", "begin",
                  "start", "deploy", "roll", "vote", "rule", "order", "choose", "agree", "plan", "fine",
                  "penalize", "penalise", "sanction", "expand", "ban", "award", "sign"}
MAKING_VERBS = {"make", "build", "develop", "manufacture", "produce", "design"}
SUPPLIER_NOUNS = {"supplier", "provider", "vendor", "seller", "distributor"}
CUSTOMER_NOUNS = {"customer", "client", "buyer", "user", "clientele"}
CONDUCT_NOUNS = {"practice", "policy", "conduct", "handling", "behavior", "behaviour", "approach",
                 "decision", "record", "action", "move", "plan", "response", "stance", "position",
                 "role", "work", "business", "tactic", "program", "programme", "partnership", "use"}
LEGAL_NOUNS = {"complaint", "lawsuit", "suit", "case", "claim", "challenge", "action", "petition", "grievance"}
ALARM = {"threat", "danger", "dangerous", "harm", "harmful", "oppressive", "abuse", "discriminatory",
         "flawed", "biased", "racist", "unacceptable", "outrageous", "reckless"}
UNLAWFUL = {"unlawful", "illegal", "unconstitutional", "breach", "violate", "interfere",
            "discriminatory", "infringe", "falsely", "illegally", "unlawfully", "mislead", "deceive",
            "deceptive"}
ENACT_VERBS = {"approve", "pass", "enact", "adopt", "implement", "extend", "announce", "unveil",
               "impose", "institute", "reiterate", "sign"}
INTENT_VERBS = {"intend", "plan", "expect", "promise", "vow", "pledge", "aim"}
CONTROL_VERBS = {"call", "urge", "ask", "press", "pressure", "force", "allow", "let", "push",
                 "encourage", "tell", "demand", "petition", "order", "require", "want", "like"}


# A person's title and the word of the government body it belongs to ("city": the city itself).
TITLE_BODIES = {
    "councilor": "council", "councillor": "council", "councilmember": "council", "councilman": "council",
    "councilwoman": "council", "alderman": "council", "alderwoman": "council",
    "commissioner": "commission", "supervisor": "supervisors", "senator": "senate", "sen": "senate",
    "assemblyman": "assembly", "assemblywoman": "assembly", "assemblymember": "assembly",
    "mayor": "city",
    "detective": "police", "officer": "police", "sergeant": "police", "sgt": "police",
    "lieutenant": "police", "lt": "police", "chief": "police", "superintendent": "police",
    "sheriff": "sheriff", "undersheriff": "sheriff",
    "justice": "court", "judge": "court", "magistrate": "court",
}
BODY_WORDS = {"council", "department", "police", "office", "board", "commission", "court", "agency",
              "congress", "house", "senate", "administration", "bureau", "committee", "parliament",
              "ministry", "assembly", "government", "authority", "union", "states", "republic", "state",
              "county", "attorney", "general", "sheriff", "service", "commissioner", "legislature"}


@dataclass(frozen=True)
class RawRelation:
    """A relation before names are final: source and target are actor indices."""

    source: int
    type: str
    target: int
    token: int  # a token of the evidence sentence
    confidence: float


def _short_named_org(acts: DocActors, words) -> int | None:
    """"Greenleaf chief executive Naomi Feld": the one organisation of the story whose name
    begins with the capitalised words before a person's role ("Greenleaf Grocers"), else None."""
    words = [t for t in words if t.lower_ not in ("the", "former")]
    if not words or not all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() and not t.is_sent_start
                            for t in words):
        return None
    prefix = " ".join(t.text for t in words) + " "
    found = {i for i, record in enumerate(acts.actors) if record.type in ORG_TYPES and record.alias_of is None
             and record.name.startswith(prefix)}
    return found.pop() if len(found) == 1 else None


def _bought(kind: str, verb, buyer_type: str, bought_type: str) -> str | None:
    """"Amazon bought Ring" makes Amazon Ring's owner (DEVELOPED); an agency or a group that
    buys a tool USED it, and one that "bought licenses from Lumora Labs" bought no company."""
    if kind == "DEVELOPED" and verb.lemma_.lower() in ("buy", "acquire", "purchase") and buyer_type != "Company":
        return "USED" if bought_type == "Product" else None
    return kind


def _whose_antecedent(whose):
    """The noun a "whose" clause hangs on, through an appositive to the name: "Northgate
    Biometrics, the company whose software ..." -> Biometrics."""
    clause = whose.head
    while clause.dep_ != "relcl" and clause.head.i != clause.i:
        clause = clause.head
    noun = clause.head
    return noun.head if noun.dep_ == "appos" else noun


def _label_tone(words: set[str]) -> str | None:
    """What calling something these words does: CRITICIZED ("a publicity stunt", "a step
    backwards"), SUPPORTED ("a landmark", "a useful tool"), or None for neither or a mix ("a
    safeguard against mass surveillance")."""
    bad = bool(words & (UNLAWFUL | ALARM | BAD_EVAL | BAD_LABELS))
    if bad and words & GOOD_LABELS:
        return None
    if bad:
        return "CRITICIZED"
    return "SUPPORTED" if words & (GOOD_EVAL | GOOD_LABELS) else None


class _Finder:
    def __init__(self, doc, acts: DocActors, statements: list[RawStatement], gazetteer):
        self.doc = doc
        self.acts = acts
        self.gazetteer = gazetteer
        self.out: list[RawRelation] = []
        self.fined: list[int] = []  # who the text said was fined, in order
        self.local_police = local_police(acts.actors)
        self.quote_of = [None] * len(doc)
        for s in statements:
            if s.kind == "quote":
                for i in range(s.start, s.end):
                    self.quote_of[i] = s

    def add(self, source, kind, target, token, confidence):
        if source is None or target is None or source == target:
            return
        actors = self.acts.actors
        allowed = TARGET_TYPES.get(kind)
        if allowed is not None and actors[target].type not in allowed:
            return
        if actors[source].type in ("Policy", "Bill", "Incident", "Product"):
            return
        allowed = SOURCE_TYPES.get(kind)
        if allowed is not None and actors[source].type not in allowed:
            return
        if kind in ("CRITICIZED", "SUPPORTED") and actors[target].kind == "lawsuit" and source == actors[target].owner:
            return  # the plaintiff's words about its own lawsuit ("the challenge ... Bridges brought")
        if kind == "AFFILIATED_WITH" and actors[target].name == GENERIC_POLICE and self.local_police is not None:
            target = self.local_police  # "Police Chief Jane Doe" in a story about one department
        self.out.append(RawRelation(source, kind, target, token, confidence))

    # --- who is meant by a token -----------------------------------------------------
    def actors_of(self, token, types=None) -> list[int]:
        """The actors a noun phrase stands for, its conjuncts and examples included."""
        found = []
        extra = []
        if token.lemma_.lower() in ("city", "town", "county", "village", "borough", "township"):
            # "the city of Springfield and Officer Jane Doe"
            extra = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj" for c in _conjuncts(g)]
        if self.acts.at(token.i) is not None:
            # "the ACLU of Oregon and Fight for the Future": the conjunct hangs on the name's "of"
            extra += [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj" and self.acts.at(g.i) in (None, self.acts.at(token.i))
                      for c in _conjuncts(g)]
        for t in [token] + _conjuncts(token) + extra:
            actor = self.actor_of(t, types)
            if actor is None and t.lemma_.lower() in MEMBER_NOUNS:
                # "House leaders", "leaders of the Senate", "colleagues on the Judiciary Committee"
                bodies = [c for c in t.children if c.dep_ == "compound"] + [
                    g for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "in")
                    for g in c.children if g.dep_ == "pobj"]
                actor = next((a for b in bodies for a in [self.actor_of(b, types)] if a is not None
                              and self.acts.actors[a].type == "GovernmentBody"), None)
            if actor is None and t.lemma_.lower() in OFFERING_NOUNS:
                # "its Rekognition software", "the Clearview app": the named product
                actor = next((a for c in t.children if c.dep_ == "compound" for a in [self.acts.at(c.i)]
                              if a is not None and self.acts.actors[a].type == "Product"), None)
            if actor is not None:
                found.append(actor)
            else:
                for example in _examples(t):
                    actor = self.acts.at(example.i)
                    if actor is not None:
                        # "including the ACLU of Oregon and the Urban League": the conjunct on its "of"
                        found.extend(self.actors_of(example, types) or [actor])
                        continue
                    if example.lemma_.lower() in BODY_HEADS:
                        actor = self.actor_of(example, types)  # "agencies, including the police department"
                    if actor is not None:
                        found.append(actor)
        return list(dict.fromkeys(found))

    def actor_of(self, token, types=None):
        acts = self.acts
        lower = token.lower_
        if lower in ("we", "us", "our", "i", "me", "my") and self.quote_of[token.i] is not None:
            return self.quote_of[token.i].speaker
        if token.lemma_.lower() in ("city", "town", "county", "village", "borough", "township"):
            # "the city of Springfield" is Springfield
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.dep_ == "pobj" and acts.at(g.i) is not None:
                            return acts.at(g.i)
        actor = acts.resolve(token, types)
        if token.lemma_.lower() in BODY_HEADS and token.pos_ == "NOUN" and (
                actor is None or acts.actors[actor].type == "GovernmentBody") \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # "the police department" is the one body of the story whose name says so, even when
            # it is named only later ("... including the police department ... Dayton Police Department")
            words = {c.lower_ for c in token.children if c.dep_ == "compound"} | {token.lower_}
            if actor is None or not words <= set(acts.actors[actor].name.lower().split()):
                fitting = [i for i, r in enumerate(acts.actors) if r.type == "GovernmentBody"
                           and words <= set(r.name.lower().split())]
                if len(fitting) == 1:
                    return fitting[0]
        if actor is not None:
            return actor
        if token.pos_ == "NOUN":
            # "Ruritania's data protection authority, the DPB, fined ...": the named institution
            for c in token.children:
                named = acts.at(c.i) if c.dep_ == "appos" else None
                if named is not None and acts.actors[named].type in ("GovernmentBody", "NGO", "Company"):
                    return named
        if token.lemma_.lower() in PERSONNEL_NOUNS and token.pos_ == "NOUN":
            owners = [c for c in token.children if c.dep_ in ("compound", "poss")]
            owners += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "at", "with")
                       for g in c.children if g.dep_ == "pobj"]
            for owner in owners:
                body = self.actor_of(owner, ("GovernmentBody",))
                if body is not None and acts.actors[body].type == "GovernmentBody":
                    return body
        if token.lemma_.lower() in PERSONNEL_NOUNS and token.tag_ == "NNS" and token.dep_ == "nsubj" \
                and not list(token.children):
            # bare "investigators ran a photo through X": the police body the story is about
            forces = [a for t, a, _ in acts.events if t < token.i and acts.actors[a].type == "GovernmentBody"
                      and set(acts.actors[a].name.lower().replace("’", "'").split()) & FORCE_WORDS]
            if forces:
                return forces[-1]
        if token.lemma_.lower() in QUANTITY_NOUNS | MEMBER_NOUNS or token.pos_ == "NUM":
            # "hundreds of law enforcement agencies", "dozens of cities"
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return self.actor_of(g, types)
        # a frame around the token ("the moratorium" etc.)
        for start, end, a in acts.frames:
            if start <= token.i < end and acts.actors[a].type == "Policy" and token.pos_ == "NOUN":
                return a
        if token.lemma_.lower() in REPORT_NOUNS:
            # "a report from the ACLU that raised alarms": the report speaks for its author
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                    for g in c.children:
                        a = acts.resolve(g) if g.dep_ == "pobj" else None
                        if a is not None and acts.actors[a].type in ("NGO", "GovernmentBody", "Company", "Person"):
                            return a
        if token.lemma_.lower() in LEDE_PEOPLE and token.dep_ in ("nsubj", "nsubjpass") \
                and token.sent.start <= 60 and not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
                and not any(r.type == "Person" and r.spans and min(r.spans)[0] < token.i for r in acts.actors):
            # a lede's "A Springfield man who ... has sued X" is the person named next
            for i in range(token.i + 1, min(len(self.doc), token.i + 120)):
                a = acts.at(i)
                if a is not None and acts.actors[a].type == "Person":
                    first = min(s for s, _ in acts.actors[a].spans) if acts.actors[a].spans else i
                    return a if first > token.i else None
            return None
        if token.tag_ == "NNS" and token.lemma_.lower() in MEASURE_NOUNS and any(
                c.dep_ in ("det", "predet") and c.lower_ in ("the", "both", "these", "those") for c in token.children):
            # "supported both measures", "the ordinances": the measure(s) already in the story
            earlier = [a for start, _, a in acts.frames if start < token.i
                       and acts.actors[a].type in ("Bill", "Policy") and acts.actors[a].kind != "lawsuit"]
            if earlier:
                return earlier[-1]
        return None

    def agent_of(self, verb) -> list[int]:
        """Who does ``verb``: its subject, or through control the object of the verb it
        complements ("urged Amazon to stop selling" -> Amazon), or its passive agent."""
        current = verb
        for _ in range(5):
            subjects = [c for c in current.children if c.dep_ == "nsubj"]
            if subjects:
                found = []
                for subject in subjects:
                    if subject.lower_ in ("which", "who", "that") and current.dep_ == "relcl":
                        heads = self.actors_of(current.head)  # "Acme, which sells X to police"
                        if not heads and current.head.dep_ == "appos":
                            heads = self.actors_of(current.head.head)  # "Acme, a company that sells X"
                        if heads and all(self.acts.actors[a].type in ("Bill", "Policy") for a in heads) \
                                and current.head.dep_ == "dobj" \
                                and current.head.head.lemma_.lower() not in VERB_TYPES["INTRODUCED"]:
                            # "approved an ordinance that bars X": the approver bars X
                            heads = self.agent_of(current.head.head)
                        found += heads
                    else:
                        found += self.actors_of(subject) or _leaders(subject, self.acts)
                return list(dict.fromkeys(found))
            named = verb_named_subject(current, self.acts)
            if named is not None:
                return [named]
            stranded = stranded_subject(current)
            if stranded is not None:
                found = [a for t in (stranded, *stranded.conjuncts) for a in self.actors_of(t)]
                if found:
                    return list(dict.fromkeys(found))
            agents = _agents(current)
            if agents:
                return list(dict.fromkeys(a for g in agents for a in self.actors_of(g)))
            if current.dep_ == "conj" and current.tag_ == "VBD" and current.head.dep_ == "ccomp" \
                    and current.head.head.pos_ == "VERB" and (current.head.tag_ in ("VB", "VBG") or current.lemma_ in
                                                              CALL_WORDS | {"call", "say", "tell", "warn", "vow"}):
                # "X warned that the ban would hurt Y and asked Z ...": X asked (a parser slip);
                # "X said the ruling showed that ... and urged Y": X, however deep the clause
                current = _speech_governor(current) or current.head.head
                continue
            speaker = _speech_governor(current) if current.dep_ == "conj" and current.tag_ == "VBD" and (
                VERB_TO_TYPE.get(current.lemma_.lower()) in ("CRITICIZED", "SUPPORTED", "CALLED_FOR")
                or current.lemma_.lower() in CALL_WORDS) else None
            if speaker is not None and not any(t.dep_ in ("nsubj", "nsubjpass") and self.actors_of(t)
                                               for t in self.doc[speaker.i + 1:current.i]):
                # "X said the software helped and criticized the ban", "X said there was no law
                # that allowed it and called on Y": X criticized / called (a parser slip)
                current = speaker
                continue
            if current.dep_ == "conj" and current.lemma_ in CALL_WORDS | {"call", "say", "tell", "warn"} \
                    and current.head.dep_ == "xcomp" and current.head.head.pos_ == "VERB":
                # "urged X to pass it and called on Y": the caller, not X, calls
                current = current.head.head
                continue
            if current.dep_ == "pcomp" and current.head.lower_ in ("from", "of", "for") \
                    and current.head.head.pos_ == "VERB":
                # "banned police from using X": the police would use it; "accused Microsoft of
                # writing the rules", "praised Amazon for pausing sales": Microsoft, Amazon.
                # What one is accused of is alleged, not done: no one's act
                if current.head.head.lemma_.lower() in ("accuse", "suspect"):
                    return []
                objects = [c for c in current.head.head.children if c.dep_ == "dobj"]
                found = self.actors_of(objects[0]) if objects else []
                if found:
                    return found
            climbing = ("xcomp", "ccomp", "conj", "advcl", "pcomp", "pobj", "prep", "acomp")
            if current.dep_ in climbing or current.dep_ in ("dobj", "attr") and current.pos_ == "NOUN" \
                    and current.i != verb.i:
                head = current.head
                if (current.dep_ == "xcomp" or current.dep_ == "advcl" and head.lemma_ in CONTROL_VERBS) \
                        and head.pos_ in ("VERB", "AUX"):
                    objects = [c for c in head.children if c.dep_ == "dobj"]
                    objects += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                                for g in c.children if g.dep_ == "pobj"]
                    if objects:
                        found = self.actors_of(objects[0])
                        if found:
                            return found
                current = head
                continue
            if current.dep_ == "relcl":
                return self.actors_of(current.head)
            if hung_on_name(current):  # "Jeff Brandes, a Republican, called on X"
                return self.actors_of(current.head)
            break
        return []

    # --- rules -----------------------------------------------------------------------
    def verbs(self):
        doc = self.doc
        for verb in doc:
            if verb.pos_ not in ("VERB",):
                continue
            lemma = LEMMA_FIXES.get(verb.lower_, verb.lemma_.lower())
            kind = VERB_TO_TYPE.get(lemma)
            if lemma in ("bring", "put") and any(c.dep_ in ("prt", "advmod") and c.lower_ == "forward"
                                                 for c in verb.children):
                kind = "INTRODUCED"  # "both measures were brought forward by X and Y"
            negated = _negated(verb)
            if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in verb.children):
                continue  # hypothetical: "if law enforcement is using X"
            if lemma == "call":
                self.call(verb)
                continue
            if lemma == "appeal" and not negated:
                self.appeal(verb)
                continue
            if lemma in LABELLING_VERBS and not negated:
                self.labelled(verb)
                continue
            if lemma in PREP_STANCES and not negated and self.prep_stance(verb, lemma):
                continue
            if lemma in ("ask", "demand") and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
                kind = "CALLED_FOR"
            if lemma in ("press", "pressure", "grill", "confront") and not any(
                    c.dep_ in ("xcomp", "ccomp") for c in verb.children) and any(
                    c.dep_ == "prep" and c.lower_ in ("over", "about", "on") and c.head.dep_ != "dobj"
                    for p in verb.children if p.dep_ != "dobj" for c in p.subtree):
                kind = "CRITICIZED"  # "pressed Acme over its ties": a reproach, not a call
            if lemma in ("like", "want", "wish") and any(c.lower_ == "would" for c in verb.children):
                addressees = [g for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                              for g in c.children if g.dep_ == "nsubj"]
                addressees += [c for c in verb.children if c.dep_ == "dobj"]
                self.simple(verb, "CALLED_FOR", addressees, 0.55)
                continue
            if lemma == "turn" and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
                self.simple(verb, "USED", [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                                           for g in c.children if g.dep_ == "pobj"], 0.6)
                continue
            if lemma in ("help", "assist", "enable", "equip", "arm") and not negated:
                # "Acme, which helped police use online photos": a supplier of the police
                clients = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i
                           and any(self.acts.actors[a].type == "GovernmentBody" for a in self.actors_of(c))]
                sources = [a for a in self.agent_of(verb) if self.acts.actors[a].type == "Company"]
                for c in clients:
                    for target in self.actors_of(c):
                        for source in sources:
                            self.add(source, "SUPPLIED", target, verb.i, 0.5)
                continue
            if lemma == "take" and not negated and any(
                    c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in ("court", "tribunal")
                                                               for g in c.children)
                    or c.dep_ == "xcomp" and c.lemma_.lower() in ("court", "tribunal") for c in verb.children):
                self.simple(verb, "CRITICIZED", [c for c in verb.children if c.dep_ == "dobj"], 0.55)
                continue  # "took the police to court"
            if lemma in ("rely", "turn") and not negated:
                # "relied on DataWorks Plus", "police turned to Clearview AI"
                self.simple(verb, "USED", [g for c in verb.children if c.dep_ == "prep"
                                           and c.lower_ == ("on" if lemma == "rely" else "to")
                                           for g in c.children if g.dep_ == "pobj"], 0.6)
                continue
            if lemma in ("impose", "levy", "issue", "announce") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in ("fine", "penalty") for c in verb.children):
                # "imposed fines on Acme"; "X and Y imposed fines of the same size": on whoever
                # the text last said was fined
                nouns = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
                targets = [g for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                           for g in c.children if g.dep_ == "pobj"]
                if targets:
                    self.simple(verb, "CRITICIZED", targets, 0.55)
                elif self.fined and not negated:
                    for source in self.agent_of(verb):
                        self.add(source, "CRITICIZED", self.fined[-1], verb.i, 0.45)
                continue
            if lemma in ("order", "force", "require", "direct", "compel", "tell") and any(
                    c.dep_ == "xcomp" and c.lemma_.lower() in ("stop", "cease", "end", "halt", "delete", "destroy")
                    for c in verb.children):
                self.simple(verb, "RESTRICTED", [c for c in verb.children if c.dep_ == "dobj"], 0.6)
                continue
            if lemma in ("rule", "find", "conclude", "hold", "decide", "declare", "say", "allege", "charge",
                         "claim", "argue", "determine") and not negated:
                self.unlawful(verb)
            if lemma == "let" and negated:
                targets = [c for c in verb.children if c.dep_ in ("dobj",)]
                targets += [g for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
                self.simple(verb, "RESTRICTED", targets, 0.7)
                continue
            if lemma == "allow" and (negated or _continued(verb)):
                targets = [c for c in verb.children if c.dep_ == "dobj"]
                targets += [g for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
                self.simple(verb, "RESTRICTED" if negated else "EXEMPTED", targets, 0.7)
                self.used_by_examples(targets)
                continue
            if lemma == "apply" and negated:
                targets = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                           for g in c.children if g.dep_ == "pobj"]
                sources = self.agent_of(verb)
                owners = [self.acts.actors[s].owner for s in sources
                          if self.acts.actors[s].type == "Policy"]
                if not owners:
                    owners = self.speaker_of_clause(verb)
                for owner in owners:
                    for t in targets:
                        for target in self.actors_of(t):
                            self.add(owner, "EXEMPTED", target, verb.i, 0.7)
                self.used_by_examples(targets)
                continue
            if kind is None and lemma in ENACT_VERBS:
                objects = [c for c in verb.children if c.dep_ == "dobj"]
                future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children)
                if future or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS \
                        and not _negated(verb.head):
                    # "the governor intends to sign the measure": support, not yet the act
                    self.simple(verb, "SUPPORTED", [o for o in objects if any(
                        self.acts.actors[a].type in ("Bill", "Policy") for a in self.actors_of(o))], 0.55)
                    continue
                if not enacted(verb):
                    continue  # "urged the Senate to pass the bill", "needs to pass a ban": not done
                self.simple(verb, "ANNOUNCED", objects, 0.6)
                continue
            if kind is None:
                continue
            if kind == "DEVELOPED" and lemma in ("make", "build", "develop", "design", "manufacture") and not negated:
                customers = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                             for g in c.children if g.dep_ == "pobj"]
                customers += [g for c in verb.children if c.dep_ == "dobj"
                              for p in c.children if p.dep_ == "prep" and p.lower_ == "for"
                              for g in p.children if g.dep_ == "pobj"]
                customers = [c for c in customers if any(self.acts.actors[a].type == "GovernmentBody"
                                                         for a in self.actors_of(c))]
                if customers:  # "Acme, which makes body cameras for police"
                    self.simple(verb, "SUPPLIED", customers, 0.55)
            if kind == "SUPPLIED":
                targets = [g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                           for g in c.children if g.dep_ == "pobj"]
                targets += [c for c in verb.children if c.dep_ == "dative" and c.lower_ != "to"]
                if lemma in ("supply", "furnish"):  # "Acme had supplied the sheriff's office"
                    targets += [c for c in verb.children if c.dep_ == "dobj" and any(
                        self.acts.actors[a].type in ("GovernmentBody", "Company", "NGO")
                        for a in self.actors_of(c))]
                # "supplies kiosks that the TSA has been testing": the users of what it supplies
                supplied = [c for c in verb.children if c.dep_ == "dobj"]
                supplied += [g for c in supplied for g in c.children if g.dep_ == "conj"]
                targets += [g for c in supplied for r in c.children
                            if r.dep_ == "relcl" and LEMMA_FIXES.get(r.lower_, r.lemma_.lower()) in VERB_TYPES["USED"]
                            for g in r.children if g.dep_ == "nsubj" and any(
                                self.acts.actors[a].type in ("GovernmentBody", "Company", "NGO")
                                for a in self.actors_of(g))]
                if negated and not _stopped(verb):
                    self.simple(verb, "RESTRICTED", targets, 0.7)
                else:
                    self.simple(verb, "SUPPLIED", targets, 0.65)
                    if not negated:
                        self.sold_product(verb, targets)
                continue
            if negated or _prevented(verb):
                continue
            if verb.tag_ == "VBN" and verb.dep_ == "acl" and kind in ("INTRODUCED", "SUPPORTED", "CRITICIZED", "DEVELOPED", "USED") \
                    and not any(c.dep_ == "nsubj" for c in verb.children):
                # "legislation introduced by Supervisor Jane Doe" (but not "reports that officers
                # had run searches": a clause with its own subject)
                for a in _agents(verb):
                    for source in self.actors_of(a):
                        for target in self.actors_of(verb.head):
                            self.add(source, kind, target, verb.i, 0.6)
                continue
            shared = verb.dep_ == "conj" and verb.tag_ == "VBN" and _agents(verb) and verb.head.tag_ == "VBN" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            if verb.tag_ == "VBN" and (shared or any(c.dep_ in ("nsubjpass",) for c in verb.children)):
                # "was introduced by X and co-sponsored by Y": the second verb shares the subject
                holder = verb.head if shared else verb
                objects = [c for c in holder.children if c.dep_ == "nsubjpass" and c.pos_ != "PRON"]
                agents = _agents(verb)
                if not agents and kind == "INTRODUCED":
                    agents = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by")
                              for g in c.children if g.dep_ == "pobj"]
                if not agents and kind == "EXEMPTED":
                    # "the state police were exempted from that ban": by whoever made the ban
                    measures = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                                for g in c.children if g.dep_ == "pobj" for a in self.actors_of(g)
                                if self.acts.actors[a].type in ("Policy", "Bill")]
                    owners = [self.acts.actors[m].owner for m in measures]
                    for owner in [o for o in owners if o is not None]:
                        for target in [t for o in objects for t in self.actors_of(o)]:
                            self.add(owner, "EXEMPTED", target, verb.i, 0.6)
                    continue
                for a in agents:
                    for source in self.actors_of(a):
                        for o in objects:
                            for target in self.actors_of(o):
                                self.add(source, kind, target, verb.i, 0.6)
                continue
            objects = [c for c in verb.children if c.dep_ in ("dobj",)]
            if lemma in ("fine", "penalize", "penalise", "sanction", "charge", "bill"):
                # "fined Acme 7.5 million pounds": Acme is the dative or a modifier of the amount
                objects = [c for c in verb.children if c.dep_ == "dative"]
                objects += [t for o in verb.children if o.dep_ == "dobj" for t in o.subtree
                            if t.i < o.i and t.pos_ == "PROPN" and self.acts.at(t.i) is not None][:1]
                objects += [o for o in verb.children if o.dep_ == "dobj" and self.acts.at(o.i) is not None]
                # "fined the supermarket chain Acme": the name in apposition to the object
                objects += [a for o in verb.children if o.dep_ == "dobj" and self.acts.at(o.i) is None
                            for a in o.children if a.dep_ == "appos" and self.acts.at(a.i) is not None][:1]
                objects += [o for o in verb.children if o.dep_ == "dobj" and o.lower_ in ("it", "them")]
                if not negated:
                    self.fined += [a for o in objects for a in self.actors_of(o)]
            if kind == "CALLED_FOR":
                objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on")
                            for g in c.children if g.dep_ == "pobj"]
            self.simple(verb, kind, objects, 0.6)

    def prep_stance(self, verb, lemma) -> bool:
        """"objected to the bill", "took aim at Acme", "sided with the sheriffs", and a bare
        "X objected" to the measure the sentence is about. True when the verb was read so."""
        kind, preps = PREP_STANCES[lemma]
        holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "prt") and c.lower_ in ("aim", "out", "back")]
        if lemma in ("take", "come") and len(holders) == 1:
            return False  # only "took aim at", "came out against"
        targets = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                   for g in c.children if g.dep_ == "pobj"]
        if not targets and lemma == "object" and not any(c.dep_ in ("dobj", "prep", "ccomp") for c in verb.children):
            # "the bill was scaled back after police objected": the clause's measure, else the last one
            clause = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")] \
                if verb.dep_ == "advcl" else []
            measures = [a for c in clause for a in self.actors_of(c)
                        if self.acts.actors[a].type in ("Bill", "Policy")]
            sources = self.agent_of(verb)
            for target in measures or self.measure_before(verb, sources):
                for source in sources:
                    self.add(source, kind, target, verb.i, 0.45)
            return True
        if not targets:
            return False
        self.simple(verb, kind, targets, 0.55)
        return True

    def unlawful(self, verb):
        """"The court ruled that X's use of ... was unlawful" -> the court CRITICIZED X."""
        for comp in verb.children:
            if comp.dep_ != "ccomp":
                continue
            words = {t.lemma_.lower() for t in comp.subtree}
            if not words & UNLAWFUL:
                continue
            sources = [a for a in self.agent_of(verb) if self.acts.actors[a].type in ("GovernmentBody", "NGO", "Person")]
            targets = [a for a in self.acts.actors_in(comp.left_edge.i, comp.right_edge.i + 1)
                       if self.acts.actors[a].type in ORG_TYPES]
            if verb.lemma_.lower() not in ("rule", "find", "conclude", "hold", "decide", "declare", "determine"):
                # "said the chain had falsely flagged ...": only the clause's own subject is accused
                targets = [a for c in comp.children if c.dep_ == "nsubj" for a in self.actors_of(c)
                           if self.acts.actors[a].type in ORG_TYPES]
            for source in sources:
                for target in targets[:1]:
                    self.add(source, "CRITICIZED", target, verb.i, 0.5)

    def simple(self, verb, kind, objects, confidence):
        sources = self.agent_of(verb)
        if kind in ("USED", "DEVELOPED"):
            objects = [o for o in objects if o.pos_ != "PRON"]
        if kind == "USED":
            # "ran searches through Clearview AI": the tool the searches went through
            objects = objects + [g for o in objects if o.lemma_.lower() in SEARCH_NOUNS
                                 for c in [*o.children, *verb.children] if c.dep_ == "prep"
                                 and c.lower_ in ("through", "on", "in", "with", "using")
                                 for g in c.children if g.dep_ == "pobj"]
        for o in objects:
            targets = self.actors_of(o)
            if not targets and o.lower_ == "it" and kind in ("SUPPORTED", "CRITICIZED"):
                targets = self.measure_before(o, sources)
            if not targets and kind == "USED":
                targets = self.vendor_of(o, verb)
            if not targets and kind in ("CRITICIZED", "SUPPORTED") and o.lemma_.lower() in DECISION_NOUNS \
                    and any(c.lower_ in ("the", "this", "that") for c in o.children):
                targets = self.decision_maker(o, sources)
            if not targets and kind in ("CRITICIZED", "SUPPORTED") and (
                    o.lemma_.lower() in CONDUCT_NOUNS or kind == "CRITICIZED" and o.pos_ == "NOUN"):
                # "slammed the company's practices" -> the company
                targets = [a for c in o.children if c.dep_ == "poss" and c.lower_ not in ("his", "her", "their")
                           for a in [self.actor_of(c, ORG_TYPES + ("Product", "Person"))] if a is not None]
            if kind == "ANNOUNCED":
                # "Acme, Beta and Gamma announced bans": each its own ban
                covering = [a for start, end, a in self.acts.frames if start <= o.i < end
                            and self.acts.actors[a].type in ("Policy", "Bill")]
                for source in sources:
                    own = [a for a in covering if self.acts.actors[a].owner == source]
                    for target in own or targets:
                        self.add(source, kind, target, verb.i, confidence)
                continue
            for target in targets:
                for source in sources:
                    taken = _bought(kind, verb, self.acts.actors[source].type, self.acts.actors[target].type)
                    if taken is not None:
                        self.add(source, taken, target, verb.i, confidence)

    def measure_before(self, pronoun, sources) -> list[int]:
        """"Markey introduced the Act. The ACLU endorsed it": "it" is the measure when the
        last actor named before it (in this or the previous sentence) is a bill or policy."""
        acts = self.acts
        sentence = pronoun.sent
        start = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        framed = {i: a for first, end, a in acts.frames if first >= start for i in range(first, end)}
        for i in range(pronoun.i - 1, start - 1, -1):
            actor = framed.get(i, acts.at(i))
            if actor is None or actor in sources:
                continue
            return [actor] if acts.actors[actor].type in ("Bill", "Policy") else []
        return []

    def sold_product(self, verb, recipients):
        """"Acme's Vision service has been sold to police departments": with no agent, the
        product's owner supplied them, and they use the product."""
        if not recipients or any(c.dep_ == "agent" for c in verb.children):
            return
        for subject in (c for c in verb.children if c.dep_ == "nsubjpass"):
            products = list(dict.fromkeys(a for t in subject.subtree for a in self.actors_of(t)
                                          if self.acts.actors[a].type == "Product"))
            owners = [a for c in subject.children if c.dep_ == "poss"
                      for a in [self.actor_of(c, ("Company",))] if a is not None]
            owners += [self.acts.actors[p].owner for p in products
                       if self.acts.actors[p].owner is not None and not owners]
            for recipient in recipients:
                for target in self.actors_of(recipient):
                    for owner in owners:
                        self.add(owner, "SUPPLIED", target, verb.i, 0.6)
                    for product in products:
                        self.add(target, "USED", product, verb.i, 0.55)

    def vendor_of(self, noun, verb) -> list[int]:
        """"services from Acme", "Acme's software", "software supplied by Acme": Acme."""
        if noun.lemma_.lower() not in OFFERING_NOUNS:
            return []
        found = [g for c in list(noun.children) + list(verb.children) if c.dep_ == "prep"
                 and c.lower_ in ("from", "by", "of") and (c.head.i == noun.i or c.lower_ == "from")
                 for g in c.children if g.dep_ == "pobj"]
        found += [c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        # "the Clearview AI facial recognition system": the maker's name modifies the noun
        found += [t for t in noun.lefts if t.dep_ in ("nmod", "compound") and t.pos_ == "PROPN"]
        found += [g for t in noun.lefts if t.dep_ in ("nmod", "compound") and t.pos_ == "PROPN"
                  for g in t.lefts if g.dep_ in ("nmod", "compound") and g.pos_ == "PROPN"]
        if verb.dep_ == "relcl" and any(c.dep_ == "poss" and c.lower_ == "whose" for c in noun.children):
            found.append(verb.head)  # "Acme, the vendor whose software the department used"
        found += [g for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  and VERB_TO_TYPE.get(c.lemma_.lower()) in ("SUPPLIED", "DEVELOPED")
                  for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        return [a for g in found for a in self.actors_of(g) if self.acts.actors[a].type == "Company"]

    def supplied_by(self):
        """"police identified him with software supplied by Acme": Acme SUPPLIED the police,
        who USED Acme's software (the company stands for its unnamed product)."""
        for verb in self.doc:
            if verb.tag_ != "VBN" or verb.dep_ != "acl" or VERB_TO_TYPE.get(verb.lemma_.lower()) != "SUPPLIED" \
                    and verb.lemma_.lower() not in MAKING_VERBS:
                continue
            noun = verb.head
            if self.acts.at(noun.i) is not None or noun.lemma_.lower() not in OFFERING_NOUNS:
                continue
            suppliers = [a for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
                         for a in self.actors_of(g) if self.acts.actors[a].type == "Company"]
            if not suppliers:
                continue
            governor = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
            if governor is None and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children):
                # "The cameras, supplied by Acme, ...": the cameras someone deployed before
                governor = next((t.head for t in reversed(self.doc[max(0, noun.sent.start - 80):noun.i])
                                 if t.lemma_ == noun.lemma_ and t.dep_ == "dobj"
                                 and VERB_TO_TYPE.get(t.head.lemma_.lower()) == "USED"), None)
            if governor is not None and governor.lemma_.lower() in TRIAL_NOUNS and governor.dep_ == "dobj" \
                    and governor.head.lemma_.lower() not in REFUSING_VERBS:
                governor = governor.head  # "ended a pilot of cameras supplied by Acme": the pilot's runner
            if governor is None or governor.pos_ != "VERB" or _negated(governor):
                continue
            # "deployed cameras made by Acme": a company that deploys them is a client too
            client_types = ("GovernmentBody", "Company") if VERB_TO_TYPE.get(governor.lemma_.lower()) == "USED" \
                else ("GovernmentBody",)
            clients = [a for a in self.agent_of(governor) if self.acts.actors[a].type in client_types]
            for supplier in suppliers:
                for client in clients:
                    self.add(supplier, "SUPPLIED", client, verb.i, 0.5)
                    self.add(client, "USED", supplier, verb.i, 0.45)

    def nominalisations(self):
        """"Acme's support for X", "criticism of X by Y", "the FBI's use of X", "Acme's sale of X
        to police", "a call by Y on X": the noun carries the verb's relation; the source is
        the possessor or the "by"/"from" phrase, the target the noun's own preposition."""
        acts = self.acts
        for noun in self.doc:
            frame = NOUN_FRAMES.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
            if frame is None:
                continue
            kind, preps = frame
            holders = [c for c in noun.children if c.dep_ == "poss"]
            holders += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                        for g in c.children if g.dep_ == "pobj"]
            left = noun.left_edge.i
            if not holders and left >= 2 and self.doc[left - 1].text in ("’", "'") \
                    and self.doc[left - 2].lower_.endswith("s") and acts.at(left - 2) is not None:
                holders.append(self.doc[left - 2])  # "Reyes’ support", the apostrophe parsed apart
            heads = [noun] + ([noun.head] if noun.dep_ == "dobj" and kind == "SUPPLIED" else [])
            targets = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                       for g in c.children if g.dep_ == "pobj"]
            if not holders or not targets or _negated(noun.head):
                continue
            sources = [a for h in holders for a in self.actors_of(h)]
            for t in targets:
                found = self.actors_of(t)
                if not found and kind == "USED":
                    found = self.vendor_of(t, t)
                for target in found:
                    for source in sources:
                        self.add(source, kind, target, noun.i, 0.5)

    def rebuttals(self):
        """"Acme disagreed with the allegations", "disputed the agency's findings": Acme
        CRITICIZED who made them (the possessor, else the last body that accused or found)."""
        acts = self.acts
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in REBUT_VERBS or _negated(verb):
                continue
            nouns = [c for c in verb.children if c.dep_ == "dobj"]
            nouns += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                      for g in c.children if g.dep_ == "pobj"]
            nouns = [n for n in nouns if n.lemma_.lower() in CLAIM_NOUNS]
            if not nouns:
                continue
            sources = self.agent_of(verb)
            for noun in nouns:
                decisions = [a for a in self.actors_of(noun) if acts.actors[a].type == "Policy"]
                if decisions:  # "rejected the ruling": the ruling itself
                    for source in sources:
                        self.add(source, "CRITICIZED", decisions[0], verb.i, 0.5)
                    continue
                makers = [a for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"
                          for a in self.actors_of(c)]
                makers = makers or [a for g in of_objects(noun.children) for a in self.actors_of(g)
                                    if acts.actors[a].type in ORG_TYPES]  # "the results of the ACLU"
                if not makers:
                    for earlier in reversed(self.doc[max(0, verb.sent.start - 120):verb.sent.start]):
                        if earlier.pos_ == "VERB" and LEMMA_FIXES.get(earlier.lower_, earlier.lemma_.lower()) \
                                in ACCUSING_VERBS:
                            makers = [a for a in self.agent_of(earlier) if a not in sources
                                      and acts.actors[a].type in ("GovernmentBody", "NGO")]
                            # the nearest accuser only: "a tribunal later ruled ... X appealed
                            # that ruling" names no actor, rather than an older fine's maker
                            break
                for maker in makers:
                    for source in sources:
                        self.add(source, "CRITICIZED", maker, verb.i, 0.45)

    def filed_stances(self):
        """"filed a brief supporting Mercer", "signed a letter opposing the bill": the stance
        of a document is its author's."""
        for verb in self.doc:
            kind = VERB_TO_TYPE.get(verb.lemma_.lower())
            if kind not in ("SUPPORTED", "CRITICIZED") or verb.tag_ != "VBG":
                continue
            if verb.dep_ == "amod" and verb.i > 0 and self.doc[verb.i - 1].lower_ in FILED_NOUNS \
                    and verb.head.dep_ == "dobj":
                # the parser's "a [brief] [supporting] Mercer": Mercer as the object filed
                sources, objects = self.agent_of(verb.head.head), [verb.head]
            elif verb.dep_ == "acl" and verb.head.lemma_.lower() in FILED_NOUNS and verb.head.dep_ == "dobj":
                sources, objects = self.agent_of(verb.head.head), [c for c in verb.children if c.dep_ == "dobj"]
            else:
                continue
            for target_noun in objects:
                targets = self.actors_of(target_noun) or [
                    a for c in target_noun.children if c.dep_ == "poss"
                    for a in [self.actor_of(c)] if a is not None]  # "supporting Lynch's request"
                for source in sources:
                    for target in targets:
                        self.add(source, kind, target, verb.i, 0.5)

    def warnings(self):
        """"warned that the bill would bury detectives in paperwork": a warning about what a
        measure or a product would do is criticism of it."""
        acts = self.acts
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in WARNING_VERBS or _negated(verb):
                continue
            measures = [a for c in verb.children if c.dep_ == "ccomp" for s in c.children
                        if s.dep_ in ("nsubj", "nsubjpass") for a in self.actors_of(s)
                        if acts.actors[a].type in ("Bill", "Policy", "Product")]
            for source in self.agent_of(verb):
                for target in measures:
                    if acts.actors[target].owner != source:  # no one warns against their own
                        self.add(source, "CRITICIZED", target, verb.i, 0.45)

    def challenges(self):
        """"would seek a review of the determination", "filed an appeal against the order",
        "asked the court to overturn the order": whoever challenges a measure CRITICIZED it."""
        acts = self.acts
        for token in self.doc:
            lemma = token.lemma_.lower()
            verb = token.head  # who seeks the review, who asks for the overturning
            if token.pos_ == "NOUN" and lemma in CHALLENGE_NOUNS and verb.pos_ == "VERB" and token.dep_ == "dobj":
                measures = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "against")
                            for g in c.children if g.dep_ == "pobj"]
            elif token.pos_ == "VERB" and lemma in UNDOING_VERBS and token.dep_ == "xcomp" \
                    and verb.lemma_.lower() in CALL_WORDS | {"petition"}:
                measures = [c for c in token.children if c.dep_ == "dobj"]
            else:
                continue
            if _negated(verb):
                continue
            sources = self.agent_of(verb)
            for noun in measures:
                for target in self.actors_of(noun):
                    if acts.actors[target].type in ("Policy", "Bill"):
                        for source in sources:
                            self.add(source, "CRITICIZED", target, token.i, 0.5)

    def against(self):
        """"lobbied against the ban", "a campaign against Acme", "voted against the bill":
        opposition to the target."""
        for prep in self.doc:
            if prep.lower_ != "against" or prep.dep_ != "prep":
                continue
            head = prep.head
            if head.lemma_.lower() not in AGAINST_HEADS:
                continue
            verb = head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ in (
                    "dobj", "xcomp", "pobj", "prep", "nsubj", "compound"):
                verb = verb.head
            if _negated(verb):
                continue
            objects = [g for g in prep.children if g.dep_ == "pobj"]
            if head.pos_ == "NOUN" and head.dep_ == "nsubj":
                continue  # "the campaign against X grew": no agent in this sentence
            self.simple(verb if head.pos_ != "VERB" else head, "CRITICIZED", objects, 0.5)

    def in_favour(self):
        """"voted in favour of (a draft of) the Act", "voted for the bill", "spoke in support
        of X": support for the object."""
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("vote", "speak", "argue", "campaign",
                                                                  "lobby", "rally", "testify") or _negated(verb):
                continue
            objects = []
            for prep in verb.children:
                if prep.dep_ != "prep":
                    continue
                if prep.lower_ == "for" and verb.lemma_.lower() == "vote":
                    objects += [g for g in prep.children if g.dep_ == "pobj"]
                elif prep.lower_ == "in":
                    for noun in prep.children:
                        if noun.dep_ == "pobj" and noun.lemma_.lower() in ("favour", "favor", "support"):
                            objects += [g for of in noun.children if of.dep_ == "prep" and of.lower_ == "of"
                                        for g in of.children if g.dep_ == "pobj"]
            # "a draft / version of the Act" is the Act
            objects = [next((g for of in o.children if of.dep_ == "prep" and of.lower_ == "of"
                             for g in of.children if g.dep_ == "pobj"), o)
                       if not self.actors_of(o) and o.lemma_.lower() in ("draft", "version", "text", "copy")
                       else o for o in objects]
            before = len(self.out)
            self.simple(verb, "SUPPORTED", objects, 0.55)
            # "voted for a ban" makes the voter's own ban, which it announces rather than supports
            self.out[before:] = [r for r in self.out[before:] if self.acts.actors[r.target].owner != r.source]

    def partners(self):
        """"Acme partnered with police departments", "shares video with police": a company
        SUPPLIED the body; a product's partners USED it."""
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in PARTNER_VERBS or _negated(verb):
                continue
            if verb.lemma_.lower() == "work" and not any(c.lower_ == "closely" for c in verb.children):
                continue
            partners = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                        for g in c.children if g.dep_ == "pobj"]
            for source in self.agent_of(verb):
                for p in partners:
                    for target in self.actors_of(p):
                        self.partnership(source, target, verb.i, 0.5)

    def partnership(self, a, b, token, confidence):
        """A company and a government body working together (in either order): the company
        SUPPLIED the body; a product and a body: the body USED the product."""
        by_type = {self.acts.actors[a].type: a, self.acts.actors[b].type: b}
        if "GovernmentBody" not in by_type or len(by_type) != 2:
            return
        body = by_type["GovernmentBody"]
        if "Company" in by_type:
            self.add(by_type["Company"], "SUPPLIED", body, token, confidence)
        elif "Product" in by_type:
            self.add(body, "USED", by_type["Product"], token, confidence)

    def decision_maker(self, noun, sources) -> list[int]:
        """"condemned the decision": who announced or decided something last before it."""
        for verb in reversed(self.doc[:noun.i]):
            if verb.pos_ == "VERB" and LEMMA_FIXES.get(verb.lower_, verb.lemma_.lower()) in DECIDING_VERBS \
                    and verb.dep_ != "relcl" \
                    and verb.sent.start >= noun.sent.start - 200:
                makers = [a for a in self.agent_of(verb) if a not in sources
                          and self.acts.actors[a].type in ("Company", "GovernmentBody", "NGO")]
                if makers:
                    # "approved a ban ... praised the decision": the decision is the ban
                    decided = [a for c in verb.children if c.dep_ == "dobj" for a in self.actors_of(c)
                               if self.acts.actors[a].type in ("Policy", "Bill")]
                    # "the council voted to ban ... called the vote a huge step": the council's measure
                    decided += [a for _, _, a in self.acts.frames if self.acts.actors[a].owner in makers
                                and self.acts.actors[a].type in ("Policy", "Bill")
                                and self.acts.actors[a].kind != "lawsuit"]
                    return decided[:1] or makers
        return []

    def clients(self):
        """"the Tulsa Police Department, one of Cortexa's largest customers", "a client of
        Stratacore", "Clearpath, which counts a dozen agencies as clients": the seller
        SUPPLIED the client. A customer of a product USED it (its maker, once known, is the
        seller: see supply_chains)."""
        acts = self.acts
        for token in self.doc:
            if token.lemma_.lower() not in CUSTOMER_NOUNS or token.pos_ != "NOUN":
                continue
            sellers = [c for c in token.children if c.dep_ == "poss" and c.lower_ != "whose"]
            sellers += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"]
            holder = token
            if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "one":
                holder = token.head.head  # "one of Cortexa's customers"
            clients = []
            if holder.dep_ == "appos":
                clients = [holder.head]
            elif holder.dep_ == "attr" and holder.head.lemma_ == "be":
                clients = [c for c in holder.head.children if c.dep_ == "nsubj"]
            elif token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.lemma_.lower() == "count":
                verb = token.head.head  # "which counts a dozen agencies as clients"
                clients = [c for c in verb.children if c.dep_ == "dobj"]
                sellers = [verb.head] if verb.dep_ == "relcl" else [c for c in verb.children if c.dep_ == "nsubj"]
            for seller in (a for g in sellers for a in self.actors_of(g)):
                for client in (a for g in clients for a in self.actors_of(g)):
                    if acts.actors[client].type not in ("GovernmentBody", "Company", "NGO"):
                        continue
                    if acts.actors[seller].type == "Product":
                        self.add(client, "USED", seller, token.i, 0.5)
                    else:
                        self.add(seller, "SUPPLIED", client, token.i, 0.55)

    def suppliers(self):
        """"Axon, the largest supplier of body cameras to U.S. police departments", "a provider
        of platforms to state police forces": the company SUPPLIED whom the noun names with "to"."""
        acts = self.acts
        for noun in self.doc:
            if noun.lemma_.lower() not in SUPPLIER_NOUNS or noun.pos_ != "NOUN":
                continue
            if noun.dep_ == "appos":
                sellers = self.actors_of(noun.head)
            elif noun.dep_ == "attr" or noun.dep_ == "pobj" and noun.head.lower_ == "as":
                verb = noun.head if noun.dep_ == "attr" else noun.head.head
                sellers = self.agent_of(verb) if verb.pos_ in ("VERB", "AUX") else []
            else:
                continue
            holders = [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                for g in c.children if g.dep_ == "pobj"]
            clients = [a for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                       for g in c.children if g.dep_ == "pobj" for a in self.actors_of(g)
                       if acts.actors[a].type in ("GovernmentBody", "Company", "NGO")]
            for seller in sellers:
                if acts.actors[seller].type != "Company":
                    continue
                for client in clients:
                    self.add(seller, "SUPPLIED", client, noun.i, 0.55)

    def purchases(self):
        """"Brightline bought the system from Portico", "runs the GlimpseGuard system from
        Glimpse Analytics": the seller SUPPLIED the buyer."""
        acts = self.acts
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in TAKING_PRODUCT_VERBS or not _taken_for_real(verb):
                continue
            for seller in self.sellers_from(verb):
                for buyer in self.agent_of(verb):
                    if acts.actors[buyer].type in ("GovernmentBody", "Company", "NGO"):
                        self.add(seller, "SUPPLIED", buyer, verb.i, 0.5)

    def sellers_from(self, verb) -> list[int]:
        """The companies a taking verb names with "from", on itself or on its object ("bought
        the system from Portico", "runs the GlimpseGuard system from Glimpse Analytics")."""
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        return [a for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                for g in c.children if g.dep_ == "pobj" for a in self.actors_of(g)
                if self.acts.actors[a].type == "Company"]

    def requests(self):
        """"X asked the board for the money", "X has asked the team to publish ...", "X wrote to
        Y (asking ...)": a request is a call on whoever it is made of."""
        for verb in self.doc:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or _negated(verb) or lemma not in ("ask", "request", "write"):
                continue
            if lemma == "write":
                asked = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                         for g in c.children if g.dep_ == "pobj"]
            else:
                wants = any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                            or c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
                asked = [c for c in verb.children if c.dep_ == "dobj"] if wants else []
            targets = [g for g in asked if g.pos_ in ("PROPN", "NOUN", "PRON")]
            if targets:
                self.simple(verb, "CALLED_FOR", targets, 0.5)

    def contracts(self):
        """"the agency signed a contract with Acme" / "Acme won a contract with the agency" /
        "Acme, whose customers include the FBI" -> Acme SUPPLIED the agency."""
        acts = self.acts
        for token in self.doc:
            lemma = token.lemma_.lower()
            if lemma in ("contract", "deal", "agreement") and token.dep_ == "dobj" \
                    and token.head.lemma_.lower() in ("sign", "award", "ink", "win", "have", "strike", "land",
                                                      "secure", "receive", "get"):
                verb = token.head
                partners = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                            for g in c.children if g.dep_ == "pobj"]
                partners += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                             for g in c.children if g.dep_ == "pobj"]
                if verb.lemma_.lower() in ("win", "land", "secure", "receive", "get"):
                    # "Acme won a contract from the agency"
                    partners += [g for c in list(token.children) + list(verb.children)
                                 if c.dep_ == "prep" and c.lower_ in ("from", "with")
                                 for g in c.children if g.dep_ == "pobj"]
                for subject in self.agent_of(verb):
                    for p in partners:
                        for partner in self.actors_of(p):
                            self.partnership(subject, partner, token.i, 0.55)
            elif lemma == "include" and token.pos_ == "VERB":
                buyers = [c for c in token.children if c.dep_ == "nsubj" and c.lemma_.lower() in CUSTOMER_NOUNS]
                for b in buyers:
                    sellers = [a for c in b.children if c.dep_ == "poss" for a in (
                        self.actors_of(token.head) if c.lower_ == "whose" and token.dep_ == "relcl"
                        else self.actors_of(c)) if acts.actors[a].type == "Company"]
                    clients = [a for c in token.children if c.dep_ == "dobj" for a in self.actors_of(c)
                               if acts.actors[a].type == "GovernmentBody"]
                    for seller in sellers:
                        for client in clients:
                            self.add(seller, "SUPPLIED", client, token.i, 0.55)

    def speaker_of_clause(self, verb):
        head = verb
        for _ in range(3):
            if head.dep_ in ("ccomp",):
                return self.agent_of(head.head)
            head = head.head
        return []

    def used_by_examples(self, targets):
        """"organizations like Acme Aid ... to use Rekognition": each example USED it."""
        for t in targets:
            users = self.actors_of(t)
            for verb in t.sent:
                if verb.lemma_ != "use" or verb.pos_ != "VERB":
                    continue
                for obj in verb.children:
                    if obj.dep_ == "dobj":
                        for product in self.actors_of(obj, ("Product",)):
                            for user in users:
                                self.add(user, "USED", product, verb.i, 0.55)

    def call(self, verb):
        """"X called on Y", "X called for a ban", "X called Y to ..."; "X called Y('s database)
        illegal" is criticism."""
        judged = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp") and c.pos_ == "ADJ"]
        if judged:
            if {c.lemma_.lower() for c in judged} & (UNLAWFUL | ALARM | BAD_EVAL | BAD_LABELS):
                self.simple(verb, "CRITICIZED", [c for c in verb.children if c.dep_ == "dobj"], 0.55)
            return
        named = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "NOUN"]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and objects[0].pos_ == "PRON" and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            # "supported both measures, calling them a first step": them = the measures
            objects = [c for c in verb.head.children if c.dep_ == "dobj"] or objects
        if named and objects:
            # "called the expansion a step backwards", "called the ban a landmark"
            kind = _label_tone({t.lemma_.lower() for c in named for t in c.subtree})
            if kind is not None and objects[0].lower_ in ("it", "them", "this"):
                # "supported the bill, and X called it a model": it = the measure just named
                sources = self.agent_of(verb)
                for measure in self.measure_before(objects[0], sources):
                    for source in sources:
                        self.add(source, kind, measure, verb.i, 0.5)
                return
            if kind is not None:
                self.simple(verb, kind, objects, 0.5)
            return
        targets = [g for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")
                   for g in c.children if g.dep_ == "pobj"]
        for c in verb.children:
            if c.dep_ == "prt" and c.lower_ in ("on", "upon"):
                targets += [d for d in verb.children if d.dep_ == "dobj"]
        targets += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                    for g in c.children if g.dep_ == "pobj"
                    and self.acts.resolve(g) is not None
                    and self.acts.actors[self.acts.resolve(g)].type in ("Bill", "Policy")]
        if any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() not in ("let", "tell", "say", "inform", "ask", "check")
               and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
               for c in verb.children):
            # not "called him to let him know": a telephone call; a clause with its own subject
            # names, it does not ask (below)
            targets += [c for c in verb.children if c.dep_ == "dobj"]
        if not targets:
            if any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children):
                return  # "called this what it is", "calling it X doesn't change ...": naming
            # "called “Microsoft and the others to join ...”": the first actor after it
            for token in verb.doc[verb.i + 1: min(len(verb.doc), verb.i + 4)]:
                actor = self.acts.at(token.i)
                if actor is not None:
                    for source in self.agent_of(verb):
                        self.add(source, "CALLED_FOR", actor, verb.i, 0.5)
                    break
            return
        self.simple(verb, "CALLED_FOR", targets, 0.65)

    def appeal(self, verb):
        """"said it would appeal the decision", "Guo said he would appeal": the appellant
        CRITICIZED the ruling, fine or notice (the object, else the last one named before)."""
        acts = self.acts
        sources = self.agent_of(verb)
        if verb.dep_ in ("ccomp", "conj") and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children):
            # "The city government said it would appeal": "it" is who said so
            sources = self.agent_of(verb.head) or sources
        targets = [a for c in verb.children if c.dep_ == "dobj" for a in self.actors_of(c)
                   if acts.actors[a].type == "Policy"]
        if not targets and not any(c.dep_ == "dobj" for c in verb.children):
            earlier = [a for start, _, a in acts.frames if start < verb.i and acts.actors[a].type == "Policy"
                       and acts.actors[a].owner not in sources]
            targets = earlier[-1:]
        for target in targets:
            for source in sources:
                self.add(source, "CRITICIZED", target, verb.i, 0.5)

    def labelled(self, verb):
        """"described the fine as 'disproportionate'", "characterized the bill as a model": a
        judgement of the object by the words after "as"."""
        label = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                 if g.dep_ in ("pobj", "amod", "acomp", "pcomp")]
        if not label:
            return
        kind = _label_tone({t.lemma_.lower() for g in label for t in g.subtree}
                           | {t.lower_ for g in label for t in g.subtree})
        if kind is not None:
            self.simple(verb, kind, [c for c in verb.children if c.dep_ == "dobj"], 0.5)

    def policies(self):
        acts = self.acts
        first: dict[int, int] = {}
        for start, end, a in acts.frames:
            record = acts.actors[a]
            if record.type not in ("Policy", "Bill") or record.owner is None or record.kind in PROJECT_HEADS:
                continue  # a contract or a plan is fought over, not announced by whoever runs it
            first.setdefault(a, start)
            indices = list(range(start, end))
            root = self.doc[start:end].root
            if root.dep_ == "dobj" and root.head.lemma_.lower() in ENACT_VERBS | {"announce"}:
                # "announced bans on the sale of X to police": the "to" hangs on the verb
                indices += [t.i for c in root.head.children if c.dep_ == "prep" and c.lower_ in ("to", "by")
                            for t in c.subtree]
            for i in indices:
                target = acts.at(i)
                if target is not None and target != record.owner and acts.actors[target].type == "GovernmentBody":
                    self.add(record.owner, "RESTRICTED", target, start, 0.7)
                    break
        for a, start in first.items():
            record = acts.actors[a]
            self.add(record.owner, "INTRODUCED" if record.introduced else "ANNOUNCED", a, start, 0.8)
            for person in record.stated_by:
                self.add(person, "ANNOUNCED", a, start, 0.6)

    def bills_and_incidents(self):
        acts = self.acts
        seen = set()
        for start, end, a in acts.frames:
            record = acts.actors[a]
            if record.type == "Incident" and record.victim is not None and a not in seen:
                seen.add(a)
                self.add(record.victim, "INVOLVED_IN", a, start, 0.8)
            if record.kind in WRONGFUL_KINDS and ("arrest", a) not in seen:
                seen.add(("arrest", a))
                for agent, token in self.arresters(record.victim):
                    self.add(agent, "INVOLVED_IN", a, token, 0.6)
            if record.kind == "lawsuit":
                # every mention may name parties: "X filed the lawsuit ... against A and B"
                defendants = [record.against] + self.defendants(start, end)
                plaintiffs = [record.owner] + self.plaintiffs(start, end)
                for plaintiff in dict.fromkeys(plaintiffs):
                    self.add(plaintiff, "INVOLVED_IN", a, start, 0.7)
                    for defendant in dict.fromkeys(defendants):
                        self.add(defendant, "INVOLVED_IN", a, start, 0.7)
                        self.add(plaintiff, "CRITICIZED", defendant, start, 0.6)
        self.agents_of_incidents()
        self.cosponsors()

    def arresters(self, victim: int) -> list[tuple[int, int]]:
        """The government bodies that arrested ``victim``: "A was arrested by X" (any arrest
        verb when A's is the story's only arrest), "the arrests of A by X"."""
        acts, found = self.acts, []
        victims = {r.victim for r in acts.actors if r.kind in WRONGFUL_KINDS}
        for token in self.doc:
            if token.lemma_ != "arrest":
                continue
            if token.pos_ == "VERB":
                patients = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj")]
                named = {acts.at(c.i) for c in patients} - {None}
                # with one arrest in the story, any arrest verb is about it ("police can no
                # longer arrest people based solely on ..."); with several, only its victim's
                if victim in named or victims == {victim} and not named:
                    found += [(agent, token.i) for agent in self.agent_of(token)]
            elif token.pos_ == "NOUN":
                # "by X" belongs to the "of" it follows, not to a later "... and of B"
                preps = [c for c in token.children if c.dep_ == "prep"]
                if victim in {acts.at(g.i) for g in of_objects(preps)}:
                    found += [(agent, token.i) for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                              for g in c.children if g.dep_ == "pobj" for agent in self.actors_of(g)]
        return [(agent, i) for agent, i in found if acts.actors[agent].type == "GovernmentBody"]

    def defendants(self, start: int, end: int) -> list[int]:
        """Everyone a lawsuit mention is "against": "a lawsuit against the police department,
        the prosecutor's office and several officers", "filed the lawsuit ... against X"."""
        found = []
        for token in self.doc[start:end]:
            if token.lemma_.lower() not in LEGAL_NOUNS:
                continue
            holders = [token]
            if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in FILING_VERBS:
                holders.append(token.head)
                # "filed the lawsuit in federal court against X": the parser may hang it on "court"
                holders += [g for c in token.head.children if c.dep_ == "prep" and c.lower_ != "against"
                            for g in c.children if g.dep_ == "pobj"]
            for holder in holders:
                for prep in holder.children:
                    if prep.dep_ == "prep" and prep.lower_ == "against":
                        for obj in prep.children:
                            if obj.dep_ == "pobj":
                                found += self.actors_of(obj, ORG_TYPES + ("Person",))
        return found

    def plaintiffs(self, start: int, end: int) -> list[int]:
        """Who filed a lawsuit mention: "Jane Doe filed the lawsuit", "was filed by Jane Doe"."""
        for token in self.doc[start:end]:
            if token.lemma_.lower() in LEGAL_NOUNS and token.dep_ in ("dobj", "nsubjpass") \
                    and token.head.lemma_.lower() in FILING_VERBS:
                return [a for a in self.agent_of(token.head)
                        if self.acts.actors[a].type in ORG_TYPES + ("Person",)]
        return []

    def cosponsors(self):
        """"X and Y signed on as co-sponsors": they INTRODUCED the bill last named before."""
        acts = self.acts
        for token in self.doc:
            if token.lemma_.lower() not in ("sponsor", "cosponsor", "co-sponsor") or token.dep_ != "pobj" \
                    or token.head.lower_ != "as" or token.head.head.pos_ != "VERB":
                continue
            bills = [a for s, _, a in acts.frames if s < token.i and acts.actors[a].type == "Bill"]
            if bills:
                for sponsor in self.agent_of(token.head.head):
                    self.add(sponsor, "INTRODUCED", bills[-1], token.i, 0.55)

    def agents_of_incidents(self):
        """"X, a man who was killed by police" / "protests met with violence from police":
        the government body is INVOLVED_IN the incident of the victim or of the subject."""
        acts = self.acts
        doc = self.doc
        by_victim = {acts.actors[a].victim: a for _, _, a in acts.frames
                     if acts.actors[a].type == "Incident" and acts.actors[a].victim is not None}
        for token in doc:
            custody = token.lower_ in ("in", "at") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in ("custody", "hands") for g in token.children)
            # "the killing of X by a Minneapolis police officer": "by" inside the incident's name
            nominal_by = token.lower_ == "by" and token.dep_ == "prep" and any(
                s <= token.i < e and acts.actors[a].type == "Incident" for s, e, a in acts.frames)
            if not (token.dep_ == "agent" or custody or nominal_by or token.lower_ == "from" and token.head.lemma_ in
                    ("violence", "force", "brutality", "abuse")):
                continue
            if custody:
                # "the killing of X in Springfield police custody", "at the hands of police"
                held = [g for g in token.children if g.dep_ == "pobj"]
                bodies = [a for g in held for t in g.subtree if t.i != g.i and (a := acts.at(t.i)) is not None
                          and acts.actors[a].type == "GovernmentBody"]
                frames = [a for s, e, a in acts.frames if s <= token.i < e and acts.actors[a].type == "Incident"]
                for body in dict.fromkeys(bodies):
                    for incident in frames[-1:]:
                        self.add(body, "INVOLVED_IN", incident, token.i, 0.55)
                continue
            bodies = [actor for g in token.children for actor in self.actors_of(g)
                      if acts.actors[actor].type == "GovernmentBody"]
            officers = [g for g in token.children if g.lemma_.lower() in OFFICER_NOUNS]
            if not bodies:
                # "by a Minneapolis police officer": the force named inside the officer's noun
                bodies = list(dict.fromkeys(
                    a for g in officers for t in g.subtree if t.i < g.i and (a := acts.at(t.i)) is not None
                    and acts.actors[a].type == "GovernmentBody"))
            if not bodies and officers:
                bodies = [i for i, r in enumerate(acts.actors) if r.name == GENERIC_POLICE]
            if nominal_by and self.local_police is not None:
                # "by a city police officer" in a story about one force is that force
                bodies = [self.local_police if acts.actors[b].name == GENERIC_POLICE else b for b in bodies]
            if not bodies:
                continue
            incident = None
            frames = [a for s, e, a in acts.frames if s <= token.i < e and acts.actors[a].type == "Incident"]
            if frames:
                incident = frames[-1]
            head = token.head
            for _ in range(4):
                if incident is not None:
                    break
                actor = acts.at(head.i)
                if actor is not None and actor in by_victim:
                    incident = by_victim[actor]
                    break
                for child in head.children:
                    if child.dep_ in ("nsubj", "nsubjpass"):
                        framed = [a for s, e, a in acts.frames if s <= child.i < e
                                  and acts.actors[a].type == "Incident"]
                        if framed:
                            incident = framed[0]
                if head.head.i == head.i:
                    break
                head = head.head
            if incident is not None:
                for body in bodies:
                    self.add(body, "INVOLVED_IN", incident, token.i, 0.55)

    def products(self):
        acts = self.acts
        doc = self.doc
        present = {record.name: i for i, record in enumerate(acts.actors)}
        for index, record in enumerate(acts.actors):
            if record.type != "Product":
                continue
            for start, end in record.spans:
                root = doc[start:end].root
                owner = None
                heads = [root, root.head] if root.dep_ in ("appos", "compound", "npadvmod", "nmod", "amod") else [root]
                for h in heads:
                    for child in h.children:
                        if child.dep_ == "poss" and child.lower_ == "whose":
                            # "Northgate, the Kansas City company whose IdentiScan software ..."
                            owner = next((a for a in self.actors_of(_whose_antecedent(child))
                                          if acts.actors[a].type in ORG_TYPES), None)
                        elif child.dep_ == "poss":
                            owner = self.actor_of(child, ("Company", "NGO", "GovernmentBody"))
                if owner is None:
                    for i in range(doc[start].left_edge.i, start):
                        a = acts.at(i)
                        if a is not None and acts.actors[a].type == "Company" and doc[i].head.i in range(start, end):
                            owner = a
                if owner is None:
                    first_word = record.name.split()[0]
                    owner = present.get(first_word) if first_word != record.name else None
                if owner is not None and acts.actors[owner].type in ("Company", "NGO", "GovernmentBody"):
                    self.add(owner, "DEVELOPED", index, start, 0.7)
                    break
            entry = self.gazetteer.by_name.get(record.name)
            if entry is not None and entry.developer and entry.developer in present and record.spans:
                self.add(present[entry.developer], "DEVELOPED", index, record.spans[0][0], 0.6)

    def described_products(self):
        """A product described by who runs, makes, sells or uses it: "Sfera, a system run by
        the Department of IT and used by the police", "a system called Aegis, sold by SN
        Technologies", "the Traveler Verification Service, a cloud system that CBP runs"."""
        acts = self.acts
        doc = self.doc
        for index, record in enumerate(acts.actors):
            if record.type != "Product":
                continue
            for start, end in record.spans:
                root = doc[start:end].root
                # the noun that stands for the product in its sentence
                carrier = root
                if root.dep_ == "appos":
                    carrier = root.head  # "a system, Aegis, run by ..."
                elif root.dep_ == "oprd" and root.head.lemma_.lower() in ("call", "name", "dub", "know"):
                    carrier = root.head.head  # "a system called Aegis, sold by ..."
                nouns = [root] + [c for c in root.children if c.dep_ == "appos"]
                if carrier is not root and acts.at(carrier.i) is None:
                    nouns.append(carrier)
                if end < len(doc) - 2 and doc[end].text == "," and root.dep_ in ("dobj", "pobj"):
                    # "used TraceLens, a search engine built by X": the parser made the
                    # appositive a second object
                    nouns += [c for c in root.head.children if c.dep_ == root.dep_ and c.pos_ == "NOUN"
                              and c.left_edge.i == end + 1 and acts.at(c.i) is None]
                for noun in nouns[1:]:
                    # "Custom Neural Voice, its tool for creating synthetic voices": its owner
                    for owner in (c for c in noun.children if c.dep_ == "poss"):
                        source = self.actor_of(owner, ("Company", "GovernmentBody", "NGO"))
                        if source is not None and acts.actors[source].type in ("Company", "GovernmentBody", "NGO"):
                            self.add(source, "DEVELOPED", index, noun.i, 0.55)
                verbs = [c for n in nouns for c in n.children if c.dep_ in ("acl", "relcl")]
                # "the matching engine, FaceGrid, is licensed to the city by X"
                verbs += [n.head for n in (root, carrier) if n.dep_ == "nsubjpass" and n.head.tag_ == "VBN"]
                verbs += [c for v in verbs for c in v.conjuncts if c.i > v.i]
                vendors = []
                for verb in verbs:
                    kind = DESCRIBED_BY.get(verb.lemma_.lower())
                    if kind is None or _negated(verb):
                        continue
                    if verb.dep_ == "relcl" or verb.dep_ == "conj" and verb.head.dep_ == "relcl" \
                            and not any(c.dep_ == "agent" for c in verb.children):
                        doers = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
                    else:
                        doers = _agents(verb)
                        # "a system licensed from the Arizona company Dunmore Analytics"
                        doers += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                                  for g in c.children if g.dep_ == "pobj"]
                    for doer in doers:
                        for source in self.actors_of(doer):
                            if acts.actors[source].type in ("Company", "GovernmentBody", "NGO"):
                                self.add(source, kind, index, verb.i, 0.55)
                                if verb.lemma_.lower() in VENDOR_VERBS and acts.actors[source].type == "Company":
                                    vendors.append(source)
                                    self.passive_client(index, verb, source)
                self.product_client(index, carrier, vendors)

    def products_by_reference(self):
        """"It was built by Clarion Identity Solutions", "the software was supplied by
        Vigilix": a pronoun or an offering noun that names no actor, made or sold by a
        company, stands for the product the story mentioned last, if its last mention is at
        most 80 tokens (two or three sentences) before."""
        acts = self.acts
        doc = self.doc
        for token in doc:
            verb = token.head
            if token.dep_ != "nsubjpass" or verb.tag_ != "VBN" or verb.lemma_.lower() not in VENDOR_VERBS \
                    or _negated(verb) or acts.at(token.i) is not None \
                    or not (token.lower_ == "it" or token.lemma_.lower() in OFFERING_NOUNS and token.tag_ == "NN"
                            and any(c.lower_ == "the" for c in token.children)):
                continue
            product = acts.recent(token.i, ("Product",), doc=doc)
            if product is None or token.sent.start - max(
                    (s for s, _ in acts.actors[product].spans if s < token.i), default=-1) > 80:
                continue
            for doer in _agents(verb):
                for vendor in self.actors_of(doer):
                    if acts.actors[vendor].type == "Company":
                        self.add(vendor, "DEVELOPED", product, verb.i, 0.5)
                        self.passive_client(product, verb, vendor)

    def passive_client(self, product: int, verb, vendor: int):
        """"X is licensed to the city by Acme", "software supplied to Uber by Acme": the city
        USED X and Acme SUPPLIED it."""
        if verb.tag_ != "VBN" or _agents(verb) == []:
            return
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "to":
                continue
            for noun in prep.children:
                for client in self.actors_of(noun):
                    if self.acts.actors[client].type in ("GovernmentBody", "Company") and client != vendor:
                        self.add(vendor, "SUPPLIED", client, verb.i, 0.5)
                        self.add(client, "USED", product, verb.i, 0.5)

    def product_client(self, product: int, noun, vendors: list[int]):
        """Who takes a product in the sentence that names it: "the State Police, which runs
        searches through ClearMatch", "the district is buying the system from Sentinel Vision":
        the client USED the product, and its vendor SUPPLIED the client."""
        acts = self.acts
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head \
            if noun.dep_ == "pobj" and noun.head.lower_ in ("through", "with", "from") else None
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in VERB_TYPES["USED"] | TAKING_PRODUCT_VERBS \
                or not _taken_for_real(verb):
            return
        vendors = vendors + self.sellers_from(verb)
        for client in self.agent_of(verb):
            if acts.actors[client].type not in ("GovernmentBody", "Company") or client in vendors:
                continue
            self.add(client, "USED", product, verb.i, 0.5)
            for vendor in vendors:
                self.add(vendor, "SUPPLIED", client, verb.i, 0.5)

    def affiliations(self):
        acts = self.acts
        doc = self.doc
        for index, record in enumerate(acts.actors):
            if record.type != "Person":
                continue
            for start, end in record.spans:
                root = doc[start:end].root
                org = None
                role = None
                # "Acme Research’s John Roe"
                if start >= 2 and doc[start - 1].tag_ == "POS":
                    a = acts.at(start - 2)
                    if a is not None and acts.actors[a].type in ORG_TYPES:
                        org = a
                # "Acme Lab researcher John Roe", "President Jane Doe"
                if org is None:
                    left = root.left_edge.i
                    if any(doc[i].lower_ in FORMER for i in range(left, start)):
                        left = start  # "former police officer X": no longer theirs
                    for i in range(left, start):
                        a = acts.at(i)
                        if a is not None and acts.actors[a].type in ORG_TYPES:
                            org = a
                        if doc[i].lower_ in ROLE_WORDS:
                            role = doc[i:start].text if role is None else role
                    if role is None and start > 0 and doc[start - 1].lower_ in ROLE_WORDS:
                        role = doc[start - 1].text
                    if org is None and role is not None:
                        org = _short_named_org(acts, doc[left:start - len(role.split())])
                # appositive / "of X"
                if org is None:
                    for child in root.children:
                        if child.dep_ == "appos" or child.dep_ == "prep" and child.lower_ in ("of", "at", "from", "with"):
                            if child.dep_ == "appos":
                                role = role or _appos_text(child)
                            for t in _subtree_without_clauses(child):
                                a = acts.at(t.i)
                                if a is not None and acts.actors[a].type in ORG_TYPES and a != index:
                                    if child.dep_ == "appos" and child.lemma_.lower() in RESIDENT_WORDS:
                                        continue  # "a Democrat from White Center": a place
                                    if child.dep_ == "appos" and child.lemma_.lower() not in ROLE_WORDS \
                                            and not set(acts.actors[a].name.lower().split()) & BODY_WORDS \
                                            and acts.actors[a].type == "GovernmentBody":
                                        continue  # "a Springfield man": a resident, not an official
                                    org = a
                                    break
                            if org is not None:
                                break
                # "said Jane Doe of Acme Research Inc." (the "of" hung on the verb)
                if org is None and end + 1 < len(doc) and doc[end].lower_ in ("of", "at", "from"):
                    a = acts.at(end + 1) if acts.at(end + 1) is not None else acts.at(end + 2)
                    if a is None:
                        # "Jane Doe of the liberal Renew Europe group": the object's own name
                        pobj = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
                        if pobj is not None:
                            a = next((acts.at(t.i) for t in doc[end + 1:pobj.i + 1] if acts.at(t.i) is not None), None)
                    if a is not None and acts.actors[a].type in ORG_TYPES:
                        org = a
                # "Acme Lab researcher John Roe": an organisation, then role words
                if org is None:
                    i = start - 1
                    while i >= 0 and start - i <= 4 and acts.at(i) is None and (
                            doc[i].lower_ in ROLE_WORDS or doc[i].pos_ in ("NOUN", "ADJ")):
                        i -= 1
                    if i >= 0 and i < start - 1 and acts.at(i) is not None \
                            and acts.actors[acts.at(i)].type in ORG_TYPES:
                        org = acts.at(i)
                # "the technology giant founded by Jeff Bezos", "CEO of X"
                if org is None and root.dep_ == "pobj" and root.head.dep_ == "agent":
                    verb = root.head.head
                    if verb.lemma_ in ("found", "lead", "run", "head", "own", "start", "create", "control", "chair"):
                        # "Acme, which is controlled by Jane Doe": a relative clause as well
                        a = acts.at(verb.head.i) if verb.dep_ in ("acl", "relcl") else None
                        if a is None and verb.dep_ == "acl" and verb.head.dep_ == "appos":
                            a = acts.at(verb.head.head.i)  # "Project X, a nonprofit founded by Y"
                        if a is not None and acts.actors[a].type in ORG_TYPES:
                            org = a
                # "the company's chief executive, Jane Doe," / "a director at Acme, Jane Doe"
                if org is None and root.dep_ == "appos" and root.head.lemma_.lower() in ROLE_WORDS:
                    role = role or root.head.text
                    for child in root.head.children:
                        # "a department spokesman, Jane Doe," names the body by a compound noun
                        if child.dep_ in ("poss", "compound") or child.dep_ == "prep" and child.lower_ in ("of", "at", "for"):
                            holder = child if child.dep_ in ("poss", "compound") else next(
                                (g for g in child.children if g.dep_ == "pobj"), None)
                            if holder is None or holder.lower_ in ("his", "her", "their", "my", "your"):
                                continue
                            a = self.holder_org(holder)
                            if a is not None:
                                org = a
                                break
                # "Jane Doe, the city's data coordinator," / "Jane Doe, a department spokesman,"
                if org is None:
                    for child in root.children:
                        if child.dep_ == "appos" and child.lemma_.lower() in ROLE_WORDS:
                            holders = [c for c in child.children if c.dep_ in ("poss", "compound")
                                       and c.lower_ not in ("his", "her", "their", "my", "your")]
                            org = next((a for a in map(self.holder_org, holders) if a is not None), None)
                            if org is not None:
                                break
                # "Jane Doe, who chairs the panel", "Jane Doe, who leads the agency's work on X"
                led = self.led_by(root)
                if org is None and led:
                    org = led[0]
                # "Councilor Jane Doe" and the city council, "Mayor Jane Doe" and the city
                if org is None:
                    org = self.titled_body(root, start)
                # "Senator X" holds a public office: a company or group near the name is
                # not X's organisation ("pressure from the EFF and from Senator X")
                titled = start > 0 and doc[start - 1].lower_ in ROLE_WORDS and _title_key(doc[start - 1]) is None
                if org is None and titled:
                    nearest = None
                    # "X called on President Y": X acts on Y, it is not Y's organisation
                    agents = set()
                    if root.dep_ in ("dobj", "pobj", "dative"):
                        agents = set(self.agent_of(root.head if root.dep_ != "pobj" else root.head.head))
                    elif root.dep_ == "nsubj":
                        # "Attorney General X sued Acme": Acme is what X acts on
                        agents = {acts.at(t.i) for c in root.head.children if c.dep_ in ("dobj", "dative", "prep", "npadvmod")
                                  for t in c.subtree if acts.at(t.i) is not None}
                    for t in root.sent:
                        a = acts.at(t.i)
                        if a is not None and acts.actors[a].type in ("Company", "NGO") and a not in agents:
                            distance = abs(t.i - start) - (100 if t.dep_ == "nsubj" else 0)
                            if nearest is None or distance < nearest[0]:
                                nearest = (distance, a)
                    if nearest is not None:
                        org = nearest[1]
                    elif doc[start - 1].lower_ in SPOKES_WORDS:
                        # "Acme disputed the figures. In an email, spokeswoman Jane Doe wrote":
                        # the organisation the text is about there, as for a bare "a spokesperson said"
                        org = acts.recent(start - 1, ORG_TYPES, doc=doc)
                if role and not record.role:
                    record.role = role
                if org is not None:
                    self.add(index, "AFFILIATED_WITH", org, start, 0.75)
                    for other in led:  # "a Google employee who co-founded the AI Now Institute"
                        if other != org:
                            self.add(index, "AFFILIATED_WITH", other, start, 0.7)
                    break
        # "Jeff Bezos’ group": the group is the person's organisation
        for i, token in enumerate(doc):
            if (token.dep_ == "poss" or possessive_name(token)) and token.pos_ == "PROPN":
                person = acts.at(i)
                org = acts.at(token.head.i)
                if person is not None and org is not None and acts.actors[person].type == "Person" \
                        and acts.actors[org].type in ORG_TYPES and token.head.pos_ == "NOUN":
                    self.add(person, "AFFILIATED_WITH", org, i, 0.6)

    def led_by(self, root) -> list[int]:
        """The organisations a person's relative clause says they lead, chair, founded or
        sit on: "X, who chairs the committee", "X, a Democrat who chairs ...", "X, who
        directs the project and sits on the board"."""
        described = [root] + [c for c in root.children if c.dep_ == "appos"]
        clauses, found = [], []
        for noun in described:
            for clause in noun.children:
                if clause.dep_ == "relcl" and any(
                        c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in clause.children):
                    clauses += [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        for clause in clauses:
            lemma = clause.lemma_.lower()
            if _negated(clause) or lemma not in LEADING_VERBS | SEAT_VERBS | {"work"}:
                continue
            if lemma == "work":
                # "who works as a program manager at Acme", "who works for the agency"
                preps = [c for c in clause.children if c.dep_ == "prep"]
                preps += [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"
                          for o in c.children if o.dep_ == "pobj" for g in o.children if g.dep_ == "prep"]
                objects = [g for c in preps if c.lower_ in ("at", "for") for g in c.children if g.dep_ == "pobj"]
            elif lemma in SEAT_VERBS:
                objects = [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "on"
                           for g in c.children if g.dep_ == "pobj"]
            else:
                objects = [c for c in clause.children if c.dep_ == "dobj"]
            for obj in objects:
                holders = [obj] + [c for c in obj.children if c.dep_ == "poss"] + [
                    g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "at")
                    for g in c.children if g.dep_ == "pobj"]
                for holder in holders:
                    a = self.actor_of(holder, ORG_TYPES)
                    if a is not None and self.acts.actors[a].type in ORG_TYPES and a not in found:
                        found.append(a)
                        break
        return found

    def holder_org(self, holder):
        """The organisation a role's holder word names: "Acme's", "the agency's", a bare
        "department" or "city" standing for the one such body of the document."""
        acts = self.acts
        a = self.actor_of(holder, ORG_TYPES)
        if a is not None and acts.actors[a].type in ORG_TYPES:
            return a
        word = holder.lemma_.lower()
        bodies = [i for i, r in enumerate(acts.actors) if r.type == "GovernmentBody"]
        if word == "city":
            fitting = [i for i in bodies if not set(acts.actors[i].name.lower().split()) & BODY_WORDS]
        elif word in BODY_HEADS:
            fitting = [i for i in bodies if word in acts.actors[i].name.lower().split()]
        else:
            return None
        return fitting[0] if len(fitting) == 1 else None

    def titled_body(self, root, start):
        """The government body a person's title names: "Councilor X" -> the council of the
        document, "Commissioner X" -> the commission or commissioner's office, "Sen. X" ->
        the Senate, "Mayor X" -> the city named in the document."""
        doc = self.doc
        acts = self.acts
        title = doc[start - 1] if start > 0 else None
        if (title is None or _title_key(title) is None) and root.dep_ == "conj":
            head_start = root.head.left_edge.i
            title = next((t for t in doc[head_start:root.head.i] if _title_key(t)), None)
        key = _title_key(title) if title is not None else None
        if key is None or any(t.lower_ in FORMER for t in doc[max(0, title.i - 3):title.i]):
            return None  # "former police officer X" holds no office now
        bodies = [i for i, r in enumerate(acts.actors) if r.type == "GovernmentBody"]
        if key == "city":
            cities = [i for i in bodies if not set(acts.actors[i].name.lower().split()) & BODY_WORDS]
            return cities[0] if len(cities) == 1 else None
        matching = [i for i in bodies if key in acts.actors[i].name.lower()]
        if len(matching) > 1:  # a named department rather than the generic "police departments"
            matching = [i for i in matching if acts.actors[i].name != GENERIC_POLICE]
        return matching[0] if len(matching) == 1 else None

    def quotes(self, statements: list[RawStatement], affiliation: dict[int, int]):
        acts = self.acts
        doc = self.doc
        for s in statements:
            tokens = doc[s.start:s.end]
            if s.kind != "quote":
                self.reported_demands(s, tokens)
                continue
            speakers = [s.speaker]
            if any(t.lower_ in ("we", "our", "us") for t in tokens) and s.speaker in affiliation:
                speakers.append(affiliation[s.speaker])
            lowers = {t.lower_ for t in tokens}
            # calls ("we urge X", "X must ..."); a demand made while warning of dangers is
            # also criticism ("Amazon must fully commit ... until the dangers are addressed")
            targets = []
            demanded = []
            reproached = []
            for t in tokens:
                if t.lemma_.lower() in CALL_WORDS and t.pos_ == "VERB" and not _naming_call(t):
                    for c in t.children:
                        if c.dep_ == "dobj":
                            targets += self.actors_of(c)
                    if not targets:
                        for u in tokens:
                            a = acts.at(u.i)
                            if a is not None and u.dep_ in ("nsubj",) and acts.actors[a].type == "GovernmentBody" \
                                    and a not in speakers:
                                targets.append(a)
                demanding = _demanding_verb(t)
                if demanding is not None:
                    # "X should never have built it": a reproach, not a call
                    reproach = any(c.lower_ == "have" and c.dep_ == "aux" for c in demanding.children) \
                        and demanding.tag_ == "VBN"
                    for c in demanding.children:
                        if c.dep_ == "nsubj" and c.lower_ not in ("we", "i", "us"):
                            for a in self.actors_of(c):
                                if acts.actors[a].type in ORG_TYPES + ("Person",):
                                    if reproach:
                                        reproached.append(a)
                                    else:
                                        targets.append(a)
                                        demanded.append(a)
            for target in dict.fromkeys(targets):
                for speaker in speakers:
                    self.add(speaker, "CALLED_FOR", target, s.start, 0.6)
            for target in dict.fromkeys(reproached):
                for speaker in speakers:
                    self.add(speaker, "CRITICIZED", target, s.start, 0.5)
            if {t.lemma_.lower() for t in tokens} & ALARM:
                for target in dict.fromkeys(demanded):
                    for speaker in speakers:
                        self.add(speaker, "CRITICIZED", target, s.start, 0.45)
            # support
            if lowers & POSITIVE and not (lowers & {"threat", "dangerous"}):
                policies = [a for a in acts.actors_in(s.start, s.end) if acts.actors[a].type == "Policy"]
                if not policies:
                    owners = [a for a in acts.actors_in(s.start, s.end) if acts.actors[a].type == "Company"]
                    policies = [i for i, r in enumerate(acts.actors) if r.type == "Policy" and r.owner in owners]
                for policy in policies:
                    for speaker in speakers:
                        self.add(speaker, "SUPPORTED", policy, s.start, 0.55)

    def reported_demands(self, s, tokens):
        """"X said the agency should disclose ...": X CALLED_FOR the agency."""
        acts = self.acts
        for t in tokens:
            demanding = _demanding_verb(t)
            if demanding is None or _negated(demanding):
                continue
            if any(c.lower_ == "have" and c.dep_ == "aux" for c in demanding.children):
                continue  # "should have ...": a reproach
            for c in demanding.children:
                if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN"):
                    for a in self.actors_of(c):
                        if acts.actors[a].type in ORG_TYPES and a != s.speaker:
                            self.add(s.speaker, "CALLED_FOR", a, s.start, 0.5)

    def on_behalf(self, affiliation: dict[int, int]):
        """A person speaking for their organisation ("... that his company will ...", "we
        urge ...") makes its calls and judgements too."""
        for r in list(self.out):
            if r.type not in ("CALLED_FOR", "SUPPORTED", "CRITICIZED") or r.source not in affiliation:
                continue
            sent = self.doc[r.token].sent
            speaks_for = any(t.lower_ in ("we", "our", "us") for t in sent) or any(
                t.lemma_.lower() in ("company", "organization", "organisation", "firm", "group")
                and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its") for c in t.children)
                for t in sent)
            if speaks_for:
                self.add(affiliation[r.source], r.type, r.target, r.token, r.confidence * 0.9)

    def announcers(self, statements: list[RawStatement], affiliation: dict[int, int]):
        """"Chief Deputy Marcus Wheeler said the office had changed that policy": a person who
        tells of their own organisation's decision ANNOUNCED it too."""
        acts = self.acts
        for s in statements:
            org = affiliation.get(s.speaker)
            if org is None or acts.actors[s.speaker].type != "Person":
                continue
            words = {t.lemma_.lower() for t in self.doc[s.start:s.end]}
            if words & (CALL_WORDS | {"should", "must", "need", "want", "seek", "beyond"}):
                continue  # a measure wished for or compared with is not one announced
            for start, end, a in acts.frames:
                if s.start <= start < s.end and acts.actors[a].type == "Policy" and acts.actors[a].owner == org \
                        and acts.actors[a].kind not in PROJECT_HEADS \
                        and self.doc[start:end].root.dep_ in ("nsubj", "nsubjpass", "dobj"):
                    self.add(s.speaker, "ANNOUNCED", a, start, 0.5)

    def stances(self, statements: list[RawStatement], affiliation: dict[int, int]):
        """The tone of a statement's clause toward its subject: "FreshWay turned its doors
        into checkpoints," said X -> X CRITICIZED FreshWay; "the fine is a clear win" ->
        SUPPORTED the fine. Only the subject's own clause counts (not "that you can say no to
        ..." under it), demands ("X should ...") are calls, not judgements, and the police in
        general are never the target. A weaker inference than the rules above, so only where
        they found nothing between the two."""
        acts = self.acts
        doc = self.doc
        related = {(r.source, r.target) for r in self.out}
        for s in statements:
            if s.speaker is None:
                continue
            own = affiliation.get(s.speaker)
            for t in doc[s.start:s.end]:
                verb = t.head
                if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ not in ("NOUN", "PROPN") \
                        or verb.pos_ not in ("VERB", "AUX") \
                        or any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
                    continue
                tone = _tone(x for x in _clause_tokens(verb, s.start, s.end) if x.i != t.i)
                for target in self.actors_of(t) if tone else ():
                    record = acts.actors[target]
                    if target in (s.speaker, own) or record.name == GENERIC_POLICE \
                            or record.type not in STANCE_TYPES[tone] or (s.speaker, target) in related \
                            or own is not None and affiliation.get(target) == own:
                        continue
                    related.add((s.speaker, target))
                    self.add(s.speaker, tone, target, s.start, 0.35)

    def evaluations(self, statements: list[RawStatement], affiliation: dict[int, int]):
        """What a statement says of a policy or bill ("the ban was needed", "the pledges were
        not enough") or of an actor ("we are disappointed that the regulator ignored ..."):
        its speaker SUPPORTED or CRITICIZED it."""
        acts = self.acts
        doc = self.doc
        for s in statements:
            speakers = [s.speaker]
            tokens = doc[s.start:s.end]
            if s.kind == "quote" and any(t.lower_ in ("we", "our", "us") for t in tokens) \
                    and s.speaker in affiliation:
                speakers.append(affiliation[s.speaker])
            for t in tokens:
                if t.pos_ == "VERB" and not _negated(t) and (
                        t.lemma_.lower() in ("violate", "flout") or t.lemma_.lower() in ("break", "ignore") and any(
                            c.dep_ == "dobj" and c.lemma_.lower() in ("law", "rule") for c in t.children)):
                    # "the police broke the law": the speaker accuses the subject
                    for c in t.children:
                        if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN"):
                            for target in self.actors_of(c):
                                for speaker in speakers:
                                    if target != speaker and acts.actors[target].type in ORG_TYPES + ("Person",):
                                        self.add(speaker, "CRITICIZED", target, s.start, 0.5)
                policy = acts.resolve(t) if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") else None
                if policy is not None and acts.actors[policy].type in ("Policy", "Bill"):
                    head = t.head
                    words = {head.lemma_.lower()} | {c.lemma_.lower() for c in head.children
                                                     if c.dep_ in ("acomp", "attr", "xcomp", "oprd")}
                    kind = _evaluation(words, _negated(head))
                    for speaker in speakers if kind else ():
                        self.add(speaker, kind, policy, s.start, 0.5)
                if t.pos_ == "NOUN" and (t.lemma_.lower() in FAULT_NOUNS or any(
                        c.dep_ == "amod" and c.lemma_.lower() in ALARM | BAD_EVAL | FAULT_ADJ for c in t.children)):
                    # "Acme's reckless use of ...", "the department's abuses"
                    for c in t.children:
                        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                            target = acts.at(c.i)
                            if target is not None and acts.actors[target].type in ORG_TYPES + ("Product",):
                                for speaker in speakers:
                                    if target != speaker and affiliation.get(speaker) != target:
                                        self.add(speaker, "CRITICIZED", target, s.start, 0.5)
                if t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN") and t.head.pos_ in ("VERB", "AUX"):
                    # "Clearview has simply ignored them," said X: X judges Clearview
                    kind = _judged_clause(t.head, s.start, s.end)
                    for target in self.actors_of(t) if kind else ():
                        if acts.actors[target].type not in ORG_TYPES + ("Person",):
                            continue
                        for speaker in speakers:
                            if target != speaker and affiliation.get(speaker) != target \
                                    and affiliation.get(target, -1) != affiliation.get(speaker):
                                self.add(speaker, kind, target, s.start, 0.45)
                if t.lemma_.lower() in DISMAY and t.dep_ in ("acomp", "ROOT", "amod") and not _negated(t.head):
                    clauses = [c for c in t.children if c.dep_ == "ccomp"]
                    if t.head.dep_ == "ccomp" and t.head.head.i > t.i:
                        clauses.append(t.head.head)  # the parser hangs "we are ..." on "there was"
                    existential = [c for c in clauses if any(g.dep_ == "expl" for g in c.children)]
                    if existential and s.speaker is not None:
                        # "we are disappointed there was no exemption": the measure at issue
                        self.add(s.speaker, "CRITICIZED", self.main_measure(s.start), s.start, 0.45)
                    for clause in t.children:
                        if clause.dep_ != "ccomp":
                            continue
                        for subject in clause.children:
                            if subject.dep_ in ("nsubj", "nsubjpass") and subject.lower_ not in ("we", "i", "it"):
                                for target in self.actors_of(subject):
                                    if acts.actors[target].type in ORG_TYPES + ("Person", "Policy", "Bill"):
                                        for speaker in speakers:
                                            if target != speaker and affiliation.get(speaker) != target:
                                                self.add(speaker, "CRITICIZED", target, s.start, 0.5)
                if t.dep_ == "nsubj" and t.lower_ in ("this", "it") and t.i <= s.start + 1 and s.kind == "quote" \
                        and t.head.lemma_ == "be" and s.speaker is not None:
                    # "“This is a landmark,” said X": the measure the story is about
                    words = {c.lemma_.lower() for c in t.head.children if c.dep_ in ("attr", "acomp")}
                    words |= {g.lemma_.lower() for c in t.head.children if c.dep_ == "attr"
                              for g in c.children if g.dep_ == "amod"}
                    kind = _evaluation(words, _negated(t.head))
                    if kind:
                        self.add(s.speaker, kind, self.main_measure(s.start), s.start, 0.45)

    def main_measure(self, before: int) -> int | None:
        """The measure the story is about, as far as token ``before``: the policy or bill
        mentioned most, the first on a tie."""
        acts = self.acts
        measures = [a for start, _, a in acts.frames if start < before
                    and acts.actors[a].type in ("Bill", "Policy") and acts.actors[a].kind != "lawsuit"]
        return max(measures, key=measures.count) if measures else None

    def letters(self):
        """"X sent a letter to Y", "X said in a letter to Y": a letter to Y is a call on Y."""
        for token in self.doc:
            if token.lemma_.lower() not in ("letter", "petition") or token.pos_ != "NOUN":
                continue
            verb = token.head
            recipients = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                          for g in c.children if g.dep_ == "pobj"]
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if not recipients and verb.lemma_ in ("send", "write", "address", "deliver"):
                tos = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
                recipients = [g for c in tos for g in c.children if g.dep_ == "pobj"]
                if not recipients and tos:
                    # a "to" the parser left without its object: the name right after it
                    after = [t for t in self.doc[tos[0].i + 1: tos[0].i + 5] if self.acts.at(t.i) is not None]
                    people = [t for t in after if self.acts.actors[self.acts.at(t.i)].type == "Person"]
                    recipients = (people or after)[:1]
            if not recipients or verb.pos_ not in ("VERB", "AUX"):
                continue
            for source in self.agent_of(verb):
                for r in recipients:
                    for target in self.actors_of(r):
                        self.add(source, "CALLED_FOR", target, token.i, 0.55)

    def complaints(self):
        """"X filed a complaint/lawsuit against Y" -> X CRITICIZED Y; "X sued Y over the
        wrongful arrest" -> Y INVOLVED_IN that incident."""
        acts = self.acts
        for token in self.doc:
            lemma = token.lemma_.lower()
            if lemma in LEGAL_NOUNS and token.pos_ == "NOUN":
                against = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "against"
                           for g in c.children if g.dep_ == "pobj"]
                verb = token.head
                if not against and verb.pos_ == "VERB":
                    against = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"
                               for g in c.children if g.dep_ == "pobj"]
                if not against or verb.pos_ not in ("VERB", "AUX") or token.dep_ not in ("dobj", "nsubjpass"):
                    continue
                for source in self.agent_of(verb):
                    for g in against:
                        for target in self.actors_of(g):
                            self.add(source, "CRITICIZED", target, token.i, 0.55)
            elif lemma == "sue" and token.pos_ == "VERB":
                over = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("over", "for")
                        for g in c.children if g.dep_ == "pobj"]
                incidents = [a for g in over for a in acts.actors_in(g.left_edge.i, g.right_edge.i + 1)
                             if acts.actors[a].type == "Incident"]
                defendants = [a for c in token.children if c.dep_ == "dobj" for a in self.actors_of(c)]
                for incident in incidents:
                    for defendant in defendants:
                        if acts.actors[defendant].type == "GovernmentBody":
                            self.add(defendant, "INVOLVED_IN", incident, token.i, 0.5)

    def concerns(self):
        """"raising concerns about X", "questions over X" -> CRITICIZED X."""
        for token in self.doc:
            if token.lemma_.lower() not in ("concern", "question", "objection", "doubt", "alarm", "worry"):
                continue
            if token.dep_ == "conj" and token.head.dep_ == "dobj":
                verb = token.head.head  # "raising privacy and civil liberty concerns about X"
            elif token.dep_ == "dobj":
                verb = token.head
            else:
                continue
            if verb.lemma_.lower() not in ("raise", "express", "voice", "share"):
                continue
            targets = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("about", "over", "regarding")
                       for g in c.children if g.dep_ == "pobj"]
            sources = self.agent_of(verb)
            if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB":
                sources = self.agent_of(verb.head.head)  # "sent a letter raising concerns"
            for source in sources:
                for t in targets:
                    found = self.actors_of(t)
                    if not found and t.lemma_.lower() in DECISION_NOUNS \
                            and any(c.lower_ in ("the", "this", "that") for c in t.children):
                        found = self.decision_maker(t, sources)  # "concerns about the deal"
                    for target in found:
                        self.add(source, "CRITICIZED", target, token.i, 0.5)

    def dissatisfied(self):
        """"The ACLU is not satisfied": its speaker CRITICIZED the policy just announced."""
        acts = self.acts
        for token in self.doc:
            if token.lemma_.lower() not in ("satisfied", "happy", "pleased", "content", "impressed") \
                    or token.dep_ != "acomp" or not _negated(token.head):
                continue
            sources = [a for c in token.head.children if c.dep_ == "nsubj" for a in self.actors_of(c)]
            policies = [a for s, e, a in acts.frames if s < token.i and acts.actors[a].type == "Policy"]
            for source in sources:
                if policies:
                    self.add(source, "CRITICIZED", policies[-1], token.i, 0.45)

    def criticism_from(self):
        """"criticism from X", "pressure from X" -> X CRITICIZED the one who faces it;
        "the measure drew support from X" -> X SUPPORTED it."""
        for token in self.doc:
            lemma = token.lemma_.lower()
            if lemma in SUPPORT_NOUNS:
                self.support_from(token)
                continue
            if lemma not in ("criticism", "pressure", "opposition", "backlash", "charge",
                             "allegation", "accusation", "scrutiny", "complaint"):
                continue
            critics = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                       for g in c.children if g.dep_ == "pobj"]
            if not critics:
                continue
            verb = token.head
            targets = self.agent_of(verb) if verb.pos_ in ("VERB", "AUX") else []
            for g in critics:
                for critic in self.actors_of(g):
                    for target in targets:
                        self.add(critic, "CRITICIZED", target, token.i, 0.5)

    def support_from(self, token):
        """A measure or actor that "drew/won/has support from X" or "the backing of X"."""
        verb = token.head
        if token.dep_ != "dobj" or verb.lemma_.lower() not in ("draw", "win", "have", "gain", "receive",
                                                                 "earn", "get", "attract", "enjoy"):
            return
        backers = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                   for g in c.children if g.dep_ == "pobj"]
        backers += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                    for g in c.children if g.dep_ == "pobj"]  # the parser hangs "from X" on the verb
        for backed in self.agent_of(verb):
            for g in backers:
                for backer in self.actors_of(g):
                    self.add(backer, "SUPPORTED", backed, token.i, 0.55)

    def supply_chains(self):
        """A product's maker SUPPLIED whoever the story says USED the product: "the sheriff's
        office uses FaceFind" and "FaceFind, made by Acme" -> Acme SUPPLIED the office."""
        actors = self.acts.actors
        makers = {}
        for r in self.out:
            if r.type == "DEVELOPED" and actors[r.source].type == "Company":
                makers.setdefault(r.target, []).append(r.source)
        linked = {(r.source, r.target) for r in self.out} | {(r.target, r.source) for r in self.out}
        for r in list(self.out):
            if r.type != "USED" or actors[r.source].type not in ("GovernmentBody", "Company"):
                continue
            for maker in makers.get(r.target, ()):
                if (maker, r.source) not in linked:
                    self.add(maker, "SUPPLIED", r.source, r.token, 0.4)

    def urged_votes(self):
        """"urged the council to reject the bill" -> CRITICIZED the bill; "... to pass it" ->
        SUPPORTED it: what someone asks a body to do with a measure is their stance on it."""
        for verb in self.doc:
            lemma = verb.lemma_.lower()
            stance = "CRITICIZED" if lemma in REFUSING_VERBS else "SUPPORTED" if lemma in APPROVING_VERBS else None
            if stance is None or verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in CALL_WORDS \
                    or _negated(verb):
                continue
            measures = [a for c in verb.children if c.dep_ == "dobj"
                        and not any(m.lower_ in ("similar", "other", "such", "their", "own") for m in c.lefts)
                        for a in self.actors_of(c) if self.acts.actors[a].type in ("Bill", "Policy")]
            for source in self.agent_of(verb.head):
                for measure in measures:
                    self.add(source, stance, measure, verb.i, 0.55)


def _leaders(token, acts) -> list[int]:
    """"a group of lawmakers led by Rep. Jane Doe" acts through Jane Doe."""
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ("lead", "head"):
            return [acts.at(g.i) for a in child.children if a.dep_ == "agent" for g in a.children
                    if g.dep_ == "pobj" and acts.at(g.i) is not None]
    return []


# who makes or sells a product: "a system sold by X" makes X its vendor
VENDOR_VERBS = MAKING_VERBS | {"sell", "supply", "license", "market"}
# "a system run by X" / "that X runs": X DEVELOPED it; "used by X": X USED it
DESCRIBED_BY = {**{verb: "DEVELOPED" for verb in VENDOR_VERBS | {"run", "operate", "maintain", "create", "own",
                                                                 "manage"}},
                **{verb: "USED" for verb in ("use", "deploy", "test", "trial", "pilot")}}
# taking a product: "buying the system from X", "installed cameras from X", "runs searches through X"
TAKING_PRODUCT_VERBS = {"buy", "purchase", "license", "install", "activate", "acquire", "order", "run", "search",
                        "rent", "lease", "procure"}
# a trial of something supplied: whoever runs, ends or extends it had the thing in use
TRIAL_NOUNS = {"pilot", "trial", "test", "rollout", "deployment", "use"}
REFUSING_VERBS = {"reject", "refuse", "block", "ban", "oppose", "bar", "prohibit", "cancel", "veto", "deny"}
RESIDENT_WORDS = {"democrat", "republican", "independent", "resident", "native", "man", "woman"}
APPROVING_VERBS = {"pass", "approve", "adopt", "sign", "enact", "support", "back", "endorse"}
SUPPORT_NOUNS = {"support", "backing", "endorsement", "praise"}


def _title_key(token) -> str | None:
    word = token.lower_.rstrip(".")
    key = TITLE_BODIES.get(word) or TITLE_BODIES.get(word[:-1] if word.endswith("s") else "")
    if key == "police" and token.i > 0 and token.doc[token.i - 1].lower_ in ("district", "school", "schools"):
        return None  # "District Superintendent X" runs the schools
    return key


# what a statement says an actor did that judges it ("Acme has simply ignored the fines",
# "the Garden turned a security tool into a weapon", "Congress still hasn't acted")
JUDGED_BAD = {"ignore", "flout", "violate", "breach", "abuse", "weapon", "punish", "mislead", "deceive",
              "exploit", "harass", "discriminate", "lack", "risk", "guess", "gamble", "conceal", "trample",
              "endanger", "evade", "stonewall", "collateral", "surveil", "spy", "coin"}
JUDGED_GOOD = {"commendable", "courageous", "leadership"}
GOOD_THING = {"right", "responsible"}  # "is doing the right thing"
# "still hasn't passed": a body's failure to act, when the speaker says "still" or "yet"
MODALS = {"should", "must", "would", "could", "will", "may", "might", "can", "ought", "shall", "'ll", "wo", "ca"}
INACTION_VERBS = {"pass", "act", "regulate", "protect", "address", "respond", "fix", "stop", "enact"}


def _agents(verb) -> list:
    """The nouns of a passive verb's "by" phrases: "backed by the ACLU and by Calder
    Neighbors" -> ACLU, Neighbors."""
    bys = [c for c in verb.children if c.dep_ == "agent"]
    bys += [conj for by in bys for conj in by.conjuncts if conj.lower_ == "by"]
    return [g for by in bys for g in by.children if g.dep_ == "pobj"]


def _evaluation(words: set[str], negated: bool) -> str | None:
    """"SUPPORTED" or "CRITICIZED" for what is said of a measure ("needed", "a landmark",
    "not enough"), or None when the words are neutral or mixed."""
    good, bad = bool(words & GOOD_EVAL), bool(words & BAD_EVAL)
    if negated:
        good, bad = bad, good
    return "SUPPORTED" if good and not bad else "CRITICIZED" if bad and not good else None


def _naming_call(verb) -> bool:
    """"calling it age estimation", "called this what it is": "call" that names, not asks
    (no "on", "for" or "to ..." after it)."""
    return verb.lemma_.lower() == "call" and not any(
        c.dep_ in ("prt", "prep") and c.lower_ in ("on", "upon", "for") or c.dep_ == "xcomp" for c in verb.children)


def _clause_tokens(verb, span_start: int, span_end: int) -> list:
    """The tokens of ``verb``'s clause inside a statement span, without the clauses under it
    that have a subject of their own ("Portland has shown that [you can say no to ...]")."""
    found = []
    stack = [verb]
    while stack:
        token = stack.pop()
        if not span_start <= token.i < span_end:
            continue
        found.append(token)
        for child in token.children:
            if child.dep_ in ("ccomp", "advcl") and any(
                    g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
                continue
            stack.append(child)
    return found


def _judged_clause(verb, span_start: int, span_end: int) -> str | None:
    """Whether the clause of ``verb`` (inside a statement) speaks ill or well of its subject:
    "CRITICIZED", "SUPPORTED" or None. Clauses with a subject of their own are left out."""
    words = set()
    for token in _clause_tokens(verb, span_start, span_end):
        words.add(token.lemma_.lower())
        words.add(token.lower_)
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return None  # "Boston should not be using ...": a demand, not a judgement of conduct
    bad = bool(words & (JUDGED_BAD | FAULT_NOUNS | FAULT_ADJ | UNLAWFUL))
    good = bool(words & JUDGED_GOOD) or bool(words & GOOD_THING) and "thing" in words
    if _negated(verb):
        # "still hasn't passed a law" is a reproach; "is not doing the right thing" too
        inaction = verb.lemma_.lower() in INACTION_VERBS and words & {"still", "yet"}
        return "CRITICIZED" if inaction or good else None
    return "CRITICIZED" if bad and not good else "SUPPORTED" if good and not bad else None


# a statement's tone: words that condemn or praise what the statement is about
STANCE_BAD = {"dangerous", "danger", "threat", "alarming", "disturbing", "troubling", "worrying",
              "flawed", "unacceptable", "outrageous", "reckless", "invasive", "intrusive", "unlawful",
              "illegal", "unconstitutional", "violate", "violation", "discriminatory", "discriminate",
              "biased", "racist", "misidentify", "inaccurate", "unreliable", "wrong", "wrongly", "fail",
              "failure", "secret", "secretly", "humiliate", "humiliating", "betrayal", "betray", "abuse",
              "misuse", "harm", "harmful", "chilling", "dystopian", "orwellian", "shameful",
              "disappointing", "irresponsible", "rush", "lineup", "checkpoint", "misunderstand",
              "loophole", "toothless", "weak", "mistake", "ignore", "mislead", "creepy",
              "overreach", "sham", "disaster", "nightmare", "unnecessary", "misguided", "abandon",
              "kid", "conceal", "hide", "exploit", "intimidate", "track", "breach", "risk",
              } | DISMAY
STANCE_GOOD = {"welcome", "applaud", "praise", "commend", "victory", "win", "landmark", "milestone",
               "proud", "pleased", "glad", "encouraged", "safer", "valuable", "vital", "essential",
               "effective", "help", "solve", "success", "successful", "accurate", "safeguard",
               "overdue", "useful", "balanced", "sensible", "step", "protect", "right", "meaningful",
               "strongest", "important", "model", "grateful", "good"}
COGNITION_VERBS = {"recognize", "recognise", "understand", "acknowledge", "admit", "address", "study",
                   "warn", "highlight", "expose", "document", "reveal", "confirm", "fix", "prevent", "reduce",
                   "investigate", "determine", "examine", "assess", "review", "ask", "consider", "probe"}
TAKING_VERBS = {"deprive", "strip", "rob", "deny", "remove", "take"}
STANCE_TYPES = {"CRITICIZED": ("Company", "GovernmentBody", "Product", "Policy", "Bill"),
                "SUPPORTED": ("Policy", "Bill", "Product")}


def _governing_verb(token):
    """The nearest verb above ``token`` ("deprive" for "a useful tool" in "deprive them of a
    useful tool")."""
    return next((a for a in token.ancestors if a.pos_ == "VERB"), None)


def _tone(tokens) -> str | None:
    """"CRITICIZED" or "SUPPORTED" when a clause's words lean one way, else None. A praising
    word under a negation ("will not make anyone safer") or a taking verb ("deprive them of
    a useful tool") counts against; a condemning word under a verb of knowing ("has
    recognized the dangers") does not count."""
    bad = good = 0
    for t in tokens:
        words = {t.lemma_.lower(), t.lower_}
        if "right" in words and t.pos_ != "ADJ":
            words.discard("right")  # "civil rights"
        negated = _negated(t) or _negated(t.head) and t.dep_ in ("acomp", "attr", "dobj", "oprd")
        verb = _governing_verb(t)
        verb = verb.lemma_.lower() if verb is not None else ""
        if any(c.lower_ == "too" for c in t.children):
            bad += 1  # "went too far", "too weak"
        elif words & STANCE_GOOD:
            if negated or verb in TAKING_VERBS:
                bad += 1
            else:
                good += 1
        elif words & STANCE_BAD and not negated and verb not in COGNITION_VERBS:
            bad += 1
    return "CRITICIZED" if bad > good else "SUPPORTED" if good > bad else None


def _conjuncts(token):
    out = []
    for child in token.children:
        if child.dep_ == "conj" or child.dep_ == "appos" and child.pos_ == "PROPN":
            out.append(child)
            out.extend(_conjuncts(child))
    return out


def _examples(token):
    """"organizations like Acme Aid, X and Y" / "such as Acme Aid" -> [Acme Aid, X, Y], also when
    "such as" hangs on a noun of the group's relative clause."""
    out = []
    if token.tag_ in ("NNS", "NNPS"):
        for sub in token.subtree:
            # "such" heads "as", or (a parser variant) hangs on it: "..., such as Thorn"
            such_as = sub.head.lower_ == "such" and sub.head.head.i != token.i \
                or any(c.lower_ == "such" and c.dep_ == "amod" for c in sub.children) and sub.head.i != token.i
            if sub.lower_ == "as" and such_as:
                for g in sub.children:
                    if g.dep_ == "pobj":
                        out.append(g)
                        out.extend(_conjuncts(g))
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("like", "as", "including"):
            for g in child.children:
                if g.dep_ == "pobj":
                    out.append(g)
                    out.extend(_conjuncts(g))
        if child.dep_ == "amod" and child.lower_ == "such":
            for p in child.children:
                for g in p.children:
                    if g.dep_ == "pobj":
                        out.append(g)
                        out.extend(_conjuncts(g))
        if child.dep_ == "prep" and child.lower_ == "of" and token.lemma_.lower() in COLLECTIVE_NOUNS:
            # "a coalition of local groups, including A and B"
            for g in child.children:
                if g.dep_ == "pobj":
                    out.extend(_examples(g))
    return out


def _taken_for_real(verb) -> bool:
    """Whether a verb of taking or using says it happens: not "banned police from using X",
    "may still use X", "if police are using X", "did not buy X"."""
    return not (_negated(verb) or _prevented(verb) or _stopped(verb) or any(
        c.dep_ == "aux" and c.lower_ in MODALS or c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless")
        for c in verb.children))


# what one "needs to" learn is a wish for information, not a demand to act
INFORMED = {"know", "understand", "see", "hear", "learn", "ask"}


def _demanding_verb(token):
    """The verb whose subject is asked to act, when ``token`` makes a demand of it: the
    modal of "X must / should disclose ..." (the verb), or "X needs to / has to / ought to
    pass ..." (the verb "need" itself, which holds the subject)."""
    if token.lower_ in ("must", "should") and token.dep_ == "aux":
        return token.head
    # only a present obligation in a main clause: not "they had to give me fluids", "the
    # tools they need to keep people safe" or "why it needs to keep the faces"
    if token.lemma_.lower() in ("need", "have", "ought") and token.tag_ in ("VBZ", "VBP", "MD") \
            and token.dep_ in ("ROOT", "ccomp", "conj") \
            and not any(c.tag_ in ("WRB", "WP", "WDT") for c in token.children) and any(
            c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i > token.i and c.lemma_.lower() not in INFORMED
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in token.children):
        return token
    return None


def _negated(verb) -> bool:
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in ("never",):
            return True
        if child.dep_ in ("aux", "auxpass", "advmod") and any(g.dep_ == "neg" for g in child.children):
            return True
        if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
    if verb.dep_ == "conj" and verb.tag_ != verb.head.tag_:
        return False  # "had not been consulted and urged X": the second verb has its own tense
    return verb.dep_ in ("xcomp", "conj") and _negated(verb.head) and verb.head.lemma_ not in ("stop",)


def _prevented(verb) -> bool:
    """"banned police from using X": the use is what is prevented, not a fact."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.head.lemma_.lower() in (
        VERB_TYPES["RESTRICTED"] | {"prevent", "stop", "keep", "discourage", "exclude", "suspend"})


def _stopped(verb) -> bool:
    return verb.head.lemma_ in ("stop", "cease", "end", "quit")


def _continued(verb) -> bool:
    head = verb.head
    return head.lemma_ == "continue" or any(c.lemma_ == "continue" for c in verb.children)


def _subtree_without_clauses(token):
    """The tokens of token's subtree, leaving out relative and adverbial clauses."""
    yield token
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            continue
        yield from _subtree_without_clauses(child)


def _appos_text(token) -> str:
    return token.doc[token.left_edge.i:token.right_edge.i + 1].text


def find_relations(doc, acts: DocActors, statements: list[RawStatement],
                   gazetteer: Gazetteer) -> list[RawRelation]:
    """All relations of ``doc``, one per (source, type, target), first evidence kept."""
    finder = _Finder(doc, acts, statements, gazetteer)
    finder.policies()
    finder.products()
    finder.affiliations()
    finder.bills_and_incidents()
    finder.verbs()
    finder.criticism_from()
    finder.urged_votes()
    finder.dissatisfied()
    finder.letters()
    finder.concerns()
    finder.complaints()
    finder.contracts()
    finder.clients()
    finder.purchases()
    finder.suppliers()
    finder.requests()
    finder.supplied_by()
    finder.against()
    finder.in_favour()
    finder.nominalisations()
    finder.rebuttals()
    finder.challenges()
    finder.warnings()
    finder.filed_stances()
    finder.partners()
    finder.described_products()  # after the verb rules: theirs is the first evidence
    affiliation = {r.source: r.target for r in finder.out if r.type == "AFFILIATED_WITH"}
    finder.on_behalf(affiliation)
    finder.announcers(statements, affiliation)
    finder.quotes(statements, affiliation)
    finder.evaluations(statements, affiliation)
    finder.stances(statements, affiliation)
    finder.products_by_reference()
    finder.supply_chains()
    seen = {}
    for relation in finder.out:
        key = (relation.source, relation.type, relation.target)
        if key not in seen:
            seen[key] = relation
    return sorted(seen.values(), key=lambda r: r.token)
