"""The real data loads, and it holds what the seed documents say."""

from __future__ import annotations

import pytest

from macros.loader import DATA_KINDS, FileKind, Dataset
from macros.refs import iter_refs
from support import DATA


def test_every_data_file_loads_and_is_indexed(dataset: Dataset):
    assert {spec.filename for spec in DATA_KINDS if isinstance(spec, FileKind)} <= {p.name for p in DATA.glob("*.yml")}
    for kind in ("source", "role", "committee", "organisation_area", "case_type", "guideline_type", "guideline", "term"):
        assert dataset.index[kind], f"no {kind} items"


def test_roles_named_in_the_guide_are_all_there(dataset: Dataset):
    expected = {
        "leder", "medarbejderrepræsentant", "arbejdsmiljørepræsentant", "arbejdsleder",
        "formand", "næstformand", "tillidsrepræsentant", "fællestillidsrepræsentant", "selvejende-institution",
    }
    assert set(dataset.index["role"]) == expected


def test_who_appoints_whom_follows_the_guide(dataset: Dataset):
    roles = dataset.index["role"]
    assert "ledelse" in roles["leder"].appointed_by.lower()
    assert "ledelsen" in roles["arbejdsleder"].appointed_by.lower()
    assert "medarbejderne" in roles["arbejdsmiljørepræsentant"].appointed_by.lower()
    assert "faglige organisationer" in roles["medarbejderrepræsentant"].appointed_by
    assert roles["arbejdsmiljørepræsentant"].abbreviation == "AMR"
    assert roles["tillidsrepræsentant"].abbreviation == "TR"


def test_committees_and_forms_cover_the_guide(dataset: Dataset):
    committees = dataset.index["committee"]
    assert {"hovedudvalg", "med-udvalg", "personalemøde-med-status", "arbejdsmiljøgruppe",
            "ad-hoc-udvalg", "arbejdsgruppe", "trio-i-med", "trio-uden-for-med",
            "leder-tr-samarbejdet"} == set(committees)
    assert committees["hovedudvalg"].abbreviation == "HMU"
    assert committees["trio-i-med"].part_of_med == "efter aftale"
    assert committees["trio-uden-for-med"].part_of_med == "nej"
    assert committees["leder-tr-samarbejdet"].part_of_med == "nej"
    trio_members = {m.role for m in committees["trio-uden-for-med"].members}
    assert trio_members == {"leder", "tillidsrepræsentant", "arbejdsmiljørepræsentant"}


def test_three_organisation_areas_and_the_fh_note(dataset: Dataset):
    names = [area.name for area in dataset.organisation_areas.areas]
    assert names == [
        "Valggruppe A – tidligere Akademikerne",
        "Valggruppe B – tidligere LO-området",
        "Valggruppe C – tidligere FTF-området",
    ]
    assert "FH" in dataset.organisation_areas.note
    assert {"fh-udpegning", "medsamarbejdet-valg"} <= set(dataset.organisation_areas.note_sources)


def test_case_types_have_the_four_areas_and_what_stays_out(dataset: Dataset):
    by_category: dict[str, set[str]] = {}
    for case in dataset.case_types:
        by_category.setdefault(case.category, set()).add(case.id)
    assert by_category["med-område"] == {"arbejdsforhold", "personaleforhold", "samarbejdsforhold", "arbejdsmiljøforhold"}
    assert by_category["strategisk"] == {"strategiske-drøftelser"}
    assert {"personalesager", "klagesager", "forhandlingsemner"} == by_category["ikke-i-med"]
    assert {"ansættelser", "lønforhandlinger", "arbejdstid", "lokale-aftaler"} <= by_category["leder-tr"]


# (guideline id, type, agreed by, waivable, depends on the hovedudvalg) as the guide lists them.
GUIDE_GUIDELINES = [
    ("budget", "procedureretningslinjer", ["hovedudvalg"], False, False),
    ("rationaliseringer", "procedureretningslinjer", ["hovedudvalg"], False, False),
    ("personalepolitik", "procedureretningslinjer", ["hovedudvalg"], False, False),
    ("trivselsmålinger", "skal-retningslinjer", ["hovedudvalg"], True, False),
    ("sygefraværssamtaler", "skal-retningslinjer", ["hovedudvalg"], False, False),
    ("stress", "skal-retningslinjer", ["hovedudvalg"], False, False),
    ("vold-mobning-chikane", "skal-retningslinjer", ["hovedudvalg"], False, False),
    ("nedsat-arbejdsevne", "skal-retningslinjer", ["hovedudvalg"], False, False),
    ("sundhed", "skal-retningslinjer", ["hovedudvalg"], True, False),
    ("sygefraværsstatistik", "skal-retningslinjer", ["med-udvalg"], True, False),
    ("apv-handlingsplaner", "skal-retningslinjer", ["med-udvalg"], False, False),
    ("stress-lokalt", "skal-retningslinjer", ["med-udvalg"], False, True),
    ("vold-mobning-chikane-lokalt", "skal-retningslinjer", ["med-udvalg"], False, True),
]


@pytest.mark.parametrize("guideline_id, kind, agreed_by, waivable, depends", GUIDE_GUIDELINES)
def test_each_guideline_of_the_guide(dataset: Dataset, guideline_id, kind, agreed_by, waivable, depends):
    guideline = dataset.index["guideline"][guideline_id]
    assert guideline.type == kind
    assert guideline.agreed_by == agreed_by
    assert guideline.required is True
    assert guideline.waivable is waivable
    assert (guideline.depends_on == "hovedudvalg") is depends


def test_only_the_three_starred_guidelines_may_be_waived(dataset: Dataset):
    assert {g.id for g in dataset.guidelines if g.waivable} == {"trivselsmålinger", "sundhed", "sygefraværsstatistik"}


GLOSSARY_ABBREVIATIONS = [
    "MED", "HMU", "LMU", "OMU", "AMR", "TR", "FTR", "AMO", "AMG", "APV",
    "FH", "LO", "FTF", "AC", "KL", "RLTN", "OAO",
]
GLOSSARY_WORDS = ["Trio", "Bagland", "Rette niveau", "Ledelsesret", "Medindflydelse", "Medbestemmelse", "Tavshedspligt"]


@pytest.mark.parametrize("abbreviation", GLOSSARY_ABBREVIATIONS)
def test_glossary_explains_each_abbreviation(dataset: Dataset, abbreviation):
    terms = {t.term: t for t in dataset.terms}
    assert abbreviation in terms, f"{abbreviation} is missing from the glossary"
    assert terms[abbreviation].expansion, f"{abbreviation} has no expansion, so it is not explained on hover"


@pytest.mark.parametrize("word", GLOSSARY_WORDS)
def test_glossary_defines_each_concept(dataset: Dataset, word):
    assert word.lower() in {t.term.lower() for t in dataset.terms}


def test_every_reference_resolves(dataset: Dataset):
    # The loader already refuses unknown references; this checks the walker sees them at all.
    kinds = {kind for role in dataset.roles for kind, _, _ in iter_refs(role)}
    assert kinds == {"committee", "role", "source"}


def test_every_item_names_a_source(dataset: Dataset):
    for kind in ("role", "committee", "organisation_area", "case_type", "guideline_type", "guideline", "term"):
        for item in dataset.index[kind].values():
            assert item.sources, f"{kind} {item.id} names no source"
