// Measures a handout laid out at print size (the test rewrites `@media print` to `@media all`
// and opens the page at the printed text width): every code block, table and picture that is
// wider than its box, and every picture label smaller than 8 pt once scaled to the page.
// Opened with #landscape (at a landscape page's text width) it checks only the pictures that
// print on a landscape page of their own; otherwise everything else.
// Writes one line per problem into <pre id="layout-report">, "clean" when there is none.
(function () {
  var problems = [];
  var landscape = location.hash === "#landscape";
  function measured(element) {
    return !!element.closest("figure.landscape") === landscape;
  }
  function name(element) {
    var section = element.closest("section[id], article[id], figure");
    var where = section ? (section.id || (section.querySelector("figcaption") || {}).textContent || "") : "";
    return element.tagName.toLowerCase() + " in " + where.slice(0, 60);
  }
  document.querySelectorAll("pre, table, figure.picture, figure.picture svg").forEach(function (element) {
    if (!measured(element)) { return; }
    if (element.scrollWidth > element.clientWidth + 1) {
      problems.push("overflow " + name(element) + ": " + element.scrollWidth + " > " + element.clientWidth);
    }
    var box = element.getBoundingClientRect();
    if (box.right > document.documentElement.clientWidth + 1) {
      problems.push("past the page " + name(element) + ": right edge " + Math.round(box.right));
    }
  });
  document.querySelectorAll("figure.picture svg").forEach(function (svg) {
    if (!measured(svg)) { return; }
    var view = svg.viewBox && svg.viewBox.baseVal;
    var scale = view && view.width ? svg.getBoundingClientRect().width / view.width : 1;
    var smallest = Infinity;
    svg.querySelectorAll("text").forEach(function (text) {
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
    });
    // CSS px are 1/96 in, points 1/72 in: 8 pt is 10.67 px.
    if (smallest * 0.75 < 7.95) {
      problems.push("small labels " + name(svg) + ": " + (smallest * 0.75).toFixed(1) + " pt");
    }
  });
  var report = document.createElement("pre");
  report.id = "layout-report";
  report.textContent = problems.length ? problems.join("\n") : "clean";
  document.body.appendChild(report);
})();
