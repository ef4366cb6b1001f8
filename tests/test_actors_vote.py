"""The statistical model's entities as one vote beside the rules: kinds, junk and whole names."""

from __future__ import annotations

from tests.actor_cases import actor, kinds, run, surfaces


def test_the_model_retypes_a_name_the_rules_typed_by_its_shape_alone() -> None:
    found = kinds(
        run(
            "Morgan Stanley said in a note that the cut was overdue.\n"
            "The Affordable Care Act was debated again on Election Day.\n"
        )
    )
    assert found.get("Morgan Stanley") == "organisation"  # a given name and a surname, but a bank
    assert "Affordable Care Act" not in found and "Election Day" not in found  # a law, a date


def test_the_text_outvotes_the_model_on_a_person() -> None:
    idx = run("Nino Kapanadze, a deputy economy minister, said the talks went well.\n")
    assert actor(idx, "Nino Kapanadze").kind == "person"


def test_everyday_words_in_capitals_are_no_organisations_but_acronyms_and_tickers_are() -> None:
    found = kinds(
        run(
            "FULL TEXT\n"
            "The vote was shown live on TV, the WHO said. Shares of Lowe’s (LOW) rose 2%.\n"
            "READ MORE: What the vote means for TODAY\n"
        )
    )
    assert not {"TEXT", "FULL TEXT", "TV", "READ", "MORE", "TODAY"} & set(found), found
    assert found.get("WHO") == "organisation"
    assert "LOW" not in found  # the ticker is a name of Lowe's, not an actor of its own


def test_organisation_names_are_kept_whole_where_the_model_reads_one_name() -> None:
    idx = run(
        "Ines Cardoso, a fellow at the Institute for Security and Development Policy, said the drills "
        "were a warning.\n"
        "Dr Paul Hale, an epidemiologist at the London School of Hygiene & Tropical Medicine, agreed.\n"
        "The appeal goes to the 9th U.S. Circuit Court of Appeals, and the 9th Circuit will rule in May.\n"
    )
    found = kinds(idx)
    for org in (
        "Institute for Security and Development Policy",
        "London School of Hygiene & Tropical Medicine",
        "9th U.S. Circuit Court of Appeals",
    ):
        assert found.get(org) == "organisation", found
    assert not {"Institute for Security", "Development Policy", "International Studies"} & set(found)
    court = actor(idx, "9th U.S. Circuit Court of Appeals")
    assert "9th Circuit" in surfaces(idx, court)  # its short form, not a second court


def test_short_forms_of_an_organisation_join_it_but_a_body_of_its_supporters_stays_apart() -> None:
    idx = run(
        "Tavrin Motor Works cut its forecast on Tuesday, and Tavrin said demand was weak.\n"
        "Westbridge Capital Partners said Westbridge would invest.\n"
        "The Ostrava Rovers Supporters’ Trust said Ostrava Rovers needed a new owner.\n"
    )
    assert "Tavrin" in surfaces(idx, actor(idx, "Tavrin Motor Works"))
    assert "Westbridge" in surfaces(idx, actor(idx, "Westbridge Capital Partners"))
    assert actor(idx, "Ostrava Rovers").kind == "organisation"
    assert actor(idx, "Ostrava Rovers Supporters’ Trust").kind == "organisation"


def test_names_in_titles_compounds_and_dates_are_no_actors() -> None:
    found = kinds(
        run(
            "He spoke on the talk show “State of the Union” about the “Miss Universe” pageant.\n"
            "He won the African-American vote on Super Tuesday, and Middle Eastern nations watched the "
            "U.S.-Mexico border.\n"
            "The Justice Department said the Obama administration had acted lawfully.\n"
        )
    )
    assert not {"Union", "Universe", "African", "Super", "Middle Eastern", "U.S.-Mexico"} & set(found), found
    assert found.get("Justice Department") == "organisation" and "Department" not in found
    assert found.get("Obama") != "organisation"


def test_a_campus_after_a_comma_belongs_to_the_universitys_name() -> None:
    found = kinds(
        run(
            "Prof Daniel Reyes, a nephrologist at the University of Texas, San Antonio, who was not "
            "involved, said the data were sound.\n"
        )
    )
    assert found.get("University of Texas, San Antonio") == "organisation", found


def test_web_furniture_jobs_units_and_publications_are_no_organisations() -> None:
    found = kinds(
        run(
            "Rivers rise in the north\n"
            "By Tom Hale\n"
            "Tom Hale Sports Business Correspondent\n"
            "The fund paid Rs 5 lakh to each family, Capital Partners' Asia economist Rachel Tan said.\n"
            "Sign up to First Edition, our free daily newsletter, and the Morning Tech podcast.\n"
            "Follow AP's full coverage of the floods.\n"
        )
    )
    junk = {"Sports Business Correspondent", "Rs", "First Edition", "Morning Tech", "Follow AP", "Follow"}
    assert not junk & set(found), found
    assert found.get("Asia") != "organisation"  # a region before a job ("Asia economist")
    assert found.get("Rachel Tan") == "person"
