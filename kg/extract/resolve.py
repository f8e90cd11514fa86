"""Resolve mentions to actors, within one document and then across the corpus.

Within a document (``resolve_document``): gazetteer names share their canonical name;
other names merge on their folded form (case, punctuation, "the", possessive and
Inc./Corp. ignored); acronyms defined in the text ("American Civil Liberties Union
(ACLU)") and initials; a surname or first name to the full name; descriptive references
("the company", "the Seattle group") and pronouns to the most recent actor of a
compatible type; policies to their owner ("Amazon moratorium"), incidents to their
victim ("Killing of John Roe").  Every surface form is kept as an alias.

Across documents (``canonical_names``): actors of the same type whose proper forms meet
(a shared name, alias or acronym, or a surname of a full name seen elsewhere) get one
canonical name, so that their ids agree in the graph.  Descriptive aliases ("the
company") never merge anything.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.extract.actors import (LEMMA_FIXES, POLICY_HEADS, PROJECT_HEADS, TRIAL_HEADS, US_STATES, WRONGFUL_KINDS,
                               WANTING_WORDS, Mention, wished_for)
from kg.extract.gazetteer import Gazetteer, fold
from kg.extract.quotes import quote_token_spans

__all__ = ["ActorRecord", "DocActors", "canonical_names", "resolve_document"]

ORG_TYPES = ("Company", "NGO", "GovernmentBody", "MediaOutlet")
PRONOUN_TYPES = {
    "he": ("Person",), "him": ("Person",), "his": ("Person",),
    "she": ("Person",), "her": ("Person",),
    "it": ORG_TYPES, "its": ORG_TYPES,
    "they": ORG_TYPES, "their": ORG_TYPES, "them": ORG_TYPES,
}
ACRONYM_SKIP = {"of", "and", "the", "for", "on", "in", "&", "to"}
CORPORATE_TAILS = {"ai", "inc", "corp", "technologies", "technology", "systems", "labs",
                   "group", "holdings", "solutions", "software", "analytics", "llc", "limited", "ltd",
                   "markets", "industries", "enterprises", "networks", "plc", "gmbh", "co", "corporation"}


@dataclass
class ActorRecord:
    """An actor of one document while it is being resolved."""

    name: str
    type: str
    forms: list[str] = field(default_factory=list)
    proper: set[str] = field(default_factory=set)  # folded name-like forms
    spans: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None
    gazetteer: bool = False
    owner: int | None = None  # Policy: index of the actor that made it
    victim: int | None = None  # Incident: index of the person it happened to
    kind: str | None = None
    against: int | None = None  # lawsuit: the defendant
    introduced: bool = False  # a proposal of a government body (a Bill), not announced
    stated_by: list[int] = field(default_factory=list)  # people who announced a policy
    alias_of: int | None = None  # merged into another actor of the same document
    dropped: bool = False  # not an actor after all (protests with no known cause)
    described: set[str] = field(default_factory=set)  # appositive nouns: "Ring, the ... company"

    def add_form(self, text: str, proper: bool = False) -> None:
        text = " ".join(text.split())
        if text and text not in self.forms:
            self.forms.append(text)
        if proper and fold(text):
            self.proper.add(fold(text))


@dataclass
class DocActors:
    """The resolved actors of one Doc and which tokens refer to which actor."""

    actors: list[ActorRecord]
    token_actor: list[int | None]  # name layer: token index -> actor index
    frames: list[tuple[int, int, int]]  # (start, end, actor) for policies, bills, incidents
    events: list[tuple[int, int, bool]]  # (token, actor, is_subject) in text order

    def at(self, i: int) -> int | None:
        return self.token_actor[i] if 0 <= i < len(self.token_actor) else None

    def frames_in(self, start: int, end: int) -> list[int]:
        return [a for s, e, a in self.frames if s < end and e > start]

    def actors_in(self, start: int, end: int) -> list[int]:
        """Actors named (name layer) or framed inside tokens start..end, in order."""
        seen, out = set(), []
        for i in range(start, end):
            a = self.token_actor[i]
            if a is not None and a not in seen:
                seen.add(a)
                out.append(a)
        for a in self.frames_in(start, end):
            if a not in seen:
                seen.add(a)
                out.append(a)
        return out

    def recent(self, before: int, types, skip=(), doc=None) -> int | None:
        """The actor of compatible type mentioned last before token ``before``: in the
        same sentence a subject, else the nearest; in earlier sentences a subject of the
        nearest one wins over a non-subject.  With ``doc`` (plural pronouns), when the
        latest subject is a generic plural ("450 workers wrote ... they") there is none."""
        best = None
        if doc is not None and "Person" not in types and doc[before].lower_ in ("they", "them", "their", "theirs"):
            # "X and Y co-authored a paper. They found ...": coordinated people
            sent_start = doc[before].sent.start
            previous = doc[sent_start - 1].sent if sent_start > 0 else None
            if previous is not None:
                seen = list(dict.fromkeys(a for a in self.token_actor[previous.start:previous.end] if a is not None))
                people = [a for a in seen if self.actors[a].type == "Person"]
                others = [a for a in seen if self.actors[a].type in ORG_TYPES]
                if len(people) >= 2 and len(others) <= len(people):
                    # "In a letter to Secretary X, Senators Y and Z wrote ... They urged":
                    # the people who are the subject, not the addressee
                    subjects = [a for a in people if self._is_subject_in(previous, a)]
                    return subjects[0] if subjects else people[0]
        if doc is not None:
            sent_start = doc[before].sent.start
            for i in range(before - 1, max(-1, sent_start - 40), -1):
                token = doc[i]
                if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN"):
                    if self.token_actor[i] is None and token.tag_ in ("NNS", "NNPS") \
                            and doc[before].lower_ in ("they", "them", "their", "theirs"):
                        return None
                    break
            singular = doc[before].lower_ in ("it", "its")
            same = [(t, a, s) for t, a, s in self.events
                    if sent_start <= t < before and a not in skip and self.actors[a].type in types
                    and not (singular and self._plural_at(doc, t, a))]
            if same:
                subjects = [a for t, a, s in same if s]
                return subjects[-1] if subjects else same[-1][1]
        for token, actor, is_subject in reversed(self.events):
            if token >= before or actor in skip:
                continue
            if self.actors[actor].type not in types:
                continue
            if doc is not None and doc[before].lower_ in ("it", "its") and self._plural_at(doc, token, actor):
                continue  # "it" is never "police departments"
            if best is None and doc is not None and "Person" in types:
                # "X accused the government ... and said the minister should have acted before
                # the ombudsman did. He said ...": the sentence's own subject, not a clause's
                main = self._main_subject(doc[token].sent, types, skip)
                if main is not None:
                    return main
            if best is None:
                best = actor
                if is_subject:
                    return actor
            elif is_subject and before - token < 60:
                return actor
            elif best is not None and before - token >= 60:
                break
        return best

    def _main_subject(self, sent, types, skip) -> int | None:
        """The actor that is the subject of ``sent``'s main verb, if of ``types``."""
        for token in sent.root.children:
            if token.dep_ in ("nsubj", "nsubjpass"):
                # "The justice critic, Jane Doe, accused ...": the name in apposition
                for named in (token, *(c for c in token.children if c.dep_ == "appos")):
                    actor = self.at(named.i)
                    if actor is not None and actor not in skip and self.actors[actor].type in types:
                        return actor
        return None

    def _is_subject_in(self, sent, actor: int) -> bool:
        """True if a mention of ``actor`` in ``sent`` is a subject or coordinated with one."""
        for token in sent:
            if self.token_actor[token.i] != actor:
                continue
            node = token
            while node.dep_ in ("compound", "conj", "appos", "flat") and node.head.i != node.i:
                node = node.head
            if node.dep_ in ("nsubj", "nsubjpass"):
                return True
        return False

    def _plural_at(self, doc, start: int, actor: int) -> bool:
        """True if the mention of ``actor`` starting at token ``start`` is a plural common
        noun ("police departments"), which a singular pronoun cannot stand for."""
        end = start
        while end < len(self.token_actor) and self.token_actor[end] == actor:
            end += 1
        root = doc[start:end].root if end > start else None
        return root is not None and root.tag_ == "NNS" and root.is_lower

    def resolve(self, token, types=None) -> int | None:
        """The actor a token stands for: its mention, or for a pronoun or descriptive
        noun the most recent compatible actor."""
        actor = self.at(token.i)
        if actor is not None:
            return actor
        for start, end, a in self.frames:
            if start <= token.i < end and (self.actors[a].type in ("Policy", "Bill")
                                           or self.actors[a].kind == "lawsuit"):
                return a  # "welcomed the lawsuit", "called the lawsuit a stunt"
        lower = token.lower_
        if lower in PRONOUN_TYPES:
            skip = ()
            if token.dep_ in ("dobj", "dative") and lower in ("it", "them", "him", "her"):
                # "the regulator fined it": an object pronoun is not its own clause's subject
                verb = token.head
                while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
                    verb = verb.head  # "fined it ... and ordered it to stop"
                skip = tuple(self.at(t.i) for c in verb.children if c.dep_ == "nsubj"
                             for t in c.subtree if self.at(t.i) is not None)
            return self.recent(token.i, types or PRONOUN_TYPES[lower], skip=skip, doc=token.doc)
        return None


