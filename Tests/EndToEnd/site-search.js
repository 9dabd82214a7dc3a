// Runs the site's own search for a few queries and lists every result's URL, one a line, in
// <pre id="search-report"> (the test then checks each URL leads to a page and an anchor).
(function () {
  var queries = ["fp16", "Adam", "checkpoint", "quantization", "memory", "bf16 precision", "ZeRO"];
  var lines = [];
  queries.forEach(function (query) {
    var results = window.workbookSearch ? window.workbookSearch(query) : [];
    lines.push("query " + query + " " + results.length);
    results.forEach(function (entry) { lines.push("url " + entry.url); });
  });
  var report = document.createElement("pre");
  report.id = "search-report";
  report.textContent = lines.join("\n");
  document.body.appendChild(report);
})();
