"""Names and titles as written: the people of an article as its text names them.

What this module adds: what a name token is and a name's comparison key; word lists compiled to
patterns; the title patterns (a post before a name, an apposition after it, a post owned by a
country or a person, a title standing alone, a plural post listing names); cleaning a matched name
of honorifics and stray words; what a title says of its holder (post, government, owner); and the
person records (:class:`Person`, :class:`People`, :func:`person_for`) that the officials stage
fills in and reference reads.

>>> normalise_name("Sergey LAVROV") == normalise_name("sergey lavrov")
True
>>> from kg.knowledge import load_knowledge
>>> clean_name(re.match(r"(?P<name>.*)", "Mr. Antony Blinken"), load_knowledge())
(['Antony', 'Blinken'], 4, 18)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.sentences import Sentence, sentence_at
from kg.knowledge import Knowledge, OfficeHolder, Term
from kg.model import Span


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The comparison key of a person's name: case-folded, accents and dots removed.

    >>> normalise_name("Recep Tayyip Erdoğan") == normalise_name("Recep Tayyip Erdogan")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace(".", " ").replace("ı", "i").split())


def alternation(words) -> str:
    """A regular expression matching any of ``words``, longest first, built as a trie: Python's
    engine tries a flat alternation of hundreds of names one by one at every position of the
    text, a trie only along the letters that match.

    >>> pattern = re.compile(alternation(["Iran", "Iraq", "Iraqi"]))
    >>> pattern.pattern, [m.group() for m in pattern.finditer("Iraqi and Iranian")]
    ('Ira(?:n|q(?:i)?)', ['Iraqi', 'Iran'])
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer words are tried first
            return (body if len(branches) > 1 else f"(?:{body})") + "?"
        return body

    return build(trie)


# A name token: a capitalised word ("Erdoğan", "al-Sisi") or initials ("J.", "A.V.", "U.S.").
UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
# (letters only: "M23", "G7" and "P5" name no person)
NAME_TOKEN = rf"(?:[{UPPER}](?:[^\W\d_]|[’'\-])*[^\W\d_](?<!['’]s)|[{UPPER}]\.(?:\s?[{UPPER}]\.)*)"

PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben", "ould"})
# After a post, the office it belongs to and that office's owner ("of Zelensky's office").
OFFICE_OWNER = re.compile(rf"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?P<owner>{NAME_TOKEN})['’]s[^\S\n]+"
                          r"(?:office|administration|cabinet|government|staff|team|chancellery)\b")
# Words that may follow a post ending an apposition ("X, the foreign minister, who…", "…said").
CLAUSE_WORDS = (r"(?:of|for|to|and|or|but|who|whom|whose|which|said|says|told|tells|met|meets|has|had|"
                r"have|is|was|were|will|would|in|at|on|since|from|with|later|also|then|spoke|"
                r"called|added|wrote|warned|announced|urged|visited|arrived|held)")
ROYAL_STYLES = frozenset({"King", "Queen", "Sultan", "Prince", "Pope"})
#: the words of a dynasty's names ("Faisal bin Farhan Al Saud"): "Prince Faisal" is one of
#: them rather than a namesake commoner ("Faisal Mekdad")
DYNASTIC = frozenset({"bin", "bint", "ibn", "al"})
#: ("the Sovereign" capitalised, as Moroccan and Jordanian agencies write their king)
LEADER_WORDS = ("leader", "head of state", "head of government", "monarch", "diplomat",
                "statesman", "sovereign", "Sovereign")
#: ... the heads, as a text writes them, readouts in capitals ("the Head of State received"),
#: before any post they begin with ("Head")
HEAD_TITLES = ("Head of State", "Head of Government")

HEADLINE_VERB = re.compile(r"(?:Meets|Says|Holds|Calls|Visits|Hosts|Speaks|Talks|Welcomes|Urges|"
                            r"Receives|Tells|Warns|Signs|Travels|Arrives|Discusses)")

#: any verb of a title-cased headline, known by the article after it ("El-Sisi Assumes the
#: Chairmanship"): a name is not followed by "the"
_HEADLINE_VERB_BEFORE_ARTICLE = re.compile(r"[A-Z][a-z]+[^s's]s[^\S\n]+(?:the|a|an)[^\S\n]+[A-Z]")


