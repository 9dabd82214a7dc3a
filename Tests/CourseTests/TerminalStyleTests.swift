import Course
import XCTest

/// Plain styles (`TERM=dumb`, `NO_COLOR`) and wrapping at the widths terminals come in.
final class TerminalStyleTests: XCTestCase {
  private let lesson = Lesson.parse(
    source: """
      # Styles

      A paragraph with `a code span`, **strong words** and *emphasis*, long enough to be wrapped \
      at sixty columns without any word being cut in two.

      - one item
      - another item

      ```exercise LongExerciseName
      summary: Build something with `code` in a summary that is long enough to wrap inside the box at \
      sixty columns, at least once, maybe twice.
      hint: a hint.
      ```

      ## A section

      > quoted

      ---
      """, name: "Styles", file: "Lessons/Styles.md"
  ).0
  private let boxDrawing = Unicode.Scalar(0x2500)!...Unicode.Scalar(0x257F)!

  private func render(_ style: TerminalStyle, width: Int = 60) -> String {
    TerminalRenderer(width: width, style: style) { _ in nil }.render(lesson)
  }

  func testDumbTerminalGetsNoEscapesAndNoBoxDrawing() {
    let text = render(TerminalStyle(color: false, unicode: false, markers: true))
    XCTAssertFalse(text.contains("\u{1B}"))
    XCTAssertFalse(text.unicodeScalars.contains { boxDrawing.contains($0) }, text)
    XCTAssertFalse(text.contains("\u{2022}"), "no Unicode bullet")
    XCTAssertTrue(text.contains("+- Exercise LongExerciseName -"), text)
    XCTAssertTrue(text.contains("\n- one item\n"), text)
    XCTAssertTrue(text.contains("\n| quoted"), text)
  }

  func testNoColorKeepsPlainMarkersForCodeAndEmphasis() {
    let text = render(TerminalStyle(color: false, markers: true), width: 100)
    XCTAssertFalse(text.contains("\u{1B}"))
    XCTAssertTrue(text.contains("`a code span`"), text)
    XCTAssertTrue(text.contains("*strong words*"), text)
    XCTAssertTrue(text.contains("_emphasis_"), text)
    XCTAssertTrue(text.contains("\u{250C}\u{2500} Exercise"), "Unicode boxes stay without colour")
  }

  func testColourUsesEscapesNotMarkers() {
    let style = TerminalStyle(color: true, markers: true)
    XCTAssertEqual(style.codeSpan("x"), "\u{1B}[36mx\u{1B}[0m")
    XCTAssertEqual(style.strong("x"), "\u{1B}[1mx\u{1B}[0m")
    XCTAssertFalse(style.markers, "markers only stand in for colour")
  }

  func testPicturesOnADumbTerminalBecomeASCII() {
    let style = TerminalStyle(color: false, unicode: false)
    XCTAssertEqual(style.drawable("\u{2502}\u{2588}\u{2591}\u{2500}\u{2800}\u{28FF}x"), "|#.- .x")
  }

  func testRenderedLinesFitSixtyHundredAndHundredSixtyColumns() {
    for width in [60, 100, 160] {
      for style in [
        TerminalStyle(color: true), TerminalStyle(color: false, unicode: false, markers: true),
      ] {
        let lines = render(style, width: width).split(separator: "\n").map(String.init)
        let over = lines.filter { visibleWidth($0) > width }
        XCTAssertEqual(over, [], "width \(width)")
        let box = lines.filter {
          $0.hasPrefix("\u{2502} ") && $0.hasSuffix("\u{2502}")
            || $0.hasPrefix("| ") && $0.hasSuffix("|")
        }
        XCTAssertGreaterThanOrEqual(box.count, 2, "summary and commands inside the box")
        XCTAssertTrue(box.allSatisfy { visibleWidth($0) == width }, "box sides align at \(width)")
      }
    }
  }

  func testPackNeverBreaksAnItemThatFits() {
    let items = ["workbook read <lesson>", "check [exercise]", "hint <exercise>", "quiz", "--help"]
    for width in [30, 60, 100, 160] {
      let lines = pack(items, separator: " | ", width: width, indent: "  ", firstIndent: "")
      XCTAssertTrue(lines.allSatisfy { visibleWidth($0) <= width }, "\(width): \(lines)")
      let rejoined = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " | ")
      XCTAssertEqual(rejoined, items.joined(separator: " | "), "every item whole at \(width)")
    }
    // 22 + 3 + 16 = 41 columns: the first two items share a line only from 41 columns on.
    XCTAssertEqual(
      pack(items, separator: " | ", width: 41),
      ["workbook read <lesson> | check [exercise]", "hint <exercise> | quiz | --help"])
    XCTAssertEqual(pack(items, separator: " | ", width: 40)[0], "workbook read <lesson>")
  }

  func testWideAPictureBecomesANote() {
    let picture = String(repeating: "\u{2588}", count: 70)
    let lines = TerminalRenderer(width: 60, style: TerminalStyle(color: false)) { _ in picture }
      .render(.picture(PictureReference(id: "wide", line: 1)))
    XCTAssertEqual(lines, ["picture wide needs 70 columns; see the handout", ""])
  }
}
