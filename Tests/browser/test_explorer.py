"""Browser tests of `partygraph explore`: the page is loaded in headless Chromium through Selenium and used as a
reader would (typing in the search box, clicking the diagram, typing dates).

Run from the package root after `swift build` (make test installs chromium, chromium-driver and selenium):

    python3 -m pytest Tests/browser

The binary is $PARTYGRAPH_BIN (default .build/debug/partygraph), the driver $CHROMEDRIVER (default: chromedriver on
PATH). Every wait is bounded, and the driver is quit whatever happens. The last test saves output/explorer.png.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("PARTYGRAPH_BIN", ROOT / ".build" / "debug" / "partygraph"))
DATASET = ROOT / "datasets" / "indochina-summits-2026.json"
WAIT = 20  # seconds, for every wait of these tests
# Every name built to break a writer: markup, `</script>`, quotes, backslashes, every C0 control, U+FFFE, RTL
# overrides, `${}` and backticks, spreadsheet formulas (Tests/PartyGraphTests/HostileOutputTests.swift).
HOSTILE_FIXTURE = ROOT / "Tests" / "PartyGraphTests" / "Fixtures" / "interchange" / "hostile.json"
HOSTILE = '<script>window.__pwned = 1</script> "quoted" & ]]> <img src=x onerror="window.__pwned = 2"> Tô'


def run(*args):
    if not BIN.exists():
        pytest.fail(f"{BIN} does not exist; run `swift build` or set PARTYGRAPH_BIN")
    return subprocess.run([str(BIN), *map(str, args)], capture_output=True, text=True, check=True, cwd=ROOT, timeout=120)


def cli_json(*args):
    return json.loads(run(*args, "--format", "json").stdout)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The explorer of the bundled dataset, and of a copy whose labels are hostile HTML."""
    folder = tmp_path_factory.mktemp("explorer")
    bundled = folder / "explorer.html"
    run("explore", "--out", bundled)
    data = json.loads(DATASET.read_text(encoding="utf-8"))
    for node in data["nodes"]:
        if node["id"] == "person/to-lam":
            node["name"] = HOSTILE
            node["aliases"] = ["]]> & <b>bold</b>"]
        if node["id"] == "meeting/2026-02-trilateral-summit":
            node["name"] = "</script><script>window.__pwned = 3</script> summit"
    hostile_dataset = folder / "hostile" / "hostile.json"
    shutil.copytree(DATASET.parent / "sources", hostile_dataset.parent / "sources")
    hostile_dataset.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    hostile = folder / "hostile.html"
    run("explore", "--dataset", hostile_dataset, "--out", hostile)
    fixture = folder / "hostile-fixture.html"
    run("explore", "--dataset", HOSTILE_FIXTURE, "--out", fixture)
    return {"bundled": bundled, "hostile": hostile, "fixture": fixture}


@pytest.fixture(scope="module")
def driver():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1500,1100", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-default-apps"):
        options.add_argument(argument)
    for binary in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(binary):
            options.binary_location = shutil.which(binary)
            break
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    chromedriver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
    browser = webdriver.Chrome(service=Service(chromedriver), options=options)
    try:
        browser.set_page_load_timeout(WAIT)
        browser.set_script_timeout(WAIT)
        yield browser
    finally:
        browser.quit()


def load(driver, page):
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(page.as_uri())
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return document.documentElement.dataset.pgReady === 'true'"))


