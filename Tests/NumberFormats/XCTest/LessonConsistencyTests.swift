import Foundation
import NumberFormats
import NumberFormatsGraders
import XCTest

/// Checks Lessons/NumberFormats.md against the code until the course's own checker covers it:
/// every `fig:` link shows its figure's exact text, every picture exists, and every exercise
/// block sits in the section its grader points to.
final class LessonConsistencyTests: XCTestCase {
  private func lesson() throws -> String {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return try String(
      contentsOf: root.appendingPathComponent("Lessons/NumberFormats.md"), encoding: .utf8)
  }

  func testEveryFigureLinkShowsItsFigure() throws {
    let text = try lesson()
    let links = try NSRegularExpression(pattern: #"\[([^\]]+)\]\(fig:([a-z0-9-]+)\)"#)
    let matches = links.matches(in: text, range: NSRange(text.startIndex..., in: text))
    XCTAssertGreaterThan(matches.count, 50)
    for match in matches {
      guard let shown = Range(match.range(at: 1), in: text),
        let id = Range(match.range(at: 2), in: text)
      else { continue }
      guard let figure = NumberFormatsFigures.figure(String(text[id])) else {
        XCTFail("unknown figure \(text[id])")
        continue
      }
      XCTAssertEqual(String(text[shown]), figure.text, "figure \(figure.id)")
    }
    for question in text.components(separatedBy: "```question figure=").dropFirst() {
      let id = String(question.prefix { $0 != " " && $0 != "\n" })
      XCTAssertNotNil(NumberFormatsFigures.figure(id), "question figure \(id)")
      XCTAssertNotNil(
        Double(NumberFormatsFigures.figure(id)?.text ?? "x"), "numeric question figure \(id)")
    }
  }

  func testEveryFigureIsUsed() throws {
    let text = try lesson()
    for figure in NumberFormatsFigures.all {
      XCTAssertTrue(
        text.contains("(fig:\(figure.id))") || text.contains("figure=\(figure.id) "),
        "figure \(figure.id) is not used in the lesson")
    }
  }

  func testEveryPictureExists() throws {
    let text = try lesson()
    let ids = text.components(separatedBy: "```picture ").dropFirst().map {
      String($0.prefix { $0 != "\n" })
    }
    XCTAssertEqual(
      Set(ids), Set(NumberFormatsPictures.all.map(\.id)), "the lesson shows every picture")
  }

  func testExerciseBlocksSitInTheirGradersSections() throws {
    let text = try lesson()
    var section = ""
    var found: [String: String] = [:]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("## ") { section = String(line.dropFirst(3)) }
      if line.hasPrefix("```exercise ") { found[String(line.dropFirst(12))] = section }
    }
    let exercises = NumberFormatsGraders.exercises(
      integers: Unused(), decoder: Unused(), encoder: Unused(), e4m3: Unused())
    XCTAssertEqual(Set(found.keys), Set(exercises.map(\.name)))
    for exercise in exercises {
      XCTAssertEqual(found[exercise.name], exercise.section, exercise.name)
    }
  }
}

/// A stand-in edition for reading the exercises' names and sections without grading anything.
private struct Unused: IntegerDecoding, FloatDecoding, FloatEncoding, E4M3Rules {
  struct NotUsed: Error {}
  func unsigned(_ bits: UInt64, width: Int) throws -> UInt64 { throw NotUsed() }
  func signMagnitude(_ bits: UInt64, width: Int) throws -> Int64 { throw NotUsed() }
  func twosComplement(_ bits: UInt64, width: Int) throws -> Int64 { throw NotUsed() }
  func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat { throw NotUsed() }
  func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat { throw NotUsed() }
  func decode(_ bits: UInt8) throws -> DecodedFloat { throw NotUsed() }
  func encode(_ value: Double) throws -> EncodedFloat { throw NotUsed() }
}
