"""Error pages speak the reader's language: no Werkzeug sentence, no developer detail."""


def page(app, path: str):
    # Its own app context, as in production (the locale is kept per app context).
    with app.app_context():
        return app.test_client().get(path)


def test_a_missing_page_is_explained_in_chinese(app):
    response = page(app, "/no-such-page?lang=zh_Hant_HK")
    text = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "頁面可能已搬移" in text and "requested URL was not found" not in text


def test_a_bad_address_names_the_part_without_developer_text(app):
    response = page(app, "/jobs?level=bogus&lang=zh_Hans_CN")
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "此网址中“level”的部分无法显示" in text
    assert "unknown value" not in text and "expected one of" not in text


def test_the_api_still_gets_the_technical_detail(app):
    body = page(app, "/api/v1/jobs?level=bogus").get_json()
    assert body["error"]["parameter"] == "level" and "expected one of" in body["error"]["message"]
