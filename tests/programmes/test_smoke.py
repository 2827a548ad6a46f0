from tests.factories import ProgrammePageFactory, ProgrammeSessionFactory


def test_programme_page_renders_its_title_and_schedule(client, programme_index):
    programme = ProgrammePageFactory(parent=programme_index, title="Speak Up")
    ProgrammeSessionFactory(page=programme, title="Campaigning basics")
    response = client.get(programme.url)
    assert response.status_code == 200
    assert "Speak Up" in response.text
    assert "Campaigning basics" in response.text
