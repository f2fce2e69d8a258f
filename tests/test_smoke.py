from tests import factories


def test_officer_sees_people_list(client, login_as):
    officer = factories.officer()
    factories.person(first_name_th="สมชาย")
    login_as(officer)
    response = client.get("/people/")
    assert response.status_code == 200
    assert "สมชาย" in response.get_data(as_text=True)
