import Drawing
import XCTest

/// Each style is the look of pictures the lessons already embed: these pin its bytes.
final class SVGCanvasTests: XCTestCase {
  func testHelveticaWritesPresentationAttributesAndATitle() {
    var canvas = SVGCanvas(width: 100, height: 50.5, style: .helvetica)
    canvas.rect(x: 1.234, y: 2, width: 3, height: 4, fill: "#abc")
    canvas.line(x1: 0, y1: 0, x2: 10, y2: 10, stroke: "#555", dashed: true)
    canvas.polyline([(0, 1), (2.5, 3)], stroke: "#123")
    canvas.text("a < b & c", x: 5, y: 6, size: 11, anchor: "end")
    XCTAssertEqual(
      canvas.document(title: "T"),
      """
      <svg xmlns="http://www.w3.org/2000/svg" width="100" height="50.5" viewBox="0 0 100 50.5" \
      role="img">
      <title>T</title>
      <rect x="0" y="0" width="100" height="50.5" fill="#ffffff"/>
      <rect x="1.23" y="2" width="3" height="4" fill="#abc" fill-opacity="1"/>
      <line x1="0" y1="0" x2="10" y2="10" stroke="#555" stroke-width="1" \
      stroke-dasharray="4 3"/>
      <polyline points="0,1 2.5,3" fill="none" stroke="#123" stroke-width="1.5" \
      stroke-linejoin="round"/>
      <text x="5" y="6" font-family="Helvetica, Arial, sans-serif" font-size="11" \
      text-anchor="end" fill="#222">a &lt; b &amp; c</text>
      </svg>
      """)
  }

  func testInlineCSSPutsPaintInStyle() {
    var canvas = SVGCanvas(width: 20, height: 10, style: .inlineCSS)
    canvas.rect(x: 0, y: 0, width: 5, height: 5, fill: "#abc")
    canvas.text("x", x: 1, y: 2, fill: "#f00", bold: true)
    XCTAssertEqual(
      canvas.document(),
      """
      <svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" viewBox="0 0 20 10">
      <rect x="0" y="0" width="20" height="10" style="fill:#ffffff"/>
      <rect x="0" y="0" width="5" height="5" style="fill:#abc;stroke:none;stroke-width:1"/>
      <text x="1" y="2" style="font-family:sans-serif;font-size:12px;fill:#f00;\
      text-anchor:start;font-weight:bold">x</text>
      </svg>

      """)
  }

  func testStyledLabelsRoundToOneDecimalAndDrawArrows() {
    var canvas = SVGCanvas(width: 20, height: 10, style: .styledLabels)
    canvas.rect(x: 0.26, y: 0, width: 5, height: 5, fill: "#abc", stroke: "#000", radius: 4)
    canvas.arrow(x1: 0, y1: 0, x2: 10, y2: 0)
    canvas.text("x", x: 1, y: 2, italic: true)
    XCTAssertEqual(
      canvas.document(),
      """
      <svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" viewBox="0 0 20 10">
      <rect x="0" y="0" width="20" height="10" fill="#ffffff"/>
      <rect x="0.3" y="0" width="5" height="5" fill="#abc" rx="4" stroke="#000" \
      stroke-width="1.2"/>
      <line x1="0" y1="0" x2="10" y2="0" stroke="#555555" stroke-width="1.2"/>
      <polygon points="10,0 2,4 2,-4" fill="#555555"/>
      <text x="1" y="2" text-anchor="start" style="font-family:Helvetica,Arial,sans-serif;\
      font-size:12px;fill:#222222;font-style:italic">x</text>
      </svg>

      """)
  }

  func testMonospaceNamesTheFontOnceAndWeightsEveryLabel() {
    var canvas = SVGCanvas(width: 20, height: 10, style: .monospace)
    canvas.text("\"q\"", x: 1, y: 2, size: 9)
    XCTAssertEqual(
      canvas.document(),
      """
      <svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" viewBox="0 0 20 10" \
      font-family="DejaVu Sans Mono, Menlo, monospace">
      <rect x="0" y="0" width="20" height="10" fill="#ffffff"/>
      <text x="1" y="2" font-size="9" text-anchor="start" font-weight="normal" \
      fill="#111111">&quot;q&quot;</text>
      </svg>

      """)
  }

  func testWeightedKeepsOpacityDecimalsAndUnstrokedLines() {
    var canvas = SVGCanvas(width: 20, height: 10, style: .weighted)
    canvas.polygon([(0, 0), (1, 1)], fill: "#abc", opacity: 0.35, stroke: "#abc", strokeWidth: 1.5)
    canvas.line(x1: 0, y1: 0, x2: 1, y2: 1, stroke: "#444")
    canvas.rect(x: 0, y: 0, width: 1, height: 1, fill: "#abc", radius: 4)
    XCTAssertEqual(
      canvas.document(title: "W"),
      """
      <svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" viewBox="0 0 20 10" \
      role="img">
      <title>W</title>
      <rect x="0" y="0" width="20" height="10" fill="#ffffff"/>
      <polygon points="0,0 1,1" fill="#abc" fill-opacity="0.35" stroke="#abc" \
      stroke-width="1.5"/>
      <line x1="0" y1="0" x2="1" y2="1" stroke="#444"/>
      <rect x="0" y="0" width="1" height="1" rx="4" fill="#abc"/>
      </svg>

      """)
  }
}
