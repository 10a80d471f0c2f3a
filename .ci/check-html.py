"""Checks the examples' HTML report in Chromium (called by .ci/check-html with the browser's path
and the folder holding examples.html, examples.json, examples.pdf and hostile.html)."""

import json
import re
import sys

import html5lib
import pypdf
from playwright.sync_api import sync_playwright

browser_path, folder = sys.argv[1], sys.argv[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def identifier(value):
    """HTMLReporter's HTML.identifier: the id suffix of a finding's article."""
    out = ""
    for ch in value:
        if ch.isascii() and (ch.isalpha() or ch.isdigit() or ch == "-"):
            out += ch
        else:
            out += "_" + format(ord(ch), "x")
    return out


with open(f"{folder}/examples.json", encoding="utf-8") as handle:
    report = json.load(handle)
systems = report["systems"]
statuses = ["fail", "unknown", "waived", "upcoming", "pass", "not_applicable"]

# Valid HTML5 as far as the HTML5 parsing algorithm goes: no parse error at all.
for name in ("examples.html", "hostile.html"):
    parser = html5lib.HTMLParser()
    with open(f"{folder}/{name}", "rb") as handle:
        parser.parse(handle.read())
    check(not parser.errors, f"{name}: HTML5 parse errors {parser.errors[:5]}")

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])

    def open_page(name, javascript=True):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        events = {"console": [], "requests": []}
        page.on("console", lambda m: events["console"].append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: events["console"].append(f"pageerror: {e}"))
        page.on("dialog", lambda d: (events["console"].append(f"dialog: {d.message}"), d.dismiss()))
        page.on("request", lambda r: events["requests"].append(r.url))
        url = f"file://{folder}/{name}"
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)
        duplicates = page.evaluate(
            "() => { const seen = new Set(), twice = []; document.querySelectorAll('[id]').forEach(e => "
            "{ if (seen.has(e.id)) twice.push(e.id); seen.add(e.id); }); return twice; }")
        check(not duplicates, f"{name}: duplicate ids {duplicates[:5]}")
        others = [r for r in events["requests"] if r != url]
        check(not events["console"], f"{name} (JavaScript {'on' if javascript else 'off'}): console errors {events['console']}")
        check(not others, f"{name}: network requests {others}")
        return page

    for javascript in (True, False):
        page = open_page("examples.html", javascript)
        mode = "JavaScript " + ("on" if javascript else "off")
        shown = lambda selector: page.eval_on_selector(selector, "e => e.textContent.trim()")
        # Totals by status and systems: what the page shows equals the JSON report.
        for status in statuses:
            expected = sum(system["summary"][status] for system in systems)
            check(shown(f'#totals [data-count="{status}"]') == str(expected),
                  f"{mode}: total {status} shown {shown(f'#totals [data-count={chr(34)}{status}{chr(34)}]')}, JSON {expected}")
        check(shown('[data-count="systems"]') == str(len(systems)), f"{mode}: systems count differs from JSON")
        failed = sum(1 for system in systems if system["gate"] == "fail")
        check(shown('[data-count="failed"]') == str(failed), f"{mode}: failed-systems count differs from JSON")
        for index, system in enumerate(systems, start=1):
            row = f'tr[data-id="{system["system"]["id"]}"]'
            for status in statuses:
                value = shown(f'{row} [data-count="{status}"]')
                check(value == str(system["summary"][status]),
                      f"{mode}: {system['system']['id']} {status} shown {value}, JSON {system['summary'][status]}")
            section = f"#system-{index}"
            check(page.get_attribute(section, "data-gate") == system["gate"], f"{mode}: {section} gate differs from JSON")
            for finding in system["findings"]:
                if finding["status"] != "fail":
                    continue
                article = page.query_selector(f'{section} article.s-fail[id="system-{index}-{identifier(finding["rule"])}"]')
                check(article is not None and article.is_visible(),
                      f"{mode}: failing finding {finding['rule']} of {system['system']['id']} is not shown")
        summary_first = page.evaluate(
            "() => document.getElementById('summary').getBoundingClientRect().top < document.getElementById('system-1').getBoundingClientRect().top")
        check(summary_first, f"{mode}: the summary is not shown above the systems")
        filters_hidden = page.eval_on_selector("#filters", "e => e.hidden")
        check(filters_hidden != javascript, f"{mode}: the filter controls should be {'shown' if javascript else 'hidden'}")
        if javascript:
            first = systems[0]["system"]["id"]
            page.fill("#filter-text", first)
            visible = page.eval_on_selector_all("section.system", "es => es.filter(e => e.offsetParent !== null).length")
            check(visible == 1, f"filtering on {first} leaves {visible} system sections, expected 1")

    # Hostile names: shown as text, never run or parsed as markup.
    page = open_page("hostile.html")
    check(page.query_selector("body script:not(:last-of-type)") is None, "hostile.html: an extra <script> element")
    title = page.eval_on_selector("#system-1-title", "e => e.textContent")
    check("\\u{202E}" in title and "\\u{1B}" in title, f"hostile.html: bidi override or ESC not shown escaped: {title!r}")
    check("\u202e" not in page.content() and "\x1b" not in page.content(), "hostile.html: a raw bidi override or ESC reached the page")
    browser.close()

# The PDF: the summary first, then each system from the top of a new page, in order.
pages = [re.sub(r"\s+", "", page.extract_text() or "") for page in pypdf.PdfReader(f"{folder}/examples.pdf").pages]
check(len(pages) >= len(systems) + 1, f"PDF has {len(pages)} pages for {len(systems)} systems and the summary")
check(pages and pages[0].startswith("Compliancereport") and "Summary" in pages[0], "PDF: the first page is not the summary")
previous = 0
for system in systems:
    key = re.sub(r"\s+", "", system["system"]["id"])
    starts = [i for i, text in enumerate(pages) if i > previous and text.startswith("GATE") and key in text[:400]]
    check(bool(starts), f"PDF: {system['system']['id']} does not start a page after page {previous + 1}")
    previous = starts[0] if starts else previous

for failure in failures:
    print(f"check-html: FAIL {failure}", file=sys.stderr)
print(f"check-html: {len(systems)} systems, {len(pages)} PDF pages, "
      f"{sum(1 for s in systems for f in s['findings'] if f['status'] == 'fail')} failing findings checked; "
      f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
