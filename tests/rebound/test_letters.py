from rebound.lib.letters import greeting


def test_it_greets_people_as_a_person_would():
    assert greeting([]) == "Hello,"
    assert greeting(["Dana Whitfield"]) == "Dear Dana,"
    assert greeting(["Dana Whitfield", "Marco Liu"]) == "Dear Dana and Marco,"
    assert greeting(["Ana B", "Ben C", "Cy D"]) == "Dear Ana, Ben and Cy,"
    assert greeting(["A a", "B b", "C c", "D d"]) == "Dear A, B, C and D,"
    assert greeting(["A", "B", "C", "D", "E"]) == "Dear all,"
