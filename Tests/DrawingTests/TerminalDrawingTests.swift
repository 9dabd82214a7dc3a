import Drawing
import XCTest

final class TerminalDrawingTests: XCTestCase {
  func testColumnsScaleToTheMaximumInEighths() {
    XCTAssertEqual(TerminalDrawing.columns([0, 1, 2, 4], maximum: 4, rows: 1), [" ▂▄█"])
    XCTAssertEqual(TerminalDrawing.histogram([1, 3], rows: 2), [" █", "▅█"])
    XCTAssertEqual(TerminalDrawing.histogram([0, 0], rows: 1), ["  "])
  }

  func testSparkBlocksKeepSmallValuesVisible() {
    XCTAssertEqual(TerminalDrawing.sparkBlock(0, maximum: 10), " ")
    XCTAssertEqual(TerminalDrawing.sparkBlock(1, maximum: 1000), "▁")
    XCTAssertEqual(TerminalDrawing.sparkBlock(10, maximum: 10), "█")
  }

  func testBrailleSetsTheDotOfEachPoint() {
    XCTAssertEqual(
      TerminalDrawing.braille([(0, 1), (1, 0)], x: 0...1, y: 0...1, columns: 1, rows: 1), ["⢁"])
  }

  func testPaintAndPad() {
    XCTAssertEqual(TerminalDrawing.paint("x", 31, color: true), "\u{1B}[31mx\u{1B}[0m")
    XCTAssertEqual(TerminalDrawing.paint("x", 31, color: false), "x")
    XCTAssertEqual(TerminalDrawing.paint256("x", 172, color: true), "\u{1B}[38;5;172mx\u{1B}[0m")
    XCTAssertEqual(TerminalDrawing.pad("ab", 4), "ab  ")
    XCTAssertEqual(TerminalDrawing.pad("ab", 4, right: true), "  ab")
  }

  func testStackedBarsRoundCumulatively() {
    let a = BarComponent(name: "a", fill: "#000", shade: "█", ansi: 34)
    let b = BarComponent(name: "b", fill: "#fff", shade: "░", ansi: 33)
    XCTAssertEqual(StackedBar.bar([(a, 3), (b, 3)], scale: 0.5, color: false), "██░")
    XCTAssertEqual(StackedBar.legend([a, b], color: false), "█ a   ░ b")
  }
}