def requests_made(driver, page):
    """Every URL the browser asked for, apart from the page itself."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if url != page.as_uri():
                urls.append(url)
    return urls + driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def search(driver, text):
    box = driver.find_element(By.ID, "pg-search")
    box.clear()
    box.send_keys(text, Keys.ENTER)


def panel_name(driver):
    return driver.find_element(By.ID, "pg-panel-name").text


def test_page_is_small_loads_without_console_error_and_requests_nothing(driver, pages):
    assert pages["bundled"].stat().st_size < 2_000_000
    load(driver, pages["bundled"])
    search(driver, "to lam")
    driver.find_element(By.ID, "pg-csv")  # a who-met table is drawn too
    assert console_errors(driver) == []
    assert requests_made(driver, pages["bundled"]) == []
    # Everything is in the one file: no external script, style, font or image.
    html = pages["bundled"].read_text(encoding="utf-8")
    assert "@font-face" not in html and "<link" not in html and "src=\"http" not in html


def test_searching_to_lam_selects_him_and_the_panel_shows_his_quote(driver, pages):
    load(driver, pages["bundled"])
    search(driver, "to lam")
    WebDriverWait(driver, WAIT).until(lambda d: panel_name(d) == "Tô Lâm")
    panel = driver.find_element(By.ID, "pg-panel").text
    report = cli_json("show", "person/to-lam")
    quotes = [item["quote"] for item in report["evidence"]] + [e["quote"] for f in report["facts"] for e in f["evidence"]]
    assert quotes
    for quote in quotes:
        assert quote in panel
    # His node is marked in the diagram.
    selected = driver.find_elements(By.CSS_SELECTOR, "#pg-diagram g.node.pg-selected")
    assert [g.get_attribute("aria-label") for g in selected] == ["person Tô Lâm"]


def test_search_ignores_case_and_diacritics_and_lists_several_matches(driver, pages):
    load(driver, pages["bundled"])
    search(driver, "VIỆT NAM")
    WebDriverWait(driver, WAIT).until(lambda d: panel_name(d) == "Việt Nam")
    search(driver, "national assembly")
    results = driver.find_elements(By.CSS_SELECTOR, "#pg-results button")
    assert len(results) == 6  # as `partygraph who-met "national assembly"` lists six candidates


@pytest.mark.parametrize("query", ["to lam", "TO LAM", "thongloun", "cpv", "viet nam", "national assembly", "summit",
                                   "hun", "lao", "minh", "state visit", "person/hun-sen"])
def test_search_finds_what_the_command_line_resolves(driver, pages, query):
    """The page's matches are the CLI's answer: the one node it resolves, or the candidates it lists."""
    if driver.execute_script("return window.pgExplorer === undefined"):
        load(driver, pages["bundled"])
    found = driver.execute_script("return pgExplorer.find(arguments[0])", query)
    result = subprocess.run([str(BIN), "show", query, "--format", "json"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    if result.returncode == 0:
        assert found == [json.loads(result.stdout)["id"]]
    else:
        assert result.returncode == 64
        if "names several nodes" in result.stderr:
            assert sorted(found) == sorted(re.findall(r"([a-z]+/[a-z0-9-]+) \(", result.stderr))
        else:
            assert found == [], result.stderr


def test_clicking_the_trilateral_summit_lists_its_participants(driver, pages):
    load(driver, pages["bundled"])
    node = next(g for g in driver.find_elements(By.CSS_SELECTOR, "#pg-diagram g.node")
                if g.get_attribute("aria-label") == "meeting CPP–CPV–LPRP trilateral summit")
    ActionChains(driver).move_to_element(node).click().perform()
    WebDriverWait(driver, WAIT).until(lambda d: panel_name(d) == "CPP–CPV–LPRP trilateral summit")
    shown = [row.get_attribute("data-participant") for row in driver.find_elements(By.CSS_SELECTOR, "#pg-participants tbody tr")]
    listing = next(m for m in cli_json("meetings")["meetings"] if m["meeting"]["id"] == "meeting/2026-02-trilateral-summit")
    expected = [p["attendee"]["id"] for p in listing["participants"]]
    assert shown == expected
    assert {"person/to-lam", "person/hun-sen", "person/thongloun-sisoulith", "party/cpv"} <= set(shown)
    assert "Tô Lâm" in driver.find_element(By.ID, "pg-participants").text


def test_clicking_a_line_shows_its_relationship_and_quote(driver, pages):
    load(driver, pages["bundled"])
    ends = ("line Tô Lâm – CPV General Secretary", "line CPV General Secretary – Tô Lâm")
    line = next(g for g in driver.find_elements(By.CSS_SELECTOR, "#pg-diagram g.edge")
                if (g.get_attribute("aria-label") or "").startswith(ends))
    driver.execute_script("arguments[0].focus()", line)
    line.send_keys(Keys.ENTER)  # the keyboard way: Tab to a line, Enter
    WebDriverWait(driver, WAIT).until(lambda d: panel_name(d) in ("Tô Lâm — CPV General Secretary", "CPV General Secretary — Tô Lâm"))
    panel = driver.find_element(By.ID, "pg-panel").text
    assert "holds" in panel and "led by Tô Lâm, Communist Party of Việt Nam (CPV) general secretary" in panel


def test_a_date_range_in_2027_hides_every_2026_meeting(driver, pages):
    load(driver, pages["bundled"])
    search(driver, "hun sen")
    rows = driver.find_elements(By.CSS_SELECTOR, "#pg-whomet tbody tr")
    assert rows and all(row.is_displayed() for row in rows)
    meetings = driver.find_elements(By.CSS_SELECTOR, "#pg-meetings li")
    assert len(meetings) == 6 and all(item.is_displayed() for item in meetings)
    field = driver.find_element(By.ID, "pg-from")
    field.send_keys("2027", Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.ID, "pg-meetings-count").text.startswith("0 of 6"))
    assert driver.find_elements(By.CSS_SELECTOR, "#pg-meetings li") == []
    drawn = [g for g in driver.find_elements(By.CSS_SELECTOR, "#pg-diagram g.node") if (g.get_attribute("aria-label") or "").startswith("meeting ")]
    assert len(drawn) == 6 and not any(g.is_displayed() for g in drawn)
    assert not any(row.is_displayed() for row in rows)
    assert driver.find_element(By.ID, "pg-whomet-count").text.startswith("0 of ")
    assert driver.execute_script("return pgExplorer.csv()").strip().count("\n") == 0  # the header only
    # Back to February 2026: everything returns.
    field.clear()
    driver.find_element(By.ID, "pg-to").send_keys("2026-02", Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.ID, "pg-meetings-count").text.startswith("6 of 6"))
    assert all(row.is_displayed() for row in rows)
    assert all(item.is_displayed() for item in driver.find_elements(By.CSS_SELECTOR, "#pg-meetings li"))
    assert len(driver.find_elements(By.CSS_SELECTOR, "#pg-meetings li")) == 6
    assert driver.execute_script("return pgExplorer.csv()").strip().count("\n") == len(rows)


def test_hostile_labels_are_shown_as_text_and_run_no_script(driver, pages):
    html = pages["hostile"].read_text(encoding="utf-8")
    assert html.count("<script") == 4  # three data blocks and the page's own script
    load(driver, pages["hostile"])
    search(driver, "bold")  # the alias
    WebDriverWait(driver, WAIT).until(lambda d: panel_name(d) == HOSTILE)
    assert "]]> & <b>bold</b>" in driver.find_element(By.ID, "pg-panel").text
    summit = "</script><script>window.__pwned = 3</script> summit"
    labels = [g.get_attribute("aria-label") for g in driver.find_elements(By.CSS_SELECTOR, "#pg-diagram g.node")]
    assert "meeting " + summit in labels
    # The diagram shows the labels as written (wrapped onto lines at spaces).
    svg_text = "".join(driver.execute_script("return document.querySelector('#pg-diagram svg').textContent").split())
    assert "".join(summit.split()) in svg_text and "".join(HOSTILE.split()) in svg_text
    assert driver.execute_script("return window.__pwned === undefined")
    assert driver.execute_script("return document.querySelectorAll('script').length") == 4
    assert driver.execute_script("return document.querySelectorAll('img, b').length") == 0
    assert console_errors(driver) == []
    assert requests_made(driver, pages["hostile"]) == []


def no_alert(driver):
    from selenium.common.exceptions import NoAlertPresentException
    try:
        text = driver.switch_to.alert.text
    except NoAlertPresentException:
        return True
    driver.switch_to.alert.dismiss()
    pytest.fail(f"the page opened an alert: {text!r}")


def test_every_hostile_name_of_the_fixture_is_text_and_runs_nothing(driver, pages):
    html = pages["fixture"].read_text(encoding="utf-8")
    assert html.count("<script") == 4 and html.count("</script>") == 4
    load(driver, pages["fixture"])
    assert no_alert(driver)
    nodes = json.loads(HOSTILE_FIXTURE.read_text(encoding="utf-8"))["nodes"]
    for node in nodes:
        driver.execute_script("pgExplorer.select(arguments[0])", node["id"])
        assert no_alert(driver)
        # The panel's heading holds the name exactly: controls, U+FFFE, RTL override and all.
        shown = driver.execute_script("return document.getElementById('pg-panel-name').textContent")
        assert shown == node["name"], node["id"]
    assert driver.execute_script("return window.__pgPwned === undefined && window.__pwned === undefined")
    assert driver.execute_script("return document.querySelectorAll('script').length") == 4
    assert driver.execute_script("return document.querySelectorAll('img, b, iframe, object').length") == 0
    # The who-met download is CSV by the library's rule: no cell starts like a spreadsheet formula.
    driver.execute_script("pgExplorer.select('person/h00')")
    text = driver.execute_script("return pgExplorer.csv()")
    import csv as csv_module
    import io
    rows = list(csv_module.reader(io.StringIO(text, newline="")))
    assert len(rows) > 10
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'+1+1" in cells and "'@SUM(A1:A2)" in cells and "''=already quoted" in cells and "'plain quote" in cells
    assert console_errors(driver) == []
    assert requests_made(driver, pages["fixture"]) == []


def test_the_who_met_table_equals_partygraph_who_met_for_every_actor(driver, pages):
    load(driver, pages["bundled"])
    actors = [node["id"] for node in driver.execute_script("return pgExplorer.nodes()") if node["kind"] != "meeting"]
    assert len(actors) == 32
    compared = 0
    for actor in actors:
        report = cli_json("who-met", actor)
        driver.execute_script("pgExplorer.select(arguments[0])", actor)
        rows = driver.find_elements(By.CSS_SELECTOR, "#pg-whomet tbody tr")
        shown = [(row.get_attribute("data-meeting-id"), row.get_attribute("data-counterpart-id"),
                  [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]) for row in rows]
        expected = []
        for encounter in report["encounters"]:
            theirs, ours = encounter["counterpart"]["participations"][0], encounter["actor"]["participations"][0]

            def how(participation):
                if participation["derivation"] in ("via-delegation", "via-office"):
                    return f'{participation["derivation"]} ({participation["participant"]["name"]})'
                return participation["derivation"]

            role = ", ".join(x for x in [theirs.get("role"), "for " + theirs["capacity"]["name"] if theirs.get("capacity") else None] if x)
            expected.append((encounter["meeting"]["id"], encounter["counterpart"]["actor"]["id"],
                             [encounter["meeting"]["date"], encounter["meeting"]["name"], encounter["meeting"]["status"],
                              encounter["counterpart"]["actor"]["label"], role, how(theirs), how(ours),
                              " ".join(sorted({e["source"] for e in encounter["evidence"]}))]))
        assert shown == expected, actor
        compared += len(expected)
    assert compared > 50


def test_screenshot_for_the_readme(driver, pages):
    load(driver, pages["bundled"])
    for _ in range(2):
        driver.find_element(By.ID, "pg-zoom-in").click()
    search(driver, "to lam")
    WebDriverWait(driver, WAIT).until(lambda d: panel_name(d) == "Tô Lâm")
    out = ROOT / "output" / "explorer.png"
    out.parent.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(out))
    assert out.stat().st_size > 20_000