def is_title_only(gap: str) -> bool:
    """Whether ``gap`` holds at most a title before a name ("Russian Foreign Minister ").

    >>> is_title_only(" Russian Foreign Minister "), is_title_only(" who met the ")
    (True, False)
    """
    words = [w for w in gap.split() if w[0].isalpha()]
    # ("the Ambassador of the United States in Chile", "Ambassador to the UN": where a post is
    # held, after the post)
    return len(gap) <= 70 and all(w[0].isupper() or w in ("of", "the", "for", "and", "'s")
                                  or (i and w in ("in", "to")) for i, w in enumerate(words))


@dataclass(frozen=True)
class TitlePatterns:
    """The patterns of names with titles, compiled from one knowledge base's word lists."""

    owned: re.Pattern
    titled: re.Pattern
    titled_lower: re.Pattern
    appositive: re.Pattern
    title_only: re.Pattern
    government: re.Pattern
    #: "the foreign ministers — A of Turkey, B of Finland and C of Sweden"
    listed: re.Pattern
    listed_item: re.Pattern
    plural_posts: dict[str, str]
    #: after a country: the title of a named person ("South African leader F.W. de Klerk")
    title_ahead: re.Pattern


@lru_cache(maxsize=4)
def title_patterns(knowledge: Knowledge) -> TitlePatterns:
    """The title patterns of ``knowledge``'s governments, posts and word lists (cached)."""
    words = knowledge.words
    gov = alternation(knowledge.government_by_surface)
    post = alternation(knowledge.post_by_surface)
    # posts of several words ("Foreign Minister"), never a style before a name ("Sheikh")
    compound_post = alternation(p for p in knowledge.post_by_surface if " " in p)
    modifier = alternation(words["modifier"])
    particle = alternation(words["particle"])
    honorific = alternation(words["honorific"])
    domain = alternation(words["domain"])
    name = (
        # "H.E. Dr. Josephine Mukamana", "His Highness Sheikh X", "the Rt Hon X": styles may stack
        rf"(?:(?:(?:His|Her|Their|[Tt]he)[^\S\n]+)?(?:{honorific})[^\S\n]+){{0,3}}{NAME_TOKEN}"
        # "J.Stoltenberg", "A.V.Grushko": no space after initials in some readouts
        rf"(?:(?:[^\S\n]+|-|(?<=\.))(?:(?:{particle})(?:[^\S\n]+|-))*{NAME_TOKEN}){{0,4}}"
    )
    # "President of the Republic of Liberia", "of the Hashemite Kingdom of Jordan": a state's
    # formal style before its name
    style = (r"(?:(?:[A-Z][\w'’]*[^\S\n]+){0,2}(?:Republic|Kingdom|State|Sultanate|Emirate|"
             r"Federation|Commonwealth|Principality|Grand[^\S\n]+Duchy)[^\S\n]+of[^\S\n]+"
             r"(?:the[^\S\n]+)?)?")
    # "High Commissioner for Refugees", "Special Envoy for the Horn of Africa", "Chairman of the
    # Cabinet of Ministers": a post's scope is a state, or capitalised words ending in a word of
    # portfolios, institutions or regions; a second phrase may name the state ("Minister for
    # Foreign Affairs of Viet Nam", "Ambassador of Pakistan to the UAE").
    scope = alternation(words["domain"] | words.get("scope", frozenset()))
    institution = alternation(words["institution"])

    # "Governor of the U.S. State of California X": a unit of a state, named by one word
    unit = (rf"(?:(?:{gov})[^\S\n]+)?(?:State|Province|Prefecture|Governorate|Oblast|Territory)"
            rf"[^\S\n]+of[^\S\n]+[{UPPER}][\w'’-]*")

    def scope_phrase(group: str | None) -> str:
        # The state is matched whole, never backtracked into ("of the Kingdom of Saudi Arabia"
        # is Saudi Arabia, not "Saudi" before a name "Arabia"): a lookahead does not backtrack.
        # Nor is a state the scope when words of a body of its follow ("of the Holy See Press
        # Office, X").
        body_after = rf"(?![^\S\n]+(?:[{UPPER}][\w\-'’]*[^\S\n]+){{0,2}}(?:{institution})\b)"
        # "Chairman of the Halk Maslahaty of Turkmenistan": a body the vocabulary does not
        # know, of a state (not a post: "Aide to the President of Russia")
        body_before = (rf"(?:(?:(?!(?:{scope}|{post})\b)[{UPPER}][\w\-'’]*[^\S\n]+){{1,3}}of[^\S\n]+"
                       rf"(?:the[^\S\n]+)?)?")
        state = (rf"{body_before}(?=(?P<{group}>{gov})\b)(?P={group}){body_after}" if group
                 else rf"{body_before}(?:{gov})\b{body_after}")
        return (rf"[^\S\n]+(?:of|for|to)[^\S\n]+(?:the[^\S\n]+)?{style}(?:{state}|{unit}|"
                rf"(?:(?:[{UPPER}][\w\-'’]*|of|and|the|for)[^\S\n]+){{0,4}}?(?:{scope})\b"
                # ... and every scope word that follows ("for Migration Affairs")
                rf"(?:[^\S\n]+(?:(?:of|and|the|for)[^\S\n]+)*(?:{scope})\b)*)")

    # "Minister for Foreign Affairs and Cooperation of …": a post's name may go on with "and"
    # and a portfolio before its scope
    more_scope = rf"(?:[^\S\n]+and[^\S\n]+(?:[{UPPER}][\w\-]*[^\S\n]+){{0,2}}(?:{scope})\b)?"
    of_phrase = rf"(?P<more>{more_scope}){scope_phrase('ofgov')}(?P<of2>{scope_phrase('ofgov2')})?"
    any_of_phrase = rf"{more_scope}{scope_phrase(None)}(?:{scope_phrase(None)})?"
    # "Russian Deputy Foreign Minister", "Housing Minister": modifiers and portfolio words.
    # "Syria's U.N. ambassador": a state owning a post an organisation qualifies
    lead = (rf"(?:(?P<owner_gov>{gov})['’]s[^\S\n]+(?=(?:{gov})[^\S\n]))?"
            rf"(?:(?P<gov>{gov})(?:['’]s|(?<=s)['’])?[^\S\n]+)?(?P<mods>(?:(?:{modifier}|{domain})[^\S\n]+)*)")
    # "Japan's ambassador in Beijing, X": where an envoy serves, no scope of the post
    capitals = alternation(knowledge.government_by_capital)
    posted_in = (rf"(?:(?:(?<=[Aa]mbassador)|(?<=[Ee]nvoy)|(?<=[Cc]ommissioner))[^\S\n]+in"
                 rf"[^\S\n]+(?:{capitals}|{gov})(?![\w'’-]))?")
    titled = re.compile(
        # "then-President John Kufuor": the post held at the time
        rf"(?<![\w-])(?:[Tt]hen-)?{lead}(?P<post>{post})(?P<of>{of_phrase})?{posted_in}"
        rf"(?:,[^\S\n]+|[^\S\n]+)"
        # "The chair of the Caribbean Community, Jamaican Prime Minister X", "his Iranian
        # counterpart, Foreign Minister X": a title of its own after it is the next title's, not
        # a name
        rf"(?!(?:{gov})[^\S\n]+(?:(?:{modifier}|{domain})[^\S\n]+)*(?:{post})\b"
        rf"|(?:(?:{modifier}|{domain})[^\S\n]+)*(?:{compound_post})[^\S\n]+[{UPPER}])(?P<name>{name})"
    )
    # "the European Union's coordinator for the nuclear negotiations, Enrique Mora", "the EU's
    # commissioner for humanitarian aid and crisis management, Christos Stylianides",
    # "Pakistan's Commissioner for Indus Waters, Mehr Ali Shah": a scope the vocabulary does not
    # know (no portfolio: "Secretary of State X, Y" is X's post), closed by the comma before the
    # name
    unknown_scope = rf"(?!(?:{scope})\b)[{UPPER}][\w\-]*"
    titled_lower = re.compile(
        rf"(?<![\w-]){lead}(?P<post>{post})(?P<of>[^\S\n]+(?:of|for|on)[^\S\n]+(?:the[^\S\n]+)?"
        rf"(?:(?:[a-z][\w\-]*[^\S\n]+){{0,5}}[a-z][\w\-]*"
        rf"|(?P<capitalised>(?:(?:{unknown_scope}|of|and|the|with|on|in)[^\S\n]+){{0,4}}"
        rf"{unknown_scope}))),[^\S\n]+"
        rf"(?!(?:{gov})(?![\w-])|(?:(?:{modifier}|{domain})[^\S\n]+)*(?:{post})\b)(?P<name>{name})"
        # (an apposition closes: "for Economic, Business and Agricultural Affairs" is no name)
        rf"(?(capitalised)(?=[^\S\n]*[,.;:)]))"
    )
    appositive = re.compile(
        # ("X, then Ethiopia's prime minister": the post of the time)
        # ("X, who serves as Sweden's ambassador": a relative clause giving the post held now;
        # "who was" gives a past one)
        # ("Pelosi is Speaker of the House": a copula gives the post held now)
        rf"(?P<name>{name})(?:,[^\S\n]+(?:who[^\S\n]+(?:is|serves[^\S\n]+as|has[^\S\n]+been)"
        rf"[^\S\n]+)?|[^\S\n]+is[^\S\n]+(?:also[^\S\n]+)?)(?:(?:then|now)[^\S\n]+)?(?:(?:the|a|an)[^\S\n]+)?"
        # "the newly appointed U.S. Special Representative": words of tenure before the state
        rf"(?:(?:(?:{modifier})[^\S\n]+)+(?=(?:{gov})(?![\w-])))?"
        # ("Tony Blair's foreign policy adviser", "Vice President Joe Biden's national security
        # adviser": an owner named in full, titled too)
        rf"(?:(?P<gov>{gov})(?:['’]s|(?<=s)['’])?[^\S\n]+|(?:(?:{post})[^\S\n]+)?"
        rf"(?P<owner>(?:{NAME_TOKEN}[^\S\n]+){{0,2}}{NAME_TOKEN}['’]s)[^\S\n]+"
        # "the forum's secretary-general": a body written in lower case owns the post
        rf"|(?<=the[^\S\n])[a-z][\w-]*['’]s[^\S\n]+)?"
        # "the EU's chief Brexit negotiator": after a state's possessive, a word of the topic
        rf"(?P<mods>(?:(?:{modifier})[^\S\n]+)*)(?(gov)(?:[A-Za-z][\w-]*[^\S\n]+)??"
        rf"|(?(owner)(?:[a-z][\w-]*[^\S\n]+){{0,2}}?))"
        rf"(?P<post>{post})\b(?P<of>{of_phrase})?"
        # "Erdoğan, Finnish President Sauli Niinistö", "…, Secretary of State Condoleezza Rice":
        # that title is the next person's (but "Special Representative of the United Nations
        # Secretary-General" goes on with a post, not a name).
        rf"(?![^\S\n]+(?!(?:{post})\b){NAME_TOKEN})"
        rf"(?!{any_of_phrase}"
        rf"[^\S\n]+(?!(?:{post})\b){NAME_TOKEN})"
        # "the Shangri-La Dialogue, Asia's premier security forum": a post word as an adjective
        rf"(?![^\S\n]+(?!{CLAUSE_WORDS}\b)[a-z]+\b)"
    )
    title_only = re.compile(
        # ("the Hon'ble Prime Minister": a style of address between)
        rf"(?:\b[Tt]he[^\S\n]+(?:(?:Hon['’]ble|Honou?rable)[^\S\n]+)?(?:(?P<gov>{gov})[^\S\n]+)?"
        rf"|(?<![\w-])(?P<owner_gov>{gov})['’]s[^\S\n]+"
        # "called his Kenyan counterpart": the official of that government the text has named
        rf"|\b(?:[Hh]is|[Hh]er|[Tt]heir)[^\S\n]+(?P<counterpart_gov>{gov})[^\S\n]+(?=[Cc]ounterparts?\b)"
        # "Prime Minister addressed the Forum", "On arrival, Prime Minister was received":
        # readouts drop the article before a known post
        rf"|(?P<bare>(?:(?<=^)|(?<=[.!?][^\S\n])|(?<=\n)|(?P<after_comma>(?<=,[^\S\n])))"
        rf"(?=[A-Z])))"
        rf"(?P<mods>(?:(?:{modifier})[^\S\n]+)*)"
        # the longest post only, as if atomic: "Secretary of State Hillary Clinton" is no
        # "Secretary" alone
        rf"(?=(?P<post>{alternation(HEAD_TITLES)}|{post}|{alternation(LEADER_WORDS)}))(?P=post)\b(?![^\S\n]+{NAME_TOKEN})"
        rf"(?(bare)(?=[^\S\n]+[a-z]))"
        # "…, Prime Minister of India": an apposition, not a clause's subject
        rf"(?(after_comma)(?![^\S\n]+(?:of|for|to|in|at|on|and|or|with|from|since|who|which|"
        rf"whose|until|during|between)\b))"
    )
    # "Japan's chief cabinet secretary, Hirokazu Matsuno", "Russian foreign ministry spokeswoman
    # Maria Zakharova", "Biden's national security adviser, Jake Sullivan", "his spokesman, X":
    # after a government or an owner, up to two words of the post's scope before the post.
    owned = re.compile(
        rf"(?<![\w-])(?:(?P<gov>{gov})(?:['’]s|(?<=s)['’])?|(?P<owner>[Hh]is|[Hh]er|{NAME_TOKEN}['’]s))"
        # "Li's predecessor, Gen. Wei Fenghe": the one before in the owner's post
        rf"[^\S\n]+(?P<relation>(?:predecessor|successor),[^\S\n]+)?"
        rf"(?P<mods>(?:[a-z][\w-]*(?:['’]s)?[^\S\n]+){{0,2}})(?P<post>{post})"
        rf"(?P<of>){posted_in}(?:,[^\S\n]+|[^\S\n]+)(?P<name>{name})"
    )
    government = re.compile(rf"(?<![\w-])(?:{gov}|{alternation(knowledge.government_by_capital)})"
                            rf"(?![\w-])")
    plural_posts = {re.sub(r"(?<=[^aeiou])y$", "ie", surface) + "s": surface
                    for surface in knowledge.post_by_surface
                    if surface[-1:].isalpha() and not surface.endswith("s")}
    # "his Australian, Japanese and Philippine counterparts —", "the heads of the three
    # delegations —", "the two Foreign Secretaries,", "Presidents A and B"
    listed = re.compile(
        rf"(?:(?P<govs>(?:{gov})(?:[^\S\n]*,[^\S\n]*(?:{gov}))*,?[^\S\n]+and[^\S\n]+(?:{gov}))"
        rf"[^\S\n]+)?(?<![\w-])(?P<post>{alternation(plural_posts)})"
        rf"(?:(?:[^\S\n]+(?:of|to|at|for)[^\S\n]+[^—–:;,.\n]{{1,50}}?)?[^\S\n]*(?P<sep>[—–:]|,)[^\S\n]*"
        # "Presidents A of Kenya and B of Tanzania met": the names right after the post
        rf"|[^\S\n]+(?=[{UPPER}]))")
    # "Mevlüt Çavuşoğlu of Turkey", "Russia's Alexander Lavrentiev", "Iran's Deputy Foreign
    # Minister X" (titled: found as such), or a bare name
    listed_item = re.compile(
        rf"(?:(?P<owner_gov>{gov})['’]s[^\S\n]+)?"
        rf"(?P<title>(?:(?:{modifier}|{domain})[^\S\n]+)*(?:{post})[^\S\n]+)?(?P<name>{name})"
        rf"(?:[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?P<gov>{gov})\b)?"
        rf"(?P<next>[^\S\n]*,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)?")
    title_ahead = re.compile(rf"(?:['’]s)?[^\S\n]+(?:(?:{modifier})[^\S\n]+)*"
                             rf"(?:{post}|{alternation(LEADER_WORDS)})[^\S\n]+{NAME_TOKEN}")
    return TitlePatterns(owned, titled, titled_lower, appositive, title_only, government, listed,
                         listed_item, plural_posts, title_ahead)