def _initials(text: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if w.lower() not in ACRONYM_SKIP]
    return "".join(w[0].upper() for w in words)


def resolve_document(doc, names: list[Mention], frames: list[Mention],
                     gazetteer: Gazetteer) -> DocActors:
    actors: list[ActorRecord] = []
    index: dict[str, int] = {}  # folded proper form -> actor
    token_actor: list[int | None] = [None] * len(doc)
    events: list[tuple[int, int, bool]] = []

    def new_actor(name, kind, gaz=False):
        actors.append(ActorRecord(name=name, type=kind, gazetteer=gaz))
        return len(actors) - 1

    def attach(mention: Mention, actor: int, proper: bool, antecedent: bool = True):
        record = actors[actor]
        record.add_form(mention.text, proper=proper)
        for form in mention.forms:
            record.add_form(form)
        record.spans.append((mention.start, mention.end))
        if mention.role and not record.role:
            record.role = mention.role
        for i in range(mention.start, mention.end):
            token_actor[i] = actor
        root = doc[mention.start:mention.end].root
        if antecedent:
            events.append((mention.start, actor, root.dep_ in ("nsubj", "nsubjpass")))
        if mention.source != "descriptive":
            # "Ring, the doorbell camera company owned by Amazon,": "the company" may mean Ring
            record.described.update(c.lemma_.lower() for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN")
        if proper:
            index.setdefault(fold(mention.text), actor)

    # Full names first, so that a surname seen before the full name still resolves.
    full_names: dict[str, str] = {}
    for m in names:
        if m.type == "Person" and m.source != "descriptive" and len(m.text.split()) >= 2:
            words = m.text.split()
            full_names.setdefault(words[-1].lower(), m.text)
            full_names.setdefault(words[0].lower(), m.text)

    in_quote = [False] * len(doc)
    for start, end in quote_token_spans(doc):
        if end - start <= 3:
            continue  # a scare-quoted name ("Rekognition" software) is narration, not speech
        for i in range(start, end):
            in_quote[i] = True
    acronyms = _defined_acronyms(doc, names)
    # names first (a frame may name its victim or owner after its own first token)
    # "Italy's data protection authority, the Garante,": a description with a name in
    # apposition is that name, so it is resolved just after the name
    named_by_appos: dict[int, int] = {}
    name_at = {i: m for m in names if m.source != "descriptive" for i in range(m.start, m.end)}
    for m in names:
        if m.source == "descriptive":
            for child in doc[m.start:m.end].root.children:
                if child.i not in name_at or name_at[child.i].type not in ORG_TYPES:
                    continue
                name = name_at[child.i]
                # the parser may read ", the Garante, and ..." as a conjunct
                bracketed = name.start == m.end + 2 and doc[m.end].text == "," and doc[m.end + 1].lower_ == "the" \
                    and name.end < len(doc) and doc[name.end].text == ","
                if child.dep_ == "appos" or child.dep_ == "conj" and bracketed:
                    named_by_appos[id(m)] = child.i
    ordered = sorted(names, key=lambda m: (name_at[named_by_appos[id(m)]].start + 0.5
                                           if id(m) in named_by_appos else m.start))
    all_mentions = [("n", m) for m in ordered] + sorted([("f", m) for m in frames],
                                                      key=lambda pair: pair[1].start)
    frame_spans: list[tuple[int, int, int]] = []
    protest_actor = None
    for layer, m in all_mentions:
        if layer == "f":
            if any((s, e) == (m.start, m.end) and actors[a].kind in PROJECT_HEADS for s, e, a in frame_spans):
                continue  # "the proposal" that named the contested contract names no bill too
            actor = _resolve_frame(doc, m, actors, token_actor, frame_spans, events, new_actor, index, in_quote)
            if actor is None:
                continue
            if actors[actor].kind == "protests":
                if protest_actor is not None and protest_actor != actor:
                    actors[protest_actor].forms.extend(f for f in actors[actor].forms
                                                       if f not in actors[protest_actor].forms)
                    actors.pop()
                    actor = protest_actor
                protest_actor = actor
            frame_spans.append((m.start, m.end, actor))
            events.append((m.start, actor, False))
            continue
        if m.source == "descriptive":
            actor = token_actor[named_by_appos[id(m)]] if id(m) in named_by_appos else None
            if actor is None:
                actor = _resolve_descriptive(doc, m, actors, events, token_actor, in_quote)
            if actor is not None:
                # "“If the sheriff wants to come back ...,” she said": a person the quote
                # speaks of by title is not who "she" is
                attach(m, actor, proper=False,
                       antecedent=not (in_quote[m.start] and actors[actor].type == "Person"))
            continue
        if m.source == "gazetteer":
            key = fold(m.canonical)
            actor = index.get(key)
            if actor is None:
                entry = gazetteer.by_name.get(m.canonical)
                actor = new_actor(m.canonical, m.type, gaz=True)
                index[key] = actor
                if entry is not None and entry.role:
                    actors[actor].role = entry.role
            attach(m, actor, proper=True)
            continue
        text = m.text
        key = fold(text)
        if not key:
            continue
        actor = index.get(key)
        if actor is None and m.type == "Person" and len(text.split()) == 1:
            full = full_names.get(text.lower())
            if full is not None:
                actor = index.get(fold(full))
                if actor is None:
                    actor = new_actor(full, "Person")
                    index[fold(full)] = actor
                    actors[actor].add_form(full, proper=True)
        if actor is None and m.type != "Person" and len(text.split()) == 1 and text.lower() in full_names \
                and text[:1].isupper():
            full = full_names[text.lower()]
            actor = index.get(fold(full))
        if actor is None and key in acronyms:
            actor = index.get(acronyms[key][0])
        if actor is None and text.isupper() and len(text) >= 2:
            for other, record in enumerate(actors):
                if record.type in ORG_TYPES and _initials(record.name) == text:
                    actor = other
                    break
        if actor is None and len(text.split()) >= 2 and text.split()[-1].isupper() and len(text.split()[-1]) >= 2:
            # "the Dutch DPA" after "the Dutch Data Protection Authority"
            *head, short = text.split()
            prefix = " ".join(head).lower() + " "
            for other, record in enumerate(actors):
                if record.type in ORG_TYPES and record.name.lower().startswith(prefix) \
                        and _initials(record.name[len(prefix):]) == short:
                    actor = other
                    break
        if actor is None:
            words = key.split()
            if len(words) >= 2 and words[-1] in CORPORATE_TAILS:
                actor = index.get(" ".join(words[:-1]))
        if actor is None:
            for form, other in list(index.items()):
                fwords = form.split()
                if len(fwords) == len(key.split()) + 1 and fwords[-1] in CORPORATE_TAILS \
                        and " ".join(fwords[:-1]) == key and actors[other].type == m.type:
                    actor = other
                    break
        if actor is None and len(text.split()) == 1 and text[:1].isupper():
            if m.type in ORG_TYPES:
                # "the Council" after "the Council of the EU", "Parliament" after "the European
                # Parliament": the head word of a longer body's name
                # (a lodge's number aside: "the Lodge" of "... Police Lodge 12")
                actor = _named_by_word(actors, lambda words: [words[0] if "of" in words else words[-1]]
                                       + (words[-2:-1] if words[-1].isdigit() else []), text)
            if actor is None and m.start > 0 and doc[m.start - 1].lower_ == "the":
                # "the Garden" after "Madison Square Garden Entertainment": any word but the first
                actor = _named_by_word(actors, lambda words: words[1:], text)
        if actor is None:
            entry = gazetteer.lookup(text)
            if entry is not None:
                actor = index.get(fold(entry.name)) or new_actor(entry.name, entry.type, gaz=True)
                index[fold(entry.name)] = actor
        if actor is None:
            name = text
            if m.type == "Person" and len(text.split()) == 1 and text.lower() in full_names:
                name = full_names[text.lower()]
            actor = new_actor(_display_name(name, m.type), m.type)
        attach(m, actor, proper=True)

    for long, short in acronyms.values():
        actor = index.get(long)
        if actor is not None:
            actors[actor].add_form(short, proper=True)
    _merge_appositive_bills(doc, actors, frame_spans)
    _merge_generic_bills(actors)
    _merge_initials(actors)
    _merge_short_names(actors)
    _merge_party_words(actors)
    _merge_placeless_bodies(actors)
    _merge_local_police(doc, actors, token_actor, events)
    result = DocActors(actors=actors, token_actor=token_actor, frames=frame_spans,
                       events=sorted(events))
    _name_frames(result, doc)
    return result


def _named_by_word(actors: list[ActorRecord], places, word: str) -> int | None:
    """The one organisation named so far whose name (of two words or more) has ``word``
    among ``places(words of the name)``, else None."""
    found = {i for i, record in enumerate(actors) if record.type in ORG_TYPES
             and len(record.name.split()) >= 2 and word in places(record.name.split())}
    return found.pop() if len(found) == 1 else None


def _merge_appositive_bills(doc, actors: list[ActorRecord], frame_spans) -> None:
    """"Senate Bill 204, the Facial Recognition Accountability Act,": one bill, kept under
    the name that says what it is."""
    bill_at = {i: a for start, end, a in frame_spans if actors[a].type == "Bill" for i in range(start, end)}
    for token in doc:
        a, b = bill_at.get(token.i), bill_at.get(token.head.i)
        if token.dep_ != "appos" or a is None or b is None or a == b:
            continue
        keep, other = (a, b) if actors[a].name.split()[-1] in ("Act", "Law") else (b, a)
        if actors[other].alias_of is None and actors[keep].alias_of is None:
            actors[other].alias_of = keep
            for form in [actors[other].name] + actors[other].forms:
                actors[keep].add_form(form, proper=True)


def _merge_generic_bills(actors: list[ActorRecord]) -> None:
    """"the bill", "legislation" and "facial recognition bill" are the document's one
    named Act when it has exactly one."""
    bills = [i for i, r in enumerate(actors) if r.type == "Bill" and r.name and r.owner is None]
    named = [i for i in bills if actors[i].name.split()[-1] in ("Act", "Law", "Ordinance", "Regulation")
             and sum(w[:1].isupper() for w in actors[i].name.split()) >= 2]
    if len({actors[i].name for i in named}) != 1:
        return
    keep = named[0]
    for i in named[1:]:
        actors[i].alias_of = keep
    for i in bills:
        name = actors[i].name
        if i not in named and not any(w[:1].isupper() for w in name.split()[1:]) and len(name.split()) <= 4:
            actors[i].alias_of = keep
            for form in actors[i].forms:
                actors[keep].add_form(form)


GENERIC_POLICE = "Police departments"  # the gazetteer's actor for police in general
SINGULAR_POLICE = {"police", "the police", "police department", "the police department",
                   "the department", "police force", "the police force"}


def local_police(actors: list[ActorRecord]) -> int | None:
    """The one police force of a place that the story names, if it names exactly one."""
    local = [i for i, r in enumerate(actors) if r.type == "GovernmentBody" and r.alias_of is None
             and re.search(r"\bPolice( Department| Service| Force| Bureau)?$", r.name) and r.name != GENERIC_POLICE]
    return local[0] if len(local) == 1 else None


def _merge_local_police(doc, actors: list[ActorRecord], token_actor: list, events: list) -> None:
    """"the police" in a story about one city's police department is that department; "police
    agencies" in the same story stay the generic "Police departments", as does "the police" in
    a story naming no force, or several."""
    generic = [i for i, r in enumerate(actors) if r.gazetteer and r.name == GENERIC_POLICE and r.alias_of is None]
    keep = local_police(actors)
    if len(generic) != 1 or keep is None:
        return
    record = actors[generic[0]]
    if all(form.lower() in SINGULAR_POLICE for form in record.forms):
        # an alias, never a proper name of the force (not _merge_into): a bare "police"
        # elsewhere must not resolve to it by name
        record.alias_of = keep
        for form in record.forms:
            actors[keep].add_form(form)
        return
    # "the police", "the city's police department" and "police" naming a thing ("the police
    # contract") are the story's force; a bare "police" that acts or is acted on is police in
    # general ("sold to police")
    singular = [(start, end) for start, end in record.spans if doc[start:end].text.lower() in SINGULAR_POLICE
                and (doc[start].lower_ == "the" or doc[start:end].root.dep_ == "compound"
                     or start > 0 and (doc[start - 1].tag_ in ("POS", "PRP$") or doc[start - 1].lower_ == "the"))]
    for start, end in singular:  # the rules see these words as the local force
        for i in range(start, end):
            token_actor[i] = keep
        actors[keep].add_form(doc[start:end].text)
    moved = {start for start, _ in singular}
    events[:] = [(i, keep if i in moved and a == generic[0] else a, subject) for i, a, subject in events]
    record.spans = [span for span in record.spans if span not in singular]
    texts = {doc[start:end].text for start, end in record.spans}
    record.forms = [form for form in record.forms if form in texts or form.lower() not in SINGULAR_POLICE]


# what may follow a body's short name in its full one: "Lakeport Police" -> "... Department"
BODY_NAME_TAILS = {"police": ("department", "service", "force"), "house": ("of representatives", "of delegates")}


def _merge_short_names(actors: list[ActorRecord]) -> None:
    """"Fairmont" and "Fairmont Foods", "Veritrace" and "Veritrace Identity", "Lakeport
    Police" and "Lakeport Police Department": a name that is the first words of a longer
    name of the same kind in the document is that actor (the headline's short form often
    comes first). Only when exactly one longer name fits, and never for the well-known
    actors of the gazetteer ("Amazon" is not "Amazon Web Services")."""
    for record in actors:
        if record.gazetteer or record.alias_of is not None \
                or record.type not in ("Company", "NGO", "GovernmentBody", "Person"):
            continue
        short = record.name.lower().split()
        fits = []
        for other, candidate in enumerate(actors):
            long = candidate.name.lower().split()
            if candidate is record or candidate.alias_of is not None or len(long) <= len(short) \
                    or long[:len(short)] != short:
                continue
            rest = candidate.name.split()[len(short):]
            if record.type == "Person":
                # "Hangzhou Lingyun" read as a person beside "Hangzhou Lingyun Technology"
                if candidate.type == "Company" and len(short) >= 2 and len(rest) == 1 \
                        and rest[0].lower() in CORPORATE_TAILS:
                    fits.append(other)
                continue
            if candidate.type != record.type:
                continue
            if record.type == "GovernmentBody":
                tails = BODY_NAME_TAILS.get(short[-1], ())
                if " ".join(rest).lower() not in tails:
                    continue
            elif rest[0] == "of" and len(short) >= 2 and record.type != "Company" \
                    and _later_short_form(record, candidate):
                pass  # "the Law Society of Kenya ... Law Society president Faith Njoroge"
            elif not (rest[0][:1].isupper() or rest[0] == "for" and len(short) >= 2) or rest[0].lower() in ("of", "in"):
                continue  # "Hermes Center for ...", but not "ACLU of Texas"
            fits.append(other)
        if len(fits) == 1:
            _merge_into(actors, record, fits[0])


def _merge_party_words(actors: list[ActorRecord]) -> None:
    """"Pirate deputy X" beside "the Czech Pirate Party": a one-word name that is the word before
    "Party" in the one party name of the document is that party."""
    parties = [i for i, r in enumerate(actors) if r.alias_of is None and r.name.split()[-1:] == ["Party"]
               and len(r.name.split()) >= 2]
    if len(parties) != 1:
        return
    word = actors[parties[0]].name.split()[-2]
    for record in actors:
        if record.alias_of is None and not record.gazetteer and record.name == word \
                and record.type in ("Company", "NGO", "GovernmentBody"):
            _merge_into(actors, record, parties[0])


def _merge_placeless_bodies(actors: list[ActorRecord]) -> None:
    """"State Police" after "the Delaware State Police": a body's name without its place is
    the one body of the story whose name is that place and that name."""
    for record in actors:
        words = record.name.split()
        if record.type != "GovernmentBody" or record.alias_of is not None or record.gazetteer or len(words) < 2:
            continue
        fits = [i for i, other in enumerate(actors) if other is not record and other.alias_of is None
                and other.type == "GovernmentBody" and other.name.endswith(" " + record.name)
                and other.name[:-len(record.name)].strip() in US_STATES]
        if len(fits) == 1:
            _merge_into(actors, record, fits[0])


def _merge_into(actors: list[ActorRecord], record: ActorRecord, keep: int) -> None:
    """``record`` is another name of ``actors[keep]``: its forms become that actor's aliases."""
    record.alias_of = keep
    for form in record.forms:
        actors[keep].add_form(form, proper=fold(form) in record.proper)


def _later_short_form(short: ActorRecord, long: ActorRecord) -> bool:
    """Whether every mention of ``short`` comes after the first of ``long``, in another
    sentence-sized stretch: a chapter named beside its parent ("the Network of Ohio and the
    Network") is another actor."""
    if not short.spans or not long.spans:
        return False
    first_long = min(start for start, _ in long.spans)
    return all(start > first_long and all(abs(start - other) > 20 for other, _ in long.spans)
               for start, _ in short.spans)


def _merge_initials(actors: list[ActorRecord]) -> None:
    """"SF" in a headline before "San Francisco": an all-capitals name is the initials of
    another organisation of the document, or of the end of its name when only one fits
    ("DMV" for the Nevada Department of Motor Vehicles, "VA" for the U.S. Department of
    Veterans Affairs)."""
    for record in actors:
        name = record.name
        if record.gazetteer or not (name.isupper() and 2 <= len(name) <= 5) or record.type not in ORG_TYPES:
            continue
        full, tail = [], []
        for other, candidate in enumerate(actors):
            if candidate is record or candidate.type not in ORG_TYPES or candidate.alias_of is not None \
                    or len(candidate.name.split()) < 2:
                continue
            initials = _initials(candidate.name)
            if initials == name:
                full.append(other)
            elif len(initials) > len(name) and initials.endswith(name) and len(name) >= 2:
                tail.append(other)
        fits = full[:1] or (tail if len(tail) == 1 else [])
        for other in fits:
            record.alias_of = other
            actors[other].add_form(name, proper=True)


def _display_name(text: str, kind: str) -> str:
    """Canonical display form of a name: no leading "the", no possessive, no Inc./Corp."""
    text = " ".join(text.split())
    text = re.sub(r"['’]s?$", "", text)
    if kind not in ("MediaOutlet",):
        text = re.sub(r"^(the|The)\s+", "", text)
    if kind == "Company":
        text = re.sub(r",?\s+(Inc|Corp|Corporation|Ltd|LLC|Co|PLC|plc|Limited|Pty)\.?$", "", text)
    return text


def _defined_acronyms(doc, names: list[Mention]) -> dict[str, tuple[str, str]]:
    """"American Civil Liberties Union (ACLU)" -> {"aclu": ("american civil liberties union", "ACLU")}."""
    out = {}
    for m in names:
        if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
            short = doc[m.end + 1].text
            # "the Brazilian Institute for Consumer Defense (Idec)": a short name in its own
            # language need not spell the English initials
            coined = m.type in ORG_TYPES and short.isalpha() and short.istitle() and len(short) <= 8 \
                and doc[m.end + 1].pos_ == "PROPN"
            if short.isupper() and 2 <= len(short) <= 8 or coined:
                out[fold(short)] = (fold(m.text), short)
    return out


def _resolve_descriptive(doc, m: Mention, actors, events, token_actor, in_quote) -> int | None:
    possessor = m.meta.get("possessor")
    types = m.candidates
    if possessor is not None and token_actor[possessor] is not None:
        owner = token_actor[possessor]
        if actors[owner].type in ORG_TYPES and "Product" in types:
            return None  # "Amazon's platform": the product rules decide
    outside = not in_quote[m.start]
    head = m.meta.get("head")
    qualifier = m.meta.get("qualifier")
    if qualifier:  # "the sheriff's office": only a body whose name holds "sheriff"
        events = [e for e in events if qualifier in re.split(r"[\s'’]+", actors[e[1]].name.lower())]
    if head and types in (("GovernmentBody",), ("NGO",)):
        # "the bureau" is the Federal Bureau of Investigation rather than a nearer office,
        # "the subcommittee" the committee, "the coalition" the Coalition for X rather than a
        # nearer alliance: a body or group whose name holds the head word
        fitting = [actor for token, actor, _ in sorted(events, reverse=True)
                   if token < m.start and not (outside and in_quote[token]) and actors[actor].type in types
                   and any(len(w) > 4 and (w in head or head in w) for w in actors[actor].name.lower().split())]
        named = [actor for actor in fitting if actors[actor].name != GENERIC_POLICE]
        if named:
            # the latest of two bureaus, unless the story has named the other at least twice
            # as often: that one is the bureau it is about
            salient = max(dict.fromkeys(named), key=named.count)
            return salient if named.count(salient) >= 2 * named.count(named[0]) else named[0]
        if fitting:
            return fitting[0]
    if types == ("Person",) and head in TITLE_HEADS | PERSON_TITLE_HEADS:
        # "the mayor", "the minister": the person who bears the title, not the latest person
        if possessor is not None and doc[possessor].pos_ == "PROPN":
            return None  # "Tisova's mayor" is not the mayor the story named
        if head in OFFICE_TITLES:
            # "the commissioner" after "the Privacy Commissioner": the office, which speaks
            for token, actor, _ in sorted(events, reverse=True):
                if token < m.start and actors[actor].type == "GovernmentBody" \
                        and head in re.split(r"[\s'’]+", actors[actor].name.lower()):
                    return actor
        for token, actor, _ in sorted(events, reverse=True):
            if token < m.start and not (outside and in_quote[token]) and actors[actor].type == "Person" \
                    and head in _titles(doc, actors[actor]):
                return actor
        if head in TITLE_HEADS:
            return None
    if head == "group" and types == ("Company", "NGO") and possessor is None and m.end - m.start == 2:
        # a bare "the group" is an advocacy group when the story has one; a company is
        # "the group" mostly with a qualifier ("the Seattle group", "Jeff Bezos' group")
        for token, actor, _ in sorted(events, reverse=True):
            if token < m.start and not (outside and in_quote[token]) and actors[actor].type == "NGO":
                return actor
    best = None
    for token, actor, is_subject in sorted(events, reverse=True):
        if token >= m.start or outside and in_quote[token]:
            continue
        if (actors[actor].type in types or head in actors[actor].described) \
                and _fits_head(m.meta.get("head"), actors[actor].name):
            if best is None:
                best = actor
                if is_subject or types != ("Person",):
                    return actor
            elif is_subject and m.start - token < 80:
                return actor  # "the lawmaker": the person the text was about, not a passing name
    return best


# titles that refer only to a person who bears them ("the minister" is no lawmaker in general)
TITLE_HEADS = {"minister", "chancellor", "commissioner", "sheriff", "superintendent", "judge", "councillor",
               "councilor", "councilman", "councilwoman", "prosecutor", "chairman", "chairwoman", "chief",
               "ombudsman"}
# titles that name an office too ("the Privacy Commissioner", "the Chancellor of Justice")
OFFICE_TITLES = {"commissioner", "chancellor", "ombudsman"}
# person heads that are titles too: the bearer first, else the person the text is about
PERSON_TITLE_HEADS = {"mayor", "governor", "senator"}


def _titles(doc, record: ActorRecord) -> set[str]:
    """The lower-case title words of a person: its role ("Mayor Jane Doe"), its appositives
    ("Jane Doe, the county's sheriff") and the words that modify its name ("Home Affairs
    Minister Jane Doe", "opposition lawmaker Jane Doe")."""
    words = set(record.described) | set((record.role or "").lower().split())
    for start, end in record.spans:
        root = doc[start:end].root
        words.update(c.lemma_.lower() for c in root.lefts if c.i < start and c.dep_ in ("compound", "amod", "nmod"))
    return words


# "the council" is a council, "the city" a place (not its police or its council)
NAMED_HEADS = {"council", "board", "commission", "court", "legislature", "parliament", "committee", "office",
               "foundation", "institute", "association", "service", "government",  # "the service": the Marshals Service
               "project", "federation", "society", "league", "guild", "center", "centre", "club", "caucus"}
BODY_NAME_WORDS = {"council", "department", "police", "office", "board", "commission", "court", "agency",
                   "congress", "house", "senate", "administration", "bureau", "committee", "parliament",
                   "ministry", "assembly", "government", "authority", "service", "general", "legislature",
                   "sheriff", "commissioner", "union"}


# an agency or a regulator is never a legislature or a court
CHAMBER_NAME_WORDS = {"legislature", "parliament", "congress", "senate", "house", "assembly", "statehouse",
                      "court", "council", "diet", "landtag", "bundestag"}


def _fits_head(head: str | None, name: str) -> bool:
    words = set(name.lower().replace("'s", "").split())
    if head in NAMED_HEADS:
        return head in words or head + "s" in words
    if head in ("agency", "regulator", "watchdog", "authority"):
        return not words & CHAMBER_NAME_WORDS
    if head == "city":
        return not words & BODY_NAME_WORDS
    return True


def _resolve_frame(doc, m: Mention, actors, token_actor, frame_spans, events, new_actor, index, in_quote):
    if m.source == "incident" and m.meta["kind"] == "lawsuit":
        for i, record in enumerate(actors):
            if record.kind == "lawsuit":
                actor = i
                break
        else:
            actor = new_actor("Lawsuit", "Incident")
            record = actors[actor]
            record.kind = "lawsuit"
            record.owner = token_actor[m.owner] if m.owner is not None else None
            defendant = m.meta.get("defendant")
            record.against = token_actor[defendant] if defendant is not None else None
        for form in m.forms:
            actors[actor].add_form(form)
        return actor
    if m.source == "incident":
        kind = m.meta["kind"]
        if kind == "protests":
            actor = new_actor("Protests", "Incident")
            actors[actor].kind = "protests"
            for form in m.forms:
                actors[actor].add_form(form)
            return actor
        victim = token_actor[m.victim[0]]
        if victim is None or kind in WRONGFUL_KINDS and actors[victim].type != "Person":
            return None  # only a person is arrested ("accusing the office of false arrest")
        name = f"{kind} of {actors[victim].name}"
        for i, record in enumerate(actors):
            if record.name == name or record.victim == victim and {record.kind, kind} <= set(WRONGFUL_KINDS):
                actor = i  # "was detained ... the wrongful arrest": one incident, named first
                break
        else:
            actor = new_actor(name, "Incident")
            actors[actor].victim = victim
            actors[actor].kind = kind
        if not m.meta.get("bare"):
            for form in m.forms:
                actors[actor].add_form(form)
        return actor
    if m.source == "bill":
        key = fold(m.canonical)
        bare = len(key.split()) == 1
        if bare:
            for s, e, a in reversed(frame_spans):
                if actors[a].type == "Bill":
                    for form in m.forms:
                        actors[a].add_form(form)
                    return a
        words = m.text.split()
        if len(words) >= 3 and words[0].lower() in ("the", "this") and not any(w[:1].isupper() for w in words[1:]):
            # "the warrant bill" after "a bill that would require a warrant": the same bill
            described = {w.lower() for w in words[1:-1]}
            for s, e, a in reversed(frame_spans):
                if actors[a].type == "Bill" and described <= set(" ".join(actors[a].forms).lower().split()):
                    for form in (m.text, *m.forms):
                        actors[a].add_form(form)
                    return a
        actor = index.get("bill:" + key)
        if actor is None:
            actor = new_actor(m.canonical, "Bill")
            index["bill:" + key] = actor
        for form in (m.text, *m.forms):
            actors[actor].add_form(form, proper=not bare and m.canonical[:1].isupper()
                                   and form == m.canonical)
        return actor
    if m.meta.get("project_ref"):
        # "the contract", "the plan": the project already in the story, if any
        previous = [a for _, _, a in frame_spans if actors[a].type == "Policy" and actors[a].kind in PROJECT_HEADS]
        if not previous:
            return None
        for form in m.forms:
            actors[previous[-1]].add_form(form)
        return previous[-1]
    if m.meta.get("decision"):
        return _resolve_decision(doc, m, actors, token_actor, frame_spans, events, new_actor)
    # policies
    owner = None
    if m.owner is not None:
        owner = token_actor[m.owner]
        if owner is None:
            token = doc[m.owner]
            if token.lower_ in PRONOUN_TYPES:
                owner = _speaker_for(token, token_actor)
                if owner is None:
                    owner = _recent_subject(actors, events, m.start, ORG_TYPES)
            elif token.pos_ in ("NOUN",) and token.lemma_ in ("group", "company", "giant"):
                owner = _recent(actors, events, m.start, ("Company",))
    if m.meta.get("definite") and m.meta.get("head") and (m.owner is None or doc[m.owner].dep_ != "poss"):
        # "the ban", "the private ban": the one already in the story, not a new one
        previous = [a for _, _, a in frame_spans if actors[a].type in ("Policy", "Bill")
                    and actors[a].kind == m.meta["head"]]
        if previous:
            for form in m.forms:
                actors[previous[-1]].add_form(form)
            return previous[-1]
    if owner is not None and actors[owner].type not in ORG_TYPES:
        if actors[owner].type == "Policy":
            for form in m.forms:
                actors[owner].add_form(form)
            return owner
        owner = None
    clause = m.meta.get("clause")
    if clause and (owner is None or actors[owner].type != "Company" and not (
            m.meta.get("suspended") and actors[owner].type == "GovernmentBody")):
        return None
    if m.meta.get("ref_only"):
        # a body's ban is a Bill here, and "the order" may refer to it
        previous = [a for _, _, a in frame_spans if actors[a].type == "Policy" and actors[a].kind not in PROJECT_HEADS
                    or actors[a].type == "Bill" and actors[a].kind in BAN_HEADS]
        if not previous:
            return None
        for form in m.forms:
            actors[previous[-1]].add_form(form)
        return previous[-1]
    trial = m.meta.get("head") in RUN_HEADS  # a pilot or a contract: run by someone, never a Bill
    root = doc[m.start:m.end].root
    if owner is None and not m.meta.get("definite") and wished_for(root, WANTING_WORDS):
        # "the group has called for a citywide ban": one it wants, not the story's measure
        # (while "opposed a statewide ban" is most often the bill on the table)
        return None
    if owner is None:
        if m.meta.get("definite") or m.owner is None:
            previous = [a for _, _, a in frame_spans if actors[a].type == "Policy"
                        and (actors[a].kind in RUN_HEADS) == trial]
            if not previous and m.meta.get("head") in ("ban", "prohibition"):
                previous = [a for _, _, a in frame_spans if actors[a].type == "Bill"]
            if previous:
                for form in m.forms:
                    actors[previous[-1]].add_form(form)
                return previous[-1]
        # "the FTC banned Acme from ... after the ban expires": who banned, else the last company
        owner = _banning_subject(doc, m.start, token_actor, actors) if m.meta.get("head") in BAN_HEADS else None
        if owner is None and not (in_quote[m.start] and not _ours(root) or wished_for(root)):
            # a pilot is run by whoever the story was last about; a ban is a company's.
            # Not a ban someone quoted speaks of, or one asked for or opposed: no one's yet
            owner = _recent_subject(actors, events, m.start, ORG_TYPES) if trial else \
                _recent(actors, events, m.start, ("Company",))
        if owner is None:
            return None
    owners = [owner]
    if m.owner is not None and doc[m.owner].tag_ != "PRP":
        for conj in doc[m.owner].conjuncts:
            other = token_actor[conj.i]
            if other is not None and actors[other].type in ORG_TYPES and other not in owners:
                owners.append(other)
    first = None
    for owner in owners:
        # a government's ban is a measure it enacts (a Bill); its fines and pilots are decisions
        kind = "Bill" if actors[owner].type == "GovernmentBody" and _legislates(actors[owner]) \
            and m.meta.get("head") not in {"fine"} | RUN_HEADS and not m.meta.get("suspended") else "Policy"
        for i, record in enumerate(actors):
            if record.type == kind and record.kind != "lawsuit" \
                    and (record.kind in RUN_HEADS) == trial and (
                    record.owner == owner or _same_government(actors, record.owner, owner)):
                actor = i
                break
        else:
            actor = new_actor("", kind)
            actors[actor].owner = owner
            actors[actor].introduced = kind == "Bill" and m.meta.get("proposed", False)
        record = actors[actor]
        if m.meta.get("head") and (record.kind is None):
            record.kind = m.meta["head"]
        for form in m.forms:
            record.add_form(form)
        speaker = m.meta.get("speaker")
        if speaker is not None and token_actor[speaker] is not None:
            person = token_actor[speaker]
            if actors[person].type == "Person" and person not in record.stated_by:
                record.stated_by.append(person)
        if first is None:
            first = actor
        else:
            frame_spans.append((m.start, m.end, actor))
    return first


def _ours(noun) -> bool:
    """True if ``noun`` is the object of what "we" do: "we're implementing a moratorium"."""
    return noun.dep_ == "dobj" and any(c.dep_ == "nsubj" and c.lower_ == "we" for c in noun.head.children)


# the words of a body that decides: a court, a regulator, a council
DECIDER_WORDS = {"court", "tribunal", "commission", "commissioner", "authority", "regulator", "board", "council",
                 "ombudsman", "inspector", "judge", "justice", "watchdog", "commissioners", "supervisors",
                 "legislature", "assembly", "agency", "office"}
# the kinds of an issuer's decisions, which "the ruling", "the order" may name alike
DECISION_KINDS = {"ruling", "judgment", "determination", "injunction", "settlement", "verdict", "order",
                  "notice", "fine"}


def _resolve_decision(doc, m: Mention, actors, token_actor, frame_spans, events, new_actor) -> int | None:
    """A decision of a court, a regulator or a government: one Policy per issuer (its fine,
    order and ruling are one decision), and "the ruling" with no issuer is the last one."""
    owner = token_actor[m.owner] if m.owner is not None else None
    if owner is not None and actors[owner].type not in ORG_TYPES + ("Person",):
        owner = None
    previous = [a for _, _, a in frame_spans if actors[a].type == "Policy" and actors[a].kind in DECISION_KINDS]
    if owner is None:
        ruler = _last_ruler(doc, m.start, token_actor)
        if ruler is not None and (not previous or ruler[1] != actors[previous[-1]].owner):
            # "a tribunal later ruled that ... The ICO appealed that ruling": the tribunal's
            owner = ruler[1]
            if owner is None or actors[owner].type not in ORG_TYPES + ("Person",):
                return None
    if owner is None and previous:
        decision = previous[-1]
    else:
        if owner is None:
            # whoever the sentence has deciding, else the last government body the story named
            sent = doc[m.start].sent
            deciders = [(token, actor, is_subject) for token, actor, is_subject in events
                        if actors[actor].type == "GovernmentBody"
                        and set(actors[actor].name.lower().split()) & DECIDER_WORDS]
            sentence = [actor for token, actor, is_subject in sorted(deciders)
                        if is_subject and sent.start <= token < sent.end]
            owner = sentence[0] if sentence else _recent_subject(actors, deciders, m.start, ("GovernmentBody",))
        if owner is None:
            return None
        for i, record in enumerate(actors):
            if record.type == "Policy" and record.owner == owner and record.kind in DECISION_KINDS:
                decision = i
                break
        else:
            decision = new_actor("", "Policy")
            actors[decision].owner = owner
            actors[decision].kind = m.meta["head"]
    for form in m.forms:
        actors[decision].add_form(form)
    return decision


def _last_ruler(doc, before: int, token_actor) -> tuple[int, int | None] | None:
    """(token, actor or None) of the subject of the last "ruled/decided/found" in this or the
    previous sentence before token ``before``."""
    sent = doc[before].sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for verb in reversed(doc[start:before]):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in ("rule", "decide", "find", "determine", "order"):
            for subject in verb.children:
                if subject.dep_ == "nsubj" and subject.pos_ in ("NOUN", "PROPN"):
                    # "MANILA — The National Privacy Commission has ordered": the name in apposition
                    return subject.i, next((token_actor[t.i] for t in (*subject.subtree, *doc[subject.i:verb.i])
                                            if token_actor[t.i] is not None), None)
    return None


LEGISLATIVE_WORDS = {"council", "congress", "house", "senate", "parliament", "assembly", "legislature",
                     "supervisors", "commission", "aldermen", "commissioners", "government", "cortes", "bundestag"}


def _legislates(body: ActorRecord) -> bool:
    """A place or a legislature makes laws; a police force, an agency or an office makes policy."""
    words = set(body.name.lower().split())
    return bool(words & LEGISLATIVE_WORDS) or not words & BODY_NAME_WORDS


def _same_government(actors, a, b) -> bool:
    """A city and its council ("Dayton" and "Dayton City Council") make one measure."""
    if a is None or b is None or actors[a].type != "GovernmentBody" or actors[b].type != "GovernmentBody":
        return False
    short, long = sorted((actors[a].name, actors[b].name), key=len)
    return long.startswith(short + " ") and long.split()[-1].lower() in ("council", "supervisors", "assembly")


def _speaker_for(token, token_actor):
    """For "it"/"its" inside what someone said ("Amazon told Reuters it was extending its
    moratorium"): the one who said it."""
    current = token
    for _ in range(6):
        if current.dep_ == "ccomp":
            for child in current.head.children:
                if child.dep_ == "nsubj" and token_actor[child.i] is not None:
                    return token_actor[child.i]
            return None
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _recent_subject(actors, events, before, types):
    best = None
    for token, actor, is_subject in sorted(events, reverse=True):
        if token < before and actors[actor].type in types:
            if is_subject:
                return actor
            if best is None:
                best = actor
    return best


BAN_HEADS = {"ban", "prohibition", "moratorium", "suspension"}
# what someone runs rather than enacts: pilots, trials, contracts, plans (kg.extract.actors)
RUN_HEADS = TRIAL_HEADS | PROJECT_HEADS
BANNING_VERBS = {"ban", "bar", "prohibit", "forbid", "outlaw"}


def _banning_subject(doc, before: int, token_actor, actors) -> int | None:
    """The organisation that last "banned" something before token ``before``."""
    for verb in reversed(doc[:before]):
        lemma = LEMMA_FIXES.get(verb.lower_, verb.lemma_.lower())
        if verb.pos_ != "VERB" or lemma not in BANNING_VERBS or any(c.dep_ == "neg" for c in verb.children):
            continue
        for subject in verb.children:
            if subject.dep_ == "nsubj":
                found = [token_actor[t.i] for t in subject.subtree if token_actor[t.i] is not None]
                if found and actors[found[0]].type in ORG_TYPES:
                    return found[0]
    return None


def _recent(actors, events, before, types):
    for token, actor, _ in sorted(events, reverse=True):
        if token < before and actors[actor].type in types:
            return actor
    return None


def _name_frames(result: DocActors, doc) -> None:
    mentions = Counter(a for _, _, a in result.frames)
    # "a blanket ban would hurt investigations", "urged Congress to pass a ban": a measure
    # only ever spoken of as "a ban", and never as one someone puts in place, is no decision
    indefinite = {a for _, _, a in result.frames}
    for start, end, a in result.frames:
        root = doc[start:end].root
        if doc[start].lower_ not in ("a", "an") or root.dep_ == "dobj" and enacted(root.head):
            indefinite.discard(a)
    for i, record in enumerate(result.actors):
        if record.type == "Policy" and i in indefinite and record.kind in POLICY_HEADS - TRIAL_HEADS:
            record.dropped = True
        if record.kind in PROJECT_HEADS and mentions[i] < 2:
            record.dropped = True  # a contract named in passing is background, not a contested project
        if record.type == "Policy" and record.owner is not None and result.actors[record.owner].type == "NGO" \
                and record.kind in POLICY_HEADS - TRIAL_HEADS:
            # "The group has called for a citywide ban": a ban an advocacy group would own is
            # one it wants, not one in force (and no written gold makes it an actor)
            record.dropped = True
        if record.type in ("Policy", "Bill") and not record.name:
            owner = result.actors[record.owner].name
            record.name = f"{owner} {record.kind}" if record.kind else f"{owner} policy"
        if record.kind == "protests":
            victims = [r for r in result.actors if r.type == "Incident" and r.victim is not None
                       and r.kind == "Killing"]
            if victims:
                record.name = f"{result.actors[victims[0].victim].name} protests"
            else:
                record.dropped = True  # protests in general are not an actor


def enacted(verb) -> bool:
    """Whether ``verb`` tells of something done or being done ("was placing a moratorium"),
    not wished for or supposed ("would impose", "urged X to impose", "needs to pass")."""
    for token in [verb, *verb.ancestors]:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if token.lemma_.lower() in WANTING_WORDS | {"ask", "like"} \
                or any(c.dep_ == "aux" and c.lower_ in SUPPOSING_MODALS for c in token.children):
            return False
    return True


# "would", not "will": "Acme will impose a moratorium" is an announcement
SUPPOSING_MODALS = {"would", "could", "should", "might", "may", "must"}


def _family(kind: str) -> str:
    return "org" if kind in ORG_TYPES else kind


def canonical_names(actor_lists: list[list[tuple[str, str, set[str]]]]) -> dict[tuple[str, str], tuple[str, str]]:
    """One canonical name and type per group of actors across documents.

    ``actor_lists`` holds, per document, (name, type, folded proper forms) triples.
    Returns {(name, type): (canonical name, canonical type)}: actors whose proper forms
    meet (organisations of any organisation type together; other types only with their
    own type), or whose single-word name is the surname of a full name seen elsewhere,
    share the name seen most often (then the longest) and the type seen most often.
    """
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    counts: dict[tuple[str, str], int] = {}
    by_form: dict[tuple[str, str], tuple[str, str]] = {}
    persons_by_word: dict[str, set[tuple[str, str]]] = {}
    for actors in actor_lists:
        for name, kind, proper in actors:
            key = (name, kind)
            counts[key] = counts.get(key, 0) + 1
            find(key)
            for form in proper | {fold(name)}:
                other = by_form.setdefault((form, _family(kind)), key)
                union(key, other)
            if kind == "Person" and len(name.split()) >= 2:
                persons_by_word.setdefault(name.split()[-1].lower(), set()).add(key)
    for key in list(parent):
        name, kind = key
        if kind == "Person" and len(name.split()) == 1:
            fulls = persons_by_word.get(name.lower(), set())
            if len({find(f) for f in fulls}) == 1:
                union(key, next(iter(fulls)))
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key in parent:
        groups.setdefault(find(key), []).append(key)
    out = {}
    for members in groups.values():
        best = max(members, key=lambda k: (counts.get(k, 0), len(k[0].split()) >= 2, len(k[0])))
        votes: dict[str, int] = {}
        for member in members:
            votes[member[1]] = votes.get(member[1], 0) + counts.get(member, 0)
        kind = max(votes, key=lambda t: (votes[t], t != "Company", t == best[1]))
        for member in members:
            out[member] = (best[0], kind)
    return out
