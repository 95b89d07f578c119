"""How text becomes search terms, the same way for roles and for what people type.

- One script: Traditional Chinese is converted to Simplified (OpenCC ``t2s``) before
  anything else, so ``软件工程师`` and ``軟件工程師`` are the same words. ``t2s`` rather
  than ``s2t`` because many Traditional characters fold into one Simplified one, never
  the other way round, so the conversion never has to guess.
- Chinese, Japanese and Korean runs become overlapping character bigrams (``软件工程``
  → ``软件 件工 工程``), queried as a phrase, so the characters must be consecutive;
  a single character is searched in a field of its own (``CHARS``).
- Other text is split into words, case-folded (NFKC first, so full-width ``ＡＩ`` is
  ``ai``). Symbols that make a word are kept: ``C++``, ``C#``, ``F#``, ``.NET`` and
  ``Node.js`` are words of their own and ``C++`` does not find every role with a "c".
  A dotted word also yields its parts (``node.js`` → ``node``, ``js``, ``.js``) so
  ``js`` finds it, and ``asp.net`` is found by ``.net``.
"""

import re
import unicodedata
from functools import lru_cache

import opencc

CJK = (
    "\u2e80-\u2fff\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f"
)
_HAS_CJK = re.compile(f"[{CJK}]")
# The same words in lower-case ASCII text, which most roles are written in: a pattern
# without the CJK look-aheads runs several times faster over a description.
_ASCII_TOKEN = re.compile(r"\.?[a-z0-9]+(?:\.[a-z0-9]+)*[+#]*")
_DOTTED = re.compile(r"[a-z0-9]\.[a-z0-9]")
# A CJK run, or a word: letters and digits, joined by inner dots, with an optional
# leading dot (.net) and trailing + or # (c++, c#).
_TOKEN = re.compile(
    f"[{CJK}]+"
    f"|\\.?(?:(?![{CJK}])[^\\W_])+(?:\\.(?:(?![{CJK}])[^\\W_])+)*[+#]*"
)


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalise(text: str) -> str:
    """One width, one case and one Chinese script."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    if _HAS_CJK.search(text):
        text = _converter().convert(text)
    return text


def bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _word_parts(word: str) -> list[str]:
    """A word and, for a dotted one, its parts: what a person might type to find it."""
    inner = word.lstrip(".")
    if "." not in inner:
        return [word]
    parts = inner.rstrip("+#").split(".")
    return [word, *parts, "." + parts[-1]]


def document_tokens(text: str) -> tuple[list[str], list[str]]:
    """The terms of a field of a role, in order, and its single CJK characters."""
    text = text or ""
    if text.isascii():  # NFKC and OpenCC leave ASCII as it is
        lowered = text.lower()
        terms = _ASCII_TOKEN.findall(lowered)
        if _DOTTED.search(lowered):
            terms = [part for term in terms for part in
                     (_word_parts(term) if "." in term else (term,))]
        return terms, []
    terms, chars = [], []
    for token in _TOKEN.findall(normalise(text)):
        if _HAS_CJK.match(token):
            terms += bigrams(token)
            chars += token
        else:
            terms += _word_parts(token)
    return terms, chars


def query_terms(q: str) -> list[tuple[str, list[str]]]:
    """What a query asks for, each part required:

    ``("word", [w])`` a word (also found as the start of a longer word),
    ``("phrase", [bigram, …])`` a CJK run of two or more characters,
    ``("char", [c])`` a single CJK character.
    """
    terms = []
    for token in _TOKEN.findall(normalise(q)):
        if not _HAS_CJK.match(token):
            terms.append(("word", [token]))
        elif len(token) == 1:
            terms.append(("char", [token]))
        else:
            terms.append(("phrase", bigrams(token)))
    return terms
