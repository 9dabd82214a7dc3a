import Harness
import XCTest

/// Fails unless `figures` have unique ids and every one has a text (with `noQuestionMarks`, a
/// text with no "?", the mark of a value the kit could not compute).
public func assertFiguresComputed(
  _ figures: [Figure], noQuestionMarks: Bool = false, file: StaticString = #filePath,
  line: UInt = #line
) {
  let ids = figures.map(\.id)
  XCTAssertEqual(Set(ids).count, ids.count, "duplicate figure ids", file: file, line: line)
  for figure in figures {
    XCTAssertFalse(figure.text.isEmpty, figure.id, file: file, line: line)
    if noQuestionMarks {
      XCTAssertFalse(figure.text.contains("?"), figure.id, file: file, line: line)
    }
  }
}

/// Fails unless each of `pictures` draws standalone SVG (the SVG namespace first, `svgEnding`
/// last when given, no `href`) and terminal text that is not empty, has no ANSI escape unless
/// colour is asked for and has some when it is, and (with `widest`) no line wider than that.
public func assertPicturesStandalone(
  _ pictures: [Picture], svgEnding: String? = nil, widest: Int? = nil,
  file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertFalse(pictures.isEmpty, "no picture", file: file, line: line)
  for picture in pictures {
    let id = picture.id
    let svg = picture.svg()
    XCTAssertTrue(
      svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), "\(id): not standalone SVG",
      file: file, line: line)
    if let svgEnding {
      XCTAssertTrue(svg.hasSuffix(svgEnding), "\(id): SVG ending", file: file, line: line)
    }
    XCTAssertFalse(svg.contains("href"), "\(id) refers to href", file: file, line: line)
    let plain = picture.terminal(false)
    XCTAssertFalse(plain.isEmpty, "\(id): no terminal text", file: file, line: line)
    XCTAssertFalse(plain.contains("\u{1B}"), "\(id): colour without color", file: file, line: line)
    XCTAssertTrue(
      picture.terminal(true).contains("\u{1B}["), "\(id): no colour", file: file, line: line)
    guard let widest else { continue }
    for row in plain.split(separator: "\n") {
      XCTAssertLessThanOrEqual(
        row.count, widest, "\(id): line too wide: \(row)", file: file, line: line)
    }
  }
}

/// Fails unless each figure that `expected` names is among `figures`, with that text: values
/// typed in from the literature, never computed by the kit under test.
public func assertFigureTexts(
  _ figures: [Figure], _ expected: KeyValuePairs<String, String>, file: StaticString = #filePath,
  line: UInt = #line
) {
  for (id, value) in expected {
    let figure = figures.first { $0.id == id }
    XCTAssertNotNil(figure, "no figure \(id)", file: file, line: line)
    if let figure { XCTAssertEqual(figure.text, value, id, file: file, line: line) }
  }
}
