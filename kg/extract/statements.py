"""Find statements in a parsed Doc: direct quotes and reported speech, with speakers.

Quotes: straight and curly double marks pair up within a paragraph (a mark closes the
open quote whatever its shape, so a stray opening mark used as a closing one still
works; an unclosed quote ends with its paragraph; apostrophes are never quote marks).
A quote of fewer than four words is a scare quote, not a statement.

Speakers: a speech verb outside the quote in the same sentences ("X said", "said X",
"X told ...", "according to X", "they say from X"); else the speaker of the previous
(then the next) quote of the same paragraph, or of a sentence ending with a colon.
Subjects are resolved through ``DocActors``: names, pronouns ("she said"), descriptive
references ("the online commerce giant said"), a role with its organisation ("the
organization's chief technology officer wrote") and "the statement continues".

Reported speech: "X said (that) ...", "X announced ...", "X found ...", and calls
("X called for ...", "X urged Y to ...", "X has been calling on Y ..."). A reported clause
keeps the words it quotes ('said its software “is designed to ...”'); a quote of four
words or more inside it is also a statement of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.actors import SPEECH_VERBS, subject_of, verb_named_subject
from kg.extract.quotes import QUOTE_MARKS, paragraph_ids, quote_token_spans
from kg.extract.resolve import ORG_TYPES, PRONOUN_TYPES, DocActors

__all__ = ["RawStatement", "find_statements"]

REPORT_VERBS = {
    "say", "tell", "announce", "claim", "note", "explain", "state", "add", "argue", "warn",
    "insist", "acknowledge", "admit", "report", "reveal", "confirm", "deny", "find",
    "write", "suggest", "estimate", "allege", "contend", "maintain", "assert", "believe",
    "predict", "conclude", "testify", "stress", "emphasize", "emphasise", "argue", "show",
    "rule", "determine", "complain",
}
# verbs that attribute what is said, quoted or reported
ATTRIBUTING_VERBS = SPEECH_VERBS | REPORT_VERBS
CALL_VERBS = {"urge", "demand", "request", "cite", "advocate", "petition", "press",
              "implore", "beg", "pledge", "vow", "promise", "threaten", "propose", "ask",
              "reiterate", "recommend"}
CALL_PARTICLE_VERBS = {"call": ("for", "on", "upon"), "push": ("for",), "appeal": ("to", "for")}
WISH_VERBS = {"like", "want", "wish"}  # "she would like X to ..." is a call
ROLE_NOUNS = {"officer", "director", "spokesperson", "spokesman", "spokeswoman", "executive",
              "president", "chief", "head", "ceo", "founder", "researcher", "analyst",
              "representative", "official", "chairman", "manager", "counsel", "attorney",
              "lawyer", "boss", "leader", "member", "secretary", "staffer", "employee"}
# parts of an organisation that speak for it ("the Halbrook County branch of the NAACP",
# "Amnesty International's Dutch section")
UNIT_NOUNS = {"branch", "chapter", "section", "affiliate", "wing", "arm"}
# who speaks for an organisation: "spokeswoman Jane Doe" (SPOKES_WORDS), "an FTA official said"
SPOKES_WORDS = {"spokesperson", "spokesman", "spokeswoman", "representative"}
SPOKES_NOUNS = SPOKES_WORDS | {"official", "executive", "counsel", "attorney", "lawyer"}
STATEMENT_NOUNS = {"statement", "post", "blog", "release", "tweet"}


@dataclass(frozen=True)
class RawStatement:
    """A statement before names are final: speaker is an actor index of DocActors."""

    speaker: int
    kind: str
    text: str
    start: int  # token span of the statement text
    end: int
    sentence_index: int


class _Context:
    def __init__(self, doc, acts: DocActors):
        self.doc = doc
        self.acts = acts
        self.sent_index = {}
        self.sents = list(doc.sents)
        for number, sent in enumerate(self.sents):
            for token in sent:
                self.sent_index[token.i] = number
        self.in_quote = [False] * len(doc)
        self.quotes = quote_token_spans(doc)
        for start, end in self.quotes:
            for i in range(start, end):
                self.in_quote[i] = True
        self.paragraph = paragraph_ids(doc)
        self.last_speaker: int | None = None

    def speaker_of(self, verb) -> int | None:
        acts = self.acts
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                for pobj in child.children:
                    actor = acts.at(pobj.i)
                    if actor is not None:
                        return actor
        subject = _subject(verb, self.in_quote)
        if verb.dep_ == "conj" and (verb.lemma_.lower() in CALL_VERBS or verb.lemma_.lower() in CALL_PARTICLE_VERBS):
            # "X said there was no law that allowed it and called on Y ...": X calls (a parser slip)
            speech = _speech_governor(verb)
            if speech is not None:
                actor = self.actor_of_subject(subject) if subject is not None else None
                if actor is None or acts.actors[actor].type == "Product":
                    return self.speaker_of(speech)
        if subject is None:
            current = verb
            for _ in range(4):  # "Fight for the Future urged X to act and called on Y"
                named = verb_named_subject(current, acts)
                if named is not None or current.dep_ not in ("conj", "xcomp", "advcl", "ccomp"):
                    return named
                current = current.head
            return None
        return self.actor_of_subject(subject)

    def actor_of_subject(self, subject) -> int | None:
        acts = self.acts
        actor = acts.at(subject.i)
        if actor is not None:
            return actor
        for child in subject.children:
            # "the company's chief executive, Jane Doe, said": the person in apposition
            if child.dep_ == "appos" and acts.at(child.i) is not None \
                    and acts.actors[acts.at(child.i)].type in ("Person", "GovernmentBody", "NGO", "Company"):
                return acts.at(child.i)  # also "the data protection authority, the Vigilo, said"
        for child in subject.children:
            # "a group of lawmakers led by Rep. Jane Doe asked ...": the leader speaks
            if child.dep_ == "acl" and child.lemma_.lower() in ("lead", "head"):
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if acts.at(pobj.i) is not None:
                                return acts.at(pobj.i)
        if subject.lower_ in ("which", "who", "that") and subject.head.dep_ in ("relcl", "acl"):
            return acts.at(subject.head.head.i)  # "Clearview AI, which claims ..."
        if subject.lemma_.lower() in ROLE_NOUNS and any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
            # "Her attorney says": the person introduced with that role
            for index, record in enumerate(acts.actors):
                if record.type == "Person" and record.role and subject.lemma_.lower() in record.role.lower():
                    return index
        for start, end, frame in acts.frames:
            # "the complaint said": a lawsuit speaks for its plaintiff
            if start <= subject.i < end and acts.actors[frame].kind == "lawsuit":
                # (what the filing "cites" is a reference, not its plaintiff's words)
                return acts.actors[frame].owner if subject.head.lemma_.lower() != "cite" else None
        for token in subject.subtree:
            # "In a letter to X, the acting director of ICE, Sens. Y and Z asked ...": the
            # parser may hang the titled speakers on the addressee's appositive
            actor = acts.at(token.i)
            if actor is not None and token.dep_ == "conj" and token.i > subject.i \
                    and acts.actors[actor].type == "Person" and token.head.i != subject.i \
                    and any(t.lower_ in ("sen.", "sens.", "rep.", "reps.", "senators", "senator")
                            for t in token.lefts):
                return actor
        lower = subject.lower_
        if lower in ("we", "our", "us") and self.last_speaker is not None:
            return self.last_speaker
        if lower in PRONOUN_TYPES:
            return acts.resolve(subject)
        if subject.lemma_.lower() in STATEMENT_NOUNS:
            return self.last_speaker
        if subject.lemma_.lower() in SPOKES_NOUNS:
            # "an FTA spokeswoman said", "a Veritrace executive said": the organisation speaks
            # (not "an Amazon employee wrote": employees speak for themselves)
            for child in subject.lefts:
                actor = acts.at(child.i) if child.dep_ in ("compound", "nmod", "amod") else None
                if actor is not None and acts.actors[actor].type in ORG_TYPES:
                    return actor
        # a role of an organisation: "the organization's chief technology officer"
        if subject.lemma_.lower() in ROLE_NOUNS or subject.pos_ in ("NOUN",):
            for child in subject.children:
                if child.dep_ == "poss":
                    actor = acts.at(child.i)
                    if actor is None:
                        for head in (child,) + tuple(child.children):
                            actor = acts.at(head.i)
                            if actor is not None:
                                break
                    if actor is None and child.pos_ == "NOUN":
                        actor = _descriptive_actor(acts, child)
                    if actor is None and child.lower_ in PRONOUN_TYPES:
                        actor = acts.recent(child.i, ORG_TYPES)
                    if actor is not None and subject.lemma_.lower() in ROLE_NOUNS | UNIT_NOUNS:
                        return actor
                if child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "from", "with"):
                    for pobj in child.children:
                        actor = acts.at(pobj.i)
                        if actor is None:
                            # "a spokesperson for the police bureau": an organisation named in
                            # the phrase (not the person of "a spokesman for Carrick's department")
                            actor = next((acts.at(t.i) for t in pobj.subtree if t.i < pobj.i and acts.at(t.i)
                                          is not None and acts.actors[acts.at(t.i)].type in ORG_TYPES), None)
                        if actor is not None and subject.lemma_.lower() in ROLE_NOUNS | UNIT_NOUNS:
                            return actor
            # "Organizations such as the ACLU"
            for child in subject.children:
                if child.dep_ == "prep" and child.lower_ in ("as", "like", "including"):
                    for pobj in child.subtree:
                        actor = acts.at(pobj.i)
                        if actor is not None:
                            return actor
                if child.dep_ == "amod" and child.lower_ == "such":
                    for pobj in child.subtree:
                        actor = acts.at(pobj.i)
                        if actor is not None:
                            return actor
        if subject.lemma_.lower() in SPOKES_WORDS and not [c for c in subject.children if c.dep_ in (
                "poss", "compound", "prep", "amod", "nmod", "appos")]:
            # a bare "a spokesperson said" speaks for the organisation the text is about there
            # ("The sheriff's office does not use it, a spokesperson said")
            return acts.recent(subject.i, ORG_TYPES, doc=subject.doc)
        return None


def _descriptive_actor(acts: DocActors, token):
    for i in range(token.left_edge.i, token.i + 1):
        actor = acts.at(i)
        if actor is not None:
            return actor
    return None


def _subject(verb, in_quote=None):
    current = verb
    head = verb.head
    if verb.dep_ == "advcl" and head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH_VERBS \
            and verb.lemma_.lower() in CALL_VERBS | set(CALL_PARTICLE_VERBS):
        # "X said that ... while also asking for reforms": X asks
        return subject_of(head.head)
    for _ in range(4):
        own = [c for c in current.children if c.dep_ == "nsubj"]
        climbs = current.dep_ in ("conj", "xcomp", "advcl", "ccomp") and current.head.i != current.i
        # a clause without a subject takes its head's ("X filed suit against Y, a detective
        # in Z, accusing them ..."), before any name nearby
        subject = subject_of(current) if own or not climbs else None
        if subject is not None and in_quote is not None and in_quote[subject.i]:
            # the parser made a word of the quote the subject: "“X's use harmed us,” said Y"
            outside = [c for c in current.children if c.dep_ == "nsubj" and not in_quote[c.i]]
            subject = outside[0] if outside else subject
        if subject is not None:
            return subject
        if in_quote is not None and in_quote[current.head.i] and not in_quote[current.i]:
            # "X said the company "went beyond ...," noting that ...": X notes, not the quote
            root = current.sent.root
            return subject_of(root) if root.i != current.i else None
        if current.dep_ in ("conj", "xcomp", "advcl", "ccomp") and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "relcl":
            return current.head
        break
    return None


def find_statements(doc, acts: DocActors) -> list[RawStatement]:
    """Quotes and reported speech of ``doc`` whose speaker is one of its actors."""
    ctx = _Context(doc, acts)
    found: list[RawStatement] = []
    found += _quotes(ctx)
    found += _reported(ctx)
    found.sort(key=lambda s: s.start)
    return found


def _attribution(ctx: _Context, start: int, end: int):
    """(verb, found) for a quote: the speech verb outside quotes nearest to it within the
    sentences the quote touches (plus the rest of the sentence after it)."""
    doc = ctx.doc
    first = ctx.sents[ctx.sent_index[start]]
    last = ctx.sents[ctx.sent_index[end - 1]]
    lo, hi = first.start, last.end
    # a closing mark followed by "said X" may fall into the next sentence
    if hi < len(doc) and ctx.sent_index.get(hi) is not None and hi - end <= 2:
        nxt = ctx.sents[ctx.sent_index[hi]]
        if len(nxt) <= 12:
            hi = nxt.end
    paragraph = ctx.paragraph[start]
    best = None
    for i in range(lo, hi):
        token = doc[i]
        if ctx.in_quote[i] or token.pos_ not in ("VERB", "AUX") or ctx.paragraph[i] != paragraph:
            continue
        lemma = token.lemma_.lower()
        ok = lemma in SPEECH_VERBS
        if lemma == "accord":
            ok = True
        if not ok:
            continue
        distance = start - i if i < start else i - end
        # a verb with its own subject outside the quote ("X said") beats one whose
        # subject has to be borrowed ("..., noting that")
        own = any(c.dep_ == "nsubj" and not ctx.in_quote[c.i] and c.lower_ not in ("which", "who", "that")
                  for c in token.children)
        distance += 0 if own else 15
        if best is None or distance < best[0]:
            best = (distance, token)
    if best is not None:
        return best[1]
    for i in range(lo, hi):
        if doc[i].lower_ == "according" and not ctx.in_quote[i]:
            return doc[i]
    return None


def _according_to(ctx, token):
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for pobj in child.children:
                actor = ctx.acts.at(pobj.i)
                if actor is None:
                    for sub in pobj.subtree:
                        actor = ctx.acts.at(sub.i)
                        if actor is not None:
                            break
                return actor
    return None


def _quotes(ctx: _Context) -> list[RawStatement]:
    doc = ctx.doc
    out = []
    resolved: list[list] = []  # [start, end, speaker, attributed, words]
    for start, end in ctx.quotes:
        words = sum(1 for t in doc[start:end] if not t.is_punct)
        verb = _attribution(ctx, start, end)
        speaker = None
        attributed = verb is not None
        if verb is not None:
            if verb.lower_ == "according" or verb.lemma_ == "accord":
                speaker = _according_to(ctx, verb)
            else:
                speaker = ctx.speaker_of(verb)
        else:
            speaker = _colon_lead(ctx, start)
            attributed = speaker is not None
        if attributed and speaker is not None:
            ctx.last_speaker = speaker
        resolved.append([start, end, speaker, attributed, words])
    # unattributed quotes take the speaker of a neighbouring quote in the same paragraph
    for n, item in enumerate(resolved):
        if item[3]:
            continue
        for m in (n - 1, n + 1):
            if 0 <= m < len(resolved) and resolved[m][3] and _same_paragraph(doc, resolved[m], item):
                item[2] = resolved[m][2]
                break
    n = 0
    while n < len(resolved):
        start, end, speaker, attributed, words = resolved[n]
        text = doc[start:end].text.strip()
        n += 1
        # "“X,” she said, “y.”": one sentence interrupted by its attribution is one quote
        while n < len(resolved) and _continues(doc, (start, end), resolved[n]) and resolved[n][2] == speaker:
            text = text.rstrip(",").strip() + ", " + doc[resolved[n][0]:resolved[n][1]].text.strip()
            words += resolved[n][4]
            n += 1
        if words < 4:
            speaker = _fragment_speaker(ctx, start, end) if words else None
        if speaker is None:
            continue
        text = text.rstrip(",").strip()
        out.append(RawStatement(speaker, "quote", text, start, end, ctx.sent_index[start]))
    return out


def _fragment_speaker(ctx, start, end):
    """The speaker of a short quoted fragment that a speech verb governs ("X called the
    decision “unlawful”", "she said the findings were “alarming.”"); a scare quote that
    no one is said to have said has none."""
    doc = ctx.doc
    token = doc[start:end].root
    for _ in range(6):
        if token.head is token or token.dep_ == "conj" and (
                token.head.lemma_.lower() in ATTRIBUTING_VERBS
                or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in token.children)):
            # "X says he was innocent, and the evidence was a “match”" (but "said it respected
            # the ruling and would prepare a framework with “strong safeguards”" is still X's)
            return None
        token = token.head
        if not ctx.in_quote[token.i] and token.pos_ in ("VERB", "AUX") and (
                token.lemma_.lower() in ATTRIBUTING_VERBS):
            if token.lemma_.lower() in ("call", "ask", "urge", "demand"):
                if not any(c.dep_ in ("oprd", "dobj") for c in token.children) or any(
                        c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for"
                        for c in token.children):
                    return None  # "called for", "urged X to": a call, not a quoted word
            return ctx.speaker_of(token)
    return None


def _continues(doc, first, second) -> bool:
    """Whether quote ``second`` goes on with the sentence that ``first`` broke off with a comma."""
    end, nxt = first[1], second[0]
    if doc[end - 1].text != "," or not 0 < nxt - end <= 8 or "\n" in doc[end:nxt].text:
        return False
    head = doc[nxt].text[:1]
    return head.islower()


def _same_paragraph(doc, a, b) -> bool:
    lo, hi = min(a[1], b[1]), max(a[0], b[0])
    between = doc[lo:hi].text if hi > lo else ""
    return "\n" not in between and len(between) < 200 and "\n" not in doc[lo - 1:lo].text_with_ws


def _colon_lead(ctx, start):
    """"X said:" right before the quote."""
    doc = ctx.doc
    i = start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    if i >= 0 and doc[i].text == ":":
        for j in range(i - 1, max(-1, i - 25), -1):
            token = doc[j]
            if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
                return ctx.speaker_of(token)
    return None


def _trim(doc, start, end):
    while start < end and (doc[start].is_punct or doc[start].lower_ == "that" and (
            doc[start].dep_ == "mark" or doc[start].dep_ == "advmod" and doc[start].head.dep_ == "relcl")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    if sum(t.text in QUOTE_MARKS for t in doc[start:end]) % 2:
        # a clause that ends inside the words it quotes keeps their closing mark: 'that it
        # “takes the findings seriously.”'
        for i in range(end, min(end + 3, len(doc))):
            if not doc[i].is_punct:
                break
            if doc[i].text in QUOTE_MARKS:
                end = i + 1
                break
    return start, end


def _reported(ctx: _Context) -> list[RawStatement]:
    doc = ctx.doc
    acts = ctx.acts
    out = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or ctx.in_quote[verb.i]:
            continue
        lemma = verb.lemma_.lower()
        span = None
        accusation = _accusation(verb)
        if accusation is not None:
            span = verb.i, accusation
        elif lemma in REPORT_VERBS:
            if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
                continue  # "police had been warned that ...": the police are told, not telling
            if any(c.dep_ == "neg" for c in verb.children):
                continue  # "she has not said whether ...": nothing was said
            if verb.dep_ == "parataxis" and lemma in SAYING_VERBS:
                span = _parenthetical(ctx, verb)
                if span is not None:
                    out.append(span)
                continue
            comps = [c for c in verb.children if c.dep_ in ("ccomp",) and c.i > verb.i]
            if not comps and lemma in ("claim", "say", "report"):
                comps = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
            if not comps:
                # "said in a statement that ...", "said at the time that ...": the clause hangs
                # on the statement or the time
                comps = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "at")
                         for n in c.children if n.dep_ == "pobj" and n.lemma_.lower() in STATEMENT_NOUNS | {
                             "letter", "interview", "email", "filing", "testimony", "report", "time"}
                         for g in n.children if g.dep_ in ("acl", "ccomp", "relcl") and g.i > n.i
                         and any(m.dep_ in ("mark", "advmod") and m.lower_ == "that" and m.i == g.left_edge.i
                                 for m in g.children)]
            if not comps and lemma in FRONTED_VERBS and any(
                    c.dep_ == "nsubj" and c.left_edge.i >= 1 and doc[c.left_edge.i - 1].text == ","
                    and c.i < verb.i for c in verb.children):
                # "The company stopped using it years ago, it said." / "..., the mayor announced."
                comps = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
            if not comps:
                continue
            comp = comps[0]
            fronted = comp.i < verb.i
            if comp.left_edge.lower_ in WH_WORDS or any(
                    m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in comp.children):
                continue  # "explain how many requests it received": a question, not a claim
            start, end = comp.left_edge.i, comp.right_edge.i + 1
            for c in comp.children:
                if c.dep_ == "advcl" and c.i > comp.i and c.lemma_.lower() in CALL_VERBS | set(CALL_PARTICLE_VERBS) \
                        and any(m.dep_ == "mark" and m.lower_ in ("while", "as") for m in c.children):
                    end = min(end, c.left_edge.i)  # the call is its own statement
            for token in doc[start:end]:
                # "said there was no law ... and called on Y to ...": the call is its own statement
                if token.dep_ == "conj" and (token.lemma_.lower() in CALL_VERBS or token.lemma_.lower()
                                             in CALL_PARTICLE_VERBS) and getattr(_speech_governor(token), "i", None) == verb.i:
                    end = token.i
                    break
            if ctx.in_quote[start]:
                continue
            if fronted:
                start = _after_dateline(doc, start, end)
            span = start, end
        elif lemma in CALL_VERBS or lemma in CALL_PARTICLE_VERBS or lemma in WISH_VERBS and any(
                c.lower_ == "would" for c in verb.children) and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            if lemma in CALL_PARTICLE_VERBS:
                particles = CALL_PARTICLE_VERBS[lemma]
                if not any(c.dep_ in ("prep", "prt") and c.lower_ in particles for c in verb.children):
                    if not (lemma == "call" and any(c.dep_ == "dobj" for c in verb.children)
                            and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)):
                        continue
            if lemma == "ask" and not any(c.dep_ == "dobj" or c.lower_ == "for" for c in verb.children):
                continue
            if lemma == "call" and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children):
                continue  # "she called him to let him know": a phone call
            if lemma == "propose" and any(c.dep_ == "dobj" and (acts.at(c.i) is not None or acts.frames_in(c.i, c.i + 1))
                                          for c in verb.children):
                continue  # "X proposed the AI Act": an introduction, not a statement
            if not any(c.dep_ in ("dobj", "prep", "xcomp", "ccomp", "prt") for c in verb.children):
                continue
            start = verb.i
            for child in verb.lefts:
                if child.dep_ in ("aux", "neg", "advmod", "auxpass") and child.i > verb.i - 5:
                    start = min(start, child.i)
            end = verb.i + 1
            for child in verb.rights:
                if child.dep_ in ("conj", "cc", "punct"):
                    continue
                end = max(end, child.right_edge.i + 1)
            for token in doc[verb.i + 1:end]:
                # "urged X to pass it and called on Y ...": the second call is its own statement
                if token.dep_ == "conj" and token.pos_ == "VERB" and (
                        token.lemma_.lower() in CALL_VERBS or token.lemma_.lower() in CALL_PARTICLE_VERBS):
                    end = token.i
                    break
            span = start, end
        if span is None:
            continue
        start, end = _trim(doc, *span)
        if end - start < 3:
            continue
        if sum(1 for i in range(start, end) if not ctx.in_quote[i] and not doc[i].is_punct) < 2:
            continue  # 'said its "commitment remains the same"': the quote says it all
        speaker = ctx.speaker_of(verb)
        if speaker is None:
            continue
        text = doc[start:end].text
        out.append(RawStatement(speaker, "reported", text, start, end, ctx.sent_index[start]))
    # "according to X"
    for token in doc:
        if token.lower_ != "according" or ctx.in_quote[token.i]:
            continue
        speaker = _according_to(ctx, token)
        if speaker is None:
            continue
        sent = token.sent
        prep_end = token.right_edge.i + 1
        for child in token.children:
            prep_end = max(prep_end, child.right_edge.i + 1)
        if token.i > sent.start + 3:
            start, end = sent.start, token.i
        else:
            start, end = prep_end, sent.end
        start, end = _trim(doc, start, end)
        if end - start < 3 or any(ctx.in_quote[i] for i in range(start, end)):
            continue
        out.append(RawStatement(speaker, "reported", doc[start:end].text, start, end,
                                ctx.sent_index[start]))
    return out


def _accusation(verb) -> int | None:
    """Where "accusing them of false arrest" or "denied the allegations" ends: something said
    of someone, though with no clause of its own."""
    lemma = verb.lemma_.lower()
    if lemma not in ("accuse", "deny") or any(c.dep_ in ("neg", "auxpass", "nsubjpass") for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    charges = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"]
    if lemma == "accuse" and not (objects and charges) or lemma == "deny" and not (
            objects and objects[0].lemma_.lower() in DENIED_NOUNS):
        return None
    return max(c.right_edge.i for c in objects + charges) + 1


DENIED_NOUNS = {"allegation", "wrongdoing", "claim", "charge", "accusation", "report", "liability"}
SAYING_VERBS = {"say", "tell", "warn", "argue", "add", "note", "insist"}
WH_WORDS = {"how", "why", "what", "which", "who", "whom", "whose", "when", "where", "whether"}
FRONTED_VERBS = {"say", "add", "note", "write", "announce", "tell", "warn", "argue", "claim",
                 "report", "confirm", "state", "explain"}


def _after_dateline(doc, start, end):
    """Skip a dateline ("ROME —", "NEW YORK (AP) —") at the head of a clause."""
    for i in range(start, min(end, start + 6)):
        if doc[i].text in ("—", "–", "--"):
            if all(t.is_upper or t.is_punct for t in doc[start:i]):
                return i + 1
            break
    return start


def _parenthetical(ctx, verb):
    """"The system, he said, deleted images within a day": the sentence without the
    ", he said," inset is the reported statement."""
    doc = ctx.doc
    lo, hi = verb.left_edge.i, verb.right_edge.i
    sent = verb.sent
    if doc[lo].text != "," or doc[hi].text != "," or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if lo - sent.start < 1 or any(ctx.in_quote[i] or doc[i].is_quote for i in range(sent.start, sent.end)):
        return None
    before = _trim(doc, sent.start, lo)
    after = _trim(doc, hi + 1, sent.end)
    if before[1] <= before[0] or after[1] - after[0] < 3:
        return None
    speaker = ctx.speaker_of(verb)
    if speaker is None:
        return None
    text = doc[before[0]:before[1]].text + " " + doc[after[0]:after[1]].text
    return RawStatement(speaker, "reported", text, before[0], after[1], ctx.sent_index[before[0]])


def _speech_governor(verb):
    """The speech verb whose reported clause a coordinated verb was hung inside by the parser:
    "said [there was no law [that allowed it] and called on Y]" -> said."""
    head = verb.head
    for _ in range(4):
        if head.dep_ not in ("ccomp", "relcl", "attr", "dobj", "conj"):
            return None
        head = head.head
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in SAYING_VERBS:
            return head.head
        if head.lemma_.lower() in SAYING_VERBS and head.pos_ == "VERB":
            return head
    return None
