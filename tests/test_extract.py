"""The extractor on small hand-written sentences: officials, communications, dates, factuality."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import extract
from kg.extract.dates import resolve_date
from kg.extract.officials import find_officials
from kg.extract.triggers import compiled_triggers
from kg.knowledge import load_knowledge
from kg.model import Article, Meta

PUBLISHED = dt.date(2022, 3, 11)  # a Friday


def extract_cast(text: str):
    """The mentions of officials in ``text`` that name them (no pronouns)."""
    cast = find_officials(text, load_knowledge())
    return [m for m in cast.mentions if m.how in ("titled", "name")]


def run(text: str, published: dt.date | None = PUBLISHED):
    return extract(Article(Meta(id="t", published=published), text))


def officials(text: str, published: dt.date | None = PUBLISHED) -> list[tuple]:
    return [(o.name, o.post, o.government) for o in run(text, published).officials]


def statement_speakers(text: str) -> list[tuple]:
    """The speakers of each statement ``text`` reports, in order."""
    return [c.participants for c in run(text).communications if c.kind.value == "statement"]


def contacts(text: str, published: dt.date | None = PUBLISHED) -> list[tuple]:
    return [
        (c.mode.value, c.status.value, tuple(sorted(c.participants)), c.initiator,
         c.date.isoformat() if c.date else None)
        for c in run(text, published).communications if c.kind.value == "contact"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian President Vladimir Putin arrived.", [("Vladimir Putin", "President", "Russia")]),
        ("Wang Yi, China's foreign minister, arrived.",
         [("Wang Yi", "Foreign Minister", "China")]),
        ("Palestinian Authority chairman Mahmoud Abbas arrived.",
         [("Mahmoud Abbas", "Chairman", "Palestinian Authority")]),
        ("Prime Minister Benjamin Netanyahu of Israel arrived.",
         [("Benjamin Netanyahu", "Prime Minister", None)]),
        ("Emirati Foreign Minister Abdullah bin Zayed arrived.",
         [("Abdullah bin Zayed", "Foreign Minister", "United Arab Emirates")]),
        ("Turkish President Recep Tayyip Erdoğan arrived.",
         [("Recep Tayyip Erdoğan", "President", "Turkey")]),
        # An office-holder takes the gazetteer's name when the text writes it (initials aside).
        ("US Secretary of State Antony J. Blinken arrived.",
         [("Antony Blinken", "Secretary of State", "United States")]),
        ("UN Secretary-General António Guterres arrived.",
         [("António Guterres", "Secretary-General", "United Nations")]),
        # ... and without a second (maternal) surname the usual name leaves out
        ("Cuban President Miguel Díaz-Canel Bermúdez arrived.",
         [("Miguel Díaz-Canel", "President", "Cuba")]),
        # "He" is a name after a title or another name word, a pronoun elsewhere.
        ("Chinese Vice Premier He Lifeng arrived.", [("He Lifeng", "Vice Premier", "China")]),
        ("Chinese Vice Premier Liu He arrived.", [("Liu He", "Vice Premier", "China")]),
        ("Biden Says He Will Meet Xi\nPresident Joe Biden arrived.",
         [("Joe Biden", "President", None)]),
        # A style between two words of a name is part of it; before the name it is a style.
        ("Somalia's President Ali Sheikh Omar arrived.", [("Ali Sheikh Omar", "President", "Somalia")]),
        ("Qatar's Emir Sheikh Tamim bin Hamad Al Thani arrived.",
         [("Tamim bin Hamad Al Thani", "Emir", "Qatar")]),
        # Malaysian and Iranian styles; Portuguese "e" joins a name.
        ("Malaysian Foreign Minister Datuk Seri Anifah Aman arrived.",
         [("Anifah Aman", "Foreign Minister", "Malaysia")]),
        ("Iranian Foreign Minister Ayatollah Hassan Jafari arrived.",
         [("Hassan Jafari", "Foreign Minister", "Iran")]),
        ("Cape Verdean Prime Minister Ulisses Correia e Silva arrived.",
         [("Ulisses Correia e Silva", "Prime Minister", "Cape Verde")]),
        ("Vladimir Medinsky, Aide to the President of Russia, arrived.",
         [("Vladimir Medinsky", "Aide", "Russia")]),
        # ordinal and lower-case modifiers; a body in lower case owning the post
        ("Kim Kye Gwan, the first vice foreign minister, arrived.",
         [("Kim Kye Gwan", "First Vice Foreign Minister", None)]),
        ("Henry Puna, the forum's secretary-general, arrived.",
         [("Henry Puna", "Secretary-General", None)]),
        ("Ian Martin, the envoy's special adviser, arrived.",
         [("Ian Martin", "Special Adviser", None)]),
        # a word of the topic after a state's possessive
        ("Michel Barnier, the EU's chief Brexit negotiator, arrived.",
         [("Michel Barnier", "Chief Negotiator", "European Union")]),
        # words of tenure before the state in an apposition
        ("Jane Roe, the newly appointed U.S. Special Envoy for Sudan, arrived.",
         [("Jane Roe", "Special Envoy for Sudan", "United States")]),
        ("Ana Ruiz, the interim Prime Minister of Peru, arrived.",
         [("Ana Ruiz", "Interim Prime Minister", "Peru")]),
        # Given names that are also styles, countries or function words, after a post.
        ("Afghan Foreign Minister Amir Khan Sadiq arrived.",
         [("Amir Khan Sadiq", "Foreign Minister", "Afghanistan")]),
        ("North Korean Foreign Minister Pak Song-il arrived.",
         [("Pak Song-il", "Foreign Minister", "North Korea")]),
        ("Israeli Foreign Minister Israel Cohen arrived.",
         [("Israel Cohen", "Foreign Minister", "Israel")]),
        # styles of Southeast Asia before a name, posts of organisations and ombudsmen
        ("Cambodian Prime Minister Samdech Techo Hun Sen arrived.",
         [("Hun Sen", "Prime Minister", "Cambodia")]),
        ("ASEAN Secretary-General Dato Lim Jock Hoi arrived.",
         [("Lim Jock Hoi", "Secretary-General", "ASEAN")]),
        ("OSCE Chairperson-in-Office Didier Burkhalter arrived.",
         [("Didier Burkhalter", "Chairperson-in-Office", "OSCE")]),
        ("Russian Human Rights Ombudsman Vladimir Lukin arrived.",
         [("Vladimir Lukin", "Human Rights Ombudsman", "Russia")]),
        # A possessive of a plural name: "The Philippines' Foreign Secretary".
        ("The Philippines' Foreign Secretary Enrique Manalo arrived.",
         [("Enrique Manalo", "Foreign Secretary", "Philippines")]),
        # An apposition's post owned by a person named in full, titled too, with topic words.
        (("Vice President Joe Biden's national security adviser, Jake Sullivan, arrived. "
          "Nigel Sheinwald, Prime Minister Tony Blair's foreign policy adviser, arrived."),
         [("Joe Biden", "Vice President", "United States"),
          ("Jake Sullivan", "National Security Adviser", "United States"),
          ("Nigel Sheinwald", "Adviser", "United Kingdom"),
          ("Tony Blair", "Prime Minister", "United Kingdom")]),
        # A body the vocabulary lacks, of a state, is a post's scope.
        ("Chairman of the Mazhilis of Kazakhstan Yerlan Koshanov arrived.",
         [("Yerlan Koshanov", "Chairman", "Kazakhstan")]),
        # A scope the vocabulary lacks ends at the comma before the name in apposition ...
        ("Pakistan's Commissioner for Indus Waters, Mehr Ali Shah, arrived.",
         [("Mehr Ali Shah", "Commissioner for Indus Waters", "Pakistan")]),
        # ... but a known portfolio ends it at once: the name after the comma is another's.
        (("U.S. Assistant Secretary of State Christopher Hill, North Korean Vice Foreign Minister "
          "Kim Kye Gwan and Song Min-soon sat at the table."),
         [("Christopher Hill", "Assistant Secretary of State", "United States"),
          ("Kim Kye Gwan", "Vice Foreign Minister", "North Korea")]),
    ],
)
def test_extract_officials_from_titles_and_appositions(text, expected):
    found = officials(text)
    # "of Israel" after the name is not read as the government yet; the rest must match exactly.
    assert [(n, p) for n, p, _ in found] == [(n, p) for n, p, _ in expected]
    for (_, _, government), (_, _, wanted) in zip(found, expected):
        if wanted:
            assert government == wanted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # countries before the plural post, respectively
        ("He met his Kenyan and Ghanaian counterparts — Ruth Achieng and Kwame Boateng.",
         [("Ruth Achieng", "Counterpart", "Kenya"), ("Kwame Boateng", "Counterpart", "Ghana")]),
        # "Country's Name" items, a titled item in between, a scope after the post
        (("Behind him stood the heads of the three delegations — Russia's Ivan Petrov, Iran's "
          "Deputy Foreign Minister Ali Tabar and Turkey's Emre Kaya."),
         [("Ivan Petrov", "Head", "Russia"), ("Ali Tabar", "Deputy Foreign Minister", "Iran"),
          ("Emre Kaya", "Head", "Turkey")]),
        # a plural post with its scope, then the list
        ("Their ambassadors to NATO, Klaus Korhonen and Axel Wernhoff, arrived.",
         [("Klaus Korhonen", "Ambassador", None), ("Axel Wernhoff", "Ambassador", None)]),
        # a list after a comma
        ("The two foreign secretaries, R. Menon and Tariq Aziz, signed the memorandum.",
         [("R. Menon", "Foreign Secretary", None), ("Tariq Aziz", "Foreign Secretary", None)]),
        # a comma after a plural post lists no single name
        ("The foreign ministers, who met in Oslo, agreed.", []),
        # names right after a capitalised plural post, with their countries or without
        ("Presidents Kofi Mensah of Ghana and Amadou Diallo of Senegal met in Dakar.",
         [("Kofi Mensah", "President", "Ghana"), ("Amadou Diallo", "President", "Senegal")]),
        ("Presidents Mensah and Diallo met in Dakar.",
         [("Mensah", "President", None), ("Diallo", "President", None)]),
        ("The Presidents Cup was held in Dakar.", []),
    ],
)
def test_extract_officials_listed_after_a_plural_post(text, expected):
    found = officials(text)
    # "of Israel" after the name is not read as the government yet; the rest must match exactly.
    assert [(n, p) for n, p, _ in found] == [(n, p) for n, p, _ in expected]
    for (_, _, government), (_, _, wanted) in zip(found, expected):
        if wanted:
            assert government == wanted


def test_extract_a_list_of_names_each_with_its_post_after_it():
    text = ("The delegation comprised Mr. Bharat Raj Paudyal, Foreign Secretary, Mr. Nilamber "
            "Acharya, Ambassador of Nepal to India, and senior officials.")
    assert [(name, post) for name, post, _ in officials(text)] == [
        ("Bharat Raj Paudyal", "Foreign Secretary"), ("Nilamber Acharya", "Ambassador")]


def test_extract_a_side_named_before_its_list_places_its_members():
    text = ("North Korean leader Kim Jong Un held talks with Russian President Vladimir Putin in "
            "Pyongyang, North Korea's capital. Present from the Russian side were First Deputy "
            "Prime Minister Ivan Petrov and Deputy Prime Minister Oleg Sidorov.")
    governments = {o.name: o.government for o in run(text, dt.date(2024, 6, 20)).officials}
    assert (governments["Ivan Petrov"], governments["Oleg Sidorov"]) == ("Russia", "Russia")


def test_extract_they_with_an_adverb_before_the_verb_are_the_last_contact_s_sides():
    text = ("US President Joe Biden met Egyptian President Abdel Fattah el-Sisi on Friday. They "
            "first met in July in Jeddah.")
    assert contacts(text, dt.date(2022, 11, 12)) == [
        ("meeting", "occurred", ("Abdel Fattah el-Sisi", "Joe Biden"), None, "2022-11-11"),
        ("meeting", "occurred", ("Abdel Fattah el-Sisi", "Joe Biden"), None, None)]


@pytest.mark.parametrize(("text", "partners"), [
    # the second partner after the verb's time, with the verb left out
    (("Vice President Al Gore met Japanese Prime Minister Ryutaro Hashimoto in the morning and "
      "later in the afternoon with John Prescott, Britain's Deputy Prime Minister."),
     ["Ryutaro Hashimoto", "John Prescott"]),
    (("Secretary of State Antony Blinken is to meet Turkish President Recep Tayyip Erdogan on "
      "Monday and, separately, Prime Minister Kyriakos Mitsotakis."),
     ["Recep Tayyip Erdoğan", "Kyriakos Mitsotakis"]),
    (("President George W. Bush held talks first with Israeli Prime Minister Ariel Sharon and "
      "then with Palestinian Prime Minister Mahmoud Abbas."), ["Ariel Sharon", "Mahmoud Abbas"]),
    # two partners coordinated "and then": one after the other, not together
    (("French President Emmanuel Macron met Lebanese President Michel Aoun and then Nabih "
      "Berri, the speaker of parliament."), ["Michel Aoun", "Nabih Berri"]),
])
def test_extract_partners_met_in_turn_are_separate_contacts(text, partners):
    found = [c.participants for c in run(text, dt.date(2003, 6, 5)).communications]
    assert [p[1] for p in found] == partners and len({p[0] for p in found}) == 1


def test_extract_a_title_stands_for_the_living_holder_not_the_late_one():
    text = ("His Highness the Amir Sheikh Nawaf Al-Ahmad Al-Jaber Al-Sabah received Saudi Minister "
            "of State Prince Mansour bin Miteb on Thursday. He conveyed condolences on the "
            "passing of the late Amir His Highness Sheikh Sabah Al-Ahmad Al-Jaber Al-Sabah. "
            "Jordan's King Abdullah II also telephoned His Highness the Amir on Thursday.")
    found = run(text, dt.date(2020, 10, 2))
    assert [c.participants for c in found.communications] == [
        ("Nawaf Al-Ahmad Al-Jaber Al-Sabah", "Mansour bin Miteb"),
        ("Abdullah II", "Nawaf Al-Ahmad Al-Jaber Al-Sabah")]
    assert "Sabah Al-Ahmad Al-Jaber Al-Sabah" not in [o.name for o in found.officials]


def test_extract_a_letter_of_credence_presented_is_a_meeting_not_a_letter():
    text = ("Caroline Kennedy, the new U.S. ambassador, rode into the grounds of the Imperial "
            "Palace on Tuesday afternoon and presented her letter of credence to Emperor Akihito.")
    assert contacts(text, dt.date(2013, 11, 20)) == [
        ("meeting", "occurred", ("Akihito", "Caroline Kennedy"), "Caroline Kennedy", "2013-11-19")]


def test_extract_being_host_to_an_official_is_hosting_them():
    text = ("At lunchtime South African President Nelson Mandela was host to Queen Elizabeth II at "
            "the Dorchester Hotel.")
    assert contacts(text, dt.date(1996, 7, 12)) == [
        ("meeting", "occurred", ("Elizabeth II", "Nelson Mandela"), "Elizabeth II", None)]


def test_extract_signatures_put_to_a_document_together_are_a_meeting():
    text = ("Uzbek President Shavkat Mirziyoyev and his Kyrgyz host, President Almazbek Atambayev, "
            "put their signatures to the document after three hours of talks on Tuesday.")
    assert contacts(text, dt.date(2017, 9, 6)) == [
        ("meeting", "occurred", ("Almazbek Atambayev", "Shavkat Mirziyoyev"), None, "2017-09-05")]


def test_extract_a_future_office_holder_is_of_that_country_already():
    # Charles III's reign began in 2022; in 2019 the Prince of Wales was British all the same,
    # though the article names no country of his.
    text = "Prince Charles met President Joe Biden in Washington on Monday."
    assert [(o.name, o.government) for o in run(text, dt.date(2019, 3, 26)).officials] == [
        ("Prince Charles", "United Kingdom"), ("Joe Biden", "United States")]


def test_extract_a_rank_after_a_given_name_is_the_surname():
    text = ("Britain's prime minister, John Major, described the hangings as judicial murder. "
            "Major Kofi Mensah, his aide, agreed.")
    assert [o.name for o in run(text, dt.date(1995, 11, 11)).officials] == [
        "John Major", "Kofi Mensah"]


def test_extract_a_relative_clause_giving_a_post_held_now_titles_the_name():
    text = ("Kofi Mensah, who serves as Ghana's ambassador to Japan, met Prime Minister Shinzo Abe. "
            "Ama Owusu, who was Ghana's ambassador in Moscow until 2009, is more cautious.")
    assert [(o.name, o.post, o.government) for o in run(text, dt.date(2013, 11, 20)).officials] == [
        ("Kofi Mensah", "Ambassador to Japan", "Ghana"), ("Shinzo Abe", "Prime Minister", "Japan")]


def test_extract_a_known_full_name_after_a_word_the_vocabulary_lacks():
    # "Barbados'" (a possessive written without its s) is no part of the name of the
    # office-holder after it
    text = ("Around the table were, among others, Barbados' Freundel Stuart and Grenada's Dr "
            "Keith Mitchell.")
    assert [(o.name, o.post, o.government) for o in run(text, dt.date(2015, 3, 9)).officials] == [
        ("Freundel Stuart", "Prime Minister", "Barbados"),
        ("Keith Mitchell", "Prime Minister", "Grenada")]


def test_extract_states_listed_after_a_plural_post_are_no_names():
    text = ("Also present were the Prime Ministers of Barbados, Saint Kitts and Nevis and Trinidad "
            "and Tobago, among them Prime Minister Mia Mottley.")
    assert [name for name, _, _ in officials(text)] == ["Mia Mottley"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Posts of particular governments and ranks are titles, not parts of names.
        ("Taoiseach Leo Varadkar met State Councilor Wang Yi.",
         [("Leo Varadkar", "Taoiseach", "Ireland"), ("Wang Yi", "State Councilor", "China")]),
        ("British Home Secretary Priti Patel met Pakistan's army chief, General Asim Munir.",
         [("Priti Patel", "Home Secretary", "United Kingdom"),
          ("Asim Munir", "Army Chief", "Pakistan")]),
        # A rank written short is the rank; the owner of a predecessor gives the government;
        # "Austin" in 2023 is the one defence minister of that name in office (the gazetteer).
        (("Chinese Defence Minister Li Shangfu spoke. Austin once met Li's predecessor, Gen. Wei "
          "Fenghe, in India."),
         [("Li Shangfu", "Defence Minister", "China"),
          ("Lloyd Austin", "Defence Minister", "United States"), ("Wei Fenghe", "General", "China")]),
        # A post "of" an organisation's post-holder is the organisation's.
        (("Also on the mission was Dr Kofi Mensah, Special Representative of the United Nations "
          "Secretary-General for West Africa."),
         [("Kofi Mensah", "Special Representative", "United Nations")]),
        # An envoy represents the state owning the post, not the organisation it is sent to.
        ("Syria's U.N. ambassador Omar Haddad met Russia's NATO envoy Ivan Petrov.",
         [("Omar Haddad", "Ambassador", "Syria"), ("Ivan Petrov", "Envoy", "Russia")]),
        # A companion is on the side of the official it accompanies.
        (("North Korean Foreign Minister Ri Yong Ho, flanked by Vice Foreign Minister Choe Son "
          "Hui, spoke. The United Nations was silent."),
         [("Ri Yong Ho", "Foreign Minister", "North Korea"),
          ("Choe Son Hui", "Vice Foreign Minister", "North Korea")]),
        # The Pope heads the Holy See and keeps the style with the name.
        ("Pope Francis met Ukrainian President Volodymyr Zelensky.",
         [("Pope Francis", "Pope", "Holy See"), ("Volodymyr Zelensky", "President", "Ukraine")]),
        # Religious, party and clerical styles are no part of a name; the Holy See's cardinal
        # secretary of state and Japan's emperor are known office-holders.
        (("Iranian President Hojjatoleslam Hassan Rouhani met Cardinal Pietro Parolin. Comrade Kim Jong Un "
          "received Emperor Akihito."),
         [("Hassan Rouhani", "President", "Iran"),
          ("Pietro Parolin", "Secretary of State", "Holy See"),
          ("Kim Jong Un", "Supreme Leader", "North Korea"), ("Akihito", "Emperor", "Japan")]),
        # Portfolios of commissioners end the post, not begin a name; a portfolio in lower
        # case may run to six words before the name in apposition.
        (("EU Commissioner for Crisis Management Janez Lenarčič met European Commissioner for "
          "Climate Action Miguel Arias Cañete. The European Union's commissioner for "
          "humanitarian aid and crisis management, Christos Stylianides, said so."),
         [("Janez Lenarčič", "Commissioner for Crisis Management", "European Union"),
          ("Miguel Arias Cañete", "European Commissioner for Climate Action", "European Union"),
          ("Christos Stylianides", "Commissioner for humanitarian aid and crisis management",
           "European Union")]),
        # The Saudi king's style is a post of Saudi Arabia's, no name ("Holy Mosques").
        (("The Custodian of the Two Holy Mosques King Salman bin Abdulaziz Al Saud received "
          "Minister of Natural Resources and Ecology Ivan Petrov of Russia."),
         [("Salman bin Abdulaziz Al Saud", "Custodian of the Two Holy Mosques", "Saudi Arabia"),
          ("Ivan Petrov", "Minister of Natural Resources and Ecology", "Russia")]),
        # English news leaves out a Russian patronymic: one person, by the usual name.
        (("Vladimir Vladimirovich Putin, President of the Russian Federation, met Sergei "
          "Viktorovich Lavrov. Putin spoke."),
         [("Vladimir Putin", "President", "Russia"), ("Sergei Lavrov", "Foreign Minister", "Russia")]),
        # Military and legal offices are posts, "Under" a modifier of one.
        (("Russian Chief of the General Staff Valery Gerasimov met US Attorney General Ana Ruiz "
          "and Under Secretary of State Victoria Nuland."),
         [("Valery Gerasimov", "Chief of the General Staff", "Russia"),
          ("Ana Ruiz", "Attorney General", "United States"),
          ("Victoria Nuland", "Under Secretary of State", "United States")]),
        # A state's formal style before its name, and a government's seat for the government.
        ("In Accra, Ghana, Omar Said, President of the Republic of Liberia, met reporters.",
         [("Omar Said", "President", "Liberia")]),
        # An official acting for the organisation they chair represents it (SCHEMA 10).
        ("Senegal's Macky Sall, the African Union chairman, met Chinese President Xi Jinping.",
         [("Macky Sall", "Chairman", "African Union"), ("Xi Jinping", "President", "China")]),
        (("Senegalese President Macky Sall, who currently chairs the African Union, met Chinese "
          "President Xi Jinping."),
         [("Macky Sall", "President", "African Union"), ("Xi Jinping", "President", "China")]),
        (("Pierre Duval, the French foreign minister, and Jon Lind, the Finnish foreign minister, "
          "who was there as chairman of the Organisation for Security and Cooperation in Europe, "
          "flew into Tbilisi."),
         [("Pierre Duval", "Foreign Minister", "France"), ("Jon Lind", "Foreign Minister", "OSCE")]),
        # Capitalised words before an institution word name the institution, not a person.
        ("General Michael Kurilla, the head of US Central Command, arrived.",
         [("Michael Kurilla", "General", "United States")]),
        # ... and so do the words organisations are named with ("Liberation Organization",
        # "Stabilization Mission"); a legislature names its state and stays in the post
        ("Omar Haddad, chairman of the Palestine Liberation Organization, arrived.",
         [("Omar Haddad", "Chairman", "Palestine Liberation Organization")]),
        # An organisation English news names by its acronym goes by it ("SADC", not "Southern
        # African Development Community")
        ("Lerato Dube, Executive Secretary of the Southern African Development Community, arrived.",
         [("Lerato Dube", "Executive Secretary", "SADC")]),
        ("Luis Ortega, the head of the United Nations Stabilization Mission in Haiti, arrived.",
         [("Luis Ortega", None, "United Nations")]),
        # A marshal's rank is a title.
        ("Vice Marshal Kang Sok Ju arrived.", [("Kang Sok Ju", "Vice Marshal", None)]),
        # A region ends a post's scope and names no one ("minister for the Middle East").
        ("Ambassador Ali Nouri met Tom Reed, the minister for the Middle East, on Monday.",
         [("Ali Nouri", "Ambassador", None), ("Tom Reed", "Minister for the Middle East", None)]),
        ("Bat Erdene, the chairman of the State Great Khural, arrived.",
         [("Bat Erdene", "Chairman of the State Great Khural", "Mongolia")]),
        ("Speaker of the Knesset Dan Levi arrived.", [("Dan Levi", "Speaker of the Knesset", "Israel")]),
        # a post only one government has names it
        ("Chief Cabinet Secretary Kenji Mori arrived.",
         [("Kenji Mori", "Chief Cabinet Secretary", "Japan")]),
        # A sentence adverb or a headline's word after a title is no name.
        ("Officially, the national security adviser was in Islamabad on Friday.", []),
        ("Presidents, Past and Present, at a Funeral\nPresident Joe Biden spoke first.",
         [("Joe Biden", "President", "United States")]),
        # A post's scope of institutions, portfolios or regions, and the state after it.
        ("UN High Commissioner for Refugees Elena Marchetti arrived.",
         [("Elena Marchetti", "High Commissioner for Refugees", "United Nations")]),
        ("Minister for Foreign Affairs of Viet Nam Nguyen Thanh Son arrived.",
         [("Nguyen Thanh Son", "Minister for Foreign Affairs", "Vietnam")]),
        (("Mr. Bakary Sanogo, Minister for Foreign Affairs and Cooperation of the Republic of "
           "Niger, arrived."),
         [("Bakary Sanogo", "Minister for Foreign Affairs and Cooperation", "Niger")]),
        ("The Libyan Minister of State for Migration Affairs, Mr Ali Zway, arrived.",
         [("Ali Zway", "Minister of State for Migration Affairs", "Libya")]),
        # a state's formal name after the post
        ("Prime Minister of the Lao People's Democratic Republic Sone Vongsa arrived.",
         [("Sone Vongsa", "Prime Minister", "Laos")]),
        ("Deputy Chairman of the Cabinet of Ministers Batyr Amanov arrived.",
         [("Batyr Amanov", "Deputy Chairman of the Cabinet of Ministers", None)]),
        # Kenya's "CS" is a Cabinet Secretary; an agency's Administrator holds a post too.
        ("Defence CS Aden Duale arrived.", [("Aden Duale", "Defence Cabinet Secretary", None)]),
        ("USAID Administrator Rajiv Shah arrived.", [("Rajiv Shah", "Administrator", None)]),
        # a scope may end in an office ("the General Office of the … Committee")
        ("Director of the General Office of the Party Committee Wei Hong arrived.",
         [("Wei Hong", "Director of the General Office of the Party Committee", None)]),
        ("The Ambassador of Pakistan to the UAE, Tariq Mehmood, arrived.",
         [("Tariq Mehmood", "Ambassador", "Pakistan")]),
        # the state is read whole ("Saudi Arabia", not "Saudi" before a name "Arabia"), and the
        # possessive of a style is part of the style
        (("His Excellency Faisal Al-Harbi, Minister of Foreign Affairs of the Kingdom of Saudi "
           "Arabia, arrived."),
         [("Faisal Al-Harbi", "Minister of Foreign Affairs", "Saudi Arabia")]),
        # ... and a title of its own after its comma is the next person's
        ("The chair of the Caribbean Community, Jamaican Prime Minister Alisha Greaves, arrived.",
         [("Alisha Greaves", "Prime Minister", "Jamaica")]),
        # Self-governing states outside the UN.
        ("Cook Islands Prime Minister Mark Brown arrived.",
         [("Mark Brown", "Prime Minister", "Cook Islands")]),
        # Posts of trade, of the UN's ranks, of the Commonwealth and of consulates.
        ("U.S. Trade Representative Ann Hale arrived.",
         [("Ann Hale", "Trade Representative", "United States")]),
        ("UN Under-Secretary-General Omar Nabil arrived.",
         [("Omar Nabil", "Under-Secretary-General", "United Nations")]),
        ("British High Commissioner Jane Hale arrived.",
         [("Jane Hale", "High Commissioner", "United Kingdom")]),
        ("Chinese Consul General Zhao Ming arrived.", [("Zhao Ming", "Consul General", "China")]),
        # International organisations beyond the UN's main organs, and their chiefs.
        ("UNESCO Director-General Jane Hale arrived in Paris.",
         [("Jane Hale", "Director-General", "UNESCO")]),
        ("UNHCR Director Omar Nabil arrived.", [("Omar Nabil", "Director", "UNHCR")]),
    ],
)
def test_extract_posts_ranks_and_institutions(text, expected):
    assert [(o.name, o.post, o.government) for o in run(text, dt.date(2023, 6, 1)).officials] \
        == expected


@pytest.mark.parametrize(
    "text",
    [
        "Reporter Jane Smith wrote the story. Analyst John Doe agreed.",
        "The photo was taken by Ron Przysucha.",
        "Nothing about diplomacy happened on Tuesday.",
        # A post at a think tank, a university or a foundation is no official post.
        ("\"The summit changed little,\" said Maria Kowalski, director of the Baltic Policy "
        "Centre in Riga."),
        "Tom Ferris, president of the Atlantic Peace Foundation, told reporters the deal was weak.",
        "Jane Roe, a China specialist at a national university, said the talks were useful.",
        # A post held at a programme of a think tank or a research body is no official one.
        ('"It went well," said Jane Roe, director of the Asia programme at the International '
         "Crisis Group."),
        '"It was a gamble," said John Doe, director of the UK in a Changing Europe think tank.',
        # A place after a preposition is no name, even before a title in apposition.
        "From Moscow, the French President flew on to Tbilisi.",
        # Nor is a city or a venue the knowledge lists.
        "At the Kantei, the Japanese prime minister's office, the talks began.",
        # ... nor a region
        "Leaders of the South Pacific said the deal was weak.",
        # ... nor a residence named like a person ("Pine")
        "At the Pine Residence, the French ambassador's residence, the talks began.",
        "John Doe, who studies Cuban politics at a Florida university, said the visit mattered.",
        ("Koji Sato, a political scientist at a Tokyo university, said the government had "
         "misjudged the mood."),
        # The scope of a post is nobody, whether the vocabulary knows it or not.
        "Pakistan's Commissioner for Indus Waters said the talks were useful.",
        ("The Under Secretary of State for Economic, Business and Agricultural Affairs told "
         "reporters the talks were useful."),
        # Business leaders speak and meet too, without an official post.
        "Acme CEO Ana Ruiz met reporters. Ana Ruiz, chief executive of Acme, said so.",
        # A post at a private body, its scope taken into the post or written in lower case
        ("Ivan Petrov, deputy director of the Institute of Europe of the Academy of Sciences, "
         "told TASS the union was dead."),
        "Ali Aliyev, head of the Atlas research centre, told reporters the deal was good.",
        # reporters and people in the street
        "Rami Haddad, reporting for Al Jazeera from Annapolis, said the mood was tense.",
        "Tesfay Gebre, a shopkeeper in Addis Ababa, told the BBC he was happy.",
    ],
)
def test_extract_no_officials_without_an_official_post(text):
    assert officials(text) == []


@pytest.mark.parametrize(("opening", "expected"), [
    # A readout's subject named only by a post one holder held that day for a government the
    # text names is that holder.
    ("The United Nations said the trip went well.\n\nThe Secretary-General met",
     [("meeting", ("António Guterres", "Vladimir Putin"))]),
    # Without the organisation, "the Secretary-General" could be NATO's or the OSCE's.
    ("The Secretary-General met", []),
])
def test_extract_a_readout_s_subject_named_by_a_post_alone(opening, expected):
    text = f"{opening} today in Moscow with President Vladimir V. Putin of the Russian Federation."
    assert [(c[0], c[2]) for c in contacts(text, dt.date(2022, 4, 26))] == expected


@pytest.mark.parametrize("text", [
    "Japan's ambassador in Beijing, Koji Sato, met Chinese Foreign Minister Li Wen.",
    "The Japanese ambassador in Beijing, Koji Sato, met Chinese Foreign Minister Li Wen."])
def test_extract_where_an_envoy_serves_is_not_whom_they_represent(text):
    assert ("Koji Sato", "Ambassador", "Japan") in officials(text)
    assert [set(c[2]) for c in contacts(text)] == [{"Koji Sato", "Li Wen"}]


def test_extract_the_capital_an_envoy_serves_in_is_no_evidence_of_their_government():
    text = "The Colombian delegation included the ambassador in Caracas, Ana Ruiz."
    assert officials(text) == [("Ana Ruiz", "Ambassador", "Colombia")]


@pytest.mark.parametrize("other", [
    # another post that begins with the title is not that title
    "He was briefed by the Special Representative of the Secretary-General, Roger Meece.",
    # nor is an armed group named by letters and digits anyone's post-holder
    "Asked whether he would meet the M23, the Secretary-General said there were no plans.",
])
def test_extract_a_readout_s_subject_is_resolved_past_other_posts_naming_it(other):
    text = ("The United Nations said the trip went well. The Secretary-General met President "
            f"Vladimir V. Putin of the Russian Federation today in Moscow. {other}")
    assert "António Guterres" in [o.name for o in run(text, dt.date(2022, 4, 26)).officials]


@pytest.mark.parametrize("session", [
    "took part in a session on Friday chaired by Uzbek President Shavkat Mirziyoyev.",
    ("participated in the Restricted Session on Friday, chaired by Uzbek President Shavkat "
     "Mirziyoyev and attended by Chinese President Xi Jinping."),
])
def test_extract_taking_part_in_a_session_someone_chairs(session):
    found = contacts(f"Indian Prime Minister Narendra Modi {session}")
    assert [(c[2], c[3]) for c in found] == [
        (tuple(sorted({"Narendra Modi", "Shavkat Mirziyoyev"}
                      | ({"Xi Jinping"} if "Xi" in session else set()))), "Shavkat Mirziyoyev")]


@pytest.mark.parametrize(("attends", "status"), [
    # the base form of the verb, and the host as the subject of a relative clause
    ("is due on Friday to attend the summit, which Uzbek President Shavkat Mirziyoyev is hosting.",
     "planned"),
    ("will take part in the session that Uzbek President Shavkat Mirziyoyev chairs on Friday.",
     "planned"),
    # the purpose of a journey made, past an apposition on its destination, is what happened
    (("travelled on Friday to Samarkand, Uzbekistan, to attend the summit, which Uzbek "
      "President Shavkat Mirziyoyev hosted."), "occurred"),
])
def test_extract_attending_a_session_its_host_names_in_a_relative_clause(attends, status):
    found = contacts(f"Indian Prime Minister Narendra Modi {attends}")
    assert [(c[1], c[2], c[3]) for c in found] == [
        (status, ("Narendra Modi", "Shavkat Mirziyoyev"), "Shavkat Mirziyoyev")]


def test_extract_a_relative_clause_s_list_of_attendees_runs_past_its_commas():
    text = ("Monday's session on climate, which was chaired by French President Emmanuel Macron "
            "and attended by German Chancellor Angela Merkel, British Prime Minister Boris "
            "Johnson and Indian Prime Minister Narendra Modi, ran long.")
    assert [c[2] for c in contacts(text, dt.date(2019, 8, 27))] == [
        ("Angela Merkel", "Boris Johnson", "Emmanuel Macron", "Narendra Modi")]


def test_extract_those_who_attended_a_session_join_the_summit_its_host_opened():
    text = ("Saudi Crown Prince Mohammed bin Salman opened the Arab League summit in Jeddah on "
            "Friday. The session was attended by leaders including Syrian President Bashar "
            "al-Assad and Egyptian President Abdel Fattah al-Sisi.")
    assert [(c[2], c[3]) for c in contacts(text, dt.date(2023, 5, 20))] == [
        (("Abdel Fattah al-Sisi", "Bashar al-Assad", "Mohammed bin Salman"),
         "Mohammed bin Salman")]


@pytest.mark.parametrize(("after", "attendees"), [
    # listed after "around the table", items separated by semicolons, some with their posts
    ((" Around the table were Kuwait's emir, Sheikh Nawaf al-Ahmad al-Sabah; Sheikh Mohammed bin "
      "Rashid Al Maktoum, the UAE's vice president and prime minister; and Bahrain's Crown "
      "Prince Salman bin Hamad Al Khalifa."),
     ("Mohammed bin Rashid Al Maktoum", "Nawaf al-Ahmad al-Sabah", "Salman bin Hamad Al Khalifa")),
    # named in a relative clause on the event
    (" at which Kuwait's emir, Sheikh Nawaf al-Ahmad al-Sabah, accepted the role of mediator.",
     ("Nawaf al-Ahmad al-Sabah",)),
])
def test_extract_a_summit_someone_chaired_with_the_attendees_named_after_it(after, attendees):
    text = "Saudi Crown Prince Mohammed bin Salman chaired the summit of the Gulf Cooperation Council"
    text += after if after.startswith(" at") else "." + after
    assert [(c[2], c[3]) for c in contacts(text, dt.date(2021, 1, 6))] == [
        (tuple(sorted(("Mohammed bin Salman", *attendees))), "Mohammed bin Salman")]


def test_extract_a_chair_s_deliberations_with_several_are_one_meeting_he_started():
    text = ("South African President Cyril Ramaphosa chaired the leaders' deliberations with "
            "Chinese President Xi Jinping, Indian Prime Minister Narendra Modi and Russian Foreign "
            "Minister Sergey Lavrov on Wednesday, and the four agreed to recognize each other's "
            "concerns.")
    assert [(c[2], c[3]) for c in contacts(text)] == [
        (("Cyril Ramaphosa", "Narendra Modi", "Sergey Lavrov", "Xi Jinping"), "Cyril Ramaphosa")]


def test_extract_a_list_of_participants_runs_past_an_aside_and_lower_case_posts():
    # a relative clause set off by commas inside the list, and a post written in lower case
    # ("the chairperson of the … Commission") before the last name
    text = ("US President Barack Obama convened a session on Sudan with Ethiopian Prime Minister "
            "Hailemariam Desalegn, Kenyan President Uhuru Kenyatta, who had flown in for the "
            "occasion, Uganda's president, Yoweri Museveni, and the chairperson of the African "
            "Union Commission, Nkosazana Dlamini-Zuma.")
    assert [(c[2], c[3]) for c in contacts(text, dt.date(2015, 7, 28))] == [
        (("Barack Obama", "Hailemariam Desalegn", "Nkosazana Dlamini-Zuma", "Uhuru Kenyatta",
          "Yoweri Museveni"), "Barack Obama")]


def test_extract_a_second_event_noun_of_one_verb_is_its_subject_s():
    text = ("New Zealand Prime Minister Jacinda Ardern held a meeting with Nauru President Baron "
            "Waqa on Wednesday and a separate meeting with Fiji Prime Minister Frank Bainimarama, "
            "at which the two leaders discussed the election.")
    assert [c[2] for c in contacts(text)] == [("Baron Waqa", "Jacinda Ardern"),
                                              ("Frank Bainimarama", "Jacinda Ardern")]


@pytest.mark.parametrize(("journey", "initiator"), [
    # the clause's own journey, after its comma: its subject travelled
    (", on the first state visit by an Uzbek leader to Tajikistan", "Shavkat Mirziyoyev"),
    # a journey in a relative clause on the one named last: theirs
    (", who was on a state visit to Uzbekistan", "Emomali Rahmon"),
])
def test_extract_the_traveller_of_a_journey_named_after_the_contact(journey, initiator):
    text = ("Uzbek President Shavkat Mirziyoyev held talks with Tajik President Emomali Rahmon "
            f"on Friday{journey}.")
    assert [c[3] for c in contacts(text)] == [initiator]


def test_extract_a_name_opening_a_new_coordinated_clause_is_no_object():
    text = ("Indian NSA Ajit Doval and Pakistani NSA Nasser Khan Janjua met in Bangkok, and later "
            "External Affairs Minister Sushma Swaraj travelled to Islamabad.")
    assert [c[2] for c in contacts(text) if len(c[2]) > 1] == [("Ajit Doval", "Nasser Khan Janjua")]


def test_extract_the_delegation_is_those_who_travel_together():
    text = ("US Secretary of State Antony Blinken will be accompanied by Homeland Security "
            "Secretary Alejandro Mayorkas, and the delegation will meet Mexican President Andrés "
            "Manuel López Obrador on Wednesday.")
    assert [(c[1], c[2]) for c in contacts(text)] == [
        ("planned", ("Alejandro Mayorkas", "Andrés Manuel López Obrador", "Antony Blinken"))]


def test_extract_a_bare_title_in_a_readout_is_its_principal():
    text = ("Prime Minister Narendra Modi visited Samarkand on Friday. He met Prime Minister "
            "Shehbaz Sharif of Pakistan.\n\nPrime Minister invited President Shavkat Mirziyoyev "
            "to pay a State Visit to India.")
    assert ("planned", ("Narendra Modi", "Shavkat Mirziyoyev")) in [
        (c[1], c[2]) for c in contacts(text, dt.date(2022, 9, 17))]


def test_extract_a_son_named_after_his_father_is_not_the_father_and_posts_name_nobody():
    text = ("UAE President Mohamed bin Zayed Al Nahyan met Sheikh Khaled bin Mohamed bin Zayed Al "
            "Nahyan, Crown Prince of Abu Dhabi, and Sheikh Mohammed bin Rashid Al Maktoum, Vice "
            "President, Prime Minister and Ruler of Dubai.")
    assert [o.name for o in run(text, dt.date(2024, 2, 13)).officials] == [
        "Mohamed bin Zayed Al Nahyan", "Khaled bin Mohamed bin Zayed Al Nahyan",
        "Mohammed bin Rashid Al Maktoum"]


def test_extract_a_post_for_an_office_holder_is_one_title():
    text = ("Asked at the noon briefing in New York, the Spokesperson for the Secretary-General, "
            "Jane Roe, said the talks would go on.")
    assert [(name, post) for name, post, _ in officials(text)] == [("Jane Roe", "Spokesperson")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Untitled people who meet, call or speak act as officials.
        (("When Sergey Lavrov and Dmytro Kuleba sat down, nothing moved. Kuleba said little. "
          "Lavrov met the press."), {"Sergey Lavrov", "Dmytro Kuleba"}),
        ("Indonesian President Joko Widodo held talks with Vladimir Putin.",
         {"Joko Widodo", "Vladimir Putin"}),
        # (Putin, an office-holder in office, is named too: annotators list such officials.)
        ("Dmitry Peskov, Putin's spokesman, said the talks were useful.",
         {"Dmitry Peskov", "Vladimir Putin"}),
        # Names listed together act together, present at an occasion too.
        ("Cai Qi, Ding Xuexiang and Foreign Minister Qin Gang were present at the talks.",
         {"Cai Qi", "Ding Xuexiang", "Qin Gang"}),
        # Any verb of receiving acts, in any form, active or passive.
        ("Unification Minister Cho Myoung-gyon greets Kim Yong Nam.",
         {"Cho Myoung-gyon", "Kim Yong Nam"}),
        ("Kim Yo Jong was greeted by Unification Minister Cho Myoung-gyon.",
         {"Cho Myoung-gyon", "Kim Yo Jong"}),
        # A government that owns the name is no part of it.
        ("Australia's Penny Wong met the press.", {"Penny Wong"}),
        # Private people speak too, and stay out.
        (("Mustafa Aydın, who teaches international relations at Kadir Has University, said "
          "Ankara was a natural venue."), set()),
        ("Richard Gowan, an analyst at the International Crisis Group, said it was a gamble.",
         set()),
        # ... and so do politicians of the opposition.
        ("Omar Latif, the opposition politician who brought the case, said it was a win.", set()),
        # A style before a name is no part of it ("Counsellor" in Egyptian usage).
        ("Presidential Spokesman Counsellor Adel Nour said the talks went well.", {"Adel Nour"}),
        # So do those held abroad and freed: the captive and the basketball star are no
        # officials, the envoy for hostage affairs who fetched them is; a people is no person.
        (("Marat Velkov, the aid worker detained in Minsk since May, spoke with Secretary of "
          "State Antony Blinken by phone."), {"Antony Blinken"}),
        (("Dana Ferris, the basketball star, met Secretary of State Antony Blinken. Omar "
          "Haddad, the special presidential envoy for hostage affairs, met her in Abu Dhabi."),
         {"Antony Blinken", "Omar Haddad"}),
        ("The North Koreans agreed there to let Swedish diplomats visit him.", set()),
        # A role given at a later mention of the surname describes the person too.
        (("The deal freed Victor Lamm. Mr. Lamm, a 65-year-old subcontractor for an aid "
          "agency, told reporters he was glad to be home."), set()),
        # A headline's verb after a title opens no name; a building's "People" is no person.
        (("Crown Prince Receives Phone Call from Palestinian President\n\nPalestinian "
          "President Mahmoud Abbas spoke on Tuesday."), {"Mahmoud Abbas"}),
        (("At the Great Hall of the People, the Foreign Secretary was received by Vice President "
          "Han Zheng."), {"Han Zheng"}),
        # A place after "in" before an apposition is no person titled by it.
        (("Soon after arriving in Goa, the foreign minister held talks with Russian Foreign "
          "Minister Sergey Lavrov."), {"Sergey Lavrov"}),
        # A body's name is no person's, whether it speaks or is a place in apposition.
        ("Yasmine Farouk of the Carnegie Endowment said the summit was a turning point.", set()),
        ("They signed on the steps of Harambee House, the president's office in Nairobi.", set()),
        (("Egypt's foreign minister, Sameh Shoukry, said in an interview with Al Arabiya that "
          "talks had stopped."), {"Sameh Shoukry"}),
    ],
)
def test_extract_untitled_people_who_act_like_officials(text, expected):
    assert {name for name, _, _ in officials(text)} == expected


@pytest.mark.parametrize(
    ("text", "name", "post", "government"),
    [
        (("Mevlüt Çavuşoğlu could claim a first. Turkey's foreign minister had brought the two "
          "sides together. Çavuşoğlu announced it."), "Mevlüt Çavuşoğlu", "Foreign Minister",
         "Turkey"),
        ("Australia's Penny Wong met the press.", "Penny Wong", None, "Australia"),
        ("He was accompanied by Housing Minister Zeev Elkin, who met Putin.", "Zeev Elkin",
         "Housing Minister", None),
        # The owner of a post gives the government: "Putin's spokesman", "his spokesman".
        (("Russian President Vladimir Putin met him. Dmitry Peskov, Putin's spokesman, said the "
          "talks were useful."), "Dmitry Peskov", "Spokesman", "Russia"),
        (("UN Secretary-General António Guterres will travel on Monday, his spokesman, Stéphane "
          "Dujarric, said."), "Stéphane Dujarric", "Spokesman", "United Nations"),
        ("Ukraine's ambassador to Indonesia, Vasyl Hamianin, said so on Tuesday.",
         "Vasyl Hamianin", "Ambassador to Indonesia", "Ukraine"),
        # the country an envoy is sent to is not the one they represent
        (("The United States was represented by its ambassador to Kazakhstan, John Doe, who "
          "attended as an observer."), "John Doe", "Ambassador to Kazakhstan", "United States"),
        (("Libya was more reserved. Its minister of state for foreign affairs, Omar Said, "
          "welcomed the deal."), "Omar Said", "Minister of State for foreign affairs", "Libya"),
        # one of a list whose other members all represent one government represents it too
        (("Secretary of State Antony Blinken, US Defense Secretary Lloyd Austin and the national "
          "security adviser, Ana Ruiz, met Chinese Foreign Minister Wang Yi."), "Ana Ruiz",
         "National Security Adviser", "United States"),
        # a readout's staff speak for the leader it calls plain "the President"
        (("President Hassan Rouhani arrived in Muscat on Monday for talks with Omani officials. "
          "Mr. Ali Tabar, Spokesman of the Ministry of Foreign Affairs, said the President "
          "welcomed any dialogue with Oman."), "Ali Tabar", "Spokesman", "Iran"),
        # what stands right around an untitled name: "of Iran", "the Iranian diplomat X",
        # "who leads the Iranian delegation"
        ("In Geneva, Ali Tabar of Iran met Rob Malley of the United States on Monday.",
         "Rob Malley", None, "United States"),
        ("In Geneva, the Iranian diplomat Ali Tabar met American officials on Monday.",
         "Ali Tabar", None, "Iran"),
        (("In Geneva, Ali Tabar, who leads the Iranian delegation, met Rob Malley, head of the "
          "American team."), "Ali Tabar", None, "Iran"),
        # a possessive owning a title is not the titled person ("his press secretary, X")
        (("President Carlos Mesa flew home. Late that night his press secretary, Ana Ruiz, "
          "told reporters the talks would go on."), "Ana Ruiz", "Press Secretary", "Bolivia"),
    ],
)
def test_extract_posts_of_untitled_people_come_from_their_context(text, name, post, government):
    found = {n: (p, g) for n, p, g in officials(text)}
    assert found[name][0] == post
    if government:
        assert found[name][1] == government


def test_extract_surnames_and_titles_link_to_the_official():
    extraction = run("US Secretary of State Antony Blinken landed. Blinken then met the press. "
                     "The Secretary said little.")
    (blinken,) = extraction.officials
    assert blinken.name == "Antony Blinken" and "Blinken" in blinken.aliases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian President Vladimir Putin phoned French President Emmanuel Macron on Thursday.",
         [("phone", "occurred", ("Emmanuel Macron", "Vladimir Putin"), "Vladimir Putin",
           "2022-03-10")]),
        ("Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida on Friday.",
         [("meeting", "occurred", ("Fumio Kishida", "Narendra Modi"), None, "2022-03-11")]),
        ("German Chancellor Olaf Scholz will meet Israeli Prime Minister Naftali Bennett on Monday.",
         [("meeting", "planned", ("Naftali Bennett", "Olaf Scholz"), None, "2022-03-14")]),
        ("French President Emmanuel Macron visited Saudi Crown Prince Mohammed bin Salman.",
         [("meeting", "occurred", ("Emmanuel Macron", "Mohammed bin Salman"), "Emmanuel Macron",
           None)]),
        (("Chinese Foreign Minister Wang Yi held talks with Indian Foreign Minister "
          "Subrahmanyam Jaishankar in New Delhi on March 8."),
         [("meeting", "occurred", ("Subrahmanyam Jaishankar", "Wang Yi"), None, "2022-03-08")]),
    ],
)
def test_extract_contacts(text, expected):
    assert contacts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list's last title may be written in lower case.
        (("French President Emmanuel Macron held talks with Lebanese President Michel Aoun, "
          "Prime Minister Hassan Diab and parliament speaker Nabih Berri."),
         [(("Emmanuel Macron", "Hassan Diab", "Michel Aoun", "Nabih Berri"), (), None)]),
        # A visited country stands for its unnamed hosts...
        ("US House Speaker Nancy Pelosi visited Taiwan on Tuesday.",
         [(("Nancy Pelosi",), ("Taiwan",), "Nancy Pelosi")]),
        ("Gambian President Dawda Jawara will visit Mauritania and Senegal.",
         [(("Dawda Jawara",), ("Mauritania", "Senegal"), "Dawda Jawara")]),
        # ...unless the article names whom the visitor met there.
        (("Indian Prime Minister Narendra Modi visited Japan on Monday. Modi met Japanese Prime "
          "Minister Fumio Kishida in Tokyo."),
         [(("Fumio Kishida", "Narendra Modi"), (), "Narendra Modi")]),
        # A meeting's convener takes part and starts it.
        (("Turkey relented after a meeting in Madrid between Turkish President Recep Tayyip "
          "Erdoğan, Finnish President Sauli Niinistö and Swedish Prime Minister Magdalena Andersson, "
          "convened by NATO Secretary-General Jens Stoltenberg."),
         [(("Jens Stoltenberg", "Magdalena Andersson", "Recep Tayyip Erdoğan", "Sauli Niinistö"),
           (), "Jens Stoltenberg")]),
        # Plural conversations with a list are one per counterpart.
        (("Turkish President Recep Tayyip Erdoğan had brief conversations with Palestinian "
          "President Mahmoud Abbas and Jordan's King Abdullah II."),
         [(("Mahmoud Abbas", "Recep Tayyip Erdoğan"), (), None),
          (("Abdullah II", "Recep Tayyip Erdoğan"), (), None)]),
        # "Separately" with a side of two: that whole side met each counterpart in turn.
        (("Norwegian Foreign Minister Jonas Gahr Store and Danish Foreign Minister Per Stig "
          "Moller arrived. The two ministers first saw Latvian President Vaira Vike-Freiberga and "
          "Lithuanian President Valdas Adamkus separately."),
         [(("Jonas Gahr Store", "Per Stig Moller", "Vaira Vīķe-Freiberga"), (), None),
          (("Jonas Gahr Store", "Per Stig Moller", "Valdas Adamkus"), (), None)]),
        # Talks that a verb's contact was for ("received A and B for talks") pair no objects.
        (("Latvian President Vaira Vike-Freiberga received Danish Foreign Minister Per Stig "
          "Moller and Norwegian Foreign Minister Jonas Gahr Store separately for bilateral talks."),
         [(("Per Stig Moller", "Vaira Vīķe-Freiberga"), (), "Per Stig Moller"),
          (("Jonas Gahr Store", "Vaira Vīķe-Freiberga"), (), "Jonas Gahr Store")]),
        # a subject's post in apposition before "and" the next subject
        (("Gen. Wesley Clark, the alliance's supreme commander in Europe, and Gen. Klaus "
          "Naumann, chairman of its Military Committee, flew in on Tuesday and spent six hours "
          "with Yugoslav President Slobodan Milosevic."),
         [(("Klaus Naumann", "Slobodan Milošević", "Wesley Clark"), (), None)]),
    ],
)
def test_extract_contacts_hosts_conveners_and_lists(text, expected):
    found = [(tuple(sorted(c.participants)), c.counterpart_governments, c.initiator)
             for c in run(text).communications if c.kind.value == "contact"]
    assert found == [(tuple(sorted(p)), g, i) for p, g, i in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A joint news conference after a meeting is held by the meeting's parties.
        (("German Foreign Minister Annalena Baerbock met Russian Foreign Minister Sergey Lavrov on "
          "Tuesday. At a joint news conference after their meeting, Lavrov said talks would go on."),
         {("Annalena Baerbock", "Sergey Lavrov")}),
        # "a news conference with X" includes X.
        (("German Foreign Minister Annalena Baerbock told a news conference with Ukrainian Foreign "
          "Minister Dmytro Kuleba that Germany stood by Ukraine."),
         {("Annalena Baerbock", "Dmytro Kuleba")}),
        # Alone before reporters, one speaker.
        ("Russian Foreign Minister Sergey Lavrov told reporters that talks would go on.",
         {("Sergey Lavrov",)}),
        # "their news conference": held by those whose talks were just reported.
        (("Dutch Prime Minister Mark Rutte flew to Warsaw on Tuesday for talks with Polish Prime "
          "Minister Mateusz Morawiecki and, at their news conference afterwards, praised Poland."),
         {("Mark Rutte", "Mateusz Morawiecki")}),
        # The speaker follows an opening phrase that comes after another one.
        (("Earlier on Tuesday, speaking at a joint news conference after his talks with Polish "
          "Prime Minister Mateusz Morawiecki, who was on a visit, Dutch Prime Minister Mark Rutte "
          "said the alliance stood firm."),
         {("Mark Rutte", "Mateusz Morawiecki")}),
        # A name is no modal: "May" in "Theresa May" makes nothing hypothetical.
        (("British Prime Minister Theresa May and Irish Prime Minister Leo Varadkar gave a brief "
          "joint press conference."),
         {("Leo Varadkar", "Theresa May")}),
    ],
)
def test_extract_joint_news_conferences_are_held_by_all_their_speakers(text, expected):
    found = {tuple(sorted(c.participants)) for c in run(text).communications
             if c.mode.value == "press_briefing"}
    assert found == expected


@pytest.mark.parametrize("speakers", ["The heads of government", "They", "The Ministers"])
def test_extract_a_definite_plural_after_talks_speaks_for_their_sides_and_meets_nobody(speakers):
    text = ("Kyrgyz Prime Minister Akylbek Japarov held talks with Belarusian Prime Minister Roman "
            f"Golovchenko on Thursday. {speakers} then made statements for the press. The "
            "leaders agreed to meet again next year.")
    assert [tuple(sorted(s)) for s in statement_speakers(text)] == [
        ("Akylbek Japarov", "Roman Golovchenko")]
    assert [c[2] for c in contacts(text)] == [("Akylbek Japarov", "Roman Golovchenko")]


def test_extract_the_event_whose_sidelines_talks_are_on_is_their_setting_only():
    text = ("Chinese Foreign Minister Wang Yi and Indian External Affairs Minister Sushma Swaraj "
            "would hold talks on the sidelines of the trilateral meeting.")
    assert contacts(text) == [
        ("meeting", "planned", ("Sushma Swaraj", "Wang Yi"), None, None)]


def test_extract_a_remark_after_the_words_it_reports_takes_no_day_from_them():
    # Monday is the call's, "today" is inside a quotation and March 1 is the pullback's: the
    # remarks are the briefing's. A day the remark itself is given sets it apart.
    text = ("Speaking at the ministry's regular briefing on Tuesday, spokesman Geng Shuang said "
            "China hoped for calm. Foreign Minister Wang Yi spoke by telephone with Pakistani "
            "Foreign Minister Shah Mahmood Qureshi on Monday evening. Wang told Qureshi on "
            "Monday that sovereignty should be respected, Geng said. \"We will talk to both "
            "sides today,\" Geng said. Geng said the troops had pulled back on March 1. Geng "
            "said on Wednesday that China would stay neutral.")
    assert [(c.mode.value, c.date.isoformat()) for c in run(text, dt.date(2022, 3, 9))
            .communications if c.kind.value == "statement"] == [
        ("press_briefing", "2022-03-08"), ("unspecified", "2022-03-09")]


def test_extract_a_counterpart_s_post_lets_a_title_name_him_later():
    text = ("Georgian Foreign Minister David Zalkaliani met his Lithuanian counterpart Linas "
            "Linkevičius in Tbilisi on Monday. Later the Lithuanian minister called on President "
            "Salome Zourabichvili and handed her a letter from Lithuanian President Gitanas "
            "Nausėda.")
    assert sorted((c[0], c[2]) for c in contacts(text)) == [
        ("correspondence", ("Gitanas Nausėda", "Salome Zourabichvili")),
        ("meeting", ("David Zalkaliani", "Linas Linkevičius")),
        ("meeting", ("Linas Linkevičius", "Salome Zourabichvili"))]


def test_extract_a_possessive_in_a_reported_clause_is_its_subject_s():
    text = ("Spokesperson Arindam Bagchi said that External Affairs Minister S. Jaishankar would "
            "pay his first visit to Saudi Arabia on Sunday.")
    assert [(c.participants, c.counterpart_governments) for c in run(text).communications
            if c.kind.value == "contact"] == [(("S. Jaishankar",), ("Saudi Arabia",))]


def test_extract_an_object_relative_clause_hangs_on_its_antecedent():
    # "May, whom he had received …, Mr. Trump said": May is received, by the subject after the
    # fronted phrase, not by the official named in the sentence before.
    text = ("President Donald Trump spoke with President Enrique Peña Nieto of Mexico. Speaking "
            "at a news conference with Prime Minister Theresa May of Britain, whom he had "
            "received earlier in the day, Mr. Trump said the call was friendly.")
    assert {(mode, participants, initiator) for mode, _, participants, initiator, _
            in contacts(text)} == {
        ("unspecified", ("Donald Trump", "Enrique Peña Nieto"), None),
        ("meeting", ("Donald Trump", "Theresa May"), "Theresa May")}


def test_extract_the_month_may_is_no_modal_and_a_subject_pronoun_is_the_main_subject():
    text = ("Tuvalu's prime minister, Enele Sopoaga, chaired the forum. In May he hosted the "
            "United Nations Secretary-General, António Guterres. He may meet him again.")
    assert contacts(text) == [
        ("meeting", "occurred", ("António Guterres", "Enele Sopoaga"), "António Guterres", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("French President Emmanuel Macron flew to the Gulf on Friday. Sheikh Mohammed bin "
          "Zayed Al Nahyan hosted him in Abu Dhabi."), ("Emmanuel Macron", "Mohammed bin Zayed Al Nahyan")),
        # The clause begins after "where": its subject is the host, not Macron.
        (("French President Emmanuel Macron arrived in the Gulf. Earlier on Friday, Macron had "
          "been in Dubai, where Crown Prince Sheikh Mohammed bin Zayed Al Nahyan hosted him."),
         ("Emmanuel Macron", "Mohammed bin Zayed Al Nahyan")),
        (("German Foreign Minister Annalena Baerbock flew to Ankara on Friday. Turkish Foreign "
          "Minister Mevlüt Çavuşoğlu received her at the ministry."),
         ("Annalena Baerbock", "Mevlüt Çavuşoğlu")),
        # The owner of the subject's title is no subject: "her" is the owner.
        (("German Foreign Minister Annalena Baerbock flew home. Baerbock's French counterpart, "
          "Catherine Colonna, called her on Friday."), ("Annalena Baerbock", "Catherine Colonna")),
        # "her" before the thing given is its recipient, and says nothing of the giver's gender
        (("Moldovan President Maia Sandu won the election on Sunday. Russian President Vladimir "
          "Putin sent her a congratulatory message."), ("Maia Sandu", "Vladimir Putin")),
    ],
)
def test_extract_an_object_pronoun_is_not_its_own_clause_s_subject(text, expected):
    assert [parties for _, _, parties, _, _ in contacts(text) if len(parties) == 2] == [expected]


def test_extract_an_object_pronoun_is_not_the_subject_of_its_own_verb():
    # "and" joins two clauses: "him" is the guest of the first, not the second's host
    text = ("Iranian Foreign Minister Mohammad Javad Zarif arrived in Kuwait on Sunday. Crown "
            "Prince Sheikh Nawaf Al-Ahmad Al-Jaber Al-Sabah received the Iranian minister at "
            "Bayan Palace, and Prime Minister Sheikh Jaber Al-Mubarak Al-Hamad Al-Sabah "
            "received him at Seif Palace.")
    assert [parties for _, _, parties, _, _ in contacts(text)] == [
        ("Mohammad Javad Zarif", "Nawaf Al-Ahmad Al-Jaber Al-Sabah"),
        ("Jaber Al-Mubarak Al-Hamad Al-Sabah", "Mohammad Javad Zarif")]


def test_extract_a_day_in_a_clause_nested_after_the_trigger_is_not_the_event_s():
    text = ("French President Emmanuel Macron spoke with Israeli Prime Minister Naftali Bennett "
            "on Saturday. Macron briefed him on his exchanges with Putin, including a call which "
            "Putin initiated on Thursday.")
    assert {date for *_, date in contacts(text)} == {"2022-03-05"}


def test_extract_words_after_a_meeting_take_its_day_not_the_background_s():
    text = ("South African President Jacob Zuma met Libyan leader Muammar Gaddafi in Tripoli on "
            "Thursday. The African Union road map had first been agreed on March 1 in Addis "
            "Ababa. Speaking to the press after the meeting, President Zuma said Gaddafi had "
            "accepted the road map.")
    assert [(c.mode.value, c.date.isoformat()) for c in run(text).communications] == [
        ("meeting", "2022-03-10"), ("press_briefing", "2022-03-10")]


def test_extract_the_following_day_counts_from_the_date_before_it():
    text = ("On March 2 Rwandan President Paul Kagame met Congolese President Félix Tshisekedi "
            "in Rubavu, and the following day Tshisekedi hosted the Rwandan leader in Goma.")
    assert [date for *_, date in contacts(text)] == ["2022-03-02", "2022-03-03"]


@pytest.mark.parametrize(("text", "day"), [
    # a retrospective's day without a year is of the month and year the narrative moved to, in
    # its sentence or the one before; a range of days takes its first
    (("In September 1989 US Secretary of State James Baker flew Soviet Foreign Minister Eduard "
      "Shevardnadze to Wyoming and hosted him at Jackson Hole on 22 and 23 September."),
     "1989-09-22"),
    (("The ceasefire took effect on 20 August 1988. UN Secretary-General Javier Pérez de Cuéllar "
      "met Iranian Foreign Minister Ali Akbar Velayati in Geneva on 25 August."), "1988-08-25"),
    # a month and year named in passing dates a day of that month after it
    (("The October 1988 crisis was the hardest of his career. Late on October 24, UN "
      "Secretary-General Javier Pérez de Cuéllar telephoned Iranian Foreign Minister Ali Akbar "
      "Velayati."), "1988-10-24"),
    # a time recalled further back, or only as background, moves no narrative
    (("When he received Russian President Vladimir Putin in August 2019, they talked of trust. "
      "That trust never materialised. On February 28 French President Emmanuel Macron spoke "
      "again with Putin."), "2022-02-28"),
    (("The process began with the Declaration of 17 February 1995. On 8 March, Peruvian "
      "President Alberto Fujimori met Ecuadorean President Jamil Mahuad."), "2022-03-08"),
])
def test_extract_a_day_without_a_year_is_of_the_narrative_s_year(text, day):
    assert contacts(text)[-1][-1] == day


def test_extract_an_invitation_is_a_planned_meeting_with_the_invitee_as_initiator():
    text = ("Chinese President Xi Jinping met Japanese Prime Minister Shinzo Abe on Friday. Abe "
            "invited Xi to visit Japan next year. Xi had been invited by Abe before.")
    assert sorted(contacts(text)) == [
        ("meeting", "occurred", ("Shinzo Abe", "Xi Jinping"), None, "2022-03-11"),
        ("meeting", "planned", ("Shinzo Abe", "Xi Jinping"), "Xi Jinping", None)]


@pytest.mark.parametrize("opening", ["", "A spokesperson said on Friday that "])
def test_extract_a_visit_made_at_someone_s_invitation_is_made_to_them(opening):
    text = (f"{opening}at the invitation of U.S. Secretary of State Antony Blinken, Chinese "
            "Foreign Minister Wang Yi will visit the United States next week.")
    assert [c[:4] for c in contacts(text[0].upper() + text[1:])] == [
        ("meeting", "planned", ("Antony Blinken", "Wang Yi"), "Wang Yi")]


@pytest.mark.parametrize(("text", "expected"), [
    # a wish to meet is no plan to (SCHEMA convention 6)
    (("Indian Prime Minister Narendra Modi said he was looking forward to meeting Pakistani "
      "Prime Minister Nawaz Sharif."), []),
    (("US President Donald Trump said he would be open to meeting Iranian President Hassan "
      "Rouhani."), []),
    (("French President Emmanuel Macron said he hoped a meeting between US President Donald "
      "Trump and Iranian President Hassan Rouhani could take place."), []),
    # a wish inside a quotation is no wish of what follows it
    (('"We look forward to a deal," US President Donald Trump told Iranian President Hassan '
      "Rouhani in a call on Monday."), ["occurred"]),
])
def test_extract_a_wish_to_meet_is_no_plan(text, expected):
    assert [c[1] for c in contacts(text)] == expected


@pytest.mark.parametrize("sentence", [
    "Xi Jinping accepted Japanese Prime Minister Fumio Kishida's invitation to visit Japan.",
    "Xi Jinping had accepted an invitation from Japanese Prime Minister Fumio Kishida to visit.",
    "Xi Jinping accepted the invitation of Japanese Prime Minister Fumio Kishida to visit Japan.",
    ("Xi Jinping accepted with pleasure the invitation extended by Japanese Prime Minister Fumio "
     "Kishida to visit Japan."),
])
def test_extract_an_accepted_invitation_is_a_planned_meeting(sentence):
    assert contacts(f"Chinese President {sentence}") == [
        ("meeting", "planned", ("Fumio Kishida", "Xi Jinping"), "Xi Jinping", None)]


@pytest.mark.parametrize("sentence", [
    "Fumio Kishida extended an invitation to Chinese President Xi Jinping to visit Japan.",
    "Fumio Kishida extended an official invitation to Chinese President Xi Jinping to visit.",
    "Fumio Kishida extended to his Chinese counterpart, Xi Jinping, an invitation to visit Japan.",
])
def test_extract_an_invitation_extended_is_a_planned_meeting_the_invitee_starts(sentence):
    assert contacts(f"Japanese Prime Minister {sentence}") == [
        ("meeting", "planned", ("Fumio Kishida", "Xi Jinping"), "Xi Jinping", None)]


@pytest.mark.parametrize("text", [
    # the one whose invitation a messenger conveys or renews invites
    ("Foreign Minister Taro Aso conveyed Prime Minister Fumio Kishida's invitation for Chinese "
     "President Xi Jinping to visit Japan."),
    ("Foreign Minister Taro Aso renewed the invitation of Prime Minister Fumio Kishida to "
     "Chinese President Xi Jinping to visit Japan."),
])
def test_extract_an_invitation_carried_by_a_messenger_is_its_owner_s(text):
    assert [c for c in contacts(text) if c[1] == "planned"] == [
        ("meeting", "planned", ("Fumio Kishida", "Xi Jinping"), "Xi Jinping", None)]


@pytest.mark.parametrize(("text", "sender", "recipient"), [
    ("Sultan Tariq Said received a cable of condolence from President Omar Ali.", "Omar Ali",
     "Tariq Said"),
    ("Sultan Tariq Said received a congratulatory cable from President Omar Ali.", "Omar Ali",
     "Tariq Said"),
    (("Foreign Minister Ali Reza handed over a written message of condolence from H.E. "
      "President Omar Ali to Sultan Tariq Said."), "Omar Ali", "Tariq Said"),
])
def test_extract_a_message_of_condolence_or_a_cable_is_its_sender_s_letter(text, sender,
                                                                           recipient):
    assert [(participants, initiator) for mode, _, participants, initiator, _ in contacts(text)
            if mode == "correspondence"] == [(tuple(sorted((sender, recipient))), sender)]


def test_extract_an_invitation_conveyed_from_someone_else_is_not_the_messenger_s():
    text = ("Saudi Crown Prince Mohammed bin Salman conveyed to Russian President Vladimir Putin "
            "an invitation from King Salman bin Abdulaziz to pay an official visit to the Kingdom.")
    # (the messenger invites nobody to meet him)
    assert [c for c in contacts(text) if c[1] == "planned"] == []


def test_extract_an_invitation_taken_up_is_only_the_visit():
    assert [c[1] for c in contacts("Chinese President Xi Jinping visited Tokyo at the invitation "
                                   "of Japanese Prime Minister Fumio Kishida on Monday.")] == [
        "occurred"]


def test_extract_a_letter_and_the_reply_to_it_are_two_letters():
    text = ("Pakistani Prime Minister Imran Khan has written to Indian Prime Minister Narendra "
            "Modi. The letter was a reply to one Modi sent to Khan on March 8.")
    assert sorted((c[0], c[3], c[4]) for c in contacts(text)) == [
        ("correspondence", "Imran Khan", None), ("correspondence", "Narendra Modi", "2022-03-08")]


@pytest.mark.parametrize(("carrier", "recipient", "carried"), [
    # a partner after "with" between the carrier and the verb is no carrier
    ("Sabah Khalid Al-Hamad Al-Sabah", "Hassan Rouhani",
     ("Kuwaiti Foreign Minister Sheikh Sabah Khalid Al-Hamad Al-Sabah on Monday in a meeting "
      "with Iranian President Hassan Rouhani handed over a written message {} Emir Sheikh Sabah "
      "Al-Ahmad Al-Jaber Al-Sabah.")),
    ("Maulen Ashimbayev", "Ilham Aliyev",
     ("Maulen Ashimbayev met Azerbaijani President Ilham Aliyev on Monday and handed over a "
      "letter {} Emir Sheikh Sabah Al-Ahmad Al-Jaber Al-Sabah to the head of state.")),
])
@pytest.mark.parametrize("of", ["of", "from"])  # "a letter of X" is X's, as "a letter from X"
def test_extract_a_letter_of_its_sender_handed_over_by_a_carrier(carrier, recipient, carried, of):
    sender = "Sabah Al-Ahmad Al-Jaber Al-Sabah"
    assert sorted((c[0], c[2]) for c in contacts(carried.format(of))) == [
        ("correspondence", tuple(sorted((recipient, sender)))),
        ("meeting", tuple(sorted((carrier, recipient))))]


@pytest.mark.parametrize("letter", [
    "had sent Iranian President Ebrahim Raisi a letter inviting him to Riyadh.",
    # the day before an invitation is the letter's, not the visit's
    "sent a letter to Iranian President Ebrahim Raisi on Thursday, inviting him to Riyadh.",
])
def test_extract_a_letter_given_to_someone_is_from_the_giver(letter):
    # (the invitation it carries is a planned meeting too: SCHEMA convention 7)
    assert [(c[0], c[2], c[3], c[4]) for c in contacts(f"Saudi King Salman {letter}")] == [
        ("correspondence", ("Ebrahim Raisi", "King Salman"), "King Salman",
         "2022-03-10" if "Thursday" in letter else None),
        ("meeting", ("Ebrahim Raisi", "King Salman"), "Ebrahim Raisi", None)]


@pytest.mark.parametrize(("subjects", "expected"), [
    # several who met one official separately met them one by one
    (("Azerbaijani Foreign Minister Jeyhun Bayramov and Armenian Foreign Minister Zohrab "
      "Mnatsakanyan"), [("Jeyhun Bayramov", "Mike Pompeo"), ("Mike Pompeo", "Zohrab Mnatsakanyan")]),
    # one accompanied by another goes with them to each meeting
    (("Azerbaijani Foreign Minister Jeyhun Bayramov, accompanied by Deputy Foreign Minister Elnur "
      "Mammadov,"), [("Elnur Mammadov", "Jeyhun Bayramov", "Mike Pompeo")]),
])
def test_extract_several_who_meet_one_separately(subjects, expected):
    text = f"{subjects} met U.S. Secretary of State Mike Pompeo separately on Monday."
    assert sorted(c[2] for c in contacts(text)) == expected


def test_extract_sides_coordinated_with_their_posts_in_apposition():
    text = ("Talks began on Monday between Ali Shamkhani, the secretary of Iran's Supreme National "
            "Security Council, and Musaed Al-Aiban, Saudi Arabia's national security adviser.")
    assert [c[2] for c in contacts(text)] == [("Ali Shamkhani", "Musaed Al-Aiban")]
    hosted = text[:-1] + ", hosted by Chinese Foreign Minister Wang Yi."
    assert [c[2] for c in contacts(hosted)] == [("Ali Shamkhani", "Musaed Al-Aiban", "Wang Yi")]


def test_extract_a_title_owned_by_the_country_named_before_goes_on_a_list():
    text = ("Wang Yi held talks with the Solomon Islands prime minister, Manasseh Sogavare, and "
            "the country's foreign minister, Jeremiah Manele, on Thursday.")
    assert [c[2] for c in contacts(text)] == [("Jeremiah Manele", "Manasseh Sogavare", "Wang Yi")]


@pytest.mark.parametrize(("text", "published", "names"), [
    # academic, parliamentary and Sikh styles and ranks without a dot are no part of a name
    (("Chief Adviser Professor Muhammad Yunus met Hon'ble Prime Minister Narendra Modi of India "
      "on Friday, and External Affairs Minister Sardar Swaran Singh on Saturday."), PUBLISHED,
     ["Muhammad Yunus", "Narendra Modi", "Swaran Singh"]),
    (("Pakistan's Director General of Military Operations, Maj Gen Kashif Abdullah, called his "
      "Indian counterpart, Lt Gen Rajiv Ghai."), PUBLISHED, ["Kashif Abdullah", "Rajiv Ghai"]),
    # a list "composed of" titled officials: the participle's "of" opens no post's scope
    (("The delegation was headed by the Secretary of State, Antony J. Blinken, and composed of "
      "the Secretary of Homeland Security, Alejandro N. Mayorkas."), dt.date(2023, 12, 27),
     ["Antony Blinken", "Alejandro N. Mayorkas"]),
    # an office-holder out of office at publication, shown in contact in a retrospective; not
    # the owner of what is met
    (("US Secretary of State Henry Kissinger flew to Damascus that spring and spent six hours "
      "with Hafez al-Assad. He later held talks with Yasser Arafat's deputy."),
     dt.date(2023, 11, 30), ["Henry Kissinger", "Hafez al-Assad"]),
])
def test_extract_names_the_officials(text, published, names):
    assert [name for name, _, _ in officials(text, published)] == names


def test_extract_no_name_begins_inside_a_government_s_name():
    text = ("José Miguel Insulza, the Secretary General of the Organization of American States, "
            "attended as a guest.")
    assert officials(text) == [
        ("José Miguel Insulza", "Secretary General", "Organization of American States")]
    # nor is the first part of a state's name before "and" ("St Vincent and the Grenadines")
    text = ("The two presidents met on Thursday in talks hosted by St Vincent and the Grenadines "
            "Prime Minister Colin Baptiste.")
    assert [name for name, _, _ in officials(text)] == ["Colin Baptiste"]
    # nor is a government's name one after a title and a comma
    text = ("Li Wen will visit Seoul on Thursday as Xi's special envoy, South Korea's presidential "
            "office said.")
    assert "South" not in [name for name, _, _ in officials(text)]


@pytest.mark.parametrize("text", [
    ("The two leaders are expected to discuss the Comprehensive Strategic Partnership agreed in "
     "November."),
    "Officials in Singha Durbar have insisted that no message was intended.",
    "Businessmen in Sao Paulo and Buenos Aires have welcomed the pact.",
])
def test_extract_agreements_and_seats_of_government_are_no_officials(text):
    assert officials(text) == []


def test_extract_a_comma_after_a_bare_title_opening_a_headline_joins_two_sides():
    text = ("Chief Adviser, Modi hold first meeting in Bangkok\n\nBANGKOK - Chief Adviser Muhammad "
            "Yunus met Indian Prime Minister Narendra Modi on Friday.")
    assert [(name, post) for name, post, _ in officials(text)] == [
        ("Narendra Modi", "Prime Minister"), ("Muhammad Yunus", "Chief Adviser")]


def test_extract_a_group_of_leaders_holds_no_former_one():
    text = ("Chief Adviser Muhammad Yunus met Indian Prime Minister Narendra Modi on Friday. He "
            "raised the extradition of former prime minister Sheikh Hasina. The two leaders had "
            "sat together on Thursday at the dinner hosted by Thai Prime Minister Paetongtarn "
            "Shinawatra.")
    assert [c[2] for c in contacts(text)][1:] == [
        ("Muhammad Yunus", "Narendra Modi", "Paetongtarn Shinawatra")]


def test_extract_letters_to_several_are_one_correspondence_with_each():
    text = ("Pope Francis wrote personally to both US President Barack Obama and Cuban President "
            "Raúl Castro on Monday.")
    assert [(c[0], c[2], c[3]) for c in contacts(text)] == [
        ("correspondence", ("Barack Obama", "Pope Francis"), "Pope Francis"),
        ("correspondence", ("Pope Francis", "Raúl Castro"), "Pope Francis")]


@pytest.mark.parametrize(("text", "mode"), [
    # a preposition repeated in the coordination
    (("UN Secretary-General António Guterres sent separate letters to President Vladimir Putin "
      "and to President Volodymyr Zelensky on Tuesday."), "correspondence"),
    # a plural noun of calls, made by the one named in a relative clause without "that" ...
    (("South African President Cyril Ramaphosa spoke to reporters after separate phone calls he "
      "made to Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky."),
     "phone"),
    # ... or in a passive participle
    (("The decision followed telephone calls made earlier by South African President Cyril "
      "Ramaphosa to Russian President Vladimir Putin and to Ukrainian President Volodymyr "
      "Zelensky."), "phone"),
])
def test_extract_calls_and_letters_to_several_from_their_maker(text, mode):
    maker = "António Guterres" if "Guterres" in text else "Cyril Ramaphosa"
    assert sorted((c[0], c[2], c[3]) for c in contacts(text)) == [
        (mode, tuple(sorted((maker, "Vladimir Putin"))), maker),
        (mode, tuple(sorted((maker, "Volodymyr Zelensky"))), maker)]


@pytest.mark.parametrize("verb", ["telephones", "phones", "calls", "rings"])
def test_extract_a_timeline_s_present_tense_call_happened_on_its_day(verb):
    # a chronology tells past events in the present tense, each under its day
    text = (f"Aug 22 - US Secretary of State John Kerry {verb} Russian Foreign Minister Sergei "
            "Lavrov the day after the attack.")
    assert contacts(text, dt.date(2013, 9, 14)) == [
        ("phone", "occurred", ("John Kerry", "Sergei Lavrov"), "John Kerry", "2013-08-22")]


def test_extract_a_day_for_a_stretch_of_days_after_the_trigger_is_no_day():
    text = ("Ramaphosa announced the mission at a news conference on Wednesday, after phone calls "
            "he made to Russian President Vladimir Putin over the preceding weekend.")
    assert [c[4] for c in contacts(f"South African President Cyril {text}")] == [None]


@pytest.mark.parametrize("due", ["was due in Athens on Friday", "is due back in Athens next week",
                                 "is expected in Athens on Friday"])
def test_extract_one_due_in_a_capital_for_talks_is_a_planned_visitor(due):
    text = (f"Indian Prime Minister Narendra Modi {due} for talks with Greek Prime Minister "
            "Kyriakos Mitsotakis.")
    assert [(c[1], c[3]) for c in contacts(text)] == [("planned", "Narendra Modi")]


@pytest.mark.parametrize("text", [
    ("The visiting leaders met separately with Ukrainian President Volodymyr Zelensky and "
     "Russian President Vladimir Putin."),
    ("He said that, in separate telephone conversations with Russian President Vladimir Putin "
     "and Ukrainian President Volodymyr Zelensky, both had agreed."),
])
def test_extract_those_met_separately_by_somebody_unnamed_did_not_meet_each_other(text):
    assert contacts(text) == []


def test_extract_a_subject_pronoun_after_an_opening_is_not_the_partner_named_in_it():
    text = ("Chinese Foreign Minister Wang Yi landed in Honiara on Thursday, where he was "
            "received by Prime Minister Manasseh Sogavare. After talks with Mr. Sogavare, he "
            "appeared at a news conference with Foreign Minister Jeremiah Manele.")
    assert statement_speakers(text) == [("Wang Yi", "Jeremiah Manele")]


@pytest.mark.parametrize("owned", ["his Kyrgyz host, President", "his host, Kyrgyz President",
                                   "his Kyrgyz counterpart,"])
def test_extract_a_subject_and_his_owned_title_with_an_apposition_are_both_subjects(owned):
    text = (f"Uzbek President Shavkat Mirziyoyev and {owned} Almazbek Atambayev, held talks on "
            "Tuesday.")
    assert [c[2] for c in contacts(text, dt.date(2017, 9, 6))] == [
        ("Almazbek Atambayev", "Shavkat Mirziyoyev")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a series of verbs after a contact's object goes on with that contact's subject
    (("Indonesian Foreign Minister Marty Natalegawa flew to Bangkok on Thursday. There he met "
      "Surapong Tovichakchaikul, Thailand's foreign minister, went on to Phnom Penh to see "
      "Cambodian Foreign Minister Hor Namhong, and then visited Singaporean Foreign Minister K. "
      "Shanmugam."), dt.date(2012, 7, 20),
     [("Hor Namhong", "Marty Natalegawa"), ("K. Shanmugam", "Marty Natalegawa"),
      ("Marty Natalegawa", "Surapong Tovichakchaikul")]),
    # a subject pronoun after an opening phrase and its participle aside is not the chair in it
    (("US Secretary of State Hillary Clinton arrived on Tuesday. In the closed session that "
      "morning, chaired by Honduran Foreign Minister Patricia Rodas, she held separate talks with "
      "Brazilian Foreign Minister Celso Amorim."), dt.date(2009, 6, 3),
     [("Celso Amorim", "Hillary Clinton")]),
])
def test_extract_a_later_verb_s_subject_is_not_an_official_named_on_the_way(text, published,
                                                                             expected):
    assert sorted(c[2] for c in contacts(text, published)) == expected


def test_extract_each_of_a_pair_met_in_turn():
    text = ("Serbian Prime Minister Ivica Dačić and Kosovo Prime Minister Hashim Thaçi came to "
            "Brussels on Friday. Before the joint session, EU foreign policy chief Catherine "
            "Ashton held separate talks with each Prime Minister.")
    assert [c[2] for c in contacts(text)] == [("Catherine Ashton", "Hashim Thaçi"),
                                              ("Catherine Ashton", "Ivica Dačić")]


def test_extract_a_companion_in_talks_just_reported_joins_them():
    text = ("US Secretary of State Mike Pompeo met North Korean leader Kim Jong Un in Pyongyang "
            "on Sunday. The Secretary was accompanied in the talks by Special Representative "
            "Stephen Biegun.")
    assert [c[2] for c in contacts(text)] == [("Kim Jong Un", "Mike Pompeo", "Stephen Biegun")]


def test_extract_a_guest_is_the_foreign_official_named_most_not_the_last_named():
    text = ("Chinese President Xi Jinping arrived in London on Monday. Xi Jinping will stay four "
            "days. Chinese Vice Premier Ma Kai, who held talks with British Chancellor George "
            "Osborne last month, travels with him. On Tuesday Queen Elizabeth II welcomed her "
            "guest.")
    assert ("meeting", "occurred", ("Elizabeth II", "Xi Jinping"), "Xi Jinping",
            "2022-03-08") in contacts(text)


def test_extract_a_guest_named_by_nationality_is_that_government_s_leading_official():
    text = ("Ukrainian President Volodymyr Zelensky flew to Japan on Friday. Zelensky landed on "
            "Saturday, and Oleksiy Danilov, the secretary of Ukraine's security council, said "
            "so. On Sunday Japanese Prime Minister Fumio Kishida received his Ukrainian guest.")
    assert [c[2] for c in contacts(text)] == [("Fumio Kishida", "Volodymyr Zelensky")]


@pytest.mark.parametrize(("visit", "expected"), [
    # the host may be named earlier in the same sentence, before the guests who own "their"
    (("Chilean President Ana Soto hosted a state dinner on Friday for the Andean summit, and "
      "there Peruvian President Luis Vera and Bolivian President Raúl Mena joined their host in "
      "an informal meeting."),
     [("Ana Soto", "Luis Vera", "Raúl Mena")]),
    (("Kenyan President Amos Tanui hosted a lunch on Monday. Ugandan President Joseph Okello "
      "held talks with his host."), [("Amos Tanui", "Joseph Okello")]),
    # "the host country" names no one
    (("Kenyan President Amos Tanui hosted a lunch on Monday. Ugandan President Joseph Okello "
      "praised the host country."), []),
])
def test_extract_a_host_is_the_other_side_of_the_guests_who_name_him(visit, expected):
    assert [c[2] for c in contacts(visit)] == expected


def test_extract_who_thanked_someone_in_a_post_is_its_only_author():
    text = ("Kenyan President Amos Tanui hosted Ethiopian Prime Minister Dawit Bekele on Monday. "
            "Mr. Bekele thanked President Tanui in a post on X.")
    assert statement_speakers(text) == [("Dawit Bekele",)]


def test_extract_those_who_join_the_talks_later_make_a_meeting_with_its_sides():
    # each side's list after "by", and the joint news conference stays the two leaders'
    text = ("Chilean President Ana Soto met Peruvian President Luis Vera at La Moneda on Monday. "
            "They were later joined for a working lunch by Foreign Minister Marta Ruiz and "
            "Finance Minister Pablo Díaz on the Chilean side, and, on the Peruvian side, by "
            "Minister of the Environment and Climate Change Rosa Quispe. At a joint news "
            "conference afterwards, Ms. Soto said ties had never been closer.")
    assert [c[2] for c in contacts(text)] == [
        ("Ana Soto", "Luis Vera"),
        ("Ana Soto", "Luis Vera", "Marta Ruiz", "Pablo Díaz", "Rosa Quispe")]
    assert statement_speakers(text) == [("Ana Soto", "Luis Vera")]


def test_extract_a_longer_post_before_a_name_is_no_bare_title():
    # "Secretary" alone would be the Secretary-General named before
    text = ("UN Secretary-General Ana Ortiz welcomed the deal. Secretary of State Mary Hale flew to "
            "Juba on Monday and met South Sudanese President Tom Deng.")
    assert [c[2] for c in contacts(text)] == [("Mary Hale", "Tom Deng")]


def test_extract_a_verb_coordinated_after_a_subordinate_clause_shares_the_main_subject():
    text = ("Foreign Minister Ana Ortiz of Chile flew in on Monday from Lima, where President Luis "
            "Vera was on a state visit, and held talks with Bolivian President Raúl Mena.")
    assert [c[2] for c in contacts(text)] == [("Ana Ortiz", "Raúl Mena")]


def test_extract_a_date_naming_an_event_is_no_day_of_the_narrative():
    text = ("British Foreign Secretary Jack Straw yesterday held talks with Iranian President "
            "Mohammad Khatami.\n\nMr Khatami condemned the attacks of September 11 in the "
            "strongest terms.\n\nEarlier Mr Straw held talks with Iranian Foreign Minister Kamal "
            "Kharrazi.")
    dates = {c[2]: c[4] for c in contacts(text, dt.date(2001, 9, 26))}
    assert dates[("Jack Straw", "Kamal Kharrazi")] == "2001-09-25"


def test_extract_an_exchange_of_messages_between_two_is_their_correspondence():
    text = ("There was an exchange of messages on Wednesday between Chinese President Xi Jinping "
            "and Australian Governor-General David Hurley, and a separate exchange between "
            "Premier Li Keqiang and Prime Minister Anthony Albanese.")
    assert [(c[0], c[2]) for c in contacts(text)] == [
        ("correspondence", ("David Hurley", "Xi Jinping"))]


def test_extract_a_planned_call_by_the_bare_verb():
    text = "French President Emmanuel Macron said he would phone Lebanese President Michel Aoun."
    assert contacts(text) == [
        ("phone", "planned", ("Emmanuel Macron", "Michel Aoun"), "Emmanuel Macron", None)]


@pytest.mark.parametrize(
    ("verb", "status", "day"),
    [("meets", "planned", "2022-03-14"), ("is meeting", "planned", "2022-03-14"),
     ("is hosting", "planned", "2022-03-14"), ("met", "occurred", "2022-03-07"),
     ("hosted", "occurred", "2022-03-07")],
)
def test_extract_the_present_tense_with_a_weekday_is_a_schedule(verb, status, day):
    text = f"Kenyan President William Ruto {verb} Tanzanian President Samia Suluhu Hassan on Monday."
    assert [(s, d) for _, s, _, _, d in contacts(text)] == [(status, day)]


@pytest.mark.parametrize("remark", ["said after talks with", "told reporters after meeting",
                                    "said on Monday after his phone call with"])
def test_extract_a_remark_after_a_contact_names_its_subject(remark):
    text = (f"Kenyan President William Ruto {remark} Tanzanian President Samia Suluhu Hassan "
            "that progress had been made.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Samia Suluhu Hassan", "William Ruto")]


def test_extract_a_journey_under_way_is_planned():
    text = ("US Secretary of State Antony Blinken heads to Beijing on Friday for talks with "
            "Chinese Foreign Minister Wang Yi.")
    assert [c[:3] for c in contacts(text)] == [
        ("meeting", "planned", ("Antony Blinken", "Wang Yi"))]


@pytest.mark.parametrize(
    ("journey", "status", "day"),
    [("flies on to Lima on Monday", "planned", "2022-03-14"),
     ("travels to Lima on March 15", "planned", "2022-03-15"),
     # the historic present of a day gone by is no plan
     ("travels to Lima on March 1", "occurred", "2022-03-01")],
)
def test_extract_an_itinerary_in_the_present_tense_is_planned_by_its_traveller(journey, status,
                                                                                day):
    text = (f"Chilean President Gabriel Boric {journey} for talks with Peruvian President Dina "
            "Boluarte.")
    assert contacts(text) == [
        ("meeting", status, ("Dina Boluarte", "Gabriel Boric"), "Gabriel Boric", day)]


def test_extract_a_journey_coordinated_with_a_contact_is_its_subject_s():
    text = ("Chilean President Gabriel Boric held talks with Peruvian President Dina Boluarte on "
            "Monday and travels on to La Paz on Friday.")
    assert [c[3] for c in contacts(text)] == ["Gabriel Boric"]


def test_extract_a_possessive_in_a_fronted_phrase_is_the_subject_after_it():
    text = ("Ahead of his meeting with Chinese Foreign Minister Wang Yi, US Secretary of State "
            "Antony Blinken said the talks mattered.")
    assert [c[:3] for c in contacts(text)] == [
        ("meeting", "planned", ("Antony Blinken", "Wang Yi"))]


def test_extract_an_object_in_a_fronted_relative_clause_is_the_subject_after_it():
    # the pronoun points forward to the main clause's subject, not back to the last person named
    text = ("White House press secretary Sarah Sanders told reporters the visit went well. "
            "At the National Assembly, where Speaker Chung Sye-kyun greeted him at the entrance, "
            "US President Donald Trump spoke for about 35 minutes.")
    assert [c[2] for c in contacts(text)] == [("Chung Sye-kyun", "Donald Trump")]


@pytest.mark.parametrize(
    ("verb", "mode"),
    [("hosted both leaders", "meeting"), ("met the two leaders", "meeting"),
     ("sent letters to the two leaders", "correspondence")],
)
def test_extract_a_group_object_stands_for_the_officials_named_before(verb, mode):
    # letters to several people are one letter each; a group stands for those named last
    text = ("Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti, Vucic's "
            f"rival, arrived on Monday. EU foreign policy chief Josep Borrell {verb} on Monday.")
    found = {(c[0], c[2]) for c in contacts(text)}
    if mode == "correspondence":
        assert found == {(mode, ("Aleksandar Vučić", "Josep Borrell")),
                         (mode, ("Albin Kurti", "Josep Borrell"))}
    else:
        assert found == {(mode, ("Albin Kurti", "Aleksandar Vučić", "Josep Borrell"))}


@pytest.mark.parametrize("group", ["the Chancellors of both countries",
                                   "the foreign ministers of the two countries"])
def test_extract_officials_of_both_countries_are_one_of_each_side(group):
    text = ("President Alberto Fernández received Chilean President Gabriel Boric on Monday, with "
            "Foreign Minister Santiago Cafiero and Chilean Foreign Minister Antonia Urrejola "
            f"present. Cafiero said {group} would meet in Santiago in May.")
    assert [c[2] for c in contacts(text) if c[1] == "planned"] == [
        ("Antonia Urrejola", "Santiago Cafiero")]


def test_extract_seeing_each_other_is_meeting():
    text = ("Russian President Vladimir Putin met US President George W. Bush yesterday. Both men "
            "will see each other in Genoa next month.")
    assert [c[:3] for c in contacts(text)] == [
        ("meeting", "occurred", ("George W. Bush", "Vladimir Putin")),
        ("meeting", "planned", ("George W. Bush", "Vladimir Putin"))]


def test_extract_a_title_names_an_office_holder_named_without_one():
    # Trump is a president by the gazetteer, though the text never titles him.
    text = ("Trump met North Korean leader Kim Jong Un in Hanoi on Thursday. Trump had flown in "
            "on Tuesday. On Wednesday Vietnamese President Nguyen Phu Trong received him at the "
            "palace. “Sometimes you have to walk,” the president told reporters on Thursday.")
    statements = [c.participants for c in run(text, dt.date(2019, 2, 28)).communications
                  if c.kind.value == "statement"]
    assert statements == [("Donald Trump",)]


@pytest.mark.parametrize(
    ("middle", "mode", "initiator"),
    [
        # an occasion after the verb's object: the verb's subject and object take part
        ("thanked Chinese Foreign Minister Wang Yi in a call", "phone", None),
        ("had also conveyed his views to Chinese Foreign Minister Wang Yi in a phone call",
         "phone", None),
        ("urged Chinese Foreign Minister Wang Yi to act during talks", "unspecified", None),
        # more of the vocabulary of meeting and writing
        ("dined with Chinese Foreign Minister Wang Yi", "meeting", None),
        ("spent three hours in the Kremlin with Chinese Foreign Minister Wang Yi", "meeting", None),
        ("spent the afternoon with Chinese Foreign Minister Wang Yi", "meeting", None),
        ("spent much of the day with Chinese Foreign Minister Wang Yi", "meeting", None),
        ("spent six and a half hours in a single sitting with Chinese Foreign Minister Wang Yi",
         "meeting", None),
        ("sat across from Chinese Foreign Minister Wang Yi", "meeting", None),
        ("sat at the same table as Chinese Foreign Minister Wang Yi", "meeting", None),
        ("held meetings on the sidelines with Chinese Foreign Minister Wang Yi", "meeting", None),
        ("held a bilateral with Chinese Foreign Minister Wang Yi", "meeting", None),
        ("held final discussions on the text with Chinese Foreign Minister Wang Yi",
         "unspecified", None),
        (("held the 23rd Meeting of the Special Representatives on the boundary question in "
          "Beijing with Chinese Foreign Minister Wang Yi"), "meeting", None),
        ("joined Chinese Foreign Minister Wang Yi for dinner", "meeting", None),
        ("exchanged messages with Chinese Foreign Minister Wang Yi", "correspondence", None),
        ("sent a congratulatory telegram to Chinese Foreign Minister Wang Yi", "correspondence",
         "Antony Blinken"),
        ("paid a call on Chinese Foreign Minister Wang Yi", "meeting", "Antony Blinken"),
        # a courtesy call is a visit; calling on someone to act is no contact
        ("called on Chinese Foreign Minister Wang Yi", "meeting", "Antony Blinken"),
        # handing a document to someone is meeting them
        ("presented the draft to Chinese Foreign Minister Wang Yi", "meeting", "Antony Blinken"),
        # talks at a venue are held in person
        ("held talks with Chinese Foreign Minister Wang Yi at the Great Hall of the People",
         "meeting", None),
        ("held talks with Chinese Foreign Minister Wang Yi in the Indonesian resort of Bali",
         "meeting", None),
    ],
)
def test_extract_contacts_of_more_constructions(middle, mode, initiator):
    text = f"US Secretary of State Antony Blinken {middle} on Monday."
    assert contacts(text) == [(mode, "occurred", ("Antony Blinken", "Wang Yi"), initiator,
                               "2022-03-07")]


@pytest.mark.parametrize(("text", "expected"), [
    # speaking in turn at an event is no conversation between the speakers
    (("US Secretary of State Hillary Clinton and Chinese Foreign Minister Yang Jiechi both spoke "
      "on maritime security on Monday."), []),
    (("Jordan's King Abdullah II spoke first on Monday, followed by Palestinian President Mahmoud "
      "Abbas."), []),
    (("US Secretary of State Hillary Clinton and Chinese Foreign Minister Yang Jiechi spoke on "
      "Monday."), [("Hillary Clinton", "Yang Jiechi")]),
    (("US Secretary of State Hillary Clinton also spoke with Chinese Foreign Minister Yang Jiechi "
      "on Monday."), [("Hillary Clinton", "Yang Jiechi")]),
])
def test_extract_officials_who_speak_in_turn_do_not_speak_to_each_other(text, expected):
    assert [c[2] for c in contacts(text)] == expected


@pytest.mark.parametrize(("journey", "expected"), [
    # the purpose of the journey done with someone: a meeting with them
    ("travelled to Tashkent last week to finalise the text with", [
        ("Abdulaziz Kamilov", "Erlan Abdyldayev")]),
    # travelling with someone: a companion, no host
    ("travelled to Tashkent last week with", [("Erlan Abdyldayev",)]),
])
def test_extract_a_journey_s_purpose_with_someone_is_a_meeting_with_them(journey, expected):
    text = f"Kyrgyz Foreign Minister Erlan Abdyldayev {journey} Uzbek Foreign Minister Abdulaziz Kamilov."
    assert [c[2] for c in contacts(text)] == expected


def test_extract_a_delegation_led_by_one_and_including_another_is_met_whole_started_by_its_leader():
    text = ("Ethiopian Prime Minister Abiy Ahmed greeted the delegation, led by Eritrean Foreign "
            "Minister Osman Saleh and including presidential adviser Yemane Gebreab, on Monday.")
    assert [(c[2], c[3]) for c in contacts(text)] == [
        (("Abiy Ahmed", "Osman Saleh", "Yemane Gebreab"), "Osman Saleh")]


@pytest.mark.parametrize("when", ["yesterday", "on Thursday"])
def test_extract_a_meal_with_someone_told_with_its_day_between(when):
    text = (f"Serbian Foreign Minister Ivica Dacic had a working lunch {when} with his Croatian "
            "counterpart, Marija Pejcinovic Buric.")
    assert [(c[0], c[2]) for c in contacts(text)] == [
        ("meeting", ("Ivica Dačić", "Marija Pejčinović Burić"))]


@pytest.mark.parametrize(("received", "status"), [("is scheduled to be received", "planned"),
                                                ("was then received", "occurred")])
def test_extract_one_to_be_received_is_the_visitor(received, status):
    text = (f"US Secretary of State Antony Blinken {received} by Chinese Foreign Minister Wang Yi "
            "on Monday.")
    assert [(c[1], c[3]) for c in contacts(text)] == [(status, "Antony Blinken")]


@pytest.mark.parametrize(
    "text",
    [
        ("The summit, attended by French President Emmanuel Macron, German Chancellor Olaf Scholz "
        "and Italian Prime Minister Mario Draghi, opened on Monday."),
        ("A summit of French President Emmanuel Macron, German Chancellor Olaf Scholz and Italian "
        "Prime Minister Mario Draghi was held in Rome on Monday."),
        ("French President Emmanuel Macron joined German Chancellor Olaf Scholz and Italian Prime "
        "Minister Mario Draghi at the summit on Monday."),
    ],
)
def test_extract_a_summit_attended_by_or_joined(text):
    assert [c[:3] for c in contacts(text)] == [
        ("meeting", "occurred", ("Emmanuel Macron", "Mario Draghi", "Olaf Scholz"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # telling an official something is a contact with them ...
        (("Russian President Vladimir Putin arrived in Ankara on Sunday. Turkish President Recep "
          "Tayyip Erdogan told him that the war must end."),
         [("contact", ("Recep Tayyip Erdoğan", "Vladimir Putin"))]),
        (("Turkish President Recep Tayyip Erdogan told Russian President Vladimir Putin on Sunday "
          "that the war must end."), [("contact", ("Recep Tayyip Erdoğan", "Vladimir Putin"))]),
        # ... "his Russian counterpart" too
        (("Turkish President Recep Tayyip Erdogan told his Russian counterpart Vladimir Putin "
           "that the war must end."), [("contact", ("Recep Tayyip Erdoğan", "Vladimir Putin"))]),
        # ... being told by an official too
        (("Sri Lankan President Mahinda Rajapaksa was told by Indian Prime Minister Narendra Modi "
          "on Tuesday that India wanted full implementation."),
         [("contact", ("Mahinda Rajapaksa", "Narendra Modi"))]),
        # ... telling reporters is a statement
        ("Turkish President Recep Tayyip Erdogan told reporters on Sunday that the war must end.",
         [("statement", ("Recep Tayyip Erdoğan",))]),
    ],
)
def test_extract_telling_an_official_is_a_contact(text, expected):
    assert [(c.kind.value, tuple(sorted(c.participants))) for c in run(text).communications] \
        == expected


@pytest.mark.parametrize(
    "text",
    [
        # the partner of a co-chair, after "with" or in a passive by-phrase
        ("The forum, which Chinese Foreign Minister Wang Yi co-chaired with Fijian Prime Minister "
         "Frank Bainimarama, opened on Monday."),
        ("A forum co-hosted by Chinese Foreign Minister Wang Yi and Fijian Prime Minister Frank "
         "Bainimarama opened on Monday."),
    ],
)
def test_extract_co_chairs_meet(text):
    assert [c[:3] for c in contacts(text)] == [
        ("meeting", "occurred", ("Frank Bainimarama", "Wang Yi"))]


def test_extract_a_meeting_held_between_two_officials():
    text = ("A meeting was held between US Secretary of State Antony Blinken and Chinese Foreign "
            "Minister Wang Yi on Monday.")
    assert [c[:3] for c in contacts(text)] == [
        ("meeting", "occurred", ("Antony Blinken", "Wang Yi"))]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the purpose of a journey in the past is what happened, not a plan
        (("US Secretary of State Antony Blinken flew to Beijing on Monday to meet Chinese Foreign "
          "Minister Wang Yi."), "occurred"),
        (("US Secretary of State Antony Blinken was waiting at the airport to greet Chinese "
          "Foreign Minister Wang Yi on Monday."), "occurred"),
        (("US Secretary of State Antony Blinken will travel to Beijing next week to meet Chinese "
          "Foreign Minister Wang Yi."), "planned"),
        # "ahead of" takes the summit, not the visit the arrival was for
        (("Brazilian President Michel Temer arrived ahead of the summit for a state visit and was "
          "received by Chinese President Xi Jinping on Monday."), "occurred"),
        (("Brazilian President Michel Temer met Chinese President Xi Jinping on Monday, ahead of "
          "a state visit to Beijing."), "occurred"),
    ],
)
def test_extract_the_purpose_of_a_past_journey_happened(text, status):
    assert [c[1] for c in contacts(text)] == [status]


def test_extract_the_eve_of_a_meeting_places_it_ahead():
    # Published on a Friday: "on Friday" ahead of the talks is that day, not a week before.
    text = ("The visit comes on the eve of President Joe Biden's meeting with South African "
            "President Cyril Ramaphosa at the White House on Friday.")
    assert contacts(text) == [
        ("meeting", "planned", ("Cyril Ramaphosa", "Joe Biden"), "Joe Biden", "2022-03-11")]


def test_extract_a_meeting_next_weekday_is_planned_even_with_a_past_participle():
    # "a meeting next Thursday hosted by X": the participle's tense does not move the day back.
    found = contacts("Uzbek President Shavkat Mirziyoyev met Tajik President Emomali Rahmon on "
                     "Thursday. Both leaders are expected in Astana next Thursday for a meeting of "
                     "regional heads of state hosted by Kazakh President Kassym-Jomart Tokayev.")
    assert [(c[1], c[2], c[4]) for c in found if len(c[2]) == 3] == [
        ("planned", ("Emomali Rahmon", "Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"), "2022-03-17")]


@pytest.mark.parametrize(("text", "status"), [
    (("A meeting between Secretary of State Ann Hale and Russian Foreign Minister Oleg Ivin "
       "is planned for next week."), "planned"),
    (("Talks between Secretary of State Ann Hale and Russian Foreign Minister Oleg Ivin in "
       "Geneva are scheduled for Friday."), "planned"),
    (("A meeting between Secretary of State Ann Hale and Russian Foreign Minister Oleg Ivin "
       "ended without progress."), "occurred"),
])
def test_extract_a_plan_said_after_the_event_s_noun_phrase(text, status):
    assert [c[1] for c in contacts(text)] == [status]


def test_extract_a_possessive_after_a_statement_s_verb_opens_no_content():
    # "on Friday night" is the post's day: "his Facebook page" is where, not what, he wrote.
    text = ("Cambodian Prime Minister Hun Sen wrote on his Facebook page on Friday night that "
            "the visit was a success.")
    assert [c.date for c in run(text).communications] == [dt.date(2022, 3, 11)]


@pytest.mark.parametrize(("remark", "day"), [
    ("said on Thursday that he had met", None),
    ("said on Thursday he had met", None),
    ("said on Thursday that on Monday he had met", "2022-03-07"),
])
def test_extract_the_day_of_a_remark_is_not_the_day_of_what_it_reports(remark, day):
    text = f"Kenyan President William Ruto {remark} Tanzanian President Samia Suluhu Hassan."
    assert [d for _, _, participants, _, d in contacts(text)
            if "Samia Suluhu Hassan" in participants] == [day]


def test_extract_a_plan_takes_no_day_from_its_announcement():
    # The day the plan was announced is not the day of the visit, which is known to the month.
    found = contacts("President Joe Biden will host Kenyan President William Ruto for a state "
                     "visit next month, the White House said on Friday.")
    assert [(c[1], c[2], c[4]) for c in found] == [
        ("planned", ("Joe Biden", "William Ruto"), None)]


def test_extract_a_plan_takes_no_day_from_the_briefing_that_announced_it():
    # A briefing of several words between "told" and its day is still the day of the words.
    found = contacts("Chinese spokesman Wang Wenbin told a regular news briefing on Monday that "
                     "President Xi Jinping would hold talks with Brazilian President Luiz Inácio "
                     "Lula da Silva.")
    assert [(c[1], c[4]) for c in found if "Xi Jinping" in c[2]] == [("planned", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "his Kenyan counterpart": the Kenyan official the text has named, whatever his post.
        (("Kenyan President William Ruto spoke on Thursday. Somali President Hassan Sheikh "
          "Mohamud sent a message to his Kenyan counterpart on Friday."),
         ("Hassan Sheikh Mohamud", "William Ruto")),
        # The gazetteer places an office-holder the text leaves unplaced.
        (("President Joe Biden spoke on Thursday. French President Emmanuel Macron called his "
          "American counterpart on Friday."), ("Emmanuel Macron", "Joe Biden")),
        (("Prince Faisal bin Farhan is Saudi Arabia's foreign minister. Syrian Foreign Minister "
          "Faisal Mekdad visited Jeddah for talks with his Saudi counterpart, Prince Faisal bin "
          "Farhan, and then met Crown Prince Mohammed bin Salman."),
         ("Faisal Mekdad", "Faisal bin Farhan")),
    ],
)
def test_extract_a_counterpart_named_by_government_is_that_governments_official(text, expected):
    assert expected in [c[2] for c in contacts(text)]


@pytest.mark.parametrize(
    "text",
    [
        ("Kenyan President William Ruto became the first African leader to address the "
        "Japanese parliament."),
        ("Chilean President Gabriel Boric was one of the first foreign leaders to meet Brazilian "
        "President Luiz Inácio Lula da Silva after his inauguration."),
    ],
)
def test_extract_the_first_to_do_something_did_it(text):
    # "the first (…) to address/meet": the infinitive tells what happened, not a plan.
    statuses = {c.status.value for c in run(text).communications}
    assert statuses == {"occurred"}


def test_extract_the_first_to_do_something_is_planned_only_with_a_cue():
    text = ("Kenyan President William Ruto will be the first African leader to address the "
            "Japanese parliament.")
    assert {c.status.value for c in run(text).communications} == {"planned"}


@pytest.mark.parametrize(
    "text",
    [
        # A bare report of speech has no occasion to plan: future words in what is reported
        # ("…will double next year, he said") or a forecast of words make no planned statement.
        "Kenyan President William Ruto was upbeat. Exports will double next year, he said.",
        "Kenyan President William Ruto is expected to urge calm.",
    ],
)
def test_extract_a_bare_remark_is_never_planned(text):
    assert [c for c in run(text).communications
            if c.kind.value == "statement" and c.status.value == "planned"] == []


def test_extract_a_city_visited_to_meet_others_there_is_no_host_country():
    # "travelled to Brussels for a lunch with Juncker": the seat of the EU is a venue, and the
    # visit is only the meeting with the official named, not one with Belgium's leaders.
    found = contacts("British Prime Minister Theresa May travelled to Brussels for a lunch with "
                     "European Commission President Jean-Claude Juncker.")
    assert [c[2] for c in found] == [("Jean-Claude Juncker", "Theresa May")]
    # Without anyone to meet there, the capital visited stands for its hosts.
    assert len(contacts("British Prime Minister Theresa May travelled to Brussels on Monday.")) == 1


def test_extract_plans_take_no_narrative_date():
    text = ("US Secretary of State Antony Blinken spoke with Israeli Prime Minister Benjamin "
            "Netanyahu on Wednesday. Blinken said Deputy Assistant Secretary Hady Amr will travel "
            "to Israel.")
    planned = [c for c in run(text).communications if c.status.value == "planned"]
    assert [(c.counterpart_governments, c.date) for c in planned] == [(("Israel",), None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Calls are two-sided: one call per caller.
        (("Brazilian President Luiz Inácio Lula da Silva received calls from German Chancellor "
          "Olaf Scholz, Spanish Prime Minister Pedro Sánchez and Portuguese Prime Minister António "
          "Costa on Monday."),
         {("phone", ("Luiz Inácio Lula da Silva", "Olaf Scholz")),
          ("phone", ("António Costa", "Luiz Inácio Lula da Silva")),
          ("phone", ("Luiz Inácio Lula da Silva", "Pedro Sánchez"))}),
        # "Separate meetings" are one per counterpart.
        (("IAEA Director General Rafael Grossi held separate meetings with Ukrainian Foreign "
          "Minister Dmytro Kuleba and with Russian Foreign Minister Sergey Lavrov."),
         {("meeting", ("Dmytro Kuleba", "Rafael Grossi")),
          ("meeting", ("Rafael Grossi", "Sergey Lavrov"))}),
        # A joint call stays one.
        (("French President Emmanuel Macron and Saudi Crown Prince Mohammed bin Salman telephoned "
          "Lebanese Prime Minister Najib Mikati together."),
         {("phone", ("Emmanuel Macron", "Mohammed bin Salman", "Najib Mikati"))}),
        # The second verb of a clause shares the first one's subject.
        (("German Foreign Minister Annalena Baerbock met Ukrainian Foreign Minister Dmytro Kuleba "
          "and was received by President Volodymyr Zelensky."),
         {("meeting", ("Annalena Baerbock", "Dmytro Kuleba")),
          ("meeting", ("Annalena Baerbock", "Volodymyr Zelensky"))}),
        # A call qualified by adjectives, "between" three sides, is one call of three.
        (("There was a three-way call between US President Joe Biden, Prime Minister Fumio "
          "Kishida of Japan and President Yoon Suk Yeol of South Korea."),
         {("phone", ("Fumio Kishida", "Joe Biden", "Yoon Suk Yeol"))}),
        (("German Chancellor Olaf Scholz, French President Emmanuel Macron and Ukrainian "
          "President Volodymyr Zelensky held a telephone conference on Sunday."),
         {("phone", ("Emmanuel Macron", "Olaf Scholz", "Volodymyr Zelensky"))}),
        # "then" and "former" belong to a title between coordinated names.
        (("Eritrean President Isaias Afwerki and Ethiopia's then prime minister, Meles Zenawi, "
          "signed a peace agreement in Algiers."), {("meeting", ("Isaias Afwerki", "Meles Zenawi"))}),
        # A title before ", Name" is that name's, not another official's.
        (("North Korean Foreign Minister Choe Son Hui spoke. South Korean Foreign Minister Park "
          "Jin met the North Korean leader, Kim Jong Un, in Pyongyang."),
         {("meeting", ("Kim Jong Un", "Park Jin"))}),
        # "A joined B for talks with C": all three hold the talks.
        (("German Chancellor Olaf Scholz joined French President Emmanuel Macron for talks with "
          "Chinese President Xi Jinping."),
         {("unspecified", ("Emmanuel Macron", "Olaf Scholz", "Xi Jinping"))}),
        # A possessive determiner owns a noun; the object comes after it.
        (("The Minister of Foreign Affairs, H.E. Dr. Ayman Safadi, received in his office today "
          "the Ambassador of Japan, Mr. Kenichi Oshima."),
         {("meeting", ("Ayman Safadi", "Kenichi Oshima"))}),
        # A possessive before a title does not take part.
        (("German Foreign Minister Annalena Baerbock held talks with her Russian counterpart, "
          "Sergei Lavrov, in Moscow."), {("meeting", ("Annalena Baerbock", "Sergei Lavrov"))}),
        # A contact in an opening phrase is the main clause's subject's.
        (("After meeting Egyptian President Omar Nabil in Cairo, Secretary of State Ann Hale "
           "flew home."), {("meeting", ("Ann Hale", "Omar Nabil"))}),
        # "held their first public meeting": holding a meeting, whatever its adjectives.
        (("Egyptian President Omar Nabil and Israeli Prime Minister Dan Levi held their first "
           "public meeting in Sharm el-Sheikh."), {("meeting", ("Dan Levi", "Omar Nabil"))}),
        # ... nor when it opens the title of the second subject, with or without commas.
        (("Greek Foreign Minister Eleni Mavrou and her Cypriot counterpart Andreas Kostas met "
           "in Athens."), {("meeting", ("Andreas Kostas", "Eleni Mavrou"))}),
        (("Greek Foreign Minister Eleni Mavrou and her Cypriot counterpart, Andreas Kostas, met "
           "in Athens."), {("meeting", ("Andreas Kostas", "Eleni Mavrou"))}),
        # "then" after officials named together: they are its subject
        (("Greek Foreign Minister Eleni Mavrou and Cypriot Foreign Minister Andreas Kostas then "
           "met."), {("meeting", ("Andreas Kostas", "Eleni Mavrou"))}),
        # "they" after officials named together, with no contact reported since: all of them
        (("Greek Foreign Minister Eleni Mavrou, Cypriot Foreign Minister Andreas Kostas and "
           "Maltese Foreign Minister Ian Borg flew to Cairo, where they met Egyptian President "
           "Omar Nabil."),
         {("meeting", ("Andreas Kostas", "Eleni Mavrou", "Ian Borg", "Omar Nabil"))}),
        (("Greek Foreign Minister Eleni Mavrou and Cypriot Foreign Minister Andreas Kostas "
           "arrived in Cairo. They met Egyptian President Omar Nabil."),
         {("meeting", ("Andreas Kostas", "Eleni Mavrou", "Omar Nabil"))}),
        # ... and the sides of the contact just reported when it comes after them
        (("Greek Foreign Minister Eleni Mavrou and Cypriot Foreign Minister Andreas Kostas "
           "arrived in Cairo. Mavrou met Egyptian President Omar Nabil. They met again later."),
         {("meeting", ("Eleni Mavrou", "Omar Nabil"))}),
    ],
)
def test_extract_contacts_with_several_parties(text, expected):
    assert {(mode, participants) for mode, _, participants, _, _ in contacts(text)} == expected


def test_extract_a_name_word_is_no_pronoun():
    # "He" in "Liu He" is part of the name; the "He" that opens the next sentence refers back.
    found = run("Chinese Vice Premier Liu He met Treasury Secretary Janet Yellen in Zurich. "
                "He told reporters the talks were candid.").communications
    assert [(c.kind.value, c.participants, c.evidence[0].text) for c in found] == [
        ("contact", ("Liu He", "Janet Yellen"), "Liu He met Treasury Secretary Janet Yellen"),
        ("statement", ("Liu He",), "He told reporters")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An official heard nowhere else gets a statement of their own.
        ("Kremlin spokesman Dmitry Peskov said on Tuesday that no talks were planned.",
         {("unspecified", ("Dmitry Peskov",), "2022-03-08")}),
        # Calling for something and criticising are said in public too.
        ("UN envoy Ana Lima called for a ceasefire on Tuesday.",
         {("unspecified", ("Ana Lima",), "2022-03-08")}),
        ("Brazilian Foreign Minister Rui Costa criticised the sanctions on Tuesday.",
         {("unspecified", ("Rui Costa",), "2022-03-08")}),
        # A quotation's negation or future is the speaker's, not the report's: he said it.
        ("“We will not wait,” Kremlin spokesman Dmitry Peskov said on Tuesday.",
         {("unspecified", ("Dmitry Peskov",), "2022-03-08")}),
        # A remark by someone in a reported meeting belongs to that meeting.
        (("Russian President Vladimir Putin met French President Emmanuel Macron on Monday. "
          "Putin said the talks were useful."), set()),
        # A trigger that opens the sentence counts.
        (("Japanese Prime Minister Fumio Kishida arrived. Speaking to reporters on Saturday, "
          "Kishida said the visit went well."),
         {("press_briefing", ("Fumio Kishida",), "2022-03-05")}),
        ("On Twitter, Ukrainian President Volodymyr Zelensky warned of a catastrophe.",
         {("social_media", ("Volodymyr Zelensky",), None)}),
        # The subject reaches across an apposition with a relative clause in it.
        (("US Deputy National Security Adviser Ben Rhodes, the adviser who led the secret "
          "negotiations that produced the opening, told reporters on Monday that talks went well."),
         {("press_briefing", ("Ben Rhodes",), "2022-03-07")}),
        # A title opening a sentence continues the previous sentence's subject.
        (("Indian External Affairs Minister S. Jaishankar met Chinese Foreign Minister Wang Yi "
          "in New Delhi on Friday. The minister later briefed the press."),
         {("press_briefing", ("S. Jaishankar",), "2022-03-11")}),
        # The common reporting verbs of readouts report speech too.
        (("Chinese Foreign Ministry spokesperson Mao Ning reiterated on Monday that China "
          "opposed the sanctions."), {("unspecified", ("Mao Ning",), "2022-03-07")}),
        # A spokesman or aide for an official speaks unnamed (not scored, not the official's).
        (("A spokesman for Russian Foreign Minister Sergei Lavrov wrote on Telegram that the "
          "talks went well. An aide to President Joe Biden told reporters so."), set()),
        # Addressing or telling a gathering is a speech.
        (("Ukrainian Foreign Minister Dmytro Kuleba addressed the ministers in a pre-recorded "
          "video."), {("speech", ("Dmytro Kuleba",), None)}),
        (("Senegalese President Macky Sall told European Union leaders by video link that the "
          "blockade had to end."), {("speech", ("Macky Sall",), None)}),
        # ... a parliament named without an article or by its country, too; an issue is none.
        ("Ukrainian President Volodymyr Zelensky addressed Congress.",
         {("speech", ("Volodymyr Zelensky",), None)}),
        ("US President Barack Obama addressed Ghana's parliament.",
         {("speech", ("Barack Obama",), None)}),
        ("German Chancellor Olaf Scholz told the Bundestag that tanks would follow.",
         {("speech", ("Olaf Scholz",), None)}),
        ("Indian Prime Minister Narendra Modi addressed concerns raised at the summit.", set()),
        # Speaking at a gathering is a speech; at a news conference, a briefing.
        (("Speaking at the UN General Assembly, Turkish President Recep Tayyip Erdoğan said the "
          "war must end."), {("speech", ("Recep Tayyip Erdoğan",), None)}),
        (("Speaking at a news conference, Turkish President Recep Tayyip Erdoğan said the war "
          "must end."), {("press_briefing", ("Recep Tayyip Erdoğan",), None)}),
        # An official named inside a relative clause is not the subject of the verb after it.
        (("Mark Hollis, who served as an aide under President Joe Biden, went further on "
          "Twitter, calling the deal a disgrace."), set()),
        ("Ann Cole, who ran the C.I.A. under President Joe Biden, said the deal was weak.",
         set()),
        # The reader of a joint or final text is not its speaker; of a statement of their own, is.
        (("Chilean Foreign Minister Ana Torres read out the joint communiqué at the end of the "
          "summit."), set()),
        (("The talks closed with Chilean Foreign Minister Ana Torres reading the final declaration "
          "in Spanish."), set()),
        ("Chilean Foreign Minister Ana Torres read out a statement on the talks.",
         {("press_statement", ("Ana Torres",), None)}),
        ("Chinese President Xi Jinping delivered a written statement on arrival.",
         {("press_statement", ("Xi Jinping",), None)}),
        # An address with more than one word before it is still one.
        (("Liberian President Charles Taylor said in a long farewell address broadcast on "
          "national radio that he would go."), {("speech", ("Charles Taylor",), None)}),
        # "recalled that" reports words; recalling an envoy is no remark
        ("Brazilian President Dilma Rousseff recalled that he had fought for freedom.",
         {("unspecified", ("Dilma Rousseff",), None)}),
        ("Brazilian President Dilma Rousseff recalled her ambassador from Washington.", set()),
    ],
)
def test_extract_statements_from_bare_remarks_and_sentence_openings(text, expected):
    found = {(c.mode.value, c.participants, c.date.isoformat() if c.date else None)
             for c in run(text).communications if c.kind.value == "statement"}
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Vladimir Putin did not meet Ukrainian President Volodymyr Zelensky.",
        "Russian President Vladimir Putin declined to meet Ukrainian President Volodymyr Zelensky.",
        ("Russian President Vladimir Putin could meet Ukrainian President Volodymyr Zelensky if "
        "talks progress."),
        # The reporter of a contact is no side of it.
        ("Kremlin spokesman Dmitry Peskov told reporters on Tuesday that the visit had been a "
        "working one and that Syrian President Bashar al-Assad was ready for reforms."),
        # "call" in its naming sense, and what an official owns, are no contact with them
        ("Ukrainian President Volodymyr Zelensky called Russian President Vladimir Putin a war "
        "criminal."),
        ("Ukrainian President Volodymyr Zelensky on Monday called Russian President Vladimir "
        "Putin's speech a threat."),
        ("Japanese Prime Minister Fumio Kishida called a snap election, a move criticised by "
         "Chinese President Xi Jinping."),
        # A thing an official gives or owns is the verb's object, not the official.
        ("Kenyan President William Ruto received strong support from Tanzanian President Samia "
         "Suluhu Hassan."),
        ("The plan of Kenyan President William Ruto met with criticism from Tanzanian President "
         "Samia Suluhu Hassan."),
        "German Chancellor Olaf Scholz welcomed the decision of French President Emmanuel Macron.",
        # Called off, cancelled: a contact that will not take place.
        "German Chancellor Olaf Scholz called off his meeting with Chinese President Xi Jinping.",
        ("A planned meeting between US President Joe Biden and Chinese President Xi Jinping was "
         "cancelled."),
    ],
)
def test_extract_negated_and_hypothetical_contacts_are_dropped(text):
    assert contacts(text) == []


def test_extract_calling_an_official_something_is_a_remark_of_the_caller():
    text = ("Ukrainian President Volodymyr Zelensky called Russian President Vladimir Putin a war "
            "criminal.")
    assert statement_speakers(text) == [("Volodymyr Zelensky",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("Kenyan President William Ruto received a visit from Tanzanian President Samia Suluhu "
           "Hassan."), ("meeting", "occurred")),
        (("Kenyan President William Ruto received a delegation led by Tanzanian President Samia "
           "Suluhu Hassan."), ("meeting", "occurred")),
        ("Kenyan President William Ruto will call Tanzanian President Samia Suluhu Hassan.",
         ("phone", "planned")),
        (("Kenyan President William Ruto plans to call his Tanzanian counterpart Samia Suluhu "
           "Hassan."), ("phone", "planned")),
        (("Kenyan President William Ruto held a video call with Tanzanian President Samia Suluhu "
           "Hassan."), ("video", "occurred")),
        (("Kenyan President William Ruto held a virtual summit with Tanzanian President Samia "
           "Suluhu Hassan."), ("video", "occurred")),
        (("Kenyan President William Ruto held a telephone talk with Tanzanian President Samia "
           "Suluhu Hassan at the request of the Tanzanian side."), ("phone", "occurred")),
    ],
)
def test_extract_people_or_occasions_as_objects_and_modes_of_calls(text, expected):
    assert [(mode, status) for mode, status, *_ in contacts(text)] == [expected]


def test_extract_the_head_of_state_is_the_head_of_state_named_before_not_his_visitor():
    # a readout's capitalised "the Head of State": the leader, not the ambassador named last
    text = ("The President of the Republic, Bassirou Diomaye Faye, made a visit to Nouakchott on "
            "Thursday.\n\nBack in Dakar, the Head of State received the Ambassador of France, "
            "Christine Fages.\n\nThe Head of State is expected in Banjul in the coming days, "
            "where he will be received by President Adama Barrow of the Gambia.")
    assert [(c[1], c[2]) for c in contacts(text) if len(c[2]) == 2] == [
        ("occurred", ("Bassirou Diomaye Faye", "Christine Fages")),
        ("planned", ("Adama Barrow", "Bassirou Diomaye Faye"))]


def test_extract_a_title_of_a_numbered_session_is_the_name_after_it():
    text = ("Kazakh President Nursultan Nazarbayev addressed the Council on Thursday. The Head of "
            "State also met with the President of the 72nd session of the UN General Assembly, "
            "Miroslav Lajčák.")
    assert [c[2] for c in contacts(text, dt.date(2018, 1, 19))] == [
        ("Miroslav Lajčák", "Nursultan Nazarbayev")]


def test_extract_speaking_to_reporters_together_is_one_statement_and_no_contact():
    text = ("Following the meeting, US Ambassador Linda Thomas-Greenfield and Albanian Ambassador "
            "Ferit Hoxha spoke to reporters at the Council stakeout.")
    assert [(c.kind.value, c.mode.value, c.participants) for c in run(text).communications] == [
        ("statement", "press_briefing", ("Linda Thomas-Greenfield", "Ferit Hoxha"))]


def test_extract_names_in_capitals_as_un_meetings_coverage_gives_its_speakers():
    # the evidence stays the article's own words, capitals and all
    text = ("ZHANG JUN (China) said his delegation had abstained. LINDA THOMAS-GREENFIELD "
            "(United States) said the vote was lost. Following the meeting, Ms. THOMAS-GREENFIELD "
            "spoke to reporters.")
    extraction = run(text)
    assert [(o.name, o.government) for o in extraction.officials] == [
        ("Zhang Jun", "China"), ("Linda Thomas-Greenfield", "United States")]
    assert [span.text for c in extraction.communications for span in c.evidence] == [
        "THOMAS-GREENFIELD spoke to reporters"]


def test_extract_statements_take_their_speaker():
    extraction = run("“We will talk,” tweeted US Secretary of State Antony Blinken. "
                     "Blinken later told reporters at a press briefing that talks went well.")
    statements = {(c.mode.value, c.participants) for c in extraction.communications
                  if c.kind.value == "statement"}
    assert statements == {("social_media", ("Antony Blinken",)),
                          ("press_briefing", ("Antony Blinken",))}


def test_extract_one_event_many_mentions_is_one_communication():
    text = ("US Secretary of State Antony Blinken spoke with Israeli Prime Minister Benjamin "
            "Netanyahu on Thursday. Blinken and Netanyahu discussed the violence.")
    communications = run(text).communications
    assert len(communications) == 1
    assert len(communications[0].evidence) == 2
    for span in communications[0].evidence:
        assert text[span.start : span.end] == span.text


def test_extract_quotes_are_attributed_to_their_speaker():
    extraction = run('"We are concerned," said Russian Foreign Minister Sergey Lavrov.')
    assert [(q.speaker, q.text) for q in extraction.quotes] == [("Sergey Lavrov", "We are concerned,")]


@pytest.mark.parametrize(
    ("text", "planned", "expected"),
    [
        ("on Wednesday", False, "2022-03-09"),
        ("on Friday", False, "2022-03-11"),
        ("on Monday", True, "2022-03-14"),
        ("yesterday", False, "2022-03-10"),
        ("on 28 February", False, "2022-02-28"),
        ("on December 30", False, "2021-12-30"),
        ("on Jan. 5, 2020", False, "2020-01-05"),
        ("last week", False, None),
        ("two days ago", False, "2022-03-09"),
        # "next" and "last" fix a weekday's side of the publication day, whatever the tense.
        ("next Thursday", False, "2022-03-17"),
        ("next Friday", True, "2022-03-18"),
        ("last Friday", False, "2022-03-04"),
        ("this coming Monday", False, "2022-03-14"),
    ],
)
def test_extract_dates_resolve_against_publication(text, planned, expected):
    resolved = resolve_date(text, PUBLISHED, planned)
    assert (resolved.isoformat() if resolved else None) == expected


def test_extract_dates_without_publication_stay_unresolved():
    assert resolve_date("on Wednesday", None, planned=False) is None


def test_extract_text_without_diplomacy_gives_an_empty_extraction():
    extraction = run("The weather was fine and the markets rose.")
    assert (extraction.officials, extraction.communications) == ((), ())
    assert extraction.warnings


def test_extract_one_megabyte_article_and_hostile_text():
    from tests.conftest import DEV

    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt")))
    text = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    extraction = run(text)
    assert len(extraction.officials) > 20 and len(extraction.communications) > 20
    for text in ("“" * 50, "。" * 100, "", "\n\n\n"):
        assert run(text).communications == ()


def test_extract_reads_through_html_and_keeps_exact_evidence():
    text = ("<p>Russian President Vladimir Putin <b>met</b> French President Emmanuel "
            "Macron&nbsp;on Thursday.</p>")
    extraction = run(text)
    (meeting,) = extraction.communications
    assert sorted(meeting.participants) == ["Emmanuel Macron", "Vladimir Putin"]
    for span in meeting.evidence + extraction.officials[0].evidence:
        assert span.text == text[span.start : span.end]
    assert any("HTML markup" in w for w in extraction.warnings)


def test_extract_warns_on_text_that_is_not_english():
    extraction = run("Президент России Владимир Путин встретился с Макроном в Москве.")
    assert extraction.communications == ()
    assert any("does not look English" in w for w in extraction.warnings)


@pytest.mark.parametrize(("second", "expected"), [
    ("After the meeting, Putin told reporters at a press briefing that talks went well.",
     "2022-03-09"),
    ("A day earlier, Putin had spoken by phone with Chinese President Xi Jinping.", "2022-03-08"),
    ("The following morning, Putin spoke by phone with Chinese President Xi Jinping.",
     "2022-03-10"),
])
def test_extract_dates_follow_the_narrative(second, expected):
    text = ("Russian President Vladimir Putin met French President Emmanuel Macron on Wednesday.\n\n"
            + second)
    dated = {c.date.isoformat() for c in run(text).communications[1:] if c.date}
    assert expected in dated


def test_extract_a_paragraph_after_the_signing_stays_on_the_signing_s_day():
    # "After signing", "at the same ceremony": the narrative goes on with the ceremony's day,
    # not back to the lead's.
    text = ("Peruvian President Alberto Fujimori and Ecuadorean President Jamil Mahuad returned "
            "home today.\n\nThe two leaders signed the peace act yesterday at a ceremony hosted "
            "by Brazilian President Fernando Henrique Cardoso.\n\nAfter signing, Fujimori and "
            "Mahuad shook hands. Cardoso, speaking at the same ceremony, said the border was "
            "closed.")
    dates = {c.date for c in run(text, dt.date(1998, 10, 27)).communications}
    assert dates == {dt.date(1998, 10, 26)}


def test_extract_background_in_another_paragraph_keeps_no_date():
    text = ("Russian President Vladimir Putin met French President Emmanuel Macron on Wednesday.\n\n"
            "Putin has spoken by phone with Chinese President Xi Jinping.")
    calls = [c for c in run(text).communications if c.mode.value == "phone"]
    assert [c.date for c in calls] == [None]


def test_extract_the_visitor_starts_the_meeting():
    text = ("Russian Foreign Minister Sergey Lavrov is visiting China this week. "
            "Chinese Foreign Minister Wang Yi met Lavrov in Tunxi on Wednesday.")
    (meeting,) = [c for c in run(text).communications if c.mode.value == "meeting"]
    assert meeting.initiator == "Sergey Lavrov"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A meal or meeting named as a noun, joined to its other side by "with".
        (("UN Secretary-General António Guterres began Tuesday in Moscow with a long working "
          "meeting and lunch with Foreign Minister Sergey Lavrov."),
         [("meeting", "occurred", ("António Guterres", "Sergey Lavrov"), None, "2022-03-08")]),
        # The clause's own day, not the first day of the sentence.
        (("After talks on Monday with Turkish President Recep Tayyip Erdoğan, which ended without a "
          "press appearance, UN Secretary-General António Guterres began Tuesday with a meeting "
          "with Russian Foreign Minister Sergey Lavrov."),
         [("unspecified", "occurred", ("António Guterres", "Recep Tayyip Erdoğan"), None,
           "2022-03-07"),
          ("meeting", "occurred", ("António Guterres", "Sergey Lavrov"), None, "2022-03-08")]),
        # "a day after meeting X" is the day before the sentence's day.
        (("Indonesian President Joko Widodo held talks with Russian President Vladimir Putin on "
          "Thursday, a day after meeting Ukrainian President Volodymyr Zelensky in Kyiv."),
         [("meeting", "occurred", ("Joko Widodo", "Vladimir Putin"), None, "2022-03-10"),
          ("meeting", "occurred", ("Joko Widodo", "Volodymyr Zelensky"), None, "2022-03-09")]),
        # "called for" is no call; "the Russian leader" is Putin himself, no unnamed counterpart.
        ("UN Secretary-General António Guterres called for a ceasefire on Monday.", []),
        (("New Zealand Prime Minister Jim Bolger hosted the summit. The call for suspension was "
          "led by South African President Nelson Mandela."), []),
        (("UN Secretary-General António Guterres met Russian Foreign Minister Sergey Lavrov on "
          "Monday. He then called on Moscow to open corridors.\n\n"
          "UN Secretary-General António Guterres had talks with Ukrainian Foreign Minister Dmytro "
          "Kuleba on Tuesday.\n\n"
          "The main event was an hour-long meeting with President Vladimir Putin at the Kremlin, "
          "across the Russian leader's long table."),
         [("meeting", "occurred", ("António Guterres", "Sergey Lavrov"), None, "2022-03-07"),
          ("unspecified", "occurred", ("António Guterres", "Dmytro Kuleba"), None, "2022-03-08"),
          # a later paragraph with no background cue goes on with the narrative's day
          ("meeting", "occurred", ("António Guterres", "Vladimir Putin"), None, "2022-03-08")]),
        # Any event noun joined by "with" ("a bilateral session with"), and raising a matter
        # with someone, report a contact.
        (("On Monday UN Secretary-General António Guterres held a bilateral session with Russian "
          "Foreign Minister Sergey Lavrov."),
         [("meeting", "occurred", ("António Guterres", "Sergey Lavrov"), None, "2022-03-07")]),
        (("On Monday UN Secretary-General António Guterres raised the fate of the prisoners with "
          "Russian Foreign Minister Sergey Lavrov."),
         [("unspecified", "occurred", ("António Guterres", "Sergey Lavrov"), None, "2022-03-07")]),
        # A meeting as the subject of a sentence has no "with": nobody after it takes part.
        ("The meeting comes on the eve of President Biden's trip.", []),
        # "between" holds every side, titles and all.
        (("The visit overlapped with talks in Tehran between the European Union's coordinator, "
          "Enrique Mora, and Iran's chief negotiator, Ali Bagheri Kani."),
         [("meeting", "occurred", ("Ali Bagheri Kani", "Enrique Mora"), None, None)]),
        # An untitled person in a relative clause acts like an official.
        (("The last Israeli leader to visit was Benjamin Netanyahu, who held talks with President "
          "Hosni Mubarak in Sharm el-Sheikh in 2011."),
         [("meeting", "occurred", ("Benjamin Netanyahu", "Hosni Mubarak"), "Benjamin Netanyahu",
           None)]),
        # Sitting down (together) is meeting, said of a group as of named officials.
        (("Chilean President Gabriel Boric and Argentine President Alberto Fernández arrived. The "
          "two presidents sat down together on Tuesday."),
         [("meeting", "occurred", ("Alberto Fernández", "Gabriel Boric"), None, "2022-03-08")]),
        # A verb in the past tense reports the past: a day without a year that would lie ahead
        # of the publication is last year's, and the contact occurred.
        (("Chilean President Gabriel Boric sat down with Argentine President Alberto Fernández "
          "on March 30 in Santiago."),
         [("meeting", "occurred", ("Alberto Fernández", "Gabriel Boric"), None, "2021-03-30")]),
        (("Chilean President Gabriel Boric will sit down with Argentine President Alberto "
          "Fernández on March 30 in Santiago."),
         [("meeting", "planned", ("Alberto Fernández", "Gabriel Boric"), None, "2022-03-30")]),
        # A group ("the two") is the subject of a journey, and of a second verb after the
        # first one's object; an abbreviated month ("Jan.") ends no clause; travelling together
        # is no contact between the travellers.
        (("Norwegian Foreign Minister Jonas Gahr Store and Danish Foreign Minister Per Stig "
          "Moller drafted a plan. The two flew to Riga on Jan. 5 to show it to Latvian President "
          "Vaira Vike-Freiberga and travelled to Vilnius the next day for talks with Lithuanian "
          "President Valdas Adamkus."),
         [("meeting", "occurred", ("Jonas Gahr Store", "Per Stig Moller",
                                   "Vaira Vīķe-Freiberga"), None, "2022-01-05"),
          ("meeting", "occurred", ("Jonas Gahr Store", "Per Stig Moller", "Valdas Adamkus"),
           None, "2022-01-06")]),
        # A verb repeated by ellipsis with a new object and a parallel phrase: one contact each.
        (("Chinese Foreign Minister Wang Yi received Danish Foreign Minister Per Stig Moller on "
          "Monday and Norwegian Foreign Minister Jonas Gahr Store on Wednesday."),
         [("meeting", "occurred", ("Per Stig Moller", "Wang Yi"), "Per Stig Moller",
           "2022-03-07"),
          ("meeting", "occurred", ("Jonas Gahr Store", "Wang Yi"), "Jonas Gahr Store",
           "2022-03-09")]),
        (("Chinese Foreign Minister Wang Yi met Danish Foreign Minister Per Stig Moller in the "
          "morning and Norwegian Foreign Minister Jonas Gahr Store said nothing."),
         [("meeting", "occurred", ("Per Stig Moller", "Wang Yi"), None, None)]),
    ],
)
def test_extract_contacts_named_as_nouns_and_their_days(text, expected):
    assert contacts(text) == expected


def test_extract_nicknames_the_text_introduces_name_the_official():
    text = ("Indonesian President Joko Widodo, widely known as Jokowi, arrived in Kyiv on "
            "Wednesday. Jokowi met Ukrainian President Volodymyr Zelensky.")
    assert [o.name for o in run(text).officials] == ["Joko Widodo", "Volodymyr Zelensky"]
    assert contacts(text) == [("meeting", "occurred", ("Joko Widodo", "Volodymyr Zelensky"),
                               "Joko Widodo", "2022-03-09")]


def test_extract_a_leader_title_in_the_same_sentence_gives_the_government():
    text = ("The main event was a meeting with President Vladimir Putin at the Kremlin, across the "
            "Russian leader's long table. Macron briefed him on his exchanges with the Chinese leader.")
    assert officials(text)[0] == ("Vladimir Putin", "President", "Russia")


def test_extract_monarchs_keep_their_style_and_are_told_apart_from_namesakes():
    text = ("Bahrain's Crown Prince Salman bin Hamad Al Khalifa and Kuwait's emir, Sheikh Nawaf "
            "al-Ahmad al-Sabah, attended. The emir telephoned King Salman later on Tuesday.")
    names = [o.name for o in run(text).officials]
    assert "King Salman" in names and "Salman bin Hamad Al Khalifa" in names
    (call,) = [c for c in run(text).communications if c.mode.value == "phone"]
    assert "King Salman" in call.participants
    assert "Salman bin Hamad Al Khalifa" not in call.participants


def test_extract_a_message_from_someone_is_sent_by_them():
    text = ("Indonesian President Joko Widodo held talks with Russian President Vladimir Putin "
            "on Thursday, the first such visit since the war began in February.\n\n"
            "Widodo appeared with his host before reporters after the talks. He said he had handed "
            "Putin a message from Ukrainian President Volodymyr Zelensky.")
    (message,) = [c for c in run(text).communications if c.mode.value == "correspondence"]
    assert set(message.participants) == {"Vladimir Putin", "Volodymyr Zelensky"}
    assert message.initiator == "Volodymyr Zelensky"
    # The paragraph continues the talks' day; "since … in February" does not move it.
    assert message.date == dt.date(2022, 3, 10)


@pytest.mark.parametrize(("text", "status"), [
    (("A letter from Kenyan President William Ruto was delivered to Tanzanian President Samia "
       "Suluhu Hassan on Sunday."), "occurred"),
    (("A letter by Kenyan President William Ruto to Tanzanian President Samia Suluhu Hassan "
       "proposed new talks."), "occurred"),
    # "replied to a letter": no infinitive, so no plan
    (("Tanzanian President Samia Suluhu Hassan replied to a letter from Kenyan President William "
       "Ruto."), "occurred"),
])
def test_extract_a_letter_s_sender_and_recipient(text, status):
    assert [(mode, s, participants, initiator) for mode, s, participants, initiator, _
            in contacts(text)] == [
        ("correspondence", status, ("Samia Suluhu Hassan", "William Ruto"), "William Ruto")]


def test_extract_an_aide_in_apposition_speaks_alone_and_lower_case_portfolios_are_titles():
    text = ("Kenyan President William Ruto arrived. Later his press secretary, Jane Wambui, told "
            "reporters that the talks went on.")
    assert [c.participants for c in run(text).communications] == [("Jane Wambui",)]
    text = ("NATO Secretary General Jens Stoltenberg, EU foreign policy chief Josep Borrell and "
            "Ukrainian Foreign Minister Dmytro Kuleba attended the talks in Brussels.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Dmytro Kuleba", "Jens Stoltenberg", "Josep Borrell")]


def test_extract_a_guest_visits_the_host_and_a_companion_joins_the_meeting_just_reported():
    text = ("Kenyan President William Ruto was the guest of Tanzanian President Samia Suluhu "
            "Hassan in Dodoma on Monday.")
    assert contacts(text) == [("meeting", "occurred", ("Samia Suluhu Hassan", "William Ruto"),
                               "William Ruto", "2022-03-07")]
    met = ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan on Monday. ")
    joined = "Kenyan Foreign Minister Alfred Mutua accompanied him."
    assert [participants for _, _, participants, _, _ in contacts(met + joined)] == [
        ("Alfred Mutua", "Samia Suluhu Hassan", "William Ruto")]
    # ... not a meeting reported before another occasion
    toured = "Ruto later toured the port of Dar es Salaam. "
    assert [participants for _, _, participants, _, _ in contacts(met + toured + joined)] == [
        ("Samia Suluhu Hassan", "William Ruto")]


@pytest.mark.parametrize("opening", ["Later,", "On Tuesday 23 May,"])
def test_extract_a_sentence_opening_before_a_title_is_no_name(opening):
    text = f"{opening} the Minister met Uzbek President Shavkat Mirziyoyev."
    assert [name for name, _, _ in officials(text)] == ["Shavkat Mirziyoyev"]


def test_extract_a_word_before_a_title_in_an_apposition_is_no_name():
    text = "Former Ghanaian President Kofi Mensah, the African Union's envoy, arrived."
    assert [name for name, _, _ in officials(text)] == ["Kofi Mensah"]


@pytest.mark.parametrize("other", ["Omani Foreign Minister Said Al Harthy",
                                   "Myanmar Foreign Minister Than Htike"])
def test_extract_a_name_that_is_also_a_clause_word_keeps_the_clause(other):
    text = f"Yemeni Foreign Minister Ahmed Bashir met {other} in Muscat."
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        tuple(sorted(("Ahmed Bashir", other.split(" Minister ")[1])))]


def test_extract_a_title_opening_a_paragraph_names_the_official_the_article_follows():
    text = ("Australian Prime Minister Ann Hale arrived in Port Vila on Wednesday. She met Vanuatu "
            "Prime Minister Joe Natuman.\n\nTomorrow the Prime Minister will travel to Fiji, "
            "where she will hold talks with Fijian Prime Minister Sitiveni Rabuka.")
    assert [(status, participants) for _, status, participants, _, _ in contacts(text)] == [
        ("occurred", ("Ann Hale", "Joe Natuman")), ("planned", ("Ann Hale", "Sitiveni Rabuka"))]


@pytest.mark.parametrize(("text", "expected"), [
    # "they": the officials named together last, in text order across sentences
    (("Greek Foreign Minister Eleni Mavrou and Cypriot Foreign Minister Andreas Kostas arrived "
       "in Cairo. Maltese Foreign Minister Ian Borg and Italian Foreign Minister Antonio Tajani "
       "flew to Rome, where they met Egyptian President Omar Nabil."),
     [("Antonio Tajani", "Ian Borg", "Omar Nabil")]),
    # a possessive counterpart is coordinated, an owned aide is not
    (("US Secretary of State Antony Blinken, his Japanese counterpart Yoshimasa Hayashi and South "
       "Korean Foreign Minister Park Jin met in Tokyo."),
     [("Antony Blinken", "Park Jin", "Yoshimasa Hayashi")]),
    # a body told something is no official told it
    (("Kenyan President William Ruto told the cabinet Tanzanian President Samia Suluhu Hassan had "
       "agreed to a ceasefire."), []),
    # a spokesman speaking after talks did not hold them
    (("Kremlin spokesman Dmitry Peskov said after talks with Turkish President Recep Tayyip "
       "Erdoğan that Putin was satisfied."), []),
    # calling off or shelving something else cancels no contact
    (("After the strike was called off, Kenyan President William Ruto met Tanzanian President "
       "Samia Suluhu Hassan."), [("Samia Suluhu Hassan", "William Ruto")]),
    (("French President Emmanuel Macron met German Chancellor Olaf Scholz at a summit that had "
       "been shelved twice."), [("Emmanuel Macron", "Olaf Scholz")]),
    # the sentence before "accompanied him" may end in an abbreviation's dot
    (("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan on Monday. U.S. "
       "envoy Meg Whitman accompanied him."),
     [("Meg Whitman", "Samia Suluhu Hassan", "William Ruto")]),
])
def test_extract_participants_named_together_and_their_limits(text, expected):
    assert [participants for _, _, participants, _, _ in contacts(text)] == expected


def test_extract_several_travellers_start_no_meeting_alone_and_a_video_call_stays_one():
    text = ("Greek Foreign Minister Eleni Mavrou, Cypriot Foreign Minister Andreas Kostas and "
            "Maltese Foreign Minister Ian Borg travelled to Cairo and met Egyptian President Omar "
            "Nabil.")
    assert contacts(text) == [("meeting", "occurred",
                               ("Andreas Kostas", "Eleni Mavrou", "Ian Borg", "Omar Nabil"),
                               None, None)]
    text = ("Kenyan President William Ruto held a brief video call with Tanzanian President Samia "
            "Suluhu Hassan.")
    assert [mode for mode, *_ in contacts(text)] == ["video"]


@pytest.mark.parametrize(("text", "status"), [
    ("Kenyan President William Ruto meets Tanzanian President Samia Suluhu Hassan every Monday.",
     "occurred"),
    (("Kenyan President William Ruto is also hosting Tanzanian President Samia Suluhu Hassan on "
       "Monday."), "planned"),
])
def test_extract_a_habit_is_no_schedule(text, status):
    assert [s for _, s, _, _, _ in contacts(text)] == [status]


def test_extract_days_of_a_visit_its_sessions_and_what_follows_them():
    text = ("Vietnamese Foreign Minister Minh Tran paid an official visit to Indonesia from 7 to 9 "
            "March at the invitation of Indonesian Foreign Minister Dewi Sari.\n\n"
            "On 8 March, the two ministers co-chaired the fifth meeting of the Joint Commission in "
            "Jakarta. On the same day, Tran met Indonesian President Ari Wijaya.\n\n"
            "During the visit, Tran also met Indonesian Vice President Budi Hartono.")
    # a visit over several days takes its first; a session the day it names; "the same day"
    # the narrative's day, not that of the traveller's last contact; "during the visit" none
    assert [(participants, day) for _, _, participants, _, day in contacts(text)] == [
        (("Dewi Sari", "Minh Tran"), "2022-03-07"), (("Dewi Sari", "Minh Tran"), "2022-03-08"),
        (("Ari Wijaya", "Minh Tran"), "2022-03-08"), (("Budi Hartono", "Minh Tran"), None)]
    text = ("Vietnamese Foreign Minister Minh Tran met Indonesian President Ari Wijaya on Tuesday. "
            "A day earlier, Tran had also met Indonesian Foreign Minister Dewi Sari.")
    assert {participants: day for _, _, participants, _, day in contacts(text)} == {
        ("Ari Wijaya", "Minh Tran"): "2022-03-08", ("Dewi Sari", "Minh Tran"): "2022-03-07"}


def test_extract_a_country_s_newspapers_are_no_affiliation():
    text = ("Azerbaijan's foreign ministry on Thursday denied a Russian newspaper report that "
            "Foreign Minister Elchin Mammadli would meet his Armenian counterpart.")
    assert {name: government for name, _, government in officials(text)} == {
        "Elchin Mammadli": "Azerbaijan"}


def test_extract_officials_listed_together_sit_on_one_side_unless_two_sides_are_named():
    text = ("Mozambican President Armando Tembe is on a state visit to Vietnam. On Wednesday, "
            "Tembe met National Assembly Chairman Nguyen Van Phuc and Prime Minister Dang Quang "
            "Vinh.")
    governments = {name: government for name, _, government in officials(text)}
    assert governments["Dang Quang Vinh"] == "Vietnam"
    text = ("India and Pakistan agreed to talk. Separately, the two Foreign Secretaries, K. "
            "Raghunath and Shamshad Ahmad, signed a memorandum on Sunday.")
    governments = {name: government for name, _, government in officials(text)}
    assert governments["K. Raghunath"] != governments["Shamshad Ahmad"]


@pytest.mark.parametrize(("text", "speakers"), [
    # the one an address is by speaks, not the one who chairs
    (("The summit, chaired by Swedish Prime Minister Jonas Lind, opened on Thursday with a video "
       "address by Ukrainian Prime Minister Oleh Hrytsenko."), [("Oleh Hrytsenko",)]),
    ("A speech by Ukrainian Prime Minister Oleh Hrytsenko opened the conference.",
     [("Oleh Hrytsenko",)]),
    # a document given as a source has no named speaker
    (("According to a statement from Putrajaya, Malaysian Foreign Minister Zul Hamzah called Thai "
       "Foreign Minister Anan Chai on Tuesday."), []),
    ("In a statement, Malaysian Foreign Minister Zul Hamzah said the talks were useful.",
     [("Zul Hamzah",)]),
    # the one words were announced by speaks, not the official the announcement is about
    (("As announced on Monday by Foreign Ministry Spokesperson Anan Chai, Malaysian Foreign "
      "Minister Zul Hamzah will visit Bangkok."), [("Anan Chai",)]),
    # a joint statement after an opening phrase: every speaker coordinated after its comma,
    # not an official named in what they said
    (("In a joint statement, Malaysian Foreign Minister Zul Hamzah and Thai Foreign Minister "
      "Anan Chai said they had agreed."), [("Zul Hamzah", "Anan Chai")]),
    (("In a statement, Malaysian Foreign Minister Zul Hamzah said Thai Foreign Minister Anan Chai "
      "had agreed."), [("Zul Hamzah",)]),
])
def test_extract_who_speaks_in_a_statement_by_or_according_to(text, speakers):
    assert statement_speakers(text) == speakers


@pytest.mark.parametrize(("text", "speakers"), [
    # names joined by a comma alone are no list: the one before is in another phrase
    (("Prime Minister Kila Aopi is due to travel to Beijing at the invitation of Chinese Premier "
       "Li Qiang, Foreign Minister Rimbink Tau told reporters."), [("Rimbink Tau",)]),
    # an object pronoun before the speaker is no co-speaker
    (("Chinese President Xi Jinping met Kiribati President Teburoro Kaeua and hosted a banquet "
       "for him, spokesperson Guo Lihua told a regular press briefing."), [("Guo Lihua",)]),
])
def test_extract_the_speaker_is_the_subject_not_a_name_before_it(text, speakers):
    assert statement_speakers(text) == speakers


def test_extract_stacked_styles_keep_the_name_s_offsets_and_a_title_after_a_comma_is_a_title():
    text = ("Rwandan Foreign Minister H.E. Dr. Josephine Mukamana met Burundian Foreign Minister "
            "H.E. Mr. Albert Shingiro.")
    extraction = run(text)
    assert [(o.name, o.post, o.government) for o in extraction.officials] == [
        ("Josephine Mukamana", "Foreign Minister", "Rwanda"),
        ("Albert Shingiro", "Foreign Minister", "Burundi")]
    assert {text[m.start:m.end] for m in extract_cast(text)} == {"Josephine Mukamana",
                                                                  "Albert Shingiro"}
    text = ("Iraqi Foreign Minister Fuad Hussein met his Iranian counterpart, Foreign Minister "
            "Hossein Javadi, who was visiting Baghdad.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Fuad Hussein", "Hossein Javadi")]


def test_extract_commonwealth_styles_and_letters_after_a_name_are_no_part_of_it():
    text = ("Samoan Prime Minister Tavita Ioane met the Minister for Pacific Trade, the Hon Marama "
            "Whitcombe MP, on Monday. The Rt Hon Eleanor Pike MP, the Foreign Secretary, called "
            "Governor-General Sir Kauko Tuilagi GCMG.")
    extraction = run(text)
    assert [o.name for o in extraction.officials] == [
        "Tavita Ioane", "Marama Whitcombe", "Eleanor Pike", "Kauko Tuilagi"]
    assert [c.participants for c in extraction.communications] == [
        ("Tavita Ioane", "Marama Whitcombe"), ("Eleanor Pike", "Kauko Tuilagi")]


def test_extract_a_holder_named_without_the_first_given_name_gets_the_full_name():
    text = ("President Tayyip Erdoğan met Ukraine's Infrastructure Minister Petro Halych in "
            "Istanbul. Erdoğan later spoke to reporters.")
    extraction = run(text, dt.date(2022, 7, 22))
    assert [o.name for o in extraction.officials] == ["Recep Tayyip Erdoğan", "Petro Halych"]
    assert extraction.communications[0].participants == ("Recep Tayyip Erdoğan", "Petro Halych")


def test_extract_a_verb_s_coordinated_objects_each_had_the_call_named_after_them():
    text = ("Kenyan President Daniel Otieno thanked Ghana's Foreign Minister Ama Mensah and "
            "Ugandan President Joseph Okello in separate telephone calls.")
    assert [(mode, participants) for mode, _, participants, _, _ in contacts(text)] == [
        ("phone", ("Ama Mensah", "Daniel Otieno")), ("phone", ("Daniel Otieno", "Joseph Okello"))]


def test_extract_naval_and_air_ranks_are_titles_before_a_name():
    text = ("Foreign Minister Aroha Tane hosted talks between the Prime Minister of Fiji, Sitiveni "
            "Lala, and the military commander, Commodore Josefa Vosa, on Monday.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Aroha Tane", "Josefa Vosa", "Sitiveni Lala")]


def test_extract_former_holders_are_officials_only_when_they_take_part_or_serve_today():
    guests = ("President Amara Diallo spoke at the funeral. Former Presidents Moussa Keita and "
              "Ibrahim Sow sat among the guests, as did the former prime minister Awa Ndiaye.")
    assert [name for name, _, _ in officials(guests)] == ["Amara Diallo"]
    # a former holder who takes part, or whom the text gives a role today, stays
    envoy = ("Former Ghanaian President Kofi Mensah, the African Union's envoy, arrived. Former "
             "president Jean Bamba, who represents Mali in the group, waited.")
    assert [name for name, _, _ in officials(envoy)] == ["Kofi Mensah", "Jean Bamba"]
    talks = "Former prime minister Awa Ndiaye met President Amara Diallo on Monday."
    assert [name for name, _, _ in officials(talks)] == ["Awa Ndiaye", "Amara Diallo"]


def test_extract_a_relative_clause_naming_others_does_not_take_the_speech_of_its_antecedent():
    text = ("President Amara Diallo, who flew in overnight with a delegation that included Foreign "
            "Minister Ibrahim Sow, delivered a 10-minute eulogy.")
    assert [(c.mode.value, c.participants) for c in run(text).communications] == [
        ("speech", ("Amara Diallo",))]


def test_extract_a_dateline_dates_the_report_not_the_events_of_its_sentence():
    text = ("LIMA, Dec 11 — President Ana Ruiz was sworn in on Sunday before a guest list that "
            "said as much about her foreign policy as her inaugural address did.")
    assert statements(text, dt.date(2023, 12, 11)) == {("speech", ("Ana Ruiz",), "2023-12-10")}


def test_extract_a_group_stands_for_the_officials_of_the_main_clauses():
    text = ("The plan was carried by two envoys: President Aino Virtanen of Finland, and Pavel "
            "Orlov, the former prime minister whom President Ivan Sokolov appointed as his envoy. "
            "The two men spent several hours with President Milan Petrovic on Wednesday.")
    assert [name for name, _, _ in officials(text)] == [
        "Aino Virtanen", "Pavel Orlov", "Ivan Sokolov", "Milan Petrovic"]
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Aino Virtanen", "Milan Petrovic", "Pavel Orlov")]


def test_extract_a_profile_s_pronoun_with_nobody_before_it_is_its_subject():
    text = ("How Sergei Lavrov outlasted his counterparts\n\n"
            "Russian Foreign Minister Sergei Lavrov has held his post since 2004. In Antalya in "
            "2021 Ukraine's foreign minister, Dmytro Kuleba, sat down with him. Contacts with "
            "Washington shrank to the minimum. That July US Secretary of State Antony Blinken "
            "telephoned him.")
    assert [c[2] for c in contacts(text)] == [
        ("Dmytro Kuleba", "Sergei Lavrov"), ("Antony Blinken", "Sergei Lavrov")]
    # a headline naming two has no one subject: the pronoun is the subject named last
    two = text.replace("How Sergei Lavrov outlasted his counterparts",
                       "Sergei Lavrov and Dmytro Kuleba")
    assert [c[2] for c in contacts(two)][1:] == [("Antony Blinken", "Dmytro Kuleba")]


def test_extract_an_initialism_of_a_post_stands_for_its_holder():
    text = ("External Affairs Minister Dr. S. Jaishankar visited Sri Lanka at the invitation of the "
            "Minister of Foreign Affairs of Sri Lanka, Mr. Ali Sabry. EAM also called on Prime "
            "Minister Dinesh Gunawardena on Friday.")
    assert [c[2] for c in contacts(text)][-1] == ("Dinesh Gunawardena", "S. Jaishankar")
    assert officials(text)[0] == ("S. Jaishankar", "External Affairs Minister", "India")


def test_extract_a_title_with_a_style_of_address_refers_back():
    text = ("Bangladesh Prime Minister Sheikh Hasina arrived in New Delhi on Friday. Vice President "
            "of India Jagdeep Dhankhar called on the Hon'ble Prime Minister at Hyderabad House.")
    assert [c[2] for c in contacts(text)] == [("Jagdeep Dhankhar", "Sheikh Hasina")]


def test_extract_a_call_one_made_to_another_is_between_them():
    text = ("Secretary of State Antony Blinken arrived in Mexico City on Wednesday. It follows the "
            "telephone call that President Joe Biden made to President Andrés Manuel López "
            "Obrador on 21 December.")
    assert [(c[0], c[2]) for c in contacts(text, dt.date(2023, 12, 27)) if len(c[2]) > 1] == [
        ("phone", ("Andrés Manuel López Obrador", "Joe Biden"))]


def test_extract_a_style_in_an_official_s_own_name_says_nothing_of_gender():
    text = ("Bangladesh Prime Minister Sheikh Hasina arrived in New Delhi on Friday with Foreign "
            "Minister Hasan Mahmud. Indian Vice President Jagdeep Dhankhar called on her at "
            "Hyderabad House on Saturday.")
    assert [c[2] for c in contacts(text, dt.date(2024, 6, 22)) if len(c[2]) == 2][-1] == (
        "Jagdeep Dhankhar", "Sheikh Hasina")


def test_extract_hours_spent_together_are_a_meeting():
    text = ("On Wednesday President Gerald Ford and Soviet leader Leonid Brezhnev spent more "
            "than three hours together at the residence of the American ambassador.")
    assert [c[:3] for c in contacts(text, dt.date(1975, 8, 1))] == [
        ("meeting", "occurred", ("Gerald Ford", "Leonid Brezhnev"))]


@pytest.mark.parametrize("place", ["at the station", "at the hotel", "on arrival"])
def test_extract_a_passive_welcome_at_a_place_is_with_its_agent(place):
    text = (f"Prime Minister Haruto Sato was welcomed {place} by Foreign Minister Olena Koval on "
            "Monday.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Haruto Sato", "Olena Koval")]


def test_extract_a_passive_signing_is_a_meeting_of_its_signatories_and_those_present():
    text = ("The agreement was signed at the palace by Trade Minister Rangi Parata and Commerce "
            "Minister Li Wen, in the presence of Prime Minister Aroha Tane and Premier Zhou Ming.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Aroha Tane", "Li Wen", "Rangi Parata", "Zhou Ming")]
    # one signatory is no meeting
    assert contacts("The decree was signed by President Aroha Tane on Monday.") == []


def test_extract_the_two_ministers_may_hold_cabinet_posts_of_other_names():
    text = ("Trade Representative Jane Holt and Ken Mori, Japan's Minister of Trade, announced the "
            "deal. The two ministers began talks in Geneva on Monday, taking over from their "
            "deputies, Deputy Trade Representative Ann Bell and Vice Minister Jiro Abe.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Jane Holt", "Ken Mori")]


def test_extract_the_ministers_are_not_the_prime_minister_they_met():
    text = ("Foreign Minister Ali Alatas, Foreign Secretary Domingo Siazon and Foreign Minister "
            "Prachuab Chaiyasan held talks with Prime Minister Hun Sen on Saturday. On Sunday the "
            "three ministers were received in Beijing by King Norodom Sihanouk.")
    assert [participants for _, _, participants, _, _ in contacts(text, dt.date(1997, 7, 21))][1] \
        == ("Ali Alatas", "Domingo Siazon", "Norodom Sihanouk", "Prachuab Chaiyasan")


@pytest.mark.parametrize("words", ["said in his toast that", "told the mourners that",
                                   "made welcoming remarks, saying that"])
def test_extract_ceremonial_speech(words):
    text = f"President Amara Diallo {words} the two nations were friends."
    assert statements(text) == {("speech", ("Amara Diallo",), None)}


@pytest.mark.parametrize("chamber", ["House of Commons", "House of Representatives",
                                     "Chamber of Deputies"])
def test_extract_a_chamber_of_parliament_is_a_post_s_scope(chamber):
    text = f"The Speaker of the {chamber}, Tom Reed, made welcoming remarks."
    assert [(name, post) for name, post, _ in officials(text)] == [
        ("Tom Reed", f"Speaker of the {chamber}")]


def test_extract_an_opening_phrase_with_a_day_still_gives_the_speaker_after_it():
    text = ("In an interview with radio Cooperativa later that day, Chilean Foreign Minister Pablo "
            "Echeverría said he was optimistic.")
    assert [(c.mode.value, c.participants) for c in run(text).communications] == [
        ("interview", ("Pablo Echeverría",))]


@pytest.mark.parametrize(("text", "statements"), [
    # a name after "said" followed by its own verb is what was said, not who said it
    ("Separately, the Armenian government said Prime Minister Arsen Petrosyan had cancelled a trip.",
     []),
    ('"We are ready," said Prime Minister Arsen Petrosyan.', [("Arsen Petrosyan",)]),
    # willingness to talk is no talk
    (('"We welcome the willingness of both sides to talk," Kenyan envoy Joachim Kariuki told '
       'reporters after meeting Ethiopian Foreign Minister Tadesse Worku.'), [("Joachim Kariuki",)]),
])
def test_extract_what_was_said_is_not_who_said_it(text, statements):
    extraction = run(text)
    assert [c.participants for c in extraction.communications
            if c.kind.value == "statement"] == statements
    assert all(c.status.value == "occurred" for c in extraction.communications)


@pytest.mark.parametrize(("text", "speakers"), [
    # a body after the official named last is the new subject; an apposition titling him is not
    (("Kenyan envoy Joachim Kariuki was received by Somali President Abdiweli Nur, the AU said in "
       "a statement."), []),
    ("Somali President Abdiweli Nur, the AU envoy, said in a statement that peace was near.",
     [("Abdiweli Nur",)]),
])
def test_extract_a_body_speaking_after_an_official_is_no_official(text, speakers):
    assert statement_speakers(text) == speakers


@pytest.mark.parametrize(("text", "expected"), [
    (("Armenian Prime Minister Arsen Petrosyan had cancelled a planned trip to Brussels, where he "
       "had been due to meet European Council President Marc Lindqvist."), []),
    (("After postponing a visit last week, Armenian Prime Minister Arsen Petrosyan met European "
       "Council President Marc Lindqvist on Monday."), [("Arsen Petrosyan", "Marc Lindqvist")]),
])
def test_extract_what_a_cancelled_journey_was_for_did_not_happen(text, expected):
    assert [participants for _, _, participants, _, _ in contacts(text)] == expected


def test_extract_a_letter_carried_to_nobody_named_is_no_letter_to_its_carrier():
    # a headline: the recipient is only a title not yet resolved
    text = ("Angolan Foreign Minister Tete Antonio delivers a message from President Joao Lourenco "
            "to the President of Rwanda")
    assert contacts(text) == []


@pytest.mark.parametrize("text", [
    ("Angolan Foreign Minister Tete Antonio delivered a message from President Joao Lourenco to "
     "Rwandan President Paul Kagame."),
    ("Angolan Foreign Minister Tete Antonio handed Rwandan President Paul Kagame a letter from "
     "President Joao Lourenco."),
    ("Rwandan President Paul Kagame received Angolan Foreign Minister Tete Antonio, who delivered "
     "a message from President Joao Lourenco."),
    ("Rwandan President Paul Kagame received a message from Angolan President Joao Lourenco, "
     "delivered by Foreign Minister Tete Antonio."),
    # a day and a place before the letter; its sender named as a counterpart
    ("Rwandan President Paul Kagame received on Wednesday, in Kigali, a message from his "
     "counterpart of the Republic of Angola, Joao Lourenco, delivered by Foreign Minister Tete "
     "Antonio."),
    # any letter noun "from" its sender, the carrier in a relative clause on the meeting
    ("Angolan Foreign Minister Tete Antonio was received by Rwandan President Paul Kagame, where "
     "he delivered a written message from President Joao Lourenco, President of Angola."),
])
def test_extract_a_carried_letter_goes_from_sender_to_recipient_and_the_carrier_meets_him(text):
    assert sorted((mode, participants, initiator) for mode, _, participants, initiator, _
                  in contacts(text)) == [
        ("correspondence", ("João Lourenço", "Paul Kagame"), "João Lourenço"),
        ("meeting", ("Paul Kagame", "Téte António"), "Téte António")]


@pytest.mark.parametrize(("text", "expected"), [
    (("Egyptian President Omar Nabil hosted a summit on Gaza in Cairo on Monday. Jordan's King "
       "Abdullah II and Palestinian President Mahmoud Abbas attended."),
     [("Abdullah II", "Mahmoud Abbas", "Omar Nabil")]),
    (("Egyptian President Omar Nabil chaired the summit in Cairo on Monday. Jordan's King Abdullah "
       "II, Palestinian President Mahmoud Abbas and Qatari Emir Tamim bin Hamad took part."),
     [("Abdullah II", "Mahmoud Abbas", "Omar Nabil", "Tamim bin Hamad")]),
    # an event "hosted by" its host, in an apposition on it, as one "chaired by"
    (("The summit, hosted by Egyptian President Omar Nabil, opened in Cairo on Monday. Jordan's "
      "King Abdullah II attended."), [("Abdullah II", "Omar Nabil")]),
    (("Egyptian President Omar Nabil chaired a cabinet meeting on Monday. Also present was Prime "
       "Minister Mostafa Madbouly."), [("Mostafa Madbouly", "Omar Nabil")]),
    # convened and presided over, like chaired
    (("Egyptian President Omar Nabil convened a session on Gaza in Cairo on Monday. Jordan's King "
      "Abdullah II and Palestinian President Mahmoud Abbas attended."),
     [("Abdullah II", "Mahmoud Abbas", "Omar Nabil")]),
    (("Egyptian President Omar Nabil presided over the summit in Cairo on Monday. Palestinian "
      "President Mahmoud Abbas took part."), [("Mahmoud Abbas", "Omar Nabil")]),
    # an event chaired by someone (a passive, "under the chairmanship of", "under X's
    # chairmanship") is open to its attendees too, and "as did" adds one
    (("The Arab League summit, chaired by Egyptian President Omar Nabil, ran late on Monday. "
      "Jordan's King Abdullah II and Palestinian President Mahmoud Abbas attended."),
     [("Abdullah II", "Mahmoud Abbas", "Omar Nabil")]),
    (("The leaders met on Monday under the chairmanship of Egyptian President Omar Nabil. Jordan's "
      "King Abdullah II took part, as did Palestinian President Mahmoud Abbas."),
     [("Abdullah II", "Mahmoud Abbas", "Omar Nabil")]),
    (("Egyptian President Omar Nabil arrived early. The leaders met on Monday under Nabil's "
      "chairmanship. Present were Jordan's King Abdullah II and Palestinian President Mahmoud "
      "Abbas."), [("Abdullah II", "Mahmoud Abbas", "Omar Nabil")]),
    # the attendees listed with an apposition in lower case before the last one
    (("Egyptian President Omar Nabil chaired the session on Monday. Around the table sat Jordan's "
      "King Abdullah II, Karim Aziz, director-general of the Jordanian foreign ministry's Asian "
      "Affairs Bureau, and Palestinian President Mahmoud Abbas."),
     [("Abdullah II", "Karim Aziz", "Mahmoud Abbas", "Omar Nabil")]),
    # an event nobody is named attending is no contact
    ("Egyptian President Omar Nabil hosted a summit on Monday. He said peace was near.", []),
    ("The summit, chaired by Egyptian President Omar Nabil, ran late on Monday.", []),
])
def test_extract_attendees_named_after_a_hosted_event_join_it(text, expected):
    found = contacts(text)
    assert [participants for _, _, participants, _, _ in found] == expected
    assert all(initiator == "Omar Nabil" for _, _, _, initiator, _ in found)


@pytest.mark.parametrize(("text", "expected"), [
    # "is also due to": an adverb inside a cue leaves it one
    (("Kenyan President William Ruto flew to Dodoma and is also due to meet Tanzanian President "
       "Samia Suluhu Hassan."), [("planned", ("Samia Suluhu Hassan", "William Ruto"))]),
    # congratulations received are no meeting
    (("South African President Cyril Ramaphosa received congratulations from Kenyan President "
       "William Ruto."), []),
    # a visit postponed earlier does not cancel a meeting held since
    (("Russian Foreign Minister Sergei Lavrov postponed a visit to Serbia last month, but met "
       "Serbian President Aleksandar Vučić in Moscow."),
     [("occurred", ("Aleksandar Vučić", "Sergei Lavrov"))]),
    # attending another event named with its own place or day joins no hosted one
    (("Egyptian President Omar Nabil chaired a cabinet meeting on Sunday. Egyptian Foreign "
       "Minister Sameh Shoukry attended the Arab League summit in Algiers."), []),
    # those who welcome together, or are welcomed together, meet nobody by it
    (("Australian Foreign Minister Penny Wong and New Zealand Foreign Minister Nanaia Mahuta "
       "welcomed the deal."), []),
    # three names joined by commas are a list; two are not
    (("Russian President Vladimir Putin, Belarusian President Alexander Lukashenko, Kazakh "
       "President Kassym-Jomart Tokayev met in Moscow."),
     [("occurred", ("Alexander Lukashenko", "Kassym-Jomart Tokayev", "Vladimir Putin"))]),
])
def test_extract_limits_of_this_session_s_mechanisms(text, expected):
    assert [(status, participants) for _, status, participants, _, _ in contacts(text)] == expected


@pytest.mark.parametrize(("after", "day"), [
    ("Two days after the meeting,", "2022-03-10"), ("A day after the talks,", "2022-03-09"),
    ("Two days later,", "2022-03-10"), ("A day earlier,", "2022-03-07"),
])
def test_extract_days_counted_from_the_narrative_s_event(after, day):
    text = ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan on Tuesday. "
            f"{after} Ruto spoke by phone with Ugandan President Yoweri Museveni.")
    assert [d for mode, _, _, _, d in contacts(text) if mode == "phone"] == [day]


def test_extract_a_visit_of_several_days_fixes_no_day_for_what_happens_during_it():
    text = ("Vietnamese Foreign Minister Minh Tran arrived in Jakarta on Monday for a three-day "
            "visit. During the visit, Tran met Indonesian President Ari Wijaya.")
    assert [day for _, _, _, _, day in contacts(text)] == [None]


def test_extract_a_range_of_days_elsewhere_leaves_a_visit_s_day():
    text = ("Togolese President Faure Gnassingbé attended the AU summit from 5 to 6 February. On "
            "Thursday, Ghanaian President Nana Akufo-Addo received Gnassingbé in Accra. During the "
            "visit, Gnassingbé also met Ghanaian Foreign Minister Shirley Botchwey.")
    assert [day for _, _, _, _, day in contacts(text)] == ["2022-03-10", "2022-03-10"]


def test_extract_a_traveller_carrying_a_letter_and_media_speaking_after_it():
    text = ("Oman's foreign minister, Sayyid Khalid Al Busaidi, arrived in Tehran on Wednesday "
            "carrying a message from Sultan Haitham bin Tarik to Iranian President Masoud Rezaei, "
            "Iranian state media said.")
    assert [(c.kind.value, c.mode.value, c.participants) for c in run(text).communications] == [
        ("contact", "correspondence", ("Masoud Rezaei", "Haitham bin Tarik")),
        ("contact", "meeting", ("Khalid Al Busaidi", "Masoud Rezaei"))]


@pytest.mark.parametrize("recall", [
    "The meeting, attended by", "The meeting, which was attended by", "In the meeting, attended by",
    "The audience was attended by", "At the start of the talks, attended by"])
def test_extract_those_attending_a_recalled_meeting_join_it(recall):
    text = ("Kuwaiti Foreign Minister Abdullah Al-Yahya received Iranian Foreign Minister Abbas "
            f"Araghchi on Monday. {recall} Kuwaiti Prime Minister Ahmad Al-Sabah and "
            "Deputy Foreign Minister Mansour Al-Otaibi, focused on regional security.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Abbas Araghchi", "Abdullah Al-Yahya", "Ahmad Al-Sabah", "Mansour Al-Otaibi")]


def test_extract_those_attending_join_a_meeting_reported_paragraphs_before():
    text = ("King Faisal II received Finnish Foreign Minister Kaarlo Mäki in Amman on Friday.\n\n"
            "The King stressed the need to protect civilians.\n\n"
            "The meeting, which was attended by Foreign Minister Omar Haddad and Chief of the "
            "Royal Court Sami Rifai, also covered aid to Gaza.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Faisal II", "Kaarlo Mäki", "Omar Haddad", "Sami Rifai")]


def test_extract_a_list_of_attendees_a_colon_announces():
    text = ("1. The Extraordinary Summit was held in Maputo on Wednesday under the chairmanship "
            "of His Excellency Carlos Mabunda, President of the Republic of Mozambique.\n\n"
            "2. Summit was attended by the following Heads of State and Government: His "
            "Excellency Dr Tebogo Sello, President of the Republic of Botswana and Chairperson of "
            "the SADC Organ on Politics, Defence and Security; His Excellency Peter Banda, "
            "President of the Republic of Malawi; and Her Excellency Grace Moyo, President of "
            "the Republic of Zimbabwe.")
    assert [set(participants) for _, _, participants, _, _ in contacts(text)] == [
        {"Carlos Mabunda", "Tebogo Sello", "Peter Banda", "Grace Moyo"}]
    assert "Organ" not in [name for name, _, _ in officials(text)]


def test_extract_a_partner_after_with_and_a_long_title_of_a_state_s_body():
    text = ("The Chairperson of the Commission, H.E. Amadou Diallo, held separate telephone "
            "conversations yesterday with the Chairman of the Transitional Sovereignty Council of "
            "the Republic of the Sudan, General Osman Hamid, and with the Commander of the Rapid "
            "Support Forces, General Idris Kamal.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Amadou Diallo", "Osman Hamid"), ("Amadou Diallo", "Idris Kamal")]


def test_extract_a_partner_after_a_title_s_country_and_a_repeated_with():
    text = ("Prime Minister Tom Hale spoke with President Ivan Petrenko of Ukraine and with "
            "President Joe Biden on Saturday.")
    assert [set(participants) for _, _, participants, _, _ in contacts(text)] == [
        {"Tom Hale", "Ivan Petrenko"}, {"Tom Hale", "Joe Biden"}]


@pytest.mark.parametrize("clause", [
    "which UN Secretary-General Kofi Annan also attended",
    "at which UN Secretary-General Kofi Annan was also present",
    "in which UN Secretary-General Kofi Annan took part"])
def test_extract_those_a_relative_clause_on_the_event_says_attended_join_it(clause):
    text = ("Prime Minister Ehud Barak held a short meeting on Wednesday with French President "
            f"Jacques Chirac, {clause}.")
    assert [set(participants) for _, _, participants, _, _ in contacts(text)] == [
        {"Ehud Barak", "Jacques Chirac", "Kofi Annan"}]


def test_extract_a_companion_on_a_journey_holds_its_planned_talks_too():
    text = ("NATO Secretary-General Lars Berg would travel to Belgrade soon, accompanied by Gen. "
            "Tom Reed, NATO's supreme commander in Europe, for follow-up talks with Yugoslav "
            "President Milan Petrovic.")
    assert ("meeting", "planned", {"Lars Berg", "Milan Petrovic", "Tom Reed"}) in [
        (mode, status, set(participants)) for mode, status, participants, _, _ in contacts(text)]


@pytest.mark.parametrize("text", [
    "Indian Deputy High Commissioner Ravi Sen was called in to the Foreign Office in Islamabad.",
    ("Indian Deputy High Commissioner Ravi Sen was summoned on Friday to the Pakistani foreign "
     "ministry."),
    "On Friday Pakistan's foreign ministry summoned Indian Deputy High Commissioner Ravi Sen.",
    "On Friday the Pakistani foreign ministry called in Indian Deputy High Commissioner Ravi Sen."])
def test_extract_an_envoy_summoned_meets_the_unnamed_officials_of_the_summoning_state(text):
    assert [(c.mode.value, c.participants, c.counterpart_governments, c.initiator)
            for c in run(text).communications] == [
        ("meeting", ("Ravi Sen",), ("Pakistan",), None)]


@pytest.mark.parametrize("text, counterparts", [
    # a body named with capitals, of its country or of none the text gives
    ("India's Ministry of External Affairs summoned Canadian High Commissioner Ravi Sen.",
     ("India",)),
    ("The State Department summoned Chinese Ambassador Ravi Sen on Monday.", ("United States",)),
    ("The Foreign Office summoned Indian High Commissioner Ravi Sen on Monday.", ()),
    # a country by name as the subject, or a body of another as the object
    ("On Monday Pakistan summoned Indian High Commissioner Ravi Sen.", ("Pakistan",)),
    ("Indian High Commissioner Ravi Sen telephoned the Pakistani Foreign Ministry on Monday.",
     ("Pakistan",)),
    ("Indian High Commissioner Ravi Sen met officials at the Pakistani foreign ministry.",
     ("Pakistan",))])
def test_extract_a_government_or_its_body_is_the_other_side_of_one_official(text, counterparts):
    assert [(c.participants, c.counterpart_governments) for c in run(text).communications] == [
        (("Ravi Sen",), counterparts)]


@pytest.mark.parametrize("text", [
    "On Saturday Foreign Minister Ravi Sen met with heads of diplomatic missions accredited in Delhi.",
    "Foreign Minister Ravi Sen is to brief Delhi's diplomatic corps on the talks this afternoon."])
def test_extract_the_envoys_accredited_together_are_the_other_side_of_one_official(text):
    assert [c.participants for c in run(text).communications] == [("Ravi Sen",)]


@pytest.mark.parametrize("text", [
    "UN envoy Ravi Sen will brief the Security Council later in the week.",
    "UN envoy Ravi Sen briefed the UN Security Council on Monday."])
def test_extract_an_organisation_s_members_briefed_are_the_other_side(text):
    assert [(c.participants, c.counterpart_governments) for c in run(text).communications] == [
        (("Ravi Sen",), ("United Nations",))]


def test_extract_a_meeting_of_an_organisation_s_ministers_attended_is_no_briefing_of_them():
    text = ("The Foreign Secretary, Ravi Sen, would welcome the opportunity to attend a meeting "
            "of EU foreign ministers.")
    assert [c for c in run(text).communications if c.kind.value == "contact"] == []


def test_extract_an_official_s_own_government_is_no_other_side():
    text = ("The Chinese government briefed the White House on the visit, through a personal "
            "message from President Xi Jinping.")
    assert run(text).communications == ()


def test_extract_a_news_conference_answered_by_several_is_one_statement_of_them_all():
    text = ("At a news conference after the signing, President Ali Sen, President Tom Hale and "
            "President Paul Roy answered questions from journalists.")
    assert [(c.mode.value, set(c.participants)) for c in run(text).communications] == [
        ("press_briefing", {"Ali Sen", "Tom Hale", "Paul Roy"})]


@pytest.mark.parametrize("questions", ["took questions from reporters",
                                       "fielded questions from the press"])
def test_extract_taking_questions_side_by_side_is_a_joint_press_briefing(questions):
    text = f"President Tom Hale and President Paul Roy stood side by side and {questions}."
    assert [(c.mode.value, set(c.participants)) for c in run(text).communications] == [
        ("press_briefing", {"Tom Hale", "Paul Roy"})]


@pytest.mark.parametrize(("recalled", "date"), [
    ("The two ministers last met in person in Riga.", None),
    # ... but "at last" is no earlier time
    ("At last the two ministers met in person in Riga.", dt.date(2023, 11, 20))])
def test_extract_a_contact_recalled_as_the_last_takes_no_day_of_the_narrative(recalled, date):
    text = ("Foreign Minister Ana Ruiz called Foreign Minister Ravi Sen on Monday. "
            f"{recalled}")
    meetings = [c for c in run(text, dt.date(2023, 11, 21)).communications
                if c.mode.value == "meeting"]
    assert [c.date for c in meetings] == [date]


def test_extract_one_call_held_with_several_is_one_call_of_them_all():
    text = ("President Tom Hale held a call on Saturday with French President Paul Roy, German "
            "Chancellor Eva Roth and British Prime Minister Alan Price.")
    assert [set(participants) for _, _, participants, _, _ in contacts(text)] == [
        {"Tom Hale", "Paul Roy", "Eva Roth", "Alan Price"}]
    # ... while calling several is a call each
    text = "President Tom Hale called French President Paul Roy and German Chancellor Eva Roth."
    assert len(contacts(text)) == 2


@pytest.mark.parametrize("journey", [
    "rode to the Imperial Palace in a horse-drawn carriage on Tuesday",
    "walked onto the tarmac at the airport on Tuesday"])
def test_extract_a_journey_s_purpose_done_on_it_occurred(journey):
    text = f"US Ambassador Carol Hanson {journey} to present her credentials to Emperor Akito."
    assert [(status, day) for _, status, _, _, day in contacts(text)] == [
        ("occurred", "2022-03-08")]


def test_extract_a_verb_coordinated_with_a_planned_one_is_planned():
    text = ("Chinese President Xi Jinping will hold talks with Kiribati President Teburoro Kaeua "
            "and host a banquet for him.")
    assert [status for _, status, _, _, _ in contacts(text)] == ["planned"]


def test_extract_a_relative_clause_set_off_by_commas_ends_at_its_comma():
    text = ("Kyrgyz Foreign Minister Nurlan Abdykadyrov, who arrived in the Kazakh capital on "
            "Tuesday, is also due to meet Prime Minister Aidar Kenzhebekov on Thursday.")
    assert contacts(text) == [("meeting", "planned", ("Aidar Kenzhebekov", "Nurlan Abdykadyrov"),
                               "Nurlan Abdykadyrov", "2022-03-17")]


def test_extract_a_title_after_an_exchange_names_the_other_party():
    text = ("Indonesian President Joko Widodo met Vladimir Putin on Thursday. He handed Putin a "
            "message from the Ukrainian president.")
    governments = {name: government for name, _, government in officials(text)}
    assert governments["Vladimir Putin"] != "Ukraine"


@pytest.mark.parametrize(("text", "published", "name", "government"), [
    # where an official is or goes stands for no government of theirs
    (("The United States wants the talks to go on. Jane Odera, a senior adviser, told reporters "
      "in Nairobi on Saturday that Washington would wait."), PUBLISHED, "Jane Odera",
     "United States"),
    ("Jane Odera, a senior adviser, visited Kenya on Saturday, Washington said.", PUBLISHED,
     "Jane Odera", "United States"),
    # where their office sits does
    (("The trip was announced on Friday by a foreign ministry spokesman in Berlin, Karl Weber, who "
      "said that the questions of Moscow would be on the agenda."), PUBLISHED, "Karl Weber",
     "Germany"),
    # the owner of an office gives its staff their government
    (("Ukrainian President Volodymyr Zelensky spoke on Sunday. Ihor Zhovkva, deputy head of "
      "Zelensky's office, told reporters in Moscow that Russia must withdraw."), PUBLISHED,
     "Ihor Zhovkva", "Ukraine"),
    # a former holder represents whom the text says now: Barnier was France's foreign minister
    # in 2004-05; here he negotiates for the Commission
    (("Ursula von der Leyen, the Commission president, and her chief negotiator, Michel Barnier, "
      "met the British delegation on Monday."), dt.date(2020, 3, 1), "Michel Barnier",
     "European Union"),
    # a country before an untitled name titles it only as a demonym
    (("The last Israeli envoy to make an official trip to Egypt was Dan Shalev, who held talks "
      "with President Hosni Mubarak in Sharm el-Sheikh."), PUBLISHED, "Dan Shalev", "Israel"),
])
def test_extract_governments_of_untitled_or_staff_officials_come_from_evidence_about_them(
        text, published, name, government):
    governments = {o.name: o.government for o in run(text, published).officials}
    assert governments[name] == government


def test_extract_a_surname_two_holders_share_names_the_one_the_article_named_in_full():
    # Ibrahim al-Jaafari (Iraq's foreign minister) and Bashar al-Jaafari (Syria's UN envoy) were
    # both in office in 2017.
    text = ("Bashar al-Jaafari, Syria's envoy, arrived in Astana on Sunday. Jaafari told reporters "
            "that the talks were serious.")
    extraction = run(text, dt.date(2017, 1, 23))
    assert [(o.name, o.government) for o in extraction.officials] == [("Bashar al-Jaafari", "Syria")]
    briefings = [c for c in extraction.communications if c.mode.value == "press_briefing"]
    assert [c.participants for c in briefings] == [("Bashar al-Jaafari",)]


def test_extract_a_prince_by_his_given_name_is_the_royal_not_a_namesake():
    text = ("Saudi Foreign Minister Prince Faisal bin Farhan spoke. Syrian Foreign Minister Faisal "
            "Mekdad came to Jeddah. Prince Faisal travelled to Damascus on April 18 and was "
            "received by Syrian President Bashar al-Assad.")
    assert [c[2] for c in contacts(text, dt.date(2023, 5, 20))] == [
        ("Bashar al-Assad", "Faisal bin Farhan")]


@pytest.mark.parametrize(("text", "expected"), [
    # a surname two officials of the article share keeps standing for the one it stood for
    (("Chinese Foreign Minister Wang Yi arrived in Honiara on Thursday. Wang said the pact was "
      "peaceful. Spokesman Wang Wenbin defended it in Beijing. Wang met Solomon Islands Prime "
      "Minister Manasseh Sogavare on Friday."), ("Manasseh Sogavare", "Wang Yi")),
    # ... and for the one named first when it has not stood for anyone yet
    (("Chinese Foreign Minister Wang Yi arrived in Honiara on Thursday. Spokesman Wang Wenbin "
      "defended the pact in Beijing. Wang met Solomon Islands Prime Minister Manasseh Sogavare "
      "on Friday."), ("Manasseh Sogavare", "Wang Yi")),
    # ... but a namesake named in the same sentence just before it is the one meant
    (("Chinese Foreign Minister Wang Yi arrived in Honiara on Thursday. Spokesman Wang Wenbin "
      "flew in later, and Wang met Solomon Islands Prime Minister Manasseh Sogavare on "
      "Friday."), ("Manasseh Sogavare", "Wang Wenbin")),
])
def test_extract_a_surname_two_officials_share_names_the_one_meant(text, expected):
    assert [c[2] for c in contacts(text) if len(c[2]) > 1] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # spokespeople, envoys and security advisers of the gazetteer, named without a title
    ("The Kremlin will answer in due course, Peskov told reporters on Friday.",
     [("Dmitry Peskov", "Spokesperson", "Russia")]),
    ("Ajit Doval met Chinese Foreign Minister Wang Yi in Beijing on Tuesday.",
     [("Ajit Doval", "National Security Adviser", "India"), ("Wang Yi", "Foreign Minister", "China")]),
])
def test_extract_office_holders_beyond_leaders_and_foreign_ministers(text, expected):
    assert [(o.name, o.post, o.government) for o in run(text).officials] == expected


def test_extract_a_name_differing_from_a_holder_s_beyond_the_given_name_is_someone_else():
    # Kim Il Chol was North Korea's defence minister; Kim Yong Chol is not him.
    text = "Kim Yong Chol travelled to Washington and met President Donald Trump."
    names = [o.name for o in run(text, dt.date(2019, 1, 18)).officials]
    assert names == ["Kim Yong Chol", "Donald Trump"]


def test_extract_a_surname_is_no_holder_of_another_government():
    # The Maldives had a President Mohamed Waheed Hassan in 2013; Somalia's President Hassan is
    # not him, while a President Hassan the text places nowhere may be.
    found = run("Somali President Hassan met Kenyan President Ruto.", dt.date(2013, 3, 11))
    assert [(o.name, o.government) for o in found.officials][:1] == [("Hassan", "Somalia")]


@pytest.mark.parametrize(("text", "name", "government"), [
    # the members of a group its demonym places
    (("Mr Putin brought the Syrian leader into a room with the Russian top brass, including the "
      "Defence Minister, Pavel Orlov, and the Chief of the General Staff, Ivan Sokolov, where Mr "
      "Assad thanked them."), "Ivan Sokolov", "Russia"),
    # a delegation led by one official and including another
    (("On June 26 a delegation led by Eritrean Foreign Minister Osman Saleh and including Yemane "
      "Tesfay arrived in Addis Ababa, where Ethiopian Prime Minister Abiy Ahmed greeted them."),
     "Yemane Tesfay", "Eritrea"),
])
def test_extract_members_included_in_a_group_take_its_government(text, name, government):
    assert {n: g for n, _, g in officials(text)}[name] == government


@pytest.mark.parametrize(("source", "date"), [("government readout", dt.date(2018, 9, 18)),
                                              ("wire report", None)])
def test_extract_a_readout_reports_the_day_it_is_published_unless_it_says_otherwise(source, date):
    text = ("Telephone conversation with the Prime Minister of Israel\n\n"
            "Vladimir Putin had a telephone conversation with Prime Minister of Israel Benjamin "
            "Netanyahu. The conversation was initiated by the Israeli side.\n\n"
            "The two leaders had met in Moscow in July.")
    article = Article(Meta(id="t", published=dt.date(2018, 9, 18), source=source), text)
    calls = [c for c in extract(article).communications if c.mode.value == "phone"]
    assert [(c.participants, c.date) for c in calls] == \
        [(("Vladimir Putin", "Benjamin Netanyahu"), date)]


def statements(text: str, published: dt.date | None = PUBLISHED) -> set[tuple]:
    return {(c.mode.value, tuple(sorted(c.participants)), c.date.isoformat() if c.date else None)
            for c in run(text, published).communications if c.kind.value == "statement"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US President Joe Biden congratulated the winner in a written statement on Sunday.",
         {("press_statement", ("Joe Biden",), "2022-03-06")}),
        ("Statement attributable to State Department Spokesperson Ned Price on the visit.",
         {("press_statement", ("Ned Price",), None)}),
        ("Russian Foreign Minister Sergey Lavrov gave his own version to reporters on Friday.",
         {("press_briefing", ("Sergey Lavrov",), "2022-03-11")}),
        # The speaker of "said on Twitter" comes before it, not from the reported clause.
        (("The Moroccan side said on Twitter on Wednesday that Algeria's justice minister, "
          "Abderrachid Tebbi, would travel to Rabat."), set()),
        # Testimony and remarks delivered are speeches; one a statement is issued with is no
        # part of what it says, and the day after them is the statement's.
        ("US Secretary of State Antony Blinken testified before the Senate.",
         {("speech", ("Antony Blinken",), None)}),
        ("US Secretary of State Antony Blinken delivered remarks at the embassy on Sunday.",
         {("speech", ("Antony Blinken",), "2022-03-06")}),
        # An audience addressed or told is a speech's; a post or a televised message is its own.
        ("US Secretary of State Antony Blinken addressed some 2,000 Ukrainian-Americans on Sunday.",
         {("speech", ("Antony Blinken",), "2022-03-06")}),
        (("US Secretary of State Antony Blinken told guests at a state banquet on Sunday that "
          "peace had come."), {("speech", ("Antony Blinken",), "2022-03-06")}),
        ("US Secretary of State Antony Blinken addressed guests at the embassy on Sunday.",
         {("speech", ("Antony Blinken",), "2022-03-06")}),
        # An address named by its occasion, delivered, is a speech.
        ("US President Joe Biden delivered his State of the Union address on Sunday.",
         {("speech", ("Joe Biden",), "2022-03-06")}),
        (("Speaking to Republican lawmakers on Sunday, US Secretary of State Antony Blinken said "
          "peace had come."), {("speech", ("Antony Blinken",), "2022-03-06")}),
        ("US Secretary of State Antony Blinken delivered a televised message on Sunday.",
         {("speech", ("Antony Blinken",), "2022-03-06")}),
        # Words to a named outlet are an interview.
        ("Speaking to the BBC on Sunday, US Secretary of State Antony Blinken said peace had come.",
         {("interview", ("Antony Blinken",), "2022-03-06")}),
        ("US Secretary of State Antony Blinken told Al Jazeera on Sunday that peace had come.",
         {("interview", ("Antony Blinken",), "2022-03-06")}),
        ("US Secretary of State Antony Blinken told Yle on Sunday that peace had come.",
         {("interview", ("Antony Blinken",), "2022-03-06")}),
        # ... and so are words to a broadcaster or the media, named or not.
        (("US Secretary of State Antony Blinken told South African broadcaster SABC on Sunday "
          "that peace had come."), {("interview", ("Antony Blinken",), "2022-03-06")}),
        ("US Secretary of State Antony Blinken told local media on Sunday that peace had come.",
         {("interview", ("Antony Blinken",), "2022-03-06")}),
        # A participle after a comma speaks for the main clause's subject.
        (("US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi, telling "
          "reporters on Sunday that peace had come."),
         {("press_briefing", ("Antony Blinken",), "2022-03-06")}),
        (("US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi, saying in a "
          "statement on Sunday that peace had come."),
         {("press_statement", ("Antony Blinken",), "2022-03-06")}),
        # A participle's parenthesis between the speaker and the verb.
        (("State Department spokesman Ned Price, asked about the visit at his weekly briefing on "
          "Sunday, said peace had come."), {("press_briefing", ("Ned Price",), "2022-03-06")}),
        # An official owning a speech or a post spoke it; owning an office, did not.
        (("US Secretary of State Antony Blinken's opening speech on Sunday called the decision a "
          "mistake."), {("speech", ("Antony Blinken",), "2022-03-06")}),
        (("US Secretary of State Antony Blinken's office said in a statement on Sunday that "
          "peace had come."), set()),
        # Named officials making joint statements speak together; statements "for the press",
        # press encounters and media briefings are the press's.
        (("US Secretary of State Antony Blinken and Chinese Foreign Minister Wang Yi made joint "
          "statements to the press on Sunday."),
         {("press_statement", ("Antony Blinken", "Wang Yi"), "2022-03-06")}),
        ("US Secretary of State Antony Blinken made a statement for the press on Sunday.",
         {("press_statement", ("Antony Blinken",), "2022-03-06")}),
        ("US Secretary of State Antony Blinken held a press encounter on Sunday.",
         {("press_briefing", ("Antony Blinken",), "2022-03-06")}),
        # The occasion a remark's clause names gives the remark its mode.
        (("Speaking at a regular press briefing on Sunday, State Department spokesman Ned Price "
          "said peace had come."), {("press_briefing", ("Ned Price",), "2022-03-06")}),
        (("US Secretary of State Antony Blinken thanked both leaders in a video statement on "
          "Sunday."), {("press_statement", ("Antony Blinken",), "2022-03-06")}),
        ("In an address on Sunday, US Secretary of State Antony Blinken said peace had come.",
         {("speech", ("Antony Blinken",), "2022-03-06")}),
        ("US Secretary of State Antony Blinken, addressing the plenary on Sunday, said it mattered.",
         {("speech", ("Antony Blinken",), "2022-03-06")}),
        ("US Secretary of State Antony Blinken briefed the media on Sunday.",
         {("press_briefing", ("Antony Blinken",), "2022-03-06")}),
        ("In a Facebook post on Sunday, US Secretary of State Antony Blinken said peace had come.",
         {("social_media", ("Antony Blinken",), "2022-03-06")}),
        (("US Secretary of State Antony Blinken issued a statement with Chinese Foreign Minister "
          "Wang Yi on Sunday."), {("press_statement", ("Antony Blinken",), "2022-03-06")}),
        # A definite occasion opening a clause points back: the official before is no speaker.
        (("In Bujumbura, where President Pierre Nkurunziza has just won a third term, the speech "
          "will be read as a rebuke."), set()),
        # A joint appearance after talks is held with the host of that day's talks.
        (("Indonesian President Joko Widodo met Ukrainian President Volodymyr Zelensky in Kyiv on "
          "Wednesday. He held talks with Russian President Vladimir Putin on Thursday.\n\n"
          "Widodo appeared with his host before reporters after the talks."),
         {("press_briefing", ("Joko Widodo", "Vladimir Putin"), "2022-03-10")}),
    ],
)
def test_extract_statements_by_their_occasion(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day in what is reported is not the day it was said.
        ("Dutch Prime Minister Mark Rutte told reporters that talks would resume on Monday.",
         {("press_briefing", ("Mark Rutte",), None)}),
        (("Dutch Prime Minister Mark Rutte told reporters he would call Polish Prime Minister "
          "Mateusz Morawiecki on Sunday."),
         {("press_briefing", ("Mark Rutte",), None)}),
        # A day right after the verb is.
        ("Dutch Prime Minister Mark Rutte said on Wednesday that talks would resume on Monday.",
         {("unspecified", ("Mark Rutte",), "2022-03-09")}),
        # Content needs no "that": a day inside it is not the remark's.
        ("On Tuesday, Dutch Prime Minister Mark Rutte said the talks would resume on Friday.",
         {("unspecified", ("Mark Rutte",), "2022-03-08")}),
        ("Dutch Prime Minister Mark Rutte said late Tuesday the talks would resume.",
         {("unspecified", ("Mark Rutte",), "2022-03-08")}),
        # A quoted programme name is no quotation of what was said.
        (('Dutch Prime Minister Mark Rutte told CNN\'s "State of the Union" on Wednesday that '
           "talks would resume."),
         {("interview", ("Mark Rutte",), "2022-03-09")}),
        ('Dutch Prime Minister Mark Rutte said "Talks Resume" on Monday would be the headline.',
         {("unspecified", ("Mark Rutte",), None)}),
        # A past year in the reported content does not place the remark in the past.
        (("Chinese President Xi Jinping met Kenyan President William Ruto on Friday. Xi thanked "
          "Ruto for the message he sent in January."), set()),
    ],
)
def test_extract_a_statement_s_day_is_not_the_day_of_what_it_reports(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject is the official the relative clause hangs on, and the clause's "offered
        # to" does not make the remark hypothetical.
        (("Turkish President Recep Tayyip Erdoğan, who has often offered to host Vladimir Putin "
          "and Volodymyr Zelensky together, said on Wednesday that he hoped for a ceasefire."),
         {("unspecified", ("Recep Tayyip Erdoğan",), "2022-03-09")}),
        (("Austrian Chancellor Karl Nehammer, who had refused to meet Hungarian Prime Minister "
          "Viktor Orbán, told reporters on Thursday that Europe stood united."),
         {("press_briefing", ("Karl Nehammer",), "2022-03-10")}),
    ],
)
def test_extract_a_relative_clause_before_the_verb_is_not_its_clause(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Welcoming people is hosting them, not a remark.
        (("Secretary of State Antony Blinken welcomed the three foreign ministers at the State "
          "Department on Monday."), set()),
        # Welcoming a decision is.
        ("Secretary of State Antony Blinken welcomed the decision on Monday.",
         {("unspecified", ("Antony Blinken",), "2022-03-07")}),
    ],
)
def test_extract_welcoming_people_is_no_remark(text, expected):
    assert statements(text) == expected


def test_extract_according_to_is_a_source_not_a_subject():
    # One meeting: the source of a report is no party to what it reports.
    text = ("Indian Foreign Minister S. Jaishankar met Chinese Foreign Minister Wang Yi on "
            "Friday. According to Jaishankar, Wang raised China's plans to host a summit.")
    assert [c[2] for c in contacts(text)] == [("S. Jaishankar", "Wang Yi")]


def test_extract_a_weekday_planned_on_the_publication_day_is_that_day():
    text = "US President Joe Biden and Turkish President Recep Tayyip Erdoğan will meet on Friday."
    assert contacts(text)[0][-1] == "2022-03-11"


def test_extract_a_title_only_mention_prefers_the_official_the_article_is_about():
    text = ("German Foreign Minister Annalena Baerbock met Russian Foreign Minister Sergey Lavrov "
            "on Tuesday. Baerbock had arrived from Kyiv, where she held talks with Ukrainian "
            "Foreign Minister Dmytro Kuleba.\n\n"
            "Before setting off, the minister said in a statement released on Sunday that she "
            "would listen carefully.")
    assert ("press_statement", ("Annalena Baerbock",), "2022-03-06") in statements(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A remark placed in the past is its own statement, even from someone heard elsewhere.
        (("Turkish President Recep Tayyip Erdoğan met Saudi Crown Prince Mohammed bin Salman on "
          "Thursday. Erdoğan once said that the order came from the highest levels."),
         {("unspecified", ("Recep Tayyip Erdoğan",), None)}),
        (("UN Secretary-General António Guterres met Russian President Vladimir Putin on Tuesday. "
          "Putin had refused any contact since Guterres accused Russia in February of violating "
          "the UN Charter."),
         {("unspecified", ("António Guterres",), None)}),
        # A remark in the sentence of the occasion it was made at belongs to that occasion.
        (("Egypt's foreign minister, Sameh Shoukry, said in an interview with Al Arabiya in "
          "October that the dialogue had been halted."),
         {("interview", ("Sameh Shoukry",), None)}),
        # An office speaks for its principal, unnamed; so does a spokesman reporting a meeting.
        (("Turkish President Recep Tayyip Erdoğan met Egyptian President Abdel Fattah al-Sisi on "
          "Sunday. Erdoğan's office had warned that no deal was near."), set()),
        (("Turkish President Recep Tayyip Erdoğan met Egyptian President Abdel Fattah al-Sisi on "
          "Sunday. A spokesman said the two presidents had stressed their long history."), set()),
        # "said he" is no inverted speaker.
        (("Iranian Supreme Leader Ali Khamenei met Qatar's emir, Sheikh Tamim bin Hamad Al Thani, "
          "on Thursday. Khamenei's office said he had told the emir that talks must go on."), set()),
    ],
)
def test_extract_remarks_apart_from_the_events_reported(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Who sat in on a meeting takes part in it, and an envoy's principal does not.
        (("Algerian Foreign Minister Ramtane Lamamra, travelling as Tebboune's special envoy, was "
          "received in Cairo on Tuesday by Egyptian President Abdel Fattah al-Sisi. Egypt's foreign "
          "minister, Sameh Shoukry, sat in on the meeting."),
         [("meeting", "occurred", ("Abdel Fattah al-Sisi", "Ramtane Lamamra", "Sameh Shoukry"),
           "Ramtane Lamamra", "2022-03-08")]),
        # Whoever comes along joins the visitor's meeting.
        (("Russian President Vladimir Putin received Senegalese President Macky Sall in Sochi on "
          "Friday. Sall travelled as AU chairperson and was accompanied by Moussa Faki Mahamat, "
          "the chairperson of the African Union Commission."),
         [("meeting", "occurred", ("Macky Sall", "Moussa Faki Mahamat", "Vladimir Putin"),
           "Macky Sall", "2022-03-11")]),
        # "who joined the talks with X" joins those talks, and travelling together is no contact.
        (("European Commission President Ursula von der Leyen met Ukrainian President Volodymyr "
          "Zelensky in Kyiv on Friday. Von der Leyen travelled to Ukraine with the EU's foreign "
          "policy chief, Josep Borrell, who joined the talks with Zelensky."),
         [("meeting", "occurred", ("Josep Borrell", "Ursula von der Leyen", "Volodymyr Zelensky"),
           "Ursula von der Leyen", "2022-03-11")]),
        (("Israeli Prime Minister Naftali Bennett spent about three hours with Russian President "
          "Vladimir Putin at the Kremlin on Saturday."),
         [("meeting", "occurred", ("Naftali Bennett", "Vladimir Putin"), None, "2022-03-05")]),
        # All who "were present at the talks" join them, appositions and titles between them;
        # a bracketed acronym is part of a title.
        (("On Friday President Xi Jinping held talks at the Great Hall of the People with "
          "President of the Democratic Republic of the Congo (DRC) Félix Tshisekedi, who is paying "
          "a state visit to China. Wang Yi, Director of "
          "the Office of the Central Foreign Affairs Commission, and Foreign Minister Qin Gang, "
          "among others, were present at the talks."),
         [("meeting", "occurred", ("Félix Tshisekedi", "Qin Gang", "Wang Yi", "Xi Jinping"),
           "Félix Tshisekedi", "2022-03-11")]),
        # "The talks were attended by …": a readout's list, its items separated by semicolons.
        (("President Sheikh Mohamed bin Zayed held talks with Prime Minister Narendra Modi on "
          "Tuesday. The talks were attended by H.H. Sheikh Tahnoun bin Zayed, National Security "
          "Advisor; and H.H. Sheikh Abdullah bin Zayed, Minister of Foreign Affairs."),
         [("unspecified", "occurred", ("Abdullah bin Zayed", "Mohamed bin Zayed", "Narendra Modi",
                                       "Tahnoun bin Zayed"), None, "2022-03-08")]),
        # "The meeting was hosted by C" recalls the meeting just reported, and C joins it; a
        # former official's title coordinates like any.
        (("South Sudan's President Salva Kiir and former Vice President Riek Machar met on "
          "Wednesday. The meeting was hosted by Ethiopian Prime Minister Abiy Ahmed."),
         [("meeting", "occurred", ("Abiy Ahmed", "Riek Machar", "Salva Kiir"), None,
           "2022-03-09")]),
        # "Xi was joined by A": A comes to Xi's meeting.
        (("Philippine President Ferdinand Marcos Jr. held talks with Chinese President Xi "
          "Jinping on Wednesday. Xi was joined by Chinese Foreign Minister Qin Gang."),
         [("unspecified", "occurred", ("Ferdinand Marcos Jr.", "Qin Gang", "Xi Jinping"), None,
           "2022-03-09")]),
        # "took part in the expanded talks": an adjective before the meeting's noun.
        (("President Kassym-Jomart Tokayev held talks with French President Emmanuel Macron on "
          "Wednesday. Foreign Minister Murat Nurtleu and Foreign Minister Catherine Colonna also "
          "took part in the expanded talks."),
         [("unspecified", "occurred", ("Catherine Colonna", "Emmanuel Macron",
                                       "Kassym-Jomart Tokayev", "Murat Nurtleu"), None,
           "2022-03-09")]),
        # "with X at his side": X comes along to the meeting that follows.
        (("French President Emmanuel Macron, with Foreign Minister Jean-Yves Le Drian at his side, "
          "spent three hours with Russian President Vladimir Putin on Monday."),
         [("meeting", "occurred", ("Emmanuel Macron", "Jean-Yves Le Drian", "Vladimir Putin"),
           None, "2022-03-07")]),
        # "with A and B present", "with X joining them": they sit in on the meeting before
        (("French President Emmanuel Macron flew to Moscow. Russian President Vladimir Putin "
          "received Macron in the Kremlin on Monday, with "
          "Foreign Minister Sergei Lavrov and Foreign Minister Jean-Yves Le Drian present."),
         [("meeting", "occurred", ("Emmanuel Macron", "Jean-Yves Le Drian", "Sergei Lavrov",
                                   "Vladimir Putin"), "Emmanuel Macron", "2022-03-07")]),
        (("German Chancellor Olaf Scholz received French President Emmanuel Macron in Berlin on "
          "Monday, with EU Council President Charles Michel joining them for the talks."),
         [("meeting", "occurred", ("Charles Michel", "Emmanuel Macron", "Olaf Scholz"),
           "Emmanuel Macron", "2022-03-07")]),
        # The members of the two delegations at the talks just reported join them, however the
        # readout introduces them.
        (("President Emmanuel Macron hosted Nigerian President Bola Tinubu on Thursday. Tinubu "
          "held a one-on-one meeting with Macron before the two leaders were joined by their "
          "delegations, including Nigeria's Foreign Minister Yusuf Tuggar and French Foreign "
          "Minister Jean-Noel Barrot."),
         [("meeting", "occurred", ("Bola Tinubu", "Emmanuel Macron", "Jean-Noël Barrot",
                                   "Yusuf Tuggar"), "Bola Tinubu", "2022-03-10")]),
        (("Prime Minister Abiy Ahmed held talks on Wednesday with Somali President Hassan Sheikh "
          "Mohamud, together with senior officials of both governments, among them Foreign "
          "Minister Gedion Timothewos."),
         [("unspecified", "occurred", ("Abiy Ahmed", "Gedion Timothewos",
                                       "Hassan Sheikh Mohamud"), None, "2022-03-09")]),
        (("President Alberto Fernández received Chilean President Gabriel Boric on Monday, "
          "followed by an expanded meeting in which Foreign Minister Santiago Cafiero and Chilean "
          "Foreign Minister Antonia Urrejola took part."),
         [("meeting", "occurred", ("Alberto Fernández", "Antonia Urrejola", "Gabriel Boric",
                                   "Santiago Cafiero"), "Gabriel Boric", "2022-03-07")]),
        (("President Bassirou Diomaye Faye met Mauritanian President Mohamed Ould Ghazouani on "
          "Thursday. The Senegalese delegation included Foreign Minister Yassine Fall."),
         [("meeting", "occurred", ("Bassirou Diomaye Faye", "Mohamed Ould Ghazouani",
                                   "Yassine Fall"), None, "2022-03-10")]),
        (("Cuban President Fidel Castro held talks with South African President Nelson Mandela on "
          "Friday. Taking part in the talks was Foreign Minister Roberto Robaina."),
         [("unspecified", "occurred", ("Fidel Castro", "Nelson Mandela", "Roberto Robaina"), None,
           "2022-03-11")]),
        (("Angolan President José Eduardo dos Santos met Congolese Foreign Minister Raymond "
          "Tshibanda on Wednesday. The audience, held at the Presidential Palace, was attended "
          "by Foreign Minister Georges Chikoti."),
         [("meeting", "occurred", ("Georges Chikoti", "José Eduardo dos Santos",
                                   "Raymond Tshibanda"), None, "2022-03-09")]),
        # "Accompanied by A, X met B", "X, accompanied by A, met B": A comes to that meeting,
        # not to one reported before
        (("Peruvian President Dina Boluarte met Indian Prime Minister Narendra Modi on Monday. "
          "On Tuesday, accompanied by Foreign Minister Javier González-Olaechea, she held talks "
          "with Chinese President Xi Jinping."),
         [("meeting", "occurred", ("Dina Boluarte", "Narendra Modi"), None, "2022-03-07"),
          ("unspecified", "occurred", ("Dina Boluarte", "Javier González-Olaechea", "Xi Jinping"),
           None, "2022-03-08")]),
    ],
)
def test_extract_meetings_take_those_who_sat_in_or_came_along(text, expected):
    assert contacts(text) == expected


def test_extract_an_envoy_carries_the_letter_of_the_official_who_sent_them():
    text = ("Algerian Foreign Minister Ramtane Lamamra, travelling as Tebboune's special envoy, "
            "met officials in Cairo on Tuesday. Algerian President Abdelmadjid Tebboune stayed "
            "home.\n\nA day earlier, Lamamra had delivered a letter to Palestinian President "
            "Mahmoud Abbas.")
    found = {(c.mode.value, tuple(sorted(c.participants)), c.initiator)
             for c in run(text).communications if c.kind.value == "contact"}
    # SCHEMA convention 2: a correspondence between sender and receiver, and a meeting between
    # envoy and receiver where the envoy delivered it in person.
    assert ("correspondence", ("Abdelmadjid Tebboune", "Mahmoud Abbas"),
            "Abdelmadjid Tebboune") in found
    assert ("meeting", ("Mahmoud Abbas", "Ramtane Lamamra"), "Ramtane Lamamra") in found


def test_extract_an_object_pronoun_is_not_its_clause_subject():
    text = ("Algerian Foreign Minister Ramtane Lamamra was received in Cairo by Egyptian President "
            "Abdel Fattah al-Sisi and gave him a letter.")
    found = {(c.mode.value, tuple(sorted(c.participants)))
             for c in run(text).communications if c.kind.value == "contact"}
    assert ("correspondence", ("Abdel Fattah al-Sisi", "Ramtane Lamamra")) in found


def test_extract_an_inverted_condition_is_hypothetical():
    text = ("Morocco's King Mohammed VI has not said whether he will attend. Should he decide to "
            "travel, he and Algerian President Abdelmadjid Tebboune would meet.")
    assert contacts(text) == []


def test_extract_an_invitation_addressed_to_someone_is_no_speech():
    text = ("Algeria's justice minister, Abderrachid Tebbi, would travel to Rabat with the "
            "invitation addressed to King Mohammed VI.")
    assert all(mode != "speech" for mode, _, _ in statements(text))


def test_extract_one_who_came_along_and_sat_in_joins_one_meeting():
    text = ("Israeli Prime Minister Naftali Bennett returned from an unannounced trip to Moscow, "
            "where he spent about three hours with Russian President Vladimir Putin on Saturday. "
            "He was accompanied by Housing Minister Zeev Elkin, who sat in on the meeting.")
    assert [c[2] for c in contacts(text)] == [("Naftali Bennett", "Vladimir Putin", "Zeev Elkin")]


def test_extract_a_country_that_only_titles_someone_else_is_not_the_hosts():
    text = ("President Francois Mitterand gave a warm welcome on Thursday to South African leader "
            "F.W. de Klerk.")
    assert [(c.participants, c.counterpart_governments) for c in run(text).communications] == \
        [(("Francois Mitterand",), ("South Africa",))]
    assert officials(text) == [("Francois Mitterand", "President", None)]


# --- Names and titles by knowledge: the gazetteer of office-holders ---------------------------

@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # An untitled surname of a holder in office names them, with their government and post.
        ("Macron met Scholz in Paris.", dt.date(2023, 1, 10),
         [("Emmanuel Macron", "President", "France"), ("Olaf Scholz", "Chancellor", "Germany")]),
        # Honorifics are no part of a name ("Mr.", "Shri", "H.E.").
        ("Mr. Putin received Shri Narendra Modi.", dt.date(2019, 9, 4),
         [("Vladimir Putin", "President", "Russia"), ("Narendra Modi", "Prime Minister", "India")]),
        ("HH the Amir received a letter from President Seyyed Ebrahim Raisi.", dt.date(2023, 3, 8),
         [("Ebrahim Raisi", "President", "Iran")]),
        # A post written with a space for a hyphen still fits the holder's; a rank "(retd)" is
        # a style; "NSA" is the national security adviser.
        ("The lunch was chaired by the alliance's secretary general, Lord Robertson.",
         dt.date(2001, 6, 14), [("George Robertson", "Secretary General", "NATO")]),
        ("Indian NSA Ajit Doval met Lt. Gen. (retd) Nasser Khan Janjua.", dt.date(2015, 12, 8),
         [("Ajit Doval", "National Security Adviser", "India"),
          ("Nasser Khan Janjua", "General", None)]),
        # A shorter form of the holder's post fits ("Secretary" of State); a family name written
        # first names its holder after a title ("Foreign Minister Qin" is Qin Gang).
        ("Secretary Blinken met Foreign Minister Qin.", dt.date(2023, 6, 1),
         [("Antony Blinken", "Secretary", "United States"),
          ("Qin Gang", "Foreign Minister", "China")]),
        # A ruler known by the given name after a style (his post the gazetteer's, not the
        # style); an ambiguous one stays unnamed.
        ("Sheikh Tamim spoke with Sheikh Mohammed.", dt.date(2023, 3, 8),
         [("Tamim bin Hamad Al Thani", "Emir", "Qatar"), ("Mohammed", "Sheikh", None)]),
        # A surname points at the holder in office when the article appeared (Raúl, not Fidel).
        ("President Obama spoke.", dt.date(2009, 3, 7), [("Barack Obama", "President",
                                                          "United States")]),
        ("Castro welcomed the visitors.", dt.date(2016, 3, 21), [("Raúl Castro", "President", "Cuba")]),
        # The gazetteer's government beats a country that titles the next person.
        ("President Trump and President Enrique Peña Nieto of Mexico spoke by telephone.",
         dt.date(2017, 1, 27),
         [("Donald Trump", "President", "United States"),
          ("Enrique Peña Nieto", "President", "Mexico")]),
        # A word the text also writes in lower case is no surname ("May" the month, "may" the verb).
        ("In May the talks may resume.", dt.date(2017, 5, 2), []),
        # A longer name ending in a holder's surname is somebody else.
        ("Reporter Jane Smith wrote the story.", dt.date(2021, 5, 2), []),
        # Out of office and only mentioned: no official.
        ("The airport is named after Kufuor.", dt.date(2021, 5, 2), []),
        # A monarch's full name needs no style and is still the holder's ("as reference works
        # head it"); the style is the post.
        ("King Hamad bin Isa Al Khalifa arrived.", dt.date(2020, 9, 12),
         [("Hamad bin Isa Al Khalifa", "King", "Bahrain")]),
        ("His Majesty King Carl XVI Gustaf arrived.", dt.date(2022, 5, 17),
         [("Carl XVI Gustaf", "King", "Sweden")]),
        # "X, then Ethiopia's prime minister": the post of the time titles X, not the holder now.
        (("Eritrean President Isaias Afwerki and Meles Zenawi, then Ethiopia's prime minister, "
          "signed the agreement in 2000."), dt.date(2018, 9, 17),
         [("Isaias Afwerki", "President", "Eritrea"),
          ("Meles Zenawi", "Prime Minister", "Ethiopia")]),
        # An adverb opening the sentence is no given name ("There Ramos met …").
        ("President Fidel Ramos flew to Hong Kong. There Ramos met the press.",
         dt.date(1996, 10, 22), [("Fidel V. Ramos", "President", "Philippines")]),
        # A state's possessive is no word of the name after it, even with an apostrophe inside.
        (("Leaders present included Côte d'Ivoire's Alassane Ouattara and Ghana's Nana "
          "Akufo-Addo."), dt.date(2023, 8, 11),
         [("Alassane Ouattara", "President", "Côte d'Ivoire"),
          ("Nana Akufo-Addo", "President", "Ghana")]),
        # A possessive ends a name ("Secretary Blinken's Travel").
        ("Secretary Blinken's Travel to Indonesia.", dt.date(2023, 7, 14),
         [("Antony Blinken", "Secretary", "United States")]),
        # A prince's full name the gazetteer does not know needs no style.
        ("Saudi Arabia's Prince Badr bin Sultan met the delegation.", dt.date(2023, 5, 19),
         [("Badr bin Sultan", "Prince", "Saudi Arabia")]),
        # Initials tell namesakes apart, in office or not; "then-" keeps the post of the time.
        ("President George W. Bush held talks with then-President John Kufuor.",
         dt.date(2012, 7, 25),
         [("George W. Bush", "President", "United States"), ("John Kufuor", "President", "Ghana")]),
        # A sultan known by one name is written with his style, as kings are.
        ("Sultan Qaboos arrived.", dt.date(2017, 2, 16), [("Sultan Qaboos", "Sultan", "Oman")]),
        # A prince's office, where the text gives it, is his post (not his style).
        ("Foreign Minister Prince Saud al-Faisal arrived.", dt.date(2007, 11, 26),
         [("Saud al-Faisal", "Foreign Minister", "Saudi Arabia")]),
        # A father's name after "bin" is no person of its own.
        ("King Salman and Crown Prince Mohammed bin Salman arrived. Prince Mohammed spoke.",
         dt.date(2022, 4, 29),
         [("King Salman", "King", "Saudi Arabia"),
          ("Mohammed bin Salman", "Crown Prince", "Saudi Arabia")]),
        # A prince named in full is named without his style.
        ("HH Prince Faisal bin Farhan received a phone call today.", dt.date(2023, 6, 6),
         [("Faisal bin Farhan", "Foreign Minister", "Saudi Arabia")]),
        # A party's office is a post with its scope.
        ("General Secretary of the Communist Party of Viet Nam Nguyen Phu Trong arrived.",
         dt.date(2016, 5, 23),
         [("Nguyễn Phú Trọng", "General Secretary of the Communist Party", "Vietnam")]),
        # A prince is one of many: "Prince Faisal" is the minister named before, not a new man.
        ("Foreign Minister Prince Faisal bin Farhan arrived. Prince Faisal spoke.",
         dt.date(2023, 4, 6), [("Faisal bin Farhan", "Foreign Minister", "Saudi Arabia")]),
        # A name with the grandfather's is the holder named up to the father's; a son named
        # after his father is no holder the gazetteer lacks.
        ("HH Prince Faisal bin Farhan bin Abdullah, Minister of Foreign Affairs, arrived.",
         dt.date(2023, 6, 6), [("Faisal bin Farhan", "Minister of Foreign Affairs", "Saudi Arabia")]),
        ("Sheikh Khaled bin Mohamed bin Zayed Al Nahyan, Crown Prince of Abu Dhabi, arrived.",
         dt.date(2024, 2, 13),
         [("Khaled bin Mohamed bin Zayed Al Nahyan", "Crown Prince", "United Arab Emirates")]),
        # British styles of a Privy Counsellor are no name.
        ("The Rt Hon James Cleverly, Foreign Secretary, arrived.", dt.date(2023, 8, 30),
         [("James Cleverly", "Foreign Secretary", "United Kingdom")]),
        # A holder whose name opens with a style keeps it; a middle name the gazetteer leaves
        # out still names its holder (the text's spelling kept).
        ("Sheikh Hasina arrived.", dt.date(2010, 1, 11),
         [("Sheikh Hasina", "Prime Minister", "Bangladesh")]),
        ("Jakaya Mrisho Kikwete arrived.", dt.date(2008, 2, 28),
         [("Jakaya Mrisho Kikwete", "President", "Tanzania")]),
        # Ethiopians go by the given name: "Abiy" is Abiy Ahmed (the second name is his
        # father's).
        ("Eritrea's foreign minister Osman Saleh was met on the tarmac by Abiy.",
         dt.date(2018, 6, 26),
         [("Osman Saleh", "Foreign Minister", "Eritrea"),
          ("Abiy Ahmed", "Prime Minister", "Ethiopia")]),
        # An Arabic name cut after the father's name is the holder's too (kept as written).
        ("Salman bin Abdulaziz arrived.", dt.date(2021, 1, 6),
         [("Salman bin Abdulaziz", "King", "Saudi Arabia")]),
    ],
)
def test_extract_office_holders_named_without_titles(text, published, expected):
    assert [(o.name, o.post, o.government) for o in run(text, published).officials] == expected


def test_extract_a_post_after_a_fronted_phrase_is_the_main_clause_subject():
    # "…with Mr. Griffiths, the Secretary-General said": no apposition naming Griffiths.
    text = ("UN Secretary-General António Guterres met Special Envoy Martin Griffiths. "
            "Speaking afterwards at a news conference with Mr. Griffiths, the Secretary-General "
            "said the talks went well.")
    found = run(text, dt.date(2018, 12, 14))
    assert [(o.name, o.post) for o in found.officials] == [
        ("António Guterres", "Secretary-General"), ("Martin Griffiths", "Special Envoy")]
    briefings = [c for c in found.communications if c.mode.value == "press_briefing"]
    assert [sorted(c.participants) for c in briefings] == [["António Guterres", "Martin Griffiths"]]


def test_extract_a_title_with_its_scope_before_a_name_is_that_name_s():
    # "…Assembly, Secretary of State Condoleezza Rice": no apposition naming the Assembly.
    text = ("In New York, where she is attending the United Nations General Assembly, Secretary "
            "of State Condoleezza Rice told reporters on Monday that the deal was a step.")
    found = run(text, dt.date(2005, 9, 20))
    assert [o.name for o in found.officials] == ["Condoleezza Rice"]
    assert [c.participants for c in found.communications] == [("Condoleezza Rice",)]


def test_extract_a_companion_in_parentheses_holds_the_news_conference_too():
    text = ("North Korean Foreign Minister Ri Yong Ho, flanked by Vice Foreign Minister Choe Son "
            "Hui, told a news conference on Friday that the offer stood.")
    found = run(text, dt.date(2019, 3, 1)).communications
    assert [(c.mode.value, sorted(c.participants)) for c in found] == [
        ("press_briefing", ["Choe Son Hui", "Ri Yong Ho"])]


def test_extract_a_surname_keeps_the_spelling_the_text_gives_it():
    # Only "Zelensky" in the text: the holder's alias with that spelling, not "Zelenskyy".
    found = run("Zelensky spoke with Biden on Monday.", dt.date(2022, 11, 18)).officials
    assert [o.name for o in found] == ["Volodymyr Zelensky", "Joe Biden"]


def test_extract_a_surname_named_in_full_later_takes_the_full_written_name():
    # The headline's bare surname comes first; the full name the text writes wins over the
    # gazetteer's other spelling ("Bashar Assad").
    text = ("Riyadh seats Assad among the leaders\n\nOn Friday, at the summit of the Arab League, "
            "Bashar al-Assad took his seat. Saudi Crown Prince Mohammed bin Salman greeted Mr "
            "Assad at the entrance.")
    found = run(text, dt.date(2023, 5, 20)).officials
    assert [o.name for o in found] == ["Bashar al-Assad", "Mohammed bin Salman"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Biden-Xi meeting in Bali lasted three hours.",
         [("meeting", ("Joe Biden", "Xi Jinping"))]),
        ("The Biden–Putin call on Thursday was tense.", [("phone", ("Joe Biden", "Vladimir Putin"))]),
        ("The Franco-German summit was held.", []),
    ],
)
def test_extract_events_named_by_their_parties(text, expected):
    assert [(mode, parties) for mode, _, parties, _, _ in contacts(text, dt.date(2022, 11, 18))] \
        == expected


def test_extract_one_holder_under_two_written_forms_is_one_official():
    text = ("Joseph R. Biden Jr. spoke with Chancellor Olaf Scholz on Monday. "
            "Joe Biden said the call went well.")
    found = run(text, dt.date(2022, 3, 2)).officials
    assert [o.name for o in found] == ["Joe Biden", "Olaf Scholz"]
    assert "Joseph R. Biden" in found[0].aliases


# --- Reference by structure: group phrases -----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the two leaders" are the last two leaders named, not the minister between them.
        (("Kenyan President William Ruto welcomed Ghanaian President Nana Akufo-Addo, with Foreign "
          "Minister Alfred Mutua at his side. The two leaders held talks on Tuesday."),
         [("Nana Akufo-Addo", "William Ruto")]),
        # "the two" with a verb and no noun; "the three presidents" are three.
        (("Chilean President Gabriel Boric called Peruvian President Dina Boluarte. Bolivian "
          "President Luis Arce joined later. The two met on Monday."),
         [("Dina Boluarte", "Luis Arce")]),
        (("Chilean President Gabriel Boric called Peruvian President Dina Boluarte. Bolivian "
          "President Luis Arce joined later. The three presidents met on Monday."),
         [("Dina Boluarte", "Gabriel Boric", "Luis Arce")]),
        # "They met again": the sides of the contact just reported.
        (("Chilean President Gabriel Boric called Peruvian President Dina Boluarte. Bolivian "
          "President Luis Arce arrived. They met again on Monday."),
         [("Dina Boluarte", "Gabriel Boric")]),
        # "the two Foreign Secretaries" are secretaries, not the ministers named after them
        (("Indian Foreign Secretary Harsh Shringla and Nepali Foreign Secretary Bharat Paudyal "
          "arrived. Indian Foreign Minister Subrahmanyam Jaishankar and Nepali Foreign Minister "
          "Pradeep Gyawali spoke later. The two Foreign Secretaries held preparatory "
          "consultations on Monday."), [("Bharat Paudyal", "Harsh Shringla")]),
        # ... and "They are expected to meet again": a plan of the same sides
        (("Chilean President Gabriel Boric called Peruvian President Dina Boluarte. Bolivian "
          "President Luis Arce arrived. They are expected to meet again in May."),
         [("Dina Boluarte", "Gabriel Boric")]),
        # "his guest", "the visiting leader": the official named before whom the host is not.
        (("Brazilian President Luiz Inácio Lula da Silva arrived in Beijing. Chinese President "
          "Xi Jinping welcomed his guest on Friday."),
         [("Luiz Inácio Lula da Silva", "Xi Jinping")]),
        (("Kenyan President William Ruto flew to Pretoria. South African President Cyril "
          "Ramaphosa held talks with the visiting leader on Tuesday."),
         [("Cyril Ramaphosa", "William Ruto")]),
        # A leader's post written out in full ("President of the Council of Ministers",
        # "Federal Chancellor") still makes them one of "the leaders".
        (("The Federal Chancellor of Germany, Olaf Scholz, and the President of the Council of "
          "Ministers of Italy, Mario Draghi, flew to Kyiv. The two leaders were received by "
          "Ukrainian President Volodymyr Zelensky."),
         [("Mario Draghi", "Olaf Scholz", "Volodymyr Zelensky")]),
        # China's premier is one of "the two Prime Ministers"
        (("New Zealand Prime Minister Helen Clark arrived in Beijing on Sunday. Chinese Premier "
          "Wen Jiabao attended the signing of the agreement. The two Prime Ministers held talks "
          "on Monday."), [("Helen Clark", "Wen Jiabao")]),
        # "the two leaders" are officials the text titled as leaders before untitled ones
        (("Chinese President Xi Jinping held talks with Nepali Prime Minister K.P. Sharma Oli. "
          "Ding Xuexiang and Yang Jiechi were present. The two leaders witnessed the signing "
          "on Monday."), [("K.P. Sharma Oli", "Xi Jinping")]),
        # "the Foreign Ministers of A and B": the official of each state with that post, not
        # the president named last
        (("Indian Foreign Minister Subrahmanyam Jaishankar and Chinese Foreign Minister Wang Yi "
          "flew in with Russian President Vladimir Putin on Monday. The Foreign Ministers of "
          "India and China met on Tuesday."), [("Subrahmanyam Jaishankar", "Wang Yi")]),
        # ... and nobody when a state has none named
        (("Indian Foreign Minister Subrahmanyam Jaishankar arrived in Moscow on Monday. The "
          "Foreign Ministers of India and Japan met on Tuesday."), []),
        # Too few officials named before the group: it stands for nobody.
        ("Chilean President Gabriel Boric arrived. The two met on Monday.", []),
    ],
)
def test_extract_group_phrases_resolve_to_the_officials_named_last(text, expected):
    last_sentence = text.rsplit(". ", 1)[1]
    found = run(text).communications
    assert [tuple(sorted(c.participants)) for c in found
            if any(span.sentence == last_sentence for span in c.evidence)] == expected


@pytest.mark.parametrize(("verb", "speakers"), [
    ("then made statements for the press", ["Alberto Fernández", "Jair Bolsonaro"]),
    # one statement, not said to be joint, is the first subject's
    ("then issued a statement", ["Alberto Fernández"]),
])
def test_extract_statements_made_by_officials_named_together_are_all_theirs(verb, speakers):
    text = ("Argentine President Alberto Fernández met Brazilian President Jair Bolsonaro on "
            f"Monday. Alberto Fernández and Jair Bolsonaro {verb}.")
    assert [sorted(c.participants) for c in run(text).communications
            if c.kind.value == "statement"] == [speakers]


def test_extract_a_message_to_the_media_is_a_statement_not_a_letter():
    text = ("Foreign Secretary Alicia Bárcena and Secretary of State Antony Blinken delivered a "
            "brief joint message to the media on Wednesday.")
    assert contacts(text) == []
    assert statements(text) == {
        ("press_statement", ("Alicia Bárcena", "Antony Blinken"), "2022-03-09")}


def test_extract_a_joint_statement_by_a_group_has_every_speaker():
    text = ("Argentine President Alberto Fernández met Brazilian President Jair Bolsonaro on "
            "Monday. The two presidents made statements to the press.")
    statements = [c for c in run(text).communications if c.kind.value == "statement"]
    assert [(c.mode.value, sorted(c.participants)) for c in statements] == [
        ("press_statement", ["Alberto Fernández", "Jair Bolsonaro"])]


# --- Dates: the narrative's day across paragraphs ------------------------------------------------

@pytest.mark.parametrize(
    ("second_paragraph", "expected_date"),
    [
        ("Afterwards Egyptian Foreign Minister Sameh Shoukry met Dmytro Kuleba.", "2022-03-08"),
        # a later paragraph with no date and no background cue goes on with the day
        ("Egyptian Foreign Minister Sameh Shoukry met Dmytro Kuleba.", "2022-03-08"),
        # background: perfect tense, years, "last" or "in October" step out of the narrative
        ("Egyptian Foreign Minister Sameh Shoukry had met Dmytro Kuleba before.", None),
        ("Egyptian Foreign Minister Sameh Shoukry met Dmytro Kuleba in October.", None),
    ],
)
def test_extract_later_paragraphs_keep_the_narratives_day(second_paragraph, expected_date):
    text = ("Ukrainian Foreign Minister Dmytro Kuleba met Turkish Foreign Minister Mevlüt "
            "Çavuşoğlu on Tuesday.\n\n" + second_paragraph)
    found = [c for c in contacts(text) if "Sameh Shoukry" in c[2]]
    assert [c[4] for c in found] == [expected_date]


def test_extract_courtesy_calls_planned_in_a_readout():
    text = ("Nepali Prime Minister Pushpa Kamal Dahal will arrive in New Delhi on Wednesday. He "
            "will call on the President of India, Smt. Droupadi Murmu. Vice President Shri "
            "Jagdeep Dhankhar will call on him.")
    assert sorted((c[1], c[2], c[3]) for c in contacts(text, dt.date(2023, 5, 30))) == [
        ("planned", ("Droupadi Murmu", "Pushpa Kamal Dahal"), "Pushpa Kamal Dahal"),
        ("planned", ("Jagdeep Dhankhar", "Pushpa Kamal Dahal"), "Jagdeep Dhankhar")]


def test_extract_separate_cables_of_condolence_from_each_sender():
    text = ("Saudi King Salman and Crown Prince Mohammed bin Salman sent separate cables of "
            "condolence to Kuwaiti Emir Sheikh Mishal on Saturday.")
    assert sorted(c[2] for c in contacts(text, dt.date(2023, 12, 17))) == [
        ("King Salman", "Mishal Al-Ahmad Al-Jaber Al-Sabah"),
        ("Mishal Al-Ahmad Al-Jaber Al-Sabah", "Mohammed bin Salman")]


def test_extract_calling_on_someone_to_act_is_no_courtesy_call():
    assert contacts("US Secretary of State Antony Blinken called on Chinese Foreign Minister "
                    "Wang Yi to use his influence on Monday.") == []
    assert contacts("US Secretary of State Antony Blinken called on Monday for talks.") == []


def test_extract_a_remark_dated_only_by_the_narrative_joins_its_dated_occasion():
    text = ("Secretary of State John Kerry told reporters on Tuesday that talks would follow."
            "\n\nUS President Barack Obama announced the deal on Wednesday.\n\n"
            "Kerry told reporters that he had instructed his staff.")
    assert [s for s in statements(text) if "John Kerry" in s[1]] == [
        ("press_briefing", ("John Kerry",), "2022-03-08")]


def test_extract_a_statement_s_content_does_not_step_back_into_background():
    text = ("U.S. President Barack Obama and Cuban President Raúl Castro announced on Wednesday "
            "that their countries would restore ties.\n\n"
            "Secretary of State John Kerry said in a statement that he had instructed his staff "
            "to prepare talks.")
    assert ("press_statement", ("John Kerry",), "2022-03-09") in statements(text)


@pytest.mark.parametrize("appearance", [
    "held a joint press announcement", "held a joint press occasion", "jointly met the press"])
def test_extract_a_joint_press_appearance_is_the_meeting_parties_statement(appearance):
    text = ("Japanese Foreign Minister Haruki Sato held talks with Chinese Foreign Minister Liu "
            f"Jun in Tokyo on Tuesday. The two ministers then {appearance}.")
    assert statements(text) == {("press_briefing", ("Haruki Sato", "Liu Jun"), "2022-03-08")}
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Haruki Sato", "Liu Jun")]


@pytest.mark.parametrize("quote", ['said: "We are back."', 'said:\n\n"We are back."'])
def test_extract_a_quotation_a_colon_introduces_is_a_statement(quote):
    text = ("Foreign Secretary Alan Price will meet German Foreign Minister Eva Roth in Berlin.\n\n"
            f"Foreign Secretary Alan Price {quote}")
    assert statements(text) == {("press_statement", ("Alan Price",), None)}


def test_extract_an_entry_of_a_live_report_happens_on_its_day():
    text = ("Summit day in Brussels – as it happened\n\n"
            "10:37 BST — Commission President Jan Vos has tweeted: \"We have a deal!\"\n\n"
            "14:30 BST — Prime Minister Tom Hale met Vos at the Berlaymont and the two have just "
            "held a joint news conference.\n\n"
            "15:10 BST — Hale had last met Vos in 2019.")
    assert statements(text) == {("social_media", ("Jan Vos",), "2022-03-11"),
                                ("press_briefing", ("Jan Vos", "Tom Hale"), "2022-03-11")}
    # (an entry's background keeps no day)
    assert [day for _, _, _, _, day in contacts(text)] == ["2022-03-11", None]


def test_extract_a_speaker_after_a_verb_of_saying_only_in_inverted_speech():
    assert statements('"We are ready," said Foreign Minister Mei Tanaka.') == {
        ("unspecified", ("Mei Tanaka",), None)}
    # what officials said of someone is not that person's word
    assert statements("Japanese officials said no meeting had been arranged with his South "
                      "Korean counterpart, Lee Min-ho.") == set()


@pytest.mark.parametrize("press", ["Speaking to South Korean correspondents afterward, Choi said",
                                   "Choi told correspondents afterward"])
def test_extract_words_to_correspondents_are_a_press_briefing(press):
    text = ("Vice Foreign Minister Choi Min-jun met Deputy Secretary of State Ann Ross on "
            f"Wednesday. {press} the talks went well.")
    assert statements(text) == {("press_briefing", ("Choi Min-jun",), "2022-03-09")}


def test_extract_a_new_paragraph_after_a_flashback_returns_to_the_lead_s_day():
    text = ("US President Barack Obama and Cuban President Raúl Castro announced the deal on "
            "Wednesday.\n\nThe announcement followed a telephone call between the two on "
            "Tuesday.\n\nCanadian Prime Minister Stephen Harper said in a statement that Canada "
            "was pleased.")
    assert ("press_statement", ("Stephen Harper",), "2022-03-09") in statements(text)
    # "Afterward" (American spelling) goes on with the day before it
    recap = ("Cuban President Raúl Castro received US President Barack Obama on Monday.\n\n"
             "Afterward, the two presidents held a joint news conference.")
    assert statements("Obama spoke on Wednesday.\n\n" + recap) == {
        ("press_briefing", ("Barack Obama", "Raúl Castro"), "2022-03-07")}


def test_extract_a_paragraph_that_names_its_day_keeps_it_over_the_parties_last_contact():
    text = ("French President Emmanuel Macron hosted German Chancellor Olaf Scholz and Italian "
            "Prime Minister Mario Draghi in Paris on Thursday.\n\n"
            "The summit was preceded on Wednesday by separate meetings. Macron received Scholz "
            "in the morning and Draghi in the afternoon.")
    assert {(c[2], c[4]) for c in contacts(text)} == {
        (("Emmanuel Macron", "Mario Draghi", "Olaf Scholz"), "2022-03-10"),
        (("Emmanuel Macron", "Olaf Scholz"), "2022-03-09"),
        (("Emmanuel Macron", "Mario Draghi"), "2022-03-09")}


def test_extract_a_call_received_after_its_day_is_one_call():
    text = ("Crown Prince Faisal bin Rashid received on Wednesday a phone call from Iranian "
            "President Ali Karimi.")
    assert contacts(text) == [("phone", "occurred", ("Ali Karimi", "Faisal bin Rashid"),
                               "Ali Karimi", "2022-03-09")]


# --- Reference: pronouns agree in gender with what the text says of their antecedent -----------

def test_extract_a_ruler_s_style_alone_stands_for_the_royal_last_named():
    text = ("Emir Sheikh Nasser Al-Jaber received Qatari Foreign Minister Ali Rumaihi on "
            "Monday.\n\nEgyptian Foreign Minister Omar Said is to host a meeting in Cairo on "
            "Wednesday.\n\nOn Sunday night, His Highness telephoned King Fahd bin Saud.")
    assert {"Nasser Al-Jaber", "Fahd bin Saud"} in [
        set(participants) for _, _, participants, _, _ in contacts(text)]


def test_extract_an_honorific_in_capitals_is_no_pronoun():
    text = ("Qatari Emir Sheikh Tamim bin Hamad Al-Thani received a phone call today from HE US "
            "President Joe Biden.")
    assert contacts(text) == [("phone", "occurred", ("Joe Biden", "Tamim bin Hamad Al Thani"),
                               "Joe Biden", "2022-03-11")]


def test_extract_a_call_between_the_two_is_between_the_two_named_last():
    text = ("British Prime Minister Rishi Sunak met Commission President Ursula von der Leyen on "
            "Monday. After a further telephone call between the two on Sunday, the deal was done.")
    assert ("phone", ("Rishi Sunak", "Ursula von der Leyen"), "2022-03-06") in [
        (c[0], c[2], c[4]) for c in contacts(text)]


@pytest.mark.parametrize("text", [
    ("Indonesian Foreign Minister Marty Natalegawa set out on Tuesday. He flew first to "
     "Manila on Wednesday for talks with Philippine Foreign Secretary Albert del Rosario, "
     "then on to Hanoi, where he saw Vietnamese Foreign Minister Pham Binh Minh."),
    # "On Wednesday, he flew to Manila, where he saw A, and then …": a relative clause after the
    # main clause began, not one in a sentence-opening phrase pointing forward
    ("Indonesian Foreign Minister Marty Natalegawa set out to repair the damage, and so did "
     "Vietnamese Foreign Minister Pham Binh Minh. On Wednesday, he flew to Manila, where he "
     "saw Philippine Foreign Secretary Albert del Rosario, and then to Hanoi for talks with "
     "Pham Binh Minh."),
])
def test_extract_a_subject_pronoun_after_a_clause_opening_may_stand_for_an_earlier_pronoun(text):
    assert sorted(c[2] for c in contacts(text)) == [
        ("Albert del Rosario", "Marty Natalegawa"), ("Marty Natalegawa", "Phạm Bình Minh")]


def test_extract_a_pronoun_after_a_fronted_phrase_s_sentence_is_its_main_subject():
    text = ("Speaking at a news conference with New Zealand Foreign Minister Nanaia Mahuta, US "
            "Secretary of State Antony Blinken said he had called Bazoum. He said he had also "
            "spoken with Nigerian President Bola Tinubu on Wednesday.")
    assert ("Antony Blinken", "Bola Tinubu") in [c[2] for c in contacts(text)]


def test_extract_a_subject_pronoun_after_a_clause_opening_is_the_latest_subject():
    text = ("Indian Prime Minister Narendra Modi spoke on Monday, and on Wednesday External "
            "Affairs Minister Priya Rao travelled to Islamabad, where she called on Prime "
            "Minister Nawaz Sharif.")
    assert [c[2] for c in contacts(text) if "Nawaz Sharif" in c[2]] == [("Nawaz Sharif",
                                                                         "Priya Rao")]


def test_extract_a_pronoun_skips_an_official_of_the_other_gender():
    text = ("British Prime Minister Theresa May travelled to Brussels on Monday. "
            "Mrs May said the talks would be hard. "
            "European Commission President Jean-Claude Juncker welcomed the visit. "
            "She was met by Michel Barnier, the Commission's chief negotiator.")
    found = [tuple(sorted(c.participants)) for c in run(text, dt.date(2017, 12, 5)).communications
             if c.kind.value == "contact"]
    assert ("Michel Barnier", "Theresa May") in found
    assert ("Jean-Claude Juncker", "Michel Barnier") not in found


def test_extract_a_group_opening_a_paragraph_is_the_articles_protagonists():
    text = ("US President Donald Trump met North Korean leader Kim Jong Un in Hanoi on Wednesday. "
            "Trump said Kim was a friend. Kim smiled.\n\n"
            "Later Trump telephoned South Korea's president, Moon Jae-in, and Japan's prime "
            "minister, Shinzo Abe.\n\n"
            "The two leaders had first met in Singapore on June 12 last year.")
    found = [tuple(sorted(c.participants)) for c in run(text, dt.date(2019, 3, 1)).communications
             if any("Singapore" in span.sentence for span in c.evidence)]
    assert found == [("Donald Trump", "Kim Jong Un")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a possessive in a fronted phrase points forward to the subject after the comma
        ("In his address to the summit, Israeli Prime Minister Ehud Olmert said peace was near.",
         dt.date(2007, 11, 28), {("speech", ("Ehud Olmert",), None)}),
        # "told Russian reporters" is a briefing like "told reporters"
        (("Russian Foreign Minister Sergei Lavrov told Russian reporters in Helsinki on Monday "
          "that the talks were good."), dt.date(2018, 7, 17),
         {("press_briefing", ("Sergei Lavrov",), "2018-07-16")}),
    ],
)
def test_extract_statement_speakers_and_occasions(text, published, expected):
    assert statements(text, published) == expected


def test_extract_last_year_moves_an_explicit_date_back():
    text = ("US President Donald Trump and Russian President Vladimir Putin had last met in "
            "Hamburg on July 7 last year.")
    assert [c[4] for c in contacts(text, dt.date(2018, 7, 16))] == ["2017-07-07"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # initials glued to a surname ("J.Stoltenberg") are a name; the holder's usual name wins
        ("NATO Secretary General J.Stoltenberg met Russian Permanent Representative A.V.Grushko.",
         dt.date(2016, 4, 20),
         [("Jens Stoltenberg", "Secretary General", "NATO"),
          ("A.V. Grushko", "Permanent Representative", "Russia")]),
        # organisation words end no title with a person: "the African Union Commission"
        ("Moussa Faki Mahamat, chairperson of the African Union Commission, arrived.",
         dt.date(2022, 6, 3), [("Moussa Faki Mahamat", "Chairperson", "African Union")]),
    ],
)
def test_extract_names_from_readout_conventions(text, published, expected):
    assert [(o.name, o.post, o.government) for o in run(text, published).officials] == expected


def test_extract_stops_at_its_time_limit_with_an_article_error():
    from kg.errors import ArticleError

    text = "Russian President Vladimir Putin met Chinese President Xi Jinping on Monday.\n" * 200
    with pytest.raises(ArticleError, match="dense: extraction stopped after 0 s"):
        extract(Article(Meta(id="dense", published=PUBLISHED), text), time_limit=0)


@pytest.mark.parametrize(("resident", "stops"), [
    ([100 * 2**20, 103 * 2**20], True),   # 3 MiB added, 2 MiB allowed
    ([100 * 2**20, 101 * 2**20], False),
    ([None, 500 * 2**20], False),         # a system that does not say: the time limit alone
])
def test_extract_budget_stops_an_article_that_takes_too_much_memory(resident, stops):
    from kg.errors import ArticleError
    from kg.extract import Budget

    readings = iter(resident)
    budget = Budget.starting("dense", 60, 2, resident=lambda: next(readings))
    if stops:
        with pytest.raises(ArticleError, match="dense: extraction stopped after it took 2 MiB"):
            budget.check()
    else:
        budget.check()


def test_extract_the_officials_stage_checks_the_time_limit_between_its_passes():
    from kg.errors import ArticleError

    checks = []

    def check() -> None:
        checks.append(len(checks))
        if len(checks) == 3:
            raise ArticleError("stopped")

    # A dense article spends most of its time finding officials: the limit is checked there
    # too, not only once they are all found.
    with pytest.raises(ArticleError, match="stopped"):
        find_officials("Russian President Vladimir Putin met Chinese President Xi Jinping.",
                       load_knowledge(), PUBLISHED, check=check)
    assert checks == [0, 1, 2]


def test_extract_a_dense_article_costs_each_repeated_mention_once():
    # Repetition must not multiply work: one event reported many times stays one event whose
    # evidence holds every report (quadratic merging made such texts run for minutes).
    line = "Russian President Vladimir Putin met Chinese President Xi Jinping on Monday.\n"
    found = run(line * 300).communications
    assert len(found) == 1 and len(found[0].evidence) == 300


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # family names first in capitals, as some governments' readouts write them
        ("Mr. KISHIDA Fumio held a summit meeting with H.E. Mr. YOON Suk Yeol on Thursday.",
         dt.date(2023, 3, 17), [("Fumio Kishida", "Yoon Suk Yeol")]),
        # a style makes a lone given name an office-holder ("Crown Prince Abdullah" in 2000)
        ("President Bill Clinton telephoned Crown Prince Abdullah of Saudi Arabia on Monday.",
         dt.date(2000, 7, 25), [("Abdullah bin Abdulaziz Al Saud", "Bill Clinton")]),
        # a capital is no surname ("Muscat" is no Joseph Muscat)
        ("In Muscat, Iranian President Hassan Rouhani was welcomed by Sultan Qaboos on Wednesday.",
         dt.date(2017, 2, 16), [("Hassan Rouhani", "Sultan Qaboos")]),
    ],
)
def test_extract_office_holders_under_readout_and_royal_forms(text, published, expected):
    assert [tuple(sorted(c.participants)) for c in run(text, published).communications
            if c.kind.value == "contact"] == expected


def test_extract_a_dateline_anchors_relative_dates_without_a_publication_date():
    text = ("BEIJING, June 19 (Reuters) — Chinese Foreign Minister Qin Gang met U.S. Secretary of "
            "State Antony Blinken on Sunday in 2023's first such visit.")
    extraction = run(text, published=None)
    assert [c.date.isoformat() for c in extraction.communications] == ["2023-06-18"]
    assert any("dateline" in w for w in extraction.warnings)


def test_extract_a_dateline_without_any_year_is_the_latest_such_day():
    text = ("BEIJING, June 19 (Reuters) — Chinese Foreign Minister Qin Gang met U.S. Secretary of "
            "State Antony Blinken on Sunday.")
    [meeting] = run(text, published=None).communications
    today = dt.date.today()
    dateline = dt.date(today.year if (today.month, today.day) >= (6, 19) else today.year - 1, 6, 19)
    assert meeting.date.weekday() == 6 and 0 < (dateline - meeting.date).days <= 7


def test_extract_a_dateline_naming_no_real_day_anchors_nothing():
    text = "BEIJING, June 31 (Reuters) — Qin Gang met Antony Blinken on Sunday."
    [meeting] = run(text, published=None).communications
    assert meeting.date is None


@pytest.mark.parametrize(("text", "published", "speaker", "statement"), [
    # remarks to a plenary, and a conference opened by the main clause's subject, are speeches
    (("British International Development Secretary Justine Greening hosted the conference. In "
      "her remarks to the plenary, Ms Greening announced a pledge."), dt.date(2014, 10, 3),
     ("Justine Greening", "International Development Secretary", "United Kingdom"),
     ("speech", ("Justine Greening",), None)),
    (("British International Development Secretary Justine Greening hosted the conference. "
      "Opening the conference, Ms Greening said the world had been slow."), dt.date(2014, 10, 3),
     ("Justine Greening", "International Development Secretary", "United Kingdom"),
     ("speech", ("Justine Greening",), None)),
    # an apposition, then a relative clause, between the speaker and the verb
    (("John Kerry, the special presidential envoy for climate, who has been in Cairo for most "
      "of the week, said on Wednesday that the United States would not pay."),
     dt.date(2022, 11, 11), ("John Kerry", "Special Presidential Envoy", "United States"),
     ("unspecified", ("John Kerry",), "2022-11-09")),
    # a complaint is a report of speech too
    (("Special Presidential Envoy John Kerry complained publicly on Wednesday that the rich "
      "countries were dividing the developing world."), dt.date(2022, 11, 11),
     ("John Kerry", "Special Presidential Envoy", "United States"),
     ("unspecified", ("John Kerry",), "2022-11-09")),
    # so is a confirmation; a confirmation in office is none
    (("Kremlin spokesman Dmitry Peskov confirmed the exchange on Friday. Peskov was confirmed in his "
      "post in May."), dt.date(2024, 8, 3),
     ("Dmitry Peskov", "Spokesman", "Russia"), ("unspecified", ("Dmitry Peskov",), "2024-08-02")),
])
def test_extract_statements_by_their_occasion_verb_and_across_appositions(text, published,
                                                                         speaker, statement):
    assert [(o.name, o.post, o.government) for o in run(text, published).officials] == [speaker]
    assert statements(text, published) == {statement}


def test_extract_a_readout_title_without_article_stands_for_its_official():
    text = ("Prime Minister Narendra Modi arrived in Johannesburg on Friday. Prime Minister "
            "addressed the India-South Africa Business Forum later that day.")
    assert statements(text, dt.date(2016, 7, 9)) == {("speech", ("Narendra Modi",), "2016-07-08")}


@pytest.mark.parametrize(
    ("source", "government"),
    [("government readout", "Kazakhstan"), ("press release", "Kazakhstan"), ("newspaper", "France")],
)
def test_extract_a_readout_places_its_unplaced_officials_on_its_principal_s_side(source,
                                                                                 government):
    # A readout titles the foreign side by its country and leaves its own unplaced; a newspaper
    # gives no such sign, and the country it names most wins.
    text = ("Kazakh President Kassym-Jomart Tokayev held talks with French President Emmanuel "
            "Macron on French investment and France's role. Foreign Minister Arman Zhaksybekov "
            "spoke to reporters.")
    found = extract(Article(Meta(id="t", published=PUBLISHED, source=source), text)).officials
    assert {o.name: o.government for o in found}["Arman Zhaksybekov"] == government


RELEASE_HEAD = ("Visit to Fiji\n\nMedia release\n11 March 2022\n"
                "The Hon Ann Hale MP, Prime Minister of New Zealand\n\n")
RELEASE_BODY = ("Today I held talks with my friend Prime Minister Josaia Tora in Suva, the first "
                "such meeting since his re-election and the election of my Government last year."
                "\n\nPrime Minister Tora has invited me to visit the islands of Lau in May. I "
                "called on the President, His Excellency Ratu Wiliame Katonivere, at State House."
                "\n\nOn my arrival yesterday I was welcomed by the Hon Sam Lui MP, the Deputy "
                "Prime Minister.")


@pytest.mark.parametrize(
    ("source", "head", "expected"),
    [
        # An official's own release speaks in the first person: "I" is whom its head names.
        ("press release", RELEASE_HEAD, [
            ("meeting", "occurred", ("Ann Hale", "Josaia Tora"), None, "2022-03-11"),
            ("meeting", "planned", ("Ann Hale", "Josaia Tora"), "Ann Hale", None),
            ("meeting", "occurred", ("Ann Hale", "Wiliame Katonivere"), "Ann Hale", "2022-03-11"),
            ("meeting", "occurred", ("Ann Hale", "Sam Lui"), "Ann Hale", "2022-03-10")]),
        # ... a release whose head names nobody, or a newspaper's, has no known "I"
        ("press release", "Visit to Fiji\n\nMedia release\n11 March 2022\n\n", []),
        ("newspaper", RELEASE_HEAD, []),
    ],
)
def test_extract_the_first_person_of_an_official_s_own_release_is_its_author(source, head,
                                                                              expected):
    article = Article(Meta(id="t", published=PUBLISHED, source=source), head + RELEASE_BODY)
    found = [(c.mode.value, c.status.value, tuple(sorted(c.participants)), c.initiator,
              c.date.isoformat() if c.date else None)
             for c in extract(article).communications if len(c.participants) > 1]
    assert found == expected


def test_extract_office_holders_of_the_cold_war_are_known_by_their_surnames():
    # The gazetteer reaches back to 1970: untitled surnames name the holders of the day, with
    # the states of the day ("West Germany").
    text = "Schmidt telephoned Giscard d'Estaing on Monday, a day after Ford met Sadat in Salzburg."
    extraction = run(text, dt.date(1975, 6, 10))
    assert [(o.name, o.government) for o in extraction.officials] == [
        ("Helmut Schmidt", "West Germany"), ("Valéry Giscard d'Estaing", "France"),
        ("Gerald Ford", "United States"), ("Anwar Sadat", "Egypt")]
    assert [c.participants for c in extraction.communications] == [
        ("Helmut Schmidt", "Valéry Giscard d'Estaing"), ("Gerald Ford", "Anwar Sadat")]


def test_extract_a_side_s_leaders_are_its_officials_named_before():
    # "the EU leaders" are the EU's officials the passage named; "they met X" afterwards are the
    # side that met the last contact's other side, not X's own side
    text = ("The EU was represented by Charles Moreau, President of the European Council, and "
            "Anna Lind, President of the European Commission. In the morning, the EU leaders "
            "held a first session with Chinese Premier Li Wen. In the afternoon they met Chinese "
            "President Zhao Ming.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Anna Lind", "Charles Moreau", "Li Wen"), ("Anna Lind", "Charles Moreau", "Zhao Ming")]


@pytest.mark.parametrize("verb", ["accorded an official welcome", "gave a ceremonial welcome",
                                  "extended a state welcome"])
def test_extract_a_welcome_accorded_to_a_visitor_is_a_meeting_the_visitor_starts(verb):
    text = f"President Tom Reid {verb} to Prime Minister Ann Hale at the palace on Friday."
    assert contacts(text) == [
        ("meeting", "occurred", ("Ann Hale", "Tom Reid"), "Ann Hale", "2022-03-11")]


@pytest.mark.parametrize(("text", "expected"), [
    # a host takes a guest out: a meeting the guest starts, as a visit
    ("Prime Minister Ann Hale took President Tom Reid for a round of golf on Friday.",
     [("meeting", "occurred", ("Ann Hale", "Tom Reid"), "Tom Reid", "2022-03-11")]),
    ("Prime Minister Ann Hale took President Tom Reid on a boat ride on Friday.",
     [("meeting", "occurred", ("Ann Hale", "Tom Reid"), "Tom Reid", "2022-03-11")]),
    ("Prime Minister Ann Hale took questions for an hour on Friday.", []),
])
def test_extract_a_guest_taken_out_by_the_host_met_the_host(text, expected):
    assert contacts(text) == expected


def test_extract_a_deputy_s_title_is_not_the_post_it_is_deputy_to():
    text = ("Prime Minister Ann Hale met Foreign Minister Sam Lui and Deputy Prime Minister Tom "
            "Reid on Friday. The Deputy Prime Minister told reporters the talks had gone well.")
    assert statement_speakers(text) == [("Tom Reid",)]


def test_extract_a_styled_name_after_a_list_of_posts_is_coordinated():
    text = ("His Highness Sheikh Ali bin Said, Vice President, Prime Minister and Ruler of "
            "Dubai, and His Highness Sheikh Omar bin Said, Deputy Prime Minister, sent cables of "
            "congratulations to President Tom Reid.")
    assert [participants for _, _, participants, _, _ in contacts(text)] == [
        ("Ali bin Said", "Tom Reid"), ("Omar bin Said", "Tom Reid")]


def test_extract_styles_and_postnominals_of_pacific_releases_are_no_part_of_a_name():
    text = ("The Hon Pat Conroy MP called on the Governor-General, His Excellency Grand Chief "
            "Sir Bob Dadae, and later met PNG's Minister for Foreign Affairs, Justin Tkatchenko.")
    assert [(o.name, o.government) for o in run(text).officials] == [
        ("Pat Conroy", None), ("Bob Dadae", None), ("Justin Tkatchenko", "Papua New Guinea")]


def test_extract_a_press_secretary_is_no_leader_and_reports_no_contact_of_his_own():
    text = ("French President Emmanuel Macron arrived. Presidential Press Secretary Ruslan "
            "Zheldibay wrote on his Telegram channel that the visit of the French leader "
            "confirmed the dynamics.")
    extraction = run(text)
    assert {o.name: o.government for o in extraction.officials}["Ruslan Zheldibay"] != "France"
    assert [(c.kind.value, c.mode.value, c.participants) for c in extraction.communications] == [
        ("statement", "social_media", ("Ruslan Zheldibay",))]


def test_extract_a_title_a_verb_governs_names_the_other_party():
    # "Bush invited the Russian leader": the one who invites is not the Russian leader.
    text = ("President George W. Bush met President Vladimir Putin in Slovenia. Mr Putin asked Mr "
            "Bush to visit Russia, and Mr Bush invited the Russian leader to his ranch.")
    planned = [c[2] for c in contacts(text, dt.date(2001, 6, 17)) if c[1] == "planned"]
    assert planned and all(p == ("George W. Bush", "Vladimir Putin") for p in planned)


def test_extract_a_call_recalled_with_its_day_takes_that_day():
    # "The call on Thursday evening": the call just reported, on Thursday; "the monarch" is
    # the king, not the president he called; the call's content says nothing of its mode.
    text = ("Morocco's King Mohammed VI telephoned Palestinian President Mahmoud Abbas, the royal "
            "palace said. The call on Thursday evening came shortly after the monarch spoke by "
            "phone with US President Donald Trump. A statement said the king had told Trump that "
            "Morocco would reopen its liaison office in Rabat.")
    assert contacts(text, dt.date(2020, 12, 11)) == [
        ("phone", "occurred", ("Mahmoud Abbas", "Mohammed VI"), "Mohammed VI", "2020-12-10"),
        ("phone", "occurred", ("Donald Trump", "Mohammed VI"), None, "2020-12-10")]


def test_extract_a_conference_call_with_reporters_is_a_briefing():
    text = ("President Donald Trump announced the deal. Jared Kushner, Trump's senior adviser, "
            "told reporters on a conference call on Thursday that he had worked on it for two "
            "years.")
    assert [(c.kind.value, c.mode.value, c.participants)
            for c in run(text, dt.date(2020, 12, 11)).communications if "Jared Kushner" in
            c.participants] == [("statement", "press_briefing", ("Jared Kushner",))]


@pytest.mark.parametrize(
    ("source", "host"),
    [("government readout", "Kassym-Jomart Tokayev"), ("newspaper", "Emmanuel Macron")],
)
def test_extract_a_readout_calls_its_principal_the_president(source, host):
    # A readout's capitalised "The President" is its principal, though another president was
    # named since; in a newspaper it is the one named last.
    text = ("President Kassym-Jomart Tokayev assumed the chairmanship, receiving it from "
            "President Emmanuel Macron. Spokesman Ruslan Zheldibay said the session went well. "
            "The President then received UN Secretary-General António Guterres.")
    found = extract(Article(Meta(id="t", published=PUBLISHED, source=source), text))
    assert [tuple(sorted(c.participants)) for c in found.communications
            if "Guterres" in c.evidence[0].sentence] == [tuple(sorted(("António Guterres", host)))]


def test_extract_a_title_of_one_body_is_not_the_holder_of_another_s():
    # "the President of the Republic" is not the President of the Senate named before it.
    text = ("Indian Prime Minister Narendra Modi was received by the President of the Senate, "
            "Gérard Larcher. The President of the Republic then hosted the Prime Minister.")
    cast = find_officials(text, load_knowledge())
    second = text.index("The President")
    assert [m.official for m in cast.mentions if m.start >= second] == ["Narendra Modi"]


def test_extract_a_headline_verb_before_an_article_ends_the_name():
    text = ("President El-Sisi Assumes the Chairmanship\n\nPresident Abdel Fattah El-Sisi met "
            "French President Emmanuel Macron.")
    assert [o.name for o in run(text).officials] == ["Abdel Fattah el-Sisi", "Emmanuel Macron"]


def test_extract_a_gapped_joined_by_clause_joins_each_side():
    # "A was joined by B, and C by D": D comes along with C, not with A.
    text = ("Afghan President Ashraf Ghani met Pakistani Prime Minister Nawaz Sharif on Saturday, "
            "followed by delegation-level talks in which the Afghan president was joined by his "
            "national security adviser, Mohammad Hanif Atmar, and Sharif by his adviser Sartaj "
            "Aziz.")
    assert [c[2] for c in contacts(text, dt.date(2014, 11, 16))] == [
        ("Ashraf Ghani", "Mohammad Hanif Atmar", "Nawaz Sharif", "Sartaj Aziz")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a summons is a meeting the summoner starts
        (("Pakistani Foreign Secretary Shamshad Ahmad summoned India's High Commissioner, Satish "
          "Chandra, on Wednesday."), [("Satish Chandra", "Shamshad Ahmad")]),
        # a body that summons is no official: the narrative's subject did not summon anyone
        (("Maldivian President Mohamed Muizzu flew to Beijing. India's foreign ministry summoned "
          "the Maldivian envoy, High Commissioner Ibrahim Shaheeb, on Monday."), []),
    ],
)
def test_extract_a_summons_is_a_meeting_of_the_summoner(text, expected):
    assert [c[2] for c in contacts(text) if len(c[2]) > 1] == expected


def test_extract_a_partner_fronted_with_with_is_the_other_side():
    text = ("Indian Prime Minister Narendra Modi held talks on Tuesday. With Afghan President "
            "Hamid Karzai he discussed the attack on the consulate in Herat.")
    assert [c[2] for c in contacts(text, dt.date(2014, 5, 28))] == [("Hamid Karzai",
                                                                      "Narendra Modi")]


def test_extract_a_programme_told_in_the_present_tense_is_planned():
    text = ("Chilean President Gabriel Boric met Argentine President Alberto Fernández on Tuesday. "
            "His programme continues on Monday with talks with Peruvian President Dina Boluarte.")
    assert [c[:3] for c in contacts(text)] == [
        ("meeting", "occurred", ("Alberto Fernández", "Gabriel Boric")),
        ("unspecified", "planned", ("Dina Boluarte", "Gabriel Boric"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # officials coordinated before a relative clause are all the verb's subject, and how
        # they came ("separately") is not how they met
        (("U.S. Defense Secretary Mark Esper and NATO Secretary General Jens Stoltenberg, who had "
          "flown in separately, met Afghan President Ashraf Ghani at the presidential palace."),
         [("meeting", ("Ashraf Ghani", "Jens Stoltenberg", "Mark Esper"))]),
        # chatting is talking; a selfie "on her phone" is no phone call
        (("Danish Prime Minister Helle Thorning-Schmidt chatted with U.S. President Barack Obama "
          "and British Prime Minister David Cameron and took a selfie on her phone."),
         [("unspecified", ("Barack Obama", "David Cameron", "Helle Thorning-Schmidt"))]),
        # calling someone something in quotation marks is no call
        (('In his speech, U.S. President Barack Obama called South African President Jacob Zuma '
          '"a friend".'), []),
    ],
)
def test_extract_contacts_of_coordinated_subjects_chats_and_quoted_names(text, expected):
    assert [(c[0], c[2]) for c in contacts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a request made in a letter: the letter was sent, whatever it asked for
        (("Haitian Prime Minister Ariel Henry asked for an international force in a letter to UN "
          "Secretary-General Antonio Guterres on Monday."),
         [("correspondence", "occurred", ("António Guterres", "Ariel Henry"))]),
        # witnessing a signing together is meeting
        (("Haitian Prime Minister Ariel Henry and Kenyan President William Ruto witnessed the "
          "signing of the agreement on Monday."),
         [("meeting", "occurred", ("Ariel Henry", "William Ruto"))]),
    ],
)
def test_extract_a_letter_making_a_request_and_a_signing_witnessed(text, expected):
    assert [c[:3] for c in contacts(text)] == expected


def test_extract_a_title_of_a_body_brings_in_no_office_holder():
    # "First Secretary of the Central Committee" is no US Secretary of State of that day.
    text = ("Mexican President Andrés Manuel López Obrador arrived in Havana. The Secretary of the "
            "Central Committee received him on Sunday. Both criticised the United States.")
    names = [o.name for o in run(text, dt.date(2022, 5, 8)).officials]
    assert "Antony Blinken" not in names


def test_extract_the_distinguished_visitor_is_the_guest():
    text = ("Cuban President Miguel Díaz-Canel held talks with Mexican President Andrés Manuel "
            "López Obrador on Sunday. The distinguished visitor arrived on Saturday night, where "
            "he was welcomed by Foreign Minister Bruno Rodríguez Parrilla.")
    assert ("Andrés Manuel López Obrador", "Bruno Rodríguez Parrilla") in [
        c[2] for c in contacts(text, dt.date(2022, 5, 8))]


def test_extract_officials_received_in_turn_are_met_one_by_one():
    text = ("Brazilian President Luiz Inácio Lula da Silva received Spain's King Felipe first and "
            "then, in turn, Chilean President Gabriel Boric and Bolivian President Luis Arce.")
    assert [c[2] for c in contacts(text)] == [
        ("Felipe VI", "Luiz Inácio Lula da Silva"), ("Gabriel Boric", "Luiz Inácio Lula da Silva"),
        ("Luis Arce", "Luiz Inácio Lula da Silva")]


def test_extract_one_who_brings_two_together_meets_them_and_one_beside_him_speaks_too():
    text = ("NATO Secretary General Jens Stoltenberg brought Turkish President Recep Tayyip Erdogan "
            "and Swedish Prime Minister Ulf Kristersson together for talks on Monday. Afterwards "
            "he told a news conference, with Mr Kristersson beside him, that Turkey would back "
            "Sweden.")
    found = run(text, dt.date(2023, 7, 11)).communications
    assert [(c.kind.value, tuple(sorted(c.participants))) for c in found] == [
        ("contact", ("Jens Stoltenberg", "Recep Tayyip Erdoğan", "Ulf Kristersson")),
        ("statement", ("Jens Stoltenberg", "Ulf Kristersson"))]


@pytest.mark.parametrize(
    "text",
    [
        "In brief remarks at the ceremony, U.S. President Bill Clinton praised the agreements.",
        "Delivering the eulogy, Japanese Prime Minister Fumio Kishida recalled his friend.",
        "Chinese President Xi Jinping delivered a toast at the banquet.",
    ],
)
def test_extract_remarks_at_a_ceremony_a_eulogy_and_a_toast_are_speeches(text):
    assert [mode for mode, _, _ in statements(text)] == ["speech"]


def test_extract_an_object_pronoun_is_none_of_its_coordinated_subjects():
    text = ("Liberian President Charles Taylor handed over power on Monday. Ghana's President John "
            "Kufuor and Mozambique's President Joaquim Chissano attended. Taylor then flew to "
            "Nigeria, where Kufuor and Chissano saw him off.")
    assert ("Charles Taylor", "Joaquim Chissano", "John Kufuor") in [
        c[2] for c in contacts(text, dt.date(2003, 8, 12))]


def test_extract_the_purpose_of_a_planned_journey_is_planned():
    text = ("South African President Thabo Mbeki met Zimbabwean President Robert Mugabe on "
            "Thursday. Mr. Mbeki is expected to travel to Harare within weeks for talks with Mr. "
            "Mugabe.")
    assert [c[1] for c in contacts(text, dt.date(2007, 3, 30))] == ["occurred", "planned"]


def test_extract_the_leader_of_a_side_is_its_head_before_its_minister():
    text = ("U.S. President Donald Trump met Chinese President Xi Jinping in Osaka. Chinese "
            "Foreign Minister Wang Yi said the talks went well, and the Chinese leader had told "
            "Mr. Trump that China would buy farm products.")
    assert {c[2] for c in contacts(text, dt.date(2019, 6, 30))} == {("Donald Trump",
                                                                       "Xi Jinping")}


@pytest.mark.parametrize(
    "text",
    [
        ("Saudi Crown Prince Mohammed bin Salman arrived in Islamabad. He travels to New Delhi "
         "next, where he will meet Prime Minister Narendra Modi on Wednesday, and is expected to "
         "meet President Xi Jinping later in the week."),
        ("Saudi Crown Prince Mohammed bin Salman arrived in Islamabad. He will hold talks with "
         "Prime Minister Narendra Modi on Wednesday, and is expected to meet President Xi Jinping "
         "later in the week."),
    ],
)
def test_extract_a_verb_after_and_with_only_an_auxiliary_shares_the_main_subject(text):
    assert ("Mohammed bin Salman", "Xi Jinping") in [c[2] for c in contacts(text,
                                                                             dt.date(2019, 2, 19))]


def test_extract_the_subject_after_a_long_opening_phrase_with_an_irregular_verb_is_the_topic():
    # "flew" is a finite verb: the official before it is the sentence's subject, whom the next
    # sentence's "He" continues.
    text = ("India sent Minister Kiren Rijiju to the inauguration. Breaking with the custom that a "
            "new Maldivian president makes New Delhi his first port of call, Maldivian President "
            "Mohamed Muizzu flew instead to Turkey, where he met President Recep Tayyip Erdogan. "
            "He did meet Prime Minister Narendra Modi, briefly, on December 1.")
    assert ("Mohamed Muizzu", "Narendra Modi") in [c[2] for c in contacts(text,
                                                                          dt.date(2024, 1, 20))]


@pytest.mark.parametrize(
    "text",
    [
        # a clock time's colon ends no clause
        ("Chancellor Olaf Scholz held talks from 14:30 at the Chancellery with President "
         "Emmanuel Macron of France."),
        # "with" names the partner even after a long account of how long and where
        ("Chancellor Olaf Scholz held a working meeting lasting well over two and a half hours "
         "at the guest house of the federal government near Bonn with His Excellency Mr. "
         "Emmanuel Macron, President of the French Republic."),
    ],
)
def test_extract_a_partner_named_by_with_after_a_time_and_a_long_venue(text):
    assert [c[2] for c in contacts(text, dt.date(2023, 7, 4))] == [("Emmanuel Macron",
                                                                     "Olaf Scholz")]


@pytest.mark.parametrize(
    ("text", "initiator"),
    [
        # three sides: the host starts it, though both guests travelled
        (("Chinese Foreign Minister Wang Yi hosted Saudi Foreign Minister Faisal bin Farhan and "
          "Iranian Foreign Minister Hossein Amir-Abdollahian in Beijing."), "Wang Yi"),
        (("Saudi Foreign Minister Faisal bin Farhan and Iranian Foreign Minister Hossein "
          "Amir-Abdollahian were received by Chinese Foreign Minister Wang Yi in Beijing."),
         "Wang Yi"),
        # two sides: a guest with his own minister is still the visitor's side (no one leader
        # named), so no initiator
        (("Chinese Foreign Minister Wang Yi hosted Saudi Foreign Minister Faisal bin Farhan and "
          "Saudi Energy Minister Abdulaziz bin Salman in Beijing."), None),
    ],
)
def test_extract_the_host_of_a_meeting_of_three_sides_is_its_initiator(text, initiator):
    assert [c[3] for c in contacts(text, dt.date(2023, 4, 6))] == [initiator]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # messages sent to a list: one letter each
        (("Japanese Prime Minister Junichiro Koizumi sent messages of sympathy to Thai Prime "
          "Minister Thaksin Shinawatra and Sri Lankan President Chandrika Kumaratunga."),
         [("Chandrika Kumaratunga", "Junichiro Koizumi"),
          ("Junichiro Koizumi", "Thaksin Shinawatra")]),
        # the recipient between the verb and what was sent
        (("Japanese Prime Minister Junichiro Koizumi sent Thai Prime Minister Thaksin Shinawatra "
          "a handwritten letter."), [("Junichiro Koizumi", "Thaksin Shinawatra")]),
        # a verb form alone, sending nobody anything, is no letter
        (("Japanese Prime Minister Junichiro Koizumi sent navy ships to help Thai Prime Minister "
          "Thaksin Shinawatra with the search."), []),
    ],
)
def test_extract_what_is_sent_to_an_official_is_a_letter(text, expected):
    assert sorted(c[2] for c in contacts(text, dt.date(2005, 1, 3))
                  if c[0] == "correspondence") == expected


def test_extract_a_reporter_after_a_list_of_recipients_speaks_alone():
    # "A and B, spokesman C told reporters": a list names its last with "and"
    text = ("Japanese Prime Minister Junichiro Koizumi sent letters to Thai Prime Minister "
            "Thaksin Shinawatra and Sri Lankan President Chandrika Kumaratunga, chief cabinet "
            "spokesman Hiroyuki Hosoda told reporters.")
    assert statement_speakers(text) == [("Hiroyuki Hosoda",)]


def test_extract_an_object_pronoun_after_an_opening_clause_is_not_the_main_subject():
    # the subject of "After X was re-elected" is no subject of the main clause
    text = ("Ghanaian President John Kufuor died on Monday. Nigerian President Olusegun Obasanjo "
            "expressed grief. After Kufuor was re-elected in December, Obasanjo sent him a "
            "warm message.")
    assert [c[2] for c in contacts(text, dt.date(2005, 1, 3))] == [("John Kufuor",
                                                                      "Olusegun Obasanjo")]


def test_extract_a_single_name_is_the_article_s_own_before_a_gazetteer_namesake():
    # "Francis" is the pope the article named, not a minister of that surname in office then
    text = ("Pope Francis arrived in Ulaanbaatar on Friday. On Saturday President Ukhnaagiin "
            "Khürelsükh welcomed Francis at the palace.")
    found = run(text, dt.date(2023, 9, 4))
    assert [o.name for o in found.officials] == ["Pope Francis", "Ukhnaagiin Khürelsükh"]
    assert [c[2] for c in contacts(text, dt.date(2023, 9, 4))] == [("Pope Francis",
                                                                     "Ukhnaagiin Khürelsükh")]


@pytest.mark.parametrize(
    "text",
    [
        ("Indian Prime Minister Narendra Modi landed at King Fahd International Airport and "
         "was welcomed by Saudi Foreign Minister Adel al-Jubeir."),
        ("Indian Prime Minister Narendra Modi toured the Sheikh Zayed Grand Mosque and was "
         "welcomed by Saudi Foreign Minister Adel al-Jubeir."),
    ],
)
def test_extract_a_place_named_after_a_ruler_is_no_official(text):
    assert [o.name for o in run(text, dt.date(2016, 4, 3)).officials] == ["Narendra Modi",
                                                                          "Adel al-Jubeir"]
    assert [c[2] for c in contacts(text, dt.date(2016, 4, 3))] == [("Adel al-Jubeir",
                                                                    "Narendra Modi")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meal given for a guest is a meeting the guest came to
        ("Kenyan President Uhuru Kenyatta gave a state dinner for Chinese Premier Li Keqiang.",
         [("meeting", ("Li Keqiang", "Uhuru Kenyatta"), "Li Keqiang")]),
        (("Kenyan President Uhuru Kenyatta threw a luncheon in honour of Chinese Premier Li "
          "Keqiang."), [("meeting", ("Li Keqiang", "Uhuru Kenyatta"), "Li Keqiang")]),
        # "in X's honour" names the guest; those who attended were at the same meal
        (("Chinese Premier Li Keqiang arrived on Friday. Kenyan President Uhuru Kenyatta gave a "
          "banquet in Li's honour, attended by Kenyan Foreign Minister Amina Mohamed."),
         [("meeting", ("Amina Mohamed", "Li Keqiang", "Uhuru Kenyatta"), "Li Keqiang")]),
    ],
)
def test_extract_a_meal_given_for_a_guest_and_those_who_attended_it(text, expected):
    assert [(c[0], c[2], c[3]) for c in contacts(text, dt.date(2014, 5, 11))] == expected


def test_extract_the_president_elect_is_not_the_sitting_president():
    text = ("Brazilian President-elect Luiz Inácio Lula da Silva spoke with U.S. President Joe "
            "Biden on Monday. Argentine President Alberto Fernández also telephoned the "
            "president-elect on Tuesday.")
    assert ("Alberto Fernández", "Luiz Inácio Lula da Silva") in [
        c[2] for c in contacts(text, dt.date(2022, 11, 2))]


def test_extract_a_style_after_a_post_and_brothers_who_share_a_father_s_name():
    # "His Highness" after the post leaves the whole name to follow; a brother (another given
    # name before the same "bin Zayed Al Nahyan") is another person, not a spelling of it
    text = ("President His Highness Sheikh Mohamed bin Zayed Al Nahyan telephoned President "
            "Recep Tayyip Erdoğan. Deputy Prime Minister Sheikh Mansour bin Zayed Al Nahyan "
            "sent a cable of condolence to President Erdoğan.")
    found = run(text, dt.date(2023, 2, 6))
    assert [o.name for o in found.officials] == [
        "Mohamed bin Zayed Al Nahyan", "Recep Tayyip Erdoğan", "Mansour bin Zayed Al Nahyan"]
    assert sorted(c[2] for c in contacts(text, dt.date(2023, 2, 6))) == [
        ("Mansour bin Zayed Al Nahyan", "Recep Tayyip Erdoğan"),
        ("Mohamed bin Zayed Al Nahyan", "Recep Tayyip Erdoğan")]


def test_extract_who_congratulated_someone_on_twitter_posted_it():
    text = ("Japanese Prime Minister Fumio Kishida congratulated South Korean President-elect "
            "Yoon Suk Yeol on Twitter on Thursday.")
    assert statement_speakers(text) == [("Fumio Kishida",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # letters in the plural from two senders (one with a list of posts): one from each
        (("Sheikh Mohammed bin Rashid Al Maktoum, Vice President, Prime Minister and Ruler of "
          "Dubai, and Sheikh Mansour bin Zayed Al Nahyan, Deputy Prime Minister, sent cables of "
          "condolence to President Recep Tayyip Erdoğan and President Bashar al-Assad."),
         [("Bashar al-Assad", "Mansour bin Zayed Al Nahyan"),
          ("Bashar al-Assad", "Mohammed bin Rashid Al Maktoum"),
          ("Mansour bin Zayed Al Nahyan", "Recep Tayyip Erdoğan"),
          ("Mohammed bin Rashid Al Maktoum", "Recep Tayyip Erdoğan")]),
        # a joint letter is one
        (("Sheikh Mohammed bin Rashid Al Maktoum and Sheikh Mansour bin Zayed Al Nahyan sent a "
          "joint letter to President Recep Tayyip Erdoğan."),
         [("Mansour bin Zayed Al Nahyan", "Mohammed bin Rashid Al Maktoum",
           "Recep Tayyip Erdoğan")]),
    ],
)
def test_extract_letters_from_several_senders_are_one_from_each(text, expected):
    assert sorted(c[2] for c in contacts(text, dt.date(2023, 2, 7))) == expected


def test_extract_reporters_travelling_with_a_leader_do_not_put_him_on_the_stage():
    text = ("U.S. President Barack Obama arrived in Hanoi on Sunday. White House press secretary "
            "Josh Earnest told reporters travelling with the president that the talks went well.")
    assert statement_speakers(text) == [("Josh Earnest",)]


def test_extract_a_capitals_headline_s_verb_ends_the_name_before_it():
    text = ("PM KARANJA WELCOMES SIGNING OF TRADE ACCORD WITH THE UNITED STATES\n\n"
            "Prime Minister Hon. Peter Karanja met U.S. Secretary of State Antony Blinken today.")
    assert {name for name, _, _ in officials(text)} == {"Peter Karanja", "Antony Blinken"}


@pytest.mark.parametrize("host", ["Mr. Sergei Shoigu", "Russia's Defence Minister Sergei Shoigu"])
def test_extract_a_host_named_in_apposition_is_that_official(host):
    text = ("Indian Defence Minister Rajnath Singh met Chinese Defence Minister Wei Fenghe on "
            f"Friday. Singh had held talks with his host, {host}, on Thursday.")
    assert sorted(c[2] for c in contacts(text, dt.date(2020, 9, 5))) == [
        ("Rajnath Singh", "Sergei Shoigu"), ("Rajnath Singh", "Wei Fenghe")]


def test_extract_a_service_s_name_after_a_post_s_scope_is_no_person():
    text = ("The Chief of the General Staff of the Argentine Air Force, Brigadier General Fernando "
            "Mengo, met Defence Minister Luis Petri.")
    assert "Air" not in {name for name, _, _ in officials(text)}


def test_extract_a_readout_s_bare_title_after_an_opening_phrase_is_its_principal():
    text = ("Prime Minister Narendra Modi visited South Africa from 22 to 24 August 2023.\n\n"
            "On arrival on 22 August, Prime Minister was received by H.E. Mr. Paul Mashatile, "
            "Deputy President of South Africa. The same evening, Prime Minister met President "
            "Cyril Ramaphosa.")
    extraction = extract(Article(Meta(id="t", published=dt.date(2023, 8, 24),
                                      source="government readout"), text))
    assert sorted(sorted(c.participants) for c in extraction.communications) == [
        ["Cyril Ramaphosa", "Narendra Modi"], ["Narendra Modi", "Paul Mashatile"]]


def test_extract_a_title_names_only_who_held_it_at_the_time():
    # The gazetteer has Putin as prime minister until 2012: in 2017 he is none.
    text = ("Donald Trump and Vladimir Putin met in Hamburg on Friday. Mr Putin said later that "
            "Mr Putin and Mr Trump had agreed on Syria. On Saturday Theresa May arrived, and the "
            "Prime Minister and Mr Trump discussed trade.")
    assert sorted(c[2] for c in contacts(text, dt.date(2017, 7, 9))) == [
        ("Donald Trump", "Theresa May"), ("Donald Trump", "Vladimir Putin")]


def test_extract_a_premier_is_one_of_the_leaders():
    text = ("Chinese Premier Li Qiang arrived in Berlin on Monday, where Finance Minister Christian "
            "Lindner greeted him at the airport. On Tuesday Li and Chancellor Olaf Scholz opened a "
            "forum with Lindner. The two leaders later held talks at the chancellery.")
    assert ("Li Qiang", "Olaf Scholz") in [c[2] for c in contacts(text, dt.date(2023, 6, 21))]


def test_extract_a_post_written_in_the_government_s_own_language():
    text = ("External Affairs Minister Sushma Swaraj and Raksha Mantri Nirmala Sitharaman hosted "
            "U.S. Secretary of Defense James Mattis in New Delhi today.")
    assert [c[2] for c in contacts(text, dt.date(2018, 9, 6))] == [
        ("James Mattis", "Nirmala Sitharaman", "Sushma Swaraj")]


@pytest.mark.parametrize("text", [
    # the meeting told first, the message in the next sentence
    ("Secretary of State Antony Blinken called on Prime Minister James Marape on Monday. During "
     "the meeting, Blinken conveyed a message from President Joe Biden."),
    # greetings carried, the sender's apposition before the recipient
    ("Secretary of State Antony Blinken conveyed the warm greetings of President Joe Biden, "
     "Chair of the Quad, to Prime Minister James Marape on Monday."),
    # greetings coordinated with wishes, and condolences, are carried words too
    ("Secretary of State Antony Blinken conveyed the cordial greetings and best wishes of "
     "President Joe Biden to Prime Minister James Marape on Monday."),
    ("Secretary of State Antony Blinken conveyed the condolences of President Joe Biden to Prime "
     "Minister James Marape on Monday."),
])
def test_extract_a_message_or_greetings_carried_to_an_official(text):
    letters = [c for c in contacts(text, dt.date(2023, 5, 23)) if c[0] == "correspondence"]
    assert [(c[2], c[3]) for c in letters] == [(("James Marape", "Joe Biden"), "Joe Biden")]


def test_extract_greetings_one_official_asks_another_to_carry_are_the_asker_s():
    text = ("President Joe Biden met Prime Minister James Marape on Monday. Biden asked Marape to "
            "convey his warm regards to Indian Prime Minister Narendra Modi.")
    letters = [c for c in contacts(text, dt.date(2023, 5, 23)) if c[0] == "correspondence"]
    assert [(c[1], c[2], c[3]) for c in letters] == [
        ("planned", ("Joe Biden", "Narendra Modi"), "Joe Biden")]


@pytest.mark.parametrize("verb", ["stopped to shake hands with", "was seen shaking hands with",
                                  "has shaken hands with"])
def test_extract_a_handshake_in_any_form_of_the_verb(verb):
    text = f"U.S. President Barack Obama {verb} Cuban President Raúl Castro in Soweto."
    assert [c[2] for c in contacts(text, dt.date(2013, 12, 10))] == [
        ("Barack Obama", "Raúl Castro")]


@pytest.mark.parametrize("text", [
    # a meeting noun, then a part of the day, then its partner
    ("Nigerian Foreign Minister Tom Ikimi had a meeting on Friday evening with Commonwealth "
     "Secretary-General Emeka Anyaoku."),
    # "Chief" before a name is a style
    ("Foreign Minister Tom Ikimi met the Commonwealth Secretary-General, Chief Emeka Anyaoku, "
     "on Friday."),
    # a relative clause naming an abbreviated title is skipped to its subject
    ("Nigeria's Foreign Minister, Tom Ikimi, who came in place of Gen. Sani Abacha, met "
     "Commonwealth Secretary-General Emeka Anyaoku on Friday."),
], ids=["part-of-the-day", "chief-as-style", "relative-clause-past-gen"])
def test_extract_the_partners_of_a_meeting_past_times_styles_and_abbreviations(text):
    assert [c[2] for c in contacts(text, dt.date(1995, 11, 12))] == [("Emeka Anyaoku", "Tom Ikimi")]


def test_extract_a_place_is_no_office_holder_s_bare_surname():
    # Patricia Scotland was Commonwealth Secretary-General in 2016.
    text = ("On Monday, First Minister Nicola Sturgeon met members of the consular corps in "
            "Scotland at Bute House.")
    assert [name for name, _, _ in officials(text)] == ["Nicola Sturgeon"]
    assert contacts(text, dt.date(2016, 6, 29)) == []


@pytest.mark.parametrize("text", [
    "Foreign Minister Sergei Lavrov, at his own briefing, said the talks had gone well.",
    "Foreign Minister Sergei Lavrov briefed the national and international media on Friday.",
    "At the close of the summit, Foreign Minister Sergei Lavrov answered questions from the media.",
    "Foreign Minister Sergei Lavrov spoke at a press availability after the talks.",
])
def test_extract_a_press_briefing_in_the_words_of_ministries_and_wires(text):
    extraction = run(text, dt.date(2017, 7, 8))
    assert [(c.mode.value, c.participants) for c in extraction.communications] == [
        ("press_briefing", ("Sergei Lavrov",))]


def test_extract_a_group_after_an_opening_phrase_s_contact_is_its_sides():
    text = ("President Vladimir Putin met Prime Minister Shinzo Abe on Friday. On Saturday, during "
            "the talks with President Recep Tayyip Erdogan, the two leaders discussed Idlib.")
    assert sorted(c[2] for c in contacts(text, dt.date(2019, 6, 29))) == [
        ("Recep Tayyip Erdoğan", "Vladimir Putin"), ("Shinzo Abe", "Vladimir Putin")]


def test_extract_a_headline_sums_up_the_body_and_reports_no_event_of_its_own():
    title = "Xi Jinping Meets with Prime Ministers Keir Starmer and Anthony Albanese"
    text = (f"{title}\n\nOn November 18, President Xi Jinping met with British Prime Minister "
            "Keir Starmer in Rio de Janeiro. Later that day Xi Jinping met with Australian Prime "
            "Minister Anthony Albanese.")
    extraction = extract(Article(Meta(id="t", title=title, published=dt.date(2024, 11, 19)),
                                 text))
    assert sorted(sorted(c.participants) for c in extraction.communications) == [
        ["Anthony Albanese", "Xi Jinping"], ["Keir Starmer", "Xi Jinping"]]


@pytest.mark.parametrize("body, government", [
    ("the National Security Council", None),
    ("the Security Council", "United Nations"),
])
def test_extract_a_national_security_council_is_no_un_body(body, government):
    text = (f"Ricardo Vela, the senior director for Western Hemisphere affairs at {body}, met "
            "Foreign Minister Bruno Rodriguez of Cuba.")
    assert officials(text)[0] == ("Ricardo Vela", "Senior Director", government)


def test_extract_a_gazetteer_name_as_the_article_writes_it_and_no_ordinal_surname():
    # The gazetteer's "Domingo Siazon Jr." is written without the suffix; "Second" in "the
    # Second Prime Minister" is no short form of "Queen Elizabeth the Second"
    text = ("Philippine Foreign Secretary Domingo Siazon flew into Phnom Penh and held talks "
            "with the Second Prime Minister.")
    assert [name for name, _, _ in officials(text, dt.date(1997, 7, 20))] == ["Domingo Siazon"]


def test_extract_a_gazetteer_name_over_an_agency_s_hyphen_but_the_article_s_own_spelling():
    text = ("Emir Sheikh Tamim bin Hamad Al-Thani received Egyptian President Abdel Fattah El Sisi "
            "in Doha on Tuesday.")
    assert [name for name, _, _ in officials(text, dt.date(2022, 9, 14))] == [
        "Tamim bin Hamad Al Thani", "Abdel Fattah El Sisi"]


def test_extract_a_copula_gives_the_post_held_now():
    text = "Ana Ruiz is the foreign minister of Peru. She met Chilean Foreign Minister Juan Soto."
    assert officials(text)[0] == ("Ana Ruiz", "Foreign Minister", "Peru")


def test_extract_a_title_its_scope_and_a_comma_before_a_name_are_that_name_s():
    text = ("The leaders gave the soldiers a week to reinstate President Mohamed Bazoum. Reading "
            "the communiqué to reporters, the President of the ECOWAS Commission, Omar Touray, "
            "said the bloc would act.")
    assert [c.participants for c in run(text, dt.date(2023, 7, 31)).communications] == [
        ("Omar Touray",)]


def test_extract_a_cardinal_acts_for_the_holy_see_and_the_cardinal_is_the_one_named():
    # A rank of the Holy See: "the cardinal" refers back to him, past another official named
    # in between (the press office director), and "he" follows the cardinal
    text = ("Cardinal Mateo Ruzzi left Beijing on Friday. On May 20, the director of the Holy See "
            "Press Office, Marco Bellini, announced the mission. The cardinal's first stop was "
            "Kyiv, where he was received by President Volodymyr Zelensky on June 6.")
    extraction = run(text, dt.date(2023, 9, 16))
    assert [(o.name, o.government) for o in extraction.officials][:2] == [
        ("Mateo Ruzzi", "Holy See"), ("Marco Bellini", "Holy See")]
    assert [c.participants for c in extraction.communications if c.kind.value == "contact"] == [
        ("Mateo Ruzzi", "Volodymyr Zelensky")]


@pytest.mark.parametrize("text, expected", [
    (("Foreign Minister Ayman Safadi hosted Foreign Minister Faisal Mekdad together with "
      "Foreign Minister Sameh Shoukry and Foreign Minister Fuad Hussein."),
     ("Ayman Safadi", "Faisal Mekdad", "Fuad Hussein", "Sameh Shoukry")),
    ("Secretary Alan Brix met Foreign Minister Dan Kolo along with Defence Minister Ivo Rez.",
     ("Alan Brix", "Dan Kolo", "Ivo Rez")),
    ("Secretary Alan Brix, together with Defense Secretary Lou Austen, met Foreign Minister Dan Kolo.",
     ("Alan Brix", "Dan Kolo", "Lou Austen")),
])
def test_extract_officials_together_with_a_side_are_on_it(text, expected):
    assert [participants for _, _, participants, _, _ in contacts(text)] == [expected]


def test_extract_a_post_of_a_state_s_unit_ends_before_the_name():
    # "of the U.S. State of California" is the post's scope, and the words before the name
    # make no longer name of the governor
    text = ("Xi Jinping Meets with Governor of the U.S. State of California Gavin Newsom\n\n"
            "President Xi Jinping met with Governor of the U.S. State of California Gavin Newsom "
            "on Wednesday. Governor Newsom was also received by Vice President Han Zheng.")
    extraction = run(text, dt.date(2023, 10, 26))
    assert [o.name for o in extraction.officials] == ["Xi Jinping", "Gavin Newsom", "Han Zheng"]
    assert sorted(sorted(c.participants) for c in extraction.communications) == [
        ["Gavin Newsom", "Han Zheng"], ["Gavin Newsom", "Xi Jinping"]]


def test_extract_a_capitalised_said_inside_a_sentence_is_a_name_not_a_verb():
    # "Said Abdullo Nuri", "Said Al Harthy": no report of speech
    remarks = [pattern for pattern, trigger in compiled_triggers(load_knowledge().triggers)
               if trigger.kind == "statement" and trigger.mode == "unspecified"]
    assert not any(p.search("the opposition leader Said Nuri signed") for p in remarks)
    assert any(p.search("the opposition leader said Nuri signed") for p in remarks)


@pytest.mark.parametrize("text, published, expected", [
    # No queen is named: Macron met someone the text leaves unnamed, not Newsom; "the Italian
    # president" unnamed is Italy's representative.
    (("Governor Gavin Newsom met Chinese President Xi Jinping in Beijing on Monday. The Queen "
      "later received President Emmanuel Macron at Windsor Castle. The Italian president "
      "received President Emmanuel Macron in Rome."), dt.date(2024, 3, 5),
     [(("Gavin Newsom", "Xi Jinping"), ()), (("Emmanuel Macron",), ("Italy",))]),
    # "Ben" opening a name is a given name, so "Mr. Rhodes" is Ben Rhodes; "their Cuban
    # counterparts" are unnamed Cubans, not the one Cuban the text named.
    (("President Raúl Castro spoke on Tuesday. In October, Deputy National Security Adviser Ben "
      "Rhodes and Senior Director Ricardo Zúñiga flew to Rome. There Mr. Rhodes and Mr. Zúñiga "
      "met their Cuban counterparts at the Vatican."), dt.date(2014, 12, 18),
     [(("Ben Rhodes", "Ricardo Zúñiga"), ("Cuba",))]),
    # Counterparts from listed governments are those governments' unnamed sides; a possessive
    # is no list of sides (the neighbours are unnamed).
    (("Saudi Foreign Minister Prince Faisal bin Farhan hosted his counterparts from the Gulf "
      "Cooperation Council, Egypt, Jordan and Iraq on Friday."), dt.date(2023, 4, 16),
     [(("Faisal bin Farhan",), ("Gulf Cooperation Council", "Egypt", "Jordan", "Iraq"))]),
    (("Saudi Foreign Minister Prince Faisal bin Farhan met ministers from Iraq's neighbouring "
      "countries on Friday."), dt.date(2023, 4, 16), []),
])
def test_extract_a_contact_s_named_participants_and_unnamed_sides(text, published, expected):
    assert [(c.participants, c.counterpart_governments) for c in run(text, published).communications
            if c.kind.value == "contact"] == expected


def test_extract_continental_honorifics_and_a_transcript_s_heading_words_are_no_part_of_a_name():
    # "Herr", "Frau", "Senhor" are styles of address, as "Mr" is; "Remarks" in a transcript's
    # heading ends the speaker's name.
    text = ("Secretary Mark Dalton Remarks to the Press\n\nFederal Chancellor Klaus Wendt received "
            "Foreign Minister Anna Berger of Austria on Monday. Herr Wendt and Frau Berger later "
            "called Senhor Paulo Teixeira, Brazil's foreign minister. I met Herr Wendt today, "
            "Mark Dalton told reporters.")
    extraction = run(text)
    assert [o.name for o in extraction.officials] == [
        "Mark Dalton", "Klaus Wendt", "Anna Berger", "Paulo Teixeira"]
    assert [c.participants for c in extraction.communications if c.kind.value == "contact"][:2] == [
        ("Klaus Wendt", "Anna Berger"), ("Klaus Wendt", "Anna Berger", "Paulo Teixeira")]


def test_extract_a_spouse_or_namesake_of_an_office_holder_is_not_the_holder():
    # A given name the text never gave the holder makes another person of the surname; a first
    # lady is no official.
    text = ("Chancellor Helmut Kohl met President François Mitterrand in Verdun on Saturday. "
            "Hannelore Kohl and Danielle Mitterrand later met for lunch. First Lady Laura Stone "
            "joined them.")
    extraction = run(text, dt.date(1984, 9, 24))
    assert [o.name for o in extraction.officials] == ["Helmut Kohl", "François Mitterrand"]
    assert [c.participants for c in extraction.communications] == [
        ("Helmut Kohl", "François Mitterrand")]


def test_extract_the_formal_american_title_of_the_national_security_adviser_is_a_post():
    text = ("Present at the talks were Premier Zhou Enlai and Dr. Henry A. Kissinger, Assistant "
            "to the President for National Security Affairs.")
    assert [o.name for o in run(text, dt.date(1972, 2, 22)).officials] == [
        "Zhou Enlai", "Henry Kissinger"]


def test_extract_a_titled_surname_shared_by_two_office_holders_is_the_one_holding_that_post():
    # In 2023 "Abbas" is both the Palestinian president and Syria's defence minister; "King
    # Abdullah" is the gazetteer's Abdullah II, named with the regnal number.
    text = "Secretary Antony Blinken will visit King Abdullah and President Abbas in Amman on Friday."
    extraction = run(text, dt.date(2023, 10, 12))
    assert [(o.name, o.government) for o in extraction.officials] == [
        ("Antony Blinken", "United States"), ("Abdullah II", "Jordan"),
        ("Mahmoud Abbas", "Palestinian Authority")]


def test_extract_the_first_person_of_a_transcript_s_turn_is_the_speaker_its_label_names():
    text = ("Joint press availability\n\n"
            "FOREIGN MINISTER ANNA BERGER: Thank you. This morning I met Prime Minister Jonas "
            "Falk of Sweden.\n\n"
            "QUESTION: Will you meet him again?\n\n"
            "SECRETARY MARK DALTON: Tomorrow I will call President Ilse Moreau of Belgium.\n\n"
            "BERGER: I spoke with Foreign Minister Petra Lind by phone yesterday.")
    assert [(c.participants, c.status.value) for c in run(text).communications
            if c.kind.value == "contact"] == [
        (("Anna Berger", "Jonas Falk"), "occurred"), (("Mark Dalton", "Ilse Moreau"), "planned"),
        (("Anna Berger", "Petra Lind"), "occurred")]


@pytest.mark.parametrize("text, expected", [
    # "and by the Ambassador … in Chile, X": the preposition repeats, and where an ambassador
    # serves is part of the title
    (("President Ana Torres received Foreign Minister Lars Holm of Denmark on Tuesday. The "
      "meeting, held at the palace, was attended by the Minister of Finance, Pablo Ruiz, and by "
      "the Ambassador of Denmark in Chile, Mette Dahl."),
     [("Ana Torres", "Lars Holm", "Pablo Ruiz", "Mette Dahl")]),
    # "the President of Argentina, X" titles X, not the president named before
    (("President Ana Torres received Foreign Minister Lars Holm of Denmark on Tuesday. Later that "
      "day Holm held talks with the President of Argentina, Rosa Medina."),
     [("Ana Torres", "Lars Holm"), ("Lars Holm", "Rosa Medina")]),
    # those who attended "the talks between the two Heads of State" join those talks
    (("President Ana Torres received President Jonas Falk on Thursday. The talks between the two "
      "Heads of State were also attended by Foreign Minister Pablo Ruiz and, on the Swedish side, "
      "by Foreign Minister Petra Lind."),
     [("Ana Torres", "Jonas Falk", "Pablo Ruiz", "Petra Lind")]),
    # an aside between the verb and "with"
    (("Foreign Minister Lars Holm met, also at the airport, with the President-elect, Rosa "
      "Medina, on Tuesday."), [("Lars Holm", "Rosa Medina")]),
])
def test_extract_attendees_and_partners_past_titles_asides_and_repeated_prepositions(text, expected):
    assert [c.participants for c in run(text).communications] == expected


def test_extract_a_first_lady_receiving_a_guest_beside_the_president_is_no_official():
    text = ("Prime Minister Narendra Modi arrived in Washington on Wednesday, where the President "
            "and First Lady Jill Biden received him for a private dinner.")
    assert [o.name for o in run(text, dt.date(2023, 6, 22)).officials] == ["Narendra Modi"]


def test_extract_companies_newspapers_and_formats_named_like_people_are_no_officials():
    text = ("The statement covered General Electric's offer to build engines with Hindustan "
            "Aeronautics Ltd. Al Ahram said the deal was historic. Foreign Minister Lars Holm will "
            "host a meeting of the Weimar Triangle on Tuesday.")
    assert [o.name for o in run(text).officials] == ["Lars Holm"]


@pytest.mark.parametrize("state, government", [
    ("the Union of Soviet Socialist Republics", "Soviet Union"),
    ("the Arab Republic of Egypt", "Egypt"), ("the United Mexican States", "Mexico")])
def test_extract_a_state_s_formal_name_in_a_title_is_that_government(state, government):
    text = f"The Minister of Foreign Affairs of {state} Pavel Orlov arrived on Monday."
    assert [(o.name, o.government) for o in run(text).officials] == [("Pavel Orlov", government)]


@pytest.mark.parametrize("sentence, date", [
    # a journey told in the present tense with a weekday ahead, for a state visit
    (("He leaves for Cairo on Saturday for a state visit at the invitation of President Omar "
      "Saleh."), "2023-06-24"),
    # "is to attend a luncheon hosted by A": planned, with its host
    (("He is to attend a luncheon at the State Department hosted by Vice President Omar Saleh "
      "on Friday."), "2023-06-23")])
def test_extract_a_journey_or_luncheon_ahead_is_planned_for_the_coming_weekday(sentence, date):
    text = "Prime Minister Ravi Menon arrived in Washington on Wednesday. " + sentence
    assert [(c[1], c[2], c[4]) for c in contacts(text, dt.date(2023, 6, 22))] == [
        ("planned", ("Omar Saleh", "Ravi Menon"), date)]


def test_extract_a_pronoun_coordinated_with_a_name_is_someone_else_but_a_possessive_is_its():
    text = ("Foreign Minister Lars Holm arrived in Paris on Monday. Foreign Minister Anne Roux "
            "hosted Foreign Secretary Tom Blake and him. President Ana Torres and her husband gave "
            "a dinner for them.")
    extraction = run(text)
    assert extraction.communications[0].participants == ("Anne Roux", "Tom Blake", "Lars Holm")


def test_extract_a_journey_to_several_places_for_talks_with_as_many_leaders_meets_each():
    text = ("From Vienna, Chancellor Karl Brandl travels to Chile and Peru next week for talks with "
            "President Ana Torres of Chile and President Luis Ramos of Peru.")
    assert [(c.participants, c.status.value) for c in run(text).communications] == [
        (("Karl Brandl", "Ana Torres"), "planned"), (("Karl Brandl", "Luis Ramos"), "planned")]


def test_extract_talks_a_journey_ahead_is_for_are_held_in_person():
    text = "Chancellor Karl Brandl travels to Peru next week for talks with President Luis Ramos."
    assert [(c.mode.value, c.status.value) for c in run(text).communications] == [
        ("meeting", "planned")]


def test_extract_a_weekday_in_a_relative_clause_of_another_journey_is_not_the_meeting_s():
    text = ("President Ana Torres urged calm on Friday after meeting President Luis Ramos in Lima "
            "at the start of a tour that takes her to Quito on Saturday.")
    assert [c[4] for c in contacts(text, dt.date(2023, 6, 16))] == ["2023-06-16"]


@pytest.mark.parametrize("sentence", [
    # the present tense with the day of writing: what a morning report announces
    "President Ana Torres arrives in Lima today for two days of talks with President Luis Ramos.",
    "President Ana Torres and President Luis Ramos meet again this afternoon at the palace.",
    # the infinitive of "is to see" is the trigger's own "to"
    "Later on Monday Ana Torres flies to Peru, where she is to see President Luis Ramos.",
    # a numbered round of talks, as the purpose of a journey ahead
    "President Ana Torres will go to the embassy today for a second round with Luis Ramos."])
def test_extract_a_present_tense_or_infinitive_with_the_day_ahead_is_planned(sentence):
    text = "Foreign Minister Ana Torres of Chile spoke on Friday. " + sentence
    assert [(c[1], c[2]) for c in contacts(text)] == [("planned", ("Ana Torres", "Luis Ramos"))]


def test_extract_a_meeting_today_in_the_past_tense_or_a_journey_s_purpose_occurred():
    text = ("President Ana Torres and President Luis Ramos met today at the palace. In March, "
            "President Ana Torres had flown to Lima to see Luis Ramos.")
    assert [c[1] for c in contacts(text)] == ["occurred", "occurred"]


@pytest.mark.parametrize("text, expected", [
    # a protest lodged with an unnamed official of an embassy: that embassy's government
    (("Director General Kenji Mori of Japan lodged a protest with a senior official of the "
      "Korean Embassy on Tuesday."), [(("Kenji Mori",), ("South Korea",))]),
    # a decision conveyed to a named envoy; a matter raised with a quotation in between
    (("Foreign Minister Ana Torres conveyed the decision to Ambassador Luis Ramos on Tuesday."),
     [(("Ana Torres", "Luis Ramos"), ())]),
    (('Foreign Minister Ana Torres raised the matter "personally and directly" with President '
      "Luis Ramos."), [(("Ana Torres", "Luis Ramos"), ())]),
    # "to brief" a named official is a contact; "to brief them" is the purpose of the call
    ("Foreign Minister Ana Torres will fly to Lima to brief President Luis Ramos.",
     [(("Ana Torres", "Luis Ramos"), ())]),
    (("Foreign Minister Ana Torres telephoned President Luis Ramos and Prime Minister Eva Soto "
      "to brief them."), [(("Ana Torres", "Luis Ramos"), ()), (("Ana Torres", "Eva Soto"), ())]),
])
def test_extract_protests_decisions_and_briefings_conveyed_to_an_official(text, expected):
    assert [(c.participants, c.counterpart_governments) for c in run(text).communications
            if c.kind.value == "contact"] == expected


def test_extract_a_titled_surname_is_the_holder_in_office_the_text_names_in_full():
    # the apposition reads "Mrs. Albright" as a titled person before the gazetteer's pass
    # finds "Madeleine Albright", then in office, untitled in a list
    text = ("Among the ministers were Madeleine Albright and Igor Ivanov. On Thursday the "
            "foreign ministers, Mrs. Albright and Mr. Ivanov, met in Bonn.")
    assert [o.name for o in run(text, dt.date(1999, 6, 4)).officials] == [
        "Madeleine Albright", "Igor Ivanov"]


def test_extract_the_envoy_of_a_government_is_its_official_on_a_mission_not_a_titled_envoy():
    # (not the untitled man she met, whom a title's post would otherwise be given to)
    text = ("The European Union's High Representative, Ana Torres, met Luis Ramos on Monday. "
            "The EU envoy later held a session with Foreign Minister Eva Soto of Chile.")
    assert [c[2] for c in contacts(text)] == [("Ana Torres", "Luis Ramos"), ("Ana Torres", "Eva Soto")]


def test_extract_a_head_of_government_s_counterpart_is_the_other_head_not_a_minister():
    text = ("RABAT, March 11 (MAP) - King Hassan received Spanish Prime Minister Luis Ramos on "
            "Monday, in the presence of Spanish Foreign Minister Eva Soto. The two parties agreed "
            "to hold a meeting before the end of the year, to be co-chaired by the Head of "
            "Government, Mr. Karim Alami, and his Spanish counterpart.")
    assert [(c[1], c[2]) for c in contacts(text) if "Karim Alami" in c[2]] == [
        ("planned", ("Karim Alami", "Luis Ramos"))]


@pytest.mark.parametrize("title", ["the Peruvian statesman", "the Peruvian leader"])
def test_extract_a_leader_s_periphrasis_refers_to_the_official_placed_by_of_country(title):
    # "President Luis Ramos of Peru": the state after the name places him for the title
    text = ("President Ana Torres of Chile met President Luis Ramos of Peru on Monday. At the "
            f"ceremony on Tuesday, {title} delivered a speech.")
    assert [(c.mode.value, c.participants) for c in run(text).communications
            if c.kind.value == "statement"] == [("speech", ("Luis Ramos",))]


@pytest.mark.parametrize("text, name, post", [
    # a South Asian honorific and a two-word portfolio
    (("Federal Minister for Information and Broadcasting Chaudhry Omar Khan said on Tuesday "
      "that the visit was historic."), "Omar Khan", "Minister for Information and Broadcasting"),
    # a second title in apposition to the first titles the name after it
    (("The Minister of Communication and Media, Government Spokesperson, Paul Mbala Kasongo, "
      "said on Tuesday that the talks were fruitful."), "Paul Mbala Kasongo", "Spokesperson"),
])
def test_extract_honorifics_portfolios_and_a_second_title_before_a_name(text, name, post):
    assert [(o.name, o.post) for o in run(text).officials] == [(name, post)]


@pytest.mark.parametrize("sentence", [
    "Prime Minister Ana Torres posted photographs of herself on the beach on Tuesday.",
    "President Ana Torres later uploaded photos of the meeting to her official Instagram account."])
def test_extract_photographs_posted_or_an_account_named_are_a_social_media_statement(sentence):
    assert [(c.kind.value, c.mode.value, c.participants) for c in run(sentence).communications] \
        == [("statement", "social_media", ("Ana Torres",))]


def test_extract_a_title_s_synonym_refers_to_the_holder_of_the_post_it_names():
    text = ("Prime Minister Ravi Menon of India hosted President Ana Torres of Chile on Friday. "
            "Foreign Minister Luis Ramos of Chile called on the Indian premier later in the day.")
    assert [c[2] for c in contacts(text)] == [("Ana Torres", "Ravi Menon"), ("Luis Ramos", "Ravi Menon")]


@pytest.mark.parametrize("text, expected", [
    # a courtesy call followed by a second verb whose infinitive urges nobody
    (("Foreign Minister Ana Torres called on Prime Minister Luis Ramos and discussed ways to take "
      "forward cooperation."), [("meeting", ("Ana Torres", "Luis Ramos"))]),
    ("Prime Minister Ana Torres hugged President Luis Ramos on arrival for an informal dinner.",
     [("meeting", ("Ana Torres", "Luis Ramos"))]),
    # an agency's blessing after a ruler's name is no modal of the sentence
    (("His Majesty King Karim, may God assist Him, held on Thursday a telephone conversation with "
      "President Luis Ramos."), [("phone", ("King Karim", "Luis Ramos"))]),
])
def test_extract_a_call_on_a_hug_and_a_ruler_s_blessing(text, expected):
    assert [(c.mode.value, c.participants) for c in run(text).communications] == expected


def test_extract_the_sovereign_is_the_monarch_not_the_last_leader_named():
    text = ("King Karim II of Jordan received President Luis Ramos on Monday. The President also "
            "informed the Sovereign of his decision. Following this conversation, the Sovereign "
            "held a telephone conversation with Prime Minister Eva Soto.")
    assert [o.name for o in run(text).officials] == ["Karim II", "Luis Ramos", "Eva Soto"]
    assert ("Eva Soto", "Karim II") in [c[2] for c in contacts(text)]


@pytest.mark.parametrize("text, government", [
    ("On arrival, Official Spokesperson Shri Ravi Kapoor tweeted a warm welcome.", "India"),
    ("Economic Affairs Minister Datuk Seri Amir Hamzah said the visit went well.", "Malaysia"),
])
def test_extract_an_honorific_of_one_state_places_its_bearer(text, government):
    text = "Prime Minister Ana Torres of Chile arrived on Monday. " + text
    assert [o.government for o in run(text).officials][1:] == [government]


def test_extract_a_pronoun_in_an_opening_clause_is_the_main_clause_s_subject():
    text = ("Prime Minister Ravi Menon wrote to General Omar Saleh in May, asking him to visit. By "
            "the time he came, the General had made himself President. He arrived in Delhi on "
            "Saturday and was received by President Anil Rao.")
    assert ("Anil Rao", "Omar Saleh") in [c[2] for c in contacts(text)]


@pytest.mark.parametrize("text, expected", [
    # a think tank's name, a continental word in a portfolio, a state's formal name
    ("For Omar Idrissi, director of the Moroccan Institute for Policy Analysis, it was historic.",
     []),
    (("The Minister of State, Minister of Foreign Affairs, African Integration and the Diaspora, "
      "Ana Torres, will brief the diplomatic corps."), []),
    ("The President of the Swiss Confederation, Didier Muller, travelled to Moscow today.",
     [("Didier Muller", "Switzerland")]),
])
def test_extract_words_of_institutions_portfolios_and_formal_state_names_are_no_names(text, expected):
    assert [(o.name, o.government) for o in run(text).officials] == expected


def test_extract_a_letter_addressed_to_an_official_is_correspondence_not_a_speech():
    text = ("King Karim II received Prime Minister Ana Torres of Spain on Monday. On 14 March, the "
            "Spanish Prime Minister had addressed a letter to His Majesty the King.")
    assert [(c.kind.value, c.mode.value, c.participants) for c in run(text).communications] == [
        ("contact", "meeting", ("Karim II", "Ana Torres")),
        ("contact", "correspondence", ("Ana Torres", "Karim II"))]


def test_extract_a_day_shift_right_after_the_trigger_dates_it_but_not_the_next_verb_s():
    text = ("On May 26 President Ana Torres crossed the border for a meeting with President Luis "
            "Ramos, and told a news conference the following day that the talks had gone well. "
            "On June 25 Torres received Ramos in Lima, and the following day Ramos hosted "
            "Torres in Quito.")
    assert [(c.kind.value, c.date.isoformat()) for c in run(text, dt.date(2022, 7, 1))
            .communications] == [("contact", "2022-05-26"), ("statement", "2022-05-27"),
                                 ("contact", "2022-06-25"), ("contact", "2022-06-26")]
