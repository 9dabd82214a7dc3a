"""Checks of the written handouts that need an HTML parser, for handouts.test.sh.

  headings HTML...          the texts of every heading and box title, one a line
  orphans PDF_TEXT HEADINGS pages whose last line is a heading (pdftotext output, \f between pages)
  links SITE_DIR            every local link and anchor of the site resolves
  resolve SITE_DIR URL...   each URL (file#anchor) names a page and an id that exist
Prints one line per problem and exits 1 when there is any.
"""
import html.parser
import os
import sys


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.headings = set(), [], []
        self._depth, self._text, self._tag = 0, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.links.append(attrs["src"])
        cls = attrs.get("class", "")
        if self._tag is None and (tag in ("h1", "h2", "h3", "h4") or any(
                c in cls.split() for c in ("callout-title", "question-title", "answer-title", "hints-title"))):
            self._tag, self._text = tag, []

    def handle_endtag(self, tag):
        if self._tag == tag:
            text = " ".join("".join(self._text).split())
            if text:
                self.headings.append(text)
            self._tag = None

    def handle_data(self, data):
        if self._tag:
            self._text.append(data)


def parse(path):
    page = Page()
    with open(path, encoding="utf-8") as f:
        page.feed(f.read())
    return page


def main():
    command, args = sys.argv[1], sys.argv[2:]
    problems = []
    if command == "headings":
        for path in args:
            for text in parse(path).headings:
                print(text)
        return 0
    if command == "orphans":
        with open(args[0], encoding="utf-8") as f:
            pages = f.read().split("\f")
        with open(args[1], encoding="utf-8") as f:
            headings = {line.strip().upper() for line in f if line.strip()}
        for number, text in enumerate(pages[:-1] if pages and not pages[-1].strip() else pages, 1):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            # The last line is the page number; the one before it ends the page's text.
            body = lines[:-1] if lines and lines[-1].isdigit() else lines
            if body and body[-1].upper() in headings:
                problems.append("page %d ends with the heading %r" % (number, body[-1]))
    if command in ("links", "resolve"):
        site = args[0]
        pages = {name: parse(os.path.join(site, name))
                 for name in os.listdir(site) if name.endswith(".html")}
        if command == "links":
            targets = [(name, link) for name, page in pages.items() for link in page.links]
        else:
            targets = [("search", url) for url in args[1:]]
        for source, link in targets:
            if link.startswith(("http:", "https:", "mailto:")):
                problems.append("%s links outside the site: %s" % (source, link))
                continue
            path, _, anchor = link.partition("#")
            path = path or source
            if not os.path.exists(os.path.join(site, path)):
                problems.append("%s links to a missing file: %s" % (source, link))
            elif anchor and (path not in pages or anchor not in pages[path].ids):
                problems.append("%s links to a missing anchor: %s" % (source, link))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


sys.exit(main())
