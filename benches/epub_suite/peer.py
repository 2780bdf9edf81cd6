"""The peer of the EPUB suite: the text of each book's spine as ebooklib and
lxml read it, one JSON object per book on standard output:
{"file": NAME, "text": TEXT, "toc": [LABEL, ...]} or {"file": NAME, "error": MESSAGE}.

Each spine item is the manifest item it names; an XHTML or SVG document
gives the text of its body (SVG: of its <text> elements), without scripts,
styles and the navigation document's <nav>, which a reader shows as its
contents, not as text. The contents are the labels of the book's own
navigation (nav, else NCX), in order. Usage: peer.py FOLDER
"""

import json
import os
import sys
import warnings

warnings.filterwarnings("ignore")

from ebooklib import epub  # noqa: E402
from lxml import etree, html  # noqa: E402

SKIPPED = {"script", "style", "head", "title", "nav"}
# Elements that break the text: the rest (spans, links, emphasis) run on.
BREAKING = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "ol", "p", "pre", "section", "table", "td", "th",
    "tr", "ul", "text", "tspan", "math", "svg",
}


def local(tag):
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def text_of(element):
    parts = []

    def walk(node):
        name = local(node.tag)
        if name in SKIPPED:
            return
        breaking = name in BREAKING
        if breaking:
            parts.append("\n")
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if breaking:
            parts.append("\n")

    walk(element)
    return "".join(parts)


def document_text(content, media_type):
    if "svg" in media_type:
        root = etree.fromstring(content, etree.XMLParser(recover=True, huge_tree=True))
        if root is None:
            return ""
        return " ".join(t for e in root.iter() if local(e.tag) == "text" for t in e.itertext())
    try:
        root = etree.fromstring(content, etree.XMLParser(recover=True, huge_tree=True))
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        root = html.document_fromstring(content)
    body = next((e for e in root.iter() if local(e.tag) == "body"), root)
    return text_of(body)


class Lenient(epub.EpubReader):
    """Reads a book whose manifest names files it does not hold (a video
    left out, a remote resource) as the reader does: without them."""

    def read_file(self, name):
        try:
            return super().read_file(name)
        except KeyError:
            return b""


def book_text(path):
    reader = Lenient(path, {"ignore_ncx": False})
    book = reader.load()
    reader.process()
    texts = []
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None:
            continue
        media_type = item.media_type or ""
        if "html" not in media_type and "svg" not in media_type:
            continue
        # The bytes as the archive holds them (get_content would rebuild the document).
        texts.append(document_text(item.content, media_type))
    return "\n".join(texts), labels(book.toc)


def labels(entries):
    """The book's contents (nav, else NCX) as a flat list of labels."""
    out = []
    for entry in entries:
        if isinstance(entry, tuple):
            section, children = entry
            out.append(getattr(section, "title", "") or "")
            out.extend(labels(children))
        else:
            out.append(getattr(entry, "title", "") or "")
    return [" ".join(label.split()) for label in out if label and label.strip()]


def main():
    folder = sys.argv[1]
    for name in sorted(os.listdir(folder)):
        if not name.lower().endswith(".epub"):
            continue
        try:
            text, toc = book_text(os.path.join(folder, name))
            record = {"file": name, "text": text, "toc": toc}
        except Exception as err:  # the peer refuses the book
            record = {"file": name, "error": f"{type(err).__name__}: {err}"[:200]}
        print(json.dumps(record, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
