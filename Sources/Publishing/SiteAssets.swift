/// The website's own stylesheet and search script, written into the site as files.
enum SiteAssets {
  /// Layout of the site around the handouts' stylesheet: a header with the search box, a
  /// sidebar, the lesson, and previous/next links.
  static let css = """
    body.site { max-width: none; margin: 0; padding: 0; }
    .site-header { position: sticky; top: 0; z-index: 2; display: flex; gap: 1em; align-items: center;
      padding: .5em 1.2em; background: #fff; border-bottom: 1px solid var(--rule); flex-wrap: wrap; }
    .site-header .home { font: 700 1.05em sans-serif; color: var(--ink); text-decoration: none; }
    .site-header form { margin-left: auto; }
    #search { font: 1em sans-serif; padding: .3em .6em; width: 18em; max-width: 60vw;
      border: 1px solid var(--rule); border-radius: 6px; }
    #search-results { position: absolute; right: 1.2em; top: 100%; width: min(34em, 90vw); max-height: 70vh;
      overflow-y: auto; margin: 0; padding: .4em 1em .4em 2em; background: #fff;
      border: 1px solid var(--rule); border-radius: 6px; box-shadow: 0 6px 20px rgba(0,0,0,.12); }
    #search-results li { margin: .4em 0; }
    #search-results p { margin: .1em 0; color: var(--muted); font-size: .85em; }
    .site-body { display: flex; align-items: flex-start; }
    nav.sidebar { position: sticky; top: 3.2em; flex: 0 0 17em; max-height: calc(100vh - 3.5em);
      overflow-y: auto; padding: 1em 1em 2em 1.2em; font: .9em/1.45 sans-serif;
      border-right: 1px solid var(--rule); }
    nav.sidebar ol { padding-left: 1.1em; margin: .2em 0; }
    nav.sidebar li > ol { display: none; }
    nav.sidebar li.current > ol { display: block; }
    nav.sidebar a { color: var(--ink); text-decoration: none; }
    nav.sidebar li.current > a { font-weight: 700; color: var(--accent); }
    body.site main { flex: 1 1 auto; min-width: 0; max-width: 46em; padding: 0 2em 3em; }
    nav.pager { display: flex; justify-content: space-between; gap: 1em; margin-top: 3em;
      padding-top: 1em; border-top: 1px solid var(--rule); font-family: sans-serif; }
    details.answer, details.solution { border-top: 1px solid var(--rule); margin-top: .6em; }
    details.answer > summary, details.solution > summary { cursor: pointer; font: 700 .85em sans-serif;
      color: var(--accent); padding: .3em 0; }
    body.site .answer-space { display: none; }
    .edition { font: 700 .9em sans-serif; color: var(--accent); text-transform: uppercase; }
    @media (max-width: 50em) {
      .site-body { display: block; }
      nav.sidebar { position: static; max-height: none; border-right: none;
        border-bottom: 1px solid var(--rule); }
    }
    @media print {
      .site-header, nav.sidebar, nav.pager { display: none; }
    }
    """

  /// The search: every word of the query must appear in a section's title or text; sections
  /// whose titles hold the words rank first. Runs in the page, on `WORKBOOK_SEARCH`.
  static let searchScript = """
    (function () {
      var input = document.getElementById("search");
      var list = document.getElementById("search-results");
      var entries = (window.WORKBOOK_SEARCH || []).map(function (entry) {
        return { entry: entry, title: (entry.lesson + " " + entry.section).toLowerCase(),
          text: entry.text.toLowerCase() };
      });
      function snippet(text, word) {
        var at = text.toLowerCase().indexOf(word);
        var start = Math.max(0, at - 60);
        return (start > 0 ? "…" : "") + text.slice(start, start + 160) + "…";
      }
      function search(query) {
        var words = query.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
        if (words.length === 0) { return []; }
        var hits = [];
        entries.forEach(function (item) {
          var score = 0;
          for (var i = 0; i < words.length; i++) {
            var inTitle = item.title.indexOf(words[i]) >= 0;
            var count = item.text.split(words[i]).length - 1;
            if (!inTitle && count === 0) { return; }
            score += (inTitle ? 10 : 0) + Math.min(count, 10);
          }
          hits.push({ item: item, score: score });
        });
        hits.sort(function (a, b) { return b.score - a.score; });
        return hits.slice(0, 12).map(function (hit) { return hit.item.entry; });
      }
      window.workbookSearch = search;
      function show() {
        var query = input.value.trim();
        var results = search(query);
        list.innerHTML = "";
        results.forEach(function (entry) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = entry.url;
          link.textContent = entry.section === entry.lesson ? entry.lesson : entry.lesson + ": " + entry.section;
          var text = document.createElement("p");
          text.textContent = snippet(entry.text, query.toLowerCase().split(/\\s+/)[0]);
          item.appendChild(link);
          item.appendChild(text);
          list.appendChild(item);
        });
        if (query && results.length === 0) {
          var none = document.createElement("li");
          none.textContent = "Nothing found for “" + query + "”";
          list.appendChild(none);
        }
        list.hidden = query.length === 0;
      }
      if (input) {
        input.addEventListener("input", show);
        input.addEventListener("keydown", function (event) {
          if (event.key === "Escape") { input.value = ""; show(); }
        });
      }
    })();
    """
}
