#!/usr/bin/env python3
"""The peer extractors over a suite of pages, for benches/extraction.rs.

Usage: peers.py SUITE_DIR PAGE...

For each page (SUITE_DIR/PAGE/source.html) and each peer that is installed
(readability-lxml, trafilatura), prints one JSON line:
{"page": PAGE, "peer": NAME, "html": ...} or {..., "text": ...}, with
"seconds" the time the extraction took. A peer that is not installed is
reported once as {"peer": NAME, "missing": REASON}.
"""

import json
import os
import sys
import time


def readability_lxml(source):
    from readability import Document

    return {"html": Document(source).summary(html_partial=True)}


def trafilatura_txt(source):
    import trafilatura

    text = trafilatura.extract(source, output_format="txt", include_comments=False, include_tables=True)
    return {"text": text or ""}


PEERS = {"readability-lxml": readability_lxml, "trafilatura": trafilatura_txt}


def main():
    suite, pages = sys.argv[1], sys.argv[2:]
    peers = {}
    for name, run in PEERS.items():
        try:
            run("<html><body><p>x</p></body></html>")
            peers[name] = run
        except Exception as error:  # not installed, or broken: said once
            print(json.dumps({"peer": name, "missing": repr(error)}), flush=True)
    for page in pages:
        with open(os.path.join(suite, page, "source.html"), "rb") as f:
            source = f.read().decode("utf-8", errors="replace")
        for name, run in peers.items():
            started = time.perf_counter()
            try:
                out = run(source)
            except Exception as error:
                out = {"text": "", "error": repr(error)}
            out.update(page=page, peer=name, seconds=time.perf_counter() - started)
            print(json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