def _is_title_then_name(tokens: list[str], knowledge: Knowledge) -> bool:
    """Whether ``tokens`` are a title (a government or modifier, then a post) and a name.

    >>> from kg.knowledge import load_knowledge
    >>> _is_title_then_name("Nigerian President Olusegun Obasanjo".split(), load_knowledge())
    True
    """
    words = knowledge.words
    title = 0
    while title < len(tokens) and (tokens[title] in knowledge.government_by_surface
                                   or tokens[title] in words["modifier"]
                                   or tokens[title] in words["domain"]):
        title += 1
    posts = 0
    while title + posts < len(tokens) and tokens[title + posts] in knowledge.post_by_surface:
        posts += 1
    rest = tokens[title + posts:]
    return posts > 0 and bool(rest) and not any(
        t in words["stop"] or t in knowledge.government_by_surface
        or t in knowledge.post_by_surface for t in rest)


def clean_name(match: re.Match, knowledge: Knowledge) -> tuple[list[str], int, int]:
    """The tokens of the name group, cut at the first word that cannot be part of a name."""
    words = knowledge.words
    raw = match.group("name")
    start = match.start("name")
    tokens: list[str] = []
    end = start
    titled = "post" in match.re.groupindex and match.group("post") is not None
    for token_match in re.finditer(r"(?:[A-Z]\.)+(?=[A-Z][a-z])|[^\s]+", raw):
        token = token_match.group()
        # A capitals headline ("PM MARAPE WELCOMES SIGNING"): its words are looked up as if
        # written in title case
        word = token.title() if token.isupper() and len(token) > 2 and "." not in token else token
        if not tokens and HEADLINE_VERB.fullmatch(word):
            return [], start, start  # "Crown Prince Receives Phone Call": a headline, no name
        if tokens and token in words.get("institution", ()):
            return [], start, start  # "US Central Command": the run names an institution
        if (token in words.get("name_after_title", ()) and (tokens or titled)) or (
                token in words.get("name_inside", ()) and tokens
                and token_match.end() < len(raw)):
            # "Vice Premier He Lifeng", "Liu He": a name, not "he"; "Hassan Sheikh Mohamud":
            # a name, not a style
            tokens.append(token)
            end = match.start("name") + token_match.end()
            continue
        if len(tokens) == 1 and _is_title_then_name(raw[token_match.start():].split(), knowledge):
            # "Former Nigerian President Olusegun Obasanjo, …", "Crown Prince Salman, …": the
            # word before a title is no name; the name follows the title.
            tokens = []
        if tokens and (word in words["stop"] or word in knowledge.government_by_surface
                       or word in knowledge.post_by_surface or word in words["domain"]
                       or HEADLINE_VERB.fullmatch(word)
                       or _HEADLINE_VERB_BEFORE_ARTICLE.match(
                           match.string, start + token_match.start())):
            break  # "Secretary Blinken Meets South African…": a headline's verb ends the name
        if tokens and token in words.get("postnominal", ()):
            break  # "the Hon Pat Conroy MP", "Sir John Key GNZM": letters after a name end it
        # "His Excellency X", "Her Majesty Y", "the Hon Z": the possessive (or article) of a
        # style is part of the style
        following = raw[token_match.end():].split()[:1]
        style_owner = not tokens and token in ("His", "Her", "Their", "The", "the") \
            and bool(following) and following[0] in words["honorific"]
        # "Presidents Ruto and Hassan": a plural post before names is a title too
        leading_title = (not tokens and token[0].isupper() and token_match.end() < len(raw)
                         and (token in knowledge.post_by_surface
                              or token in title_patterns(knowledge).plural_posts))
        # "Foreign Minister Israel Katz": after a post, a country's name followed by a name is a
        # given name
        given_name = titled and not tokens and match.start("post") < match.start("name") \
            and token in knowledge.government_by_surface and bool(following) \
            and not any(following[0] in group for group in (
                knowledge.government_by_surface, knowledge.post_by_surface, words["stop"],
                words["domain"]))
        if not tokens and not leading_title and not given_name and not style_owner and (
                token in words["stop"] or token in knowledge.government_by_surface
                or token in knowledge.post_by_surface or token in words["domain"]
                # "Vice President, Prime Minister and Ruler of Dubai": a post, no "Prime"
                or (following and f"{token} {following[0]}" in knowledge.post_by_surface)):
            return [], start, start
        owner = not tokens and re.sub(r"['’]s$", "", token) in knowledge.government_by_surface \
            and token[-2:] in ("'s", "’s") and token_match.end() < len(raw)
        # (a style after a given name is a surname: "John Major")
        if (token in words["honorific"] and not tokens) or leading_title or owner or style_owner:
            # "Mr. X", and "Sheikh Tamim" after "Qatar's emir,": a title is no part of the name,
            # nor is the country that owns it ("Senegal's Macky Sall, the AU chairman").
            start = match.start("name") + token_match.end()
            while start < len(match.string) and match.string[start] == " ":
                start += 1
            continue
        tokens.append(token)
        end = match.start("name") + token_match.end()
        if re.search(r"['’]s$", token):
            break  # "Secretary Blinken's Travel to Indonesia": the owner's name ends there
    # Hyphenated particles ("al-Sisi") stay one token; trailing possessives are dropped.
    if tokens:
        tokens[-1] = re.sub(r"['’]s$", "", tokens[-1])
        if is_place(" ".join(tokens), knowledge):
            return [], start, start  # "in New York, the Spokesperson for…": a place
        end = start + len(" ".join(tokens)) if match.string[start:end].count(" ") == len(tokens) - 1 else end
    return tokens, start, end


