import Foundation
import Harness
import Quantization
import XCTest

/// The lesson and the kit agree: every `fig:` link names a figure and shows its computed text,
/// every picture and exercise the lesson names exists, and the figures themselves are sane.
final class QuantizationLessonTests: XCTestCase {
  private var lesson: String {
    get throws {
      let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
      return try String(
        contentsOf: root.appendingPathComponent("Lessons/Quantization.md"), encoding: .utf8)
    }
  }

  func testFigureIdsAreUniqueAndTextsAreNumbers() {
    let figures = QuantizationFigures.all
    XCTAssertEqual(Set(figures.map(\.id)).count, figures.count, "duplicate figure ids")
    for figure in figures {
      XCTAssertFalse(figure.text.isEmpty, figure.id)
      XCTAssertFalse(figure.text.lowercased().contains("nan"), "\(figure.id) = \(figure.text)")
      XCTAssertFalse(figure.text.contains("inf"), "\(figure.id) = \(figure.text)")
    }
  }

  func testEveryFigureLinkMatchesItsComputedText() throws {
    let figures = Dictionary(uniqueKeysWithValues: QuantizationFigures.all.map { ($0.id, $0.text) })
    let links = try figureLinks(in: lesson)
    XCTAssertGreaterThan(links.count, 40)
    for (text, id) in links {
      guard let computed = figures[id] else {
        XCTFail("the lesson links fig:\(id), which QuantizationFigures does not define")
        continue
      }
      XCTAssertEqual(text, computed, "fig:\(id)")
    }
    let used = Set(links.map(\.id))
    for id in figures.keys where !used.contains(id) {
      XCTFail("figure \(id) is computed but the lesson never cites it")
    }
  }

  func testPicturesAndExercisesTheLessonNamesExist() throws {
    let text = try lesson
    let pictures = Set(QuantizationPictures.all.map(\.id))
    for id in blocks(named: "picture", in: text) {
      XCTAssertTrue(pictures.contains(id), "unknown picture \(id)")
    }
    XCTAssertEqual(Set(blocks(named: "picture", in: text)), pictures, "every picture is shown once")
    let exercises = blocks(named: "exercise", in: text)
    XCTAssertEqual(
      Set(exercises),
      [
        "SymmetricInt8", "AffineUInt8", "PerChannel", "Int8MatMul", "QuantizedInference",
        "LossScaling",
      ])
  }

  func testStubSectionsAreHeadingsOfTheLesson() throws {
    let headings = try lesson.split(separator: "\n").filter { $0.hasPrefix("## ") }.map {
      String($0.dropFirst(3))
    }
    for section in [
      "Symmetric int8", "Affine uint8 and the zero point", "One scale per channel",
      "Integer matrix multiplication", "Quantizing a whole network",
      "Mixed precision and loss scaling",
    ] {
      XCTAssertTrue(headings.contains(section), "no section \u{201C}\(section)\u{201D}")
    }
  }

  func testErrataOfSeedErrorsFivePointFiveAndSevenAreThere() throws {
    let text = try lesson
    XCTAssertTrue(text.contains("constrains the number of pixels"))
    XCTAssertTrue(text.contains("reduces the number of required matrix multiplications"))
    XCTAssertEqual(blocks(named: "errata", in: text).count, 2)
  }

  /// `[text](fig:id)` pairs, in order.
  private func figureLinks(in text: String) -> [(text: String, id: String)] {
    var links: [(String, String)] = []
    var rest = Substring(text)
    while let marker = rest.range(of: "](fig:") {
      let before = rest[..<marker.lowerBound]
      guard let open = before.lastIndex(of: "[") else { break }
      let after = rest[marker.upperBound...]
      guard let close = after.firstIndex(of: ")") else { break }
      links.append((String(before[before.index(after: open)...]), String(after[..<close])))
      rest = after[close...]
    }
    return links
  }

  /// The word after the info string of fenced blocks such as ```` ```picture quantization-levels ````
  /// (or `errata`, which takes no word: then an empty string per block).
  private func blocks(named kind: String, in text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
      guard line.hasPrefix("```" + kind) else { return nil }
      return line.dropFirst(3 + kind.count).trimmingCharacters(in: .whitespaces)
    }
  }
}
