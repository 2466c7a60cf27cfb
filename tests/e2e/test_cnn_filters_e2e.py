"""CNN filters in the browser: a text file renamed .png is refused with a message and the image stays."""

import pytest

from tests.e2e.browser import EXCEPTION, LOAD_TIMEOUT, assert_clean, chart_data, wait_done


@pytest.mark.parametrize(("lang", "needle"), [("en", "is not a PNG or JPEG"), ("ko", "PNG나 JPEG 사진이 아닙니다")])
def test_text_renamed_png_is_refused(page, app_server, tmp_path, lang, needle):
    fake = tmp_path / "notes.png"
    fake.write_text("hello, I am text\n")
    page.goto(f"{app_server.url}/cnn-filters?image=flower&lang={lang}")
    wait_done(page)
    page.wait_for_selector(".js-plotly-plot", timeout=LOAD_TIMEOUT)
    before = chart_data(page)[0]
    page.set_input_files("[data-testid='stFileUploaderDropzoneInput']", str(fake))
    page.get_by_text(needle).wait_for()
    wait_done(page)
    assert page.locator(EXCEPTION).count() == 0 and chart_data(page)[0] == before
    assert_clean(page, lang)