def is_place(words: str, knowledge: Knowledge) -> bool:
    """Whether ``words`` name a place rather than a person: a capital, a country, or a city or
    venue the knowledge lists ("New York", "Sochi", "Camp David").

    >>> from kg.knowledge import load_knowledge
    >>> is_place("New York", load_knowledge()), is_place("Kofi Annan", load_knowledge())
    (True, False)
    """
    return words in knowledge.words.get("place", ()) or words in knowledge.government_by_capital \
        or words in knowledge.government_by_surface


def title_case(words: str) -> str:
    """A post as a title: each word capitalised but the small ones.

    >>> title_case("minister of foreign affairs"), title_case("under-secretary-general")
    ('Minister of Foreign Affairs', 'Under-Secretary-General')
    """
    small = {"of", "for", "to", "the", "and", "on", "in", "elect", "designate"}
    # (each part of a compound, as "Secretary-General" is written, but "President-elect")
    return " ".join("-".join(part if part in small or part[:1].isupper()
                             else part[:1].upper() + part[1:] for part in w.split("-"))
                    if w not in small else w for w in words.split())


ENVOY_POSTS = frozenset({"Ambassador", "Permanent Representative"})


def record_post(person: Person, match: re.Match, knowledge: Knowledge,
                sentences: list[Sentence]) -> None:
    """Give ``person`` what the title ``match`` says: the post, its government, its owner."""
    groups = match.groupdict()
    surface = groups["post"]
    # "Home Secretary" is a post of its own, though "Home" also reads as a portfolio word
    words = (groups.get("mods") or "").split()
    surface = next((f"{' '.join(words[i:])} {surface}" for i in range(len(words))
                    if f"{' '.join(words[i:])} {surface}" in knowledge.post_by_surface), surface)
    if surface != groups["post"]:
        groups = {**groups, "mods": " ".join(words[: len(words) - len(surface.split()) + 1])}
    post = knowledge.post_by_surface[surface]
    mods = " ".join(title_case(m) for m in (groups.get("mods") or "").split()
                    if m.lower() not in {"former", "then", "new", "newly", "incoming", "outgoing",
                                          "top", "elected", "the", "a", "an"})
    spokesperson = post.name == "Spokesperson"
    if spokesperson:
        # Whose spokesperson is said apart ("Spokesman, Ministry of External Affairs",
        # "Spokesman of the Ministry of Foreign Affairs").
        mods = ""
    more = groups.get("more") or ""  # "… and Cooperation"
    of = (groups.get("of") or "")[len(more):]
    # "ambassador to Kazakhstan", "special envoy for Syria": the country an envoy is sent to is
    # not the one they represent; only "of" says whose post it is.
    ofgov = groups.get("ofgov") if of.split()[:1] == ["of"] else None
    second = groups.get("of2") or ""
    # The scope the post's name keeps: "Minister of Foreign Affairs", not "President of Ghana";
    # a legislature that names its state keeps its name ("Speaker of the Knesset").
    scope = "" if (ofgov and ofgov not in knowledge.legislatures) or spokesperson else of
    if not ofgov and groups.get("ofgov2") and second.split()[:1] == ["of"]:
        # "Minister for Foreign Affairs of Viet Nam": the second phrase names the state
        ofgov = groups["ofgov2"]
        scope = "" if spokesperson else of[: len(of) - len(second)]
    # The post as the text gives it ("Spokeswoman", "Minister of Foreign Affairs"), title-cased;
    # abbreviations ("FM", "PM", "Gen.") take the post's full name.
    written = post.name if (surface.isupper() and len(surface) <= 3) or surface.endswith(".") \
        else title_case(surface)
    normalised = f"{mods} {written}{more}{scope}".strip()
    sentence = sentence_at(sentences, match.start())
    evidence = Span(match.start(), match.end(), match.group(), sentence.text if sentence else None)
    person.posts.append((normalised, evidence))
    named = [knowledge.government_by_surface[g]
             for g in (groups.get("gov"), groups.get("owner_gov"), ofgov) if g]
    if post.name in ENVOY_POSTS and groups.get("owner_gov"):
        # "Syria's U.N. ambassador": an envoy represents the state that owns the post, not the
        # organisation they are sent to.
        named = [knowledge.government_by_surface[groups["owner_gov"]]]
    if not named and groups.get("name") and match.end("name") == match.end():
        # "President Luis Ramos of Peru": the state after the name, which a title referring
        # back to him ("the Peruvian leader") needs before governments are assigned
        after = NAME_OF_STATE.match(match.string, match.end())
        state = after and title_patterns(knowledge).government.fullmatch(after.group("state"))
        if state and state.group() in knowledge.government_by_surface:
            named = [knowledge.government_by_surface[state.group()]]
    person.governments.extend(named)
    if groups.get("owner"):
        person.owners.append(match.start("owner"))
    # "deputy head of Zelensky's office": the office's owner is whom the official works for.
    office = OFFICE_OWNER.match(match.string, match.end())
    if office:
        person.owners.append(office.start("owner"))
    if post.default_government:
        person.post_governments.append(post.default_government)


NAME_OF_STATE = re.compile(r"[^\S\n]+of[^\S\n]+(?P<state>(?:the[^\S\n]+)?[A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,3})"
                           r"(?![\w'’-])(?!['’]s)")


@dataclass
class Person:
    """A person the text names, and what it says of them, gathered while officials are found."""

    tokens: list[str]
    posts: list[tuple[str, Span]] = field(default_factory=list)
    governments: list[str] = field(default_factory=list)
    post_governments: list[str] = field(default_factory=list)
    #: offsets of "his" / "Biden's" owning the post: the official works for the owner's government
    owners: list[int] = field(default_factory=list)
    #: where an untitled person takes part in a contact ("held talks with Vladimir Putin")
    contacts: list[Span] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    #: the gazetteer's entry for this person, when the name is an office-holder's
    holder: OfficeHolder | None = None
    #: where the gazetteer found the name (evidence for an official named without a title)
    named: list[Span] = field(default_factory=list)
    #: the gazetteer's terms of this person around the article's date (what the text can call
    #: them: Putin in 2017 is no prime minister)
    terms: tuple[Term, ...] = ()

    def absorb(self, other: Person) -> None:
        """Take in what the text says of ``other``, another form of this person's name."""
        self.posts.extend(other.posts)
        self.governments.extend(other.governments)
        self.post_governments.extend(other.post_governments)
        self.owners.extend(other.owners)
        self.contacts.extend(other.contacts)
        self.aliases |= other.aliases
        self.named.extend(other.named)

    @property
    def name(self) -> str:
        return " ".join(self.tokens)


class People(list):
    """The people of an article, indexed by name word: looking a name up costs the people who
    share a word with it, not everyone named so far (a dense article names thousands)."""

    def __init__(self) -> None:
        super().__init__()
        self.by_word: dict[str, dict[int, Person]] = {}
        self.order: dict[int, int] = {}

    def append(self, person: Person) -> None:
        super().append(person)
        self.order[id(person)] = len(self.order)
        self.index(person)

    def index(self, person: Person) -> None:
        """Register ``person`` under each word of their (possibly new) name."""
        for token in person.tokens:
            self.by_word.setdefault(normalise_name(token), {})[id(person)] = person

    def sharing(self, key: list[str]) -> list[Person]:
        """The people whose name shares a word with ``key``, latest first."""
        found = {pid: p for word in key for pid, p in self.by_word.get(word, {}).items()}
        return sorted(found.values(), key=lambda p: self.order[id(p)], reverse=True)


def person_for(people: list[Person], tokens: list[str], create: bool,
               post: str | None = None) -> Person | None:
    """The person these name tokens name: equal names, or one name contained in the other; of
    several, the one holding ``post`` ("King Salman" is the king, not Bahrain's Salman bin Hamad)."""
    key = [normalise_name(t) for t in tokens if not re.fullmatch(r"[A-Z]\.", t)]
    candidates = []
    for person in people.sharing(key) if isinstance(people, People) else reversed(people):
        other = [normalise_name(t) for t in person.tokens if not re.fullmatch(r"[A-Z]\.", t)]
        if _fathers_name(key, other) or _fathers_name(other, key):
            continue  # "Salman" is not "Mohammed bin Salman": after "bin" stands the father
        if _contains(other, key) or (create and _contains(key, other)):
            candidates.append((person, other))
    if post in ROYAL_STYLES and post != "Prince" and len(key) == 1:
        # "King Salman" is not Crown Prince Salman bin Hamad: a given name under another post.
        # A prince is one of many, so "Prince Faisal" may be the foreign minister Faisal bin
        # Farhan.
        candidates = [(p, o) for p, o in candidates if o[-1] == key[0] or not p.posts
                      or any(post in held or held in post for held, _ in p.posts)]
    if candidates:
        person, other = next(((p, o) for p, o in candidates
                              if post and any(post in held for held, _ in p.posts)), None) or \
            next(((p, o) for p, o in candidates if post in ROYAL_STYLES
                  and DYNASTIC.intersection(o)), candidates[0])
        if create and len(key) > len(other):
            person.tokens = list(tokens)
            if isinstance(people, People):
                people.index(person)
        return person
    if not create:
        return None
    person = Person(list(tokens))
    people.append(person)
    return person


def _fathers_name(name: list[str], full: list[str]) -> bool:
    """Whether ``name`` is only the father's name in ``full``, with his own ancestors ("Salman"
    in "Mohammed bin Salman"; "Mohamed bin Zayed Al Nahyan" in "Khaled bin Mohamed bin Zayed Al
    Nahyan"); a particle's spelling that opens a name is a given name ("Smith" in "Ben Smith")."""
    n = len(name)
    return n > 0 and any(full[i : i + n] == name and full[i - 1] in PATRONYMIC
                         for i in range(2, len(full) - n + 1))


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))
