import Course
import XCTest

@testable import Study

/// Numbers and units as people type them into `workbook quiz`; every expected value is written
/// out by hand.
final class QuizAnswerTests: XCTestCase {
  /// Reads `text`, failing unless it gives exactly one answer.
  private func answer(
    _ text: String, file: StaticString = #filePath, line: UInt = #line
  ) -> QuizAnswer? {
    guard case .answer(let answer) = QuizAnswer.read(text) else {
      XCTFail(
        "\(text) did not read as one answer: \(QuizAnswer.read(text))", file: file, line: line)
      return nil
    }
    return answer
  }

  func testNumbersAsPeopleWriteThem() {
    let cases: [(String, Double, String)] = [
      ("6.552e4", 65520, ""),
      ("6.5504E+4", 65504, ""),
      ("1e-3", 0.001, ""),
      ("65,504", 65504, ""),
      ("65 504", 65504, ""),
      ("65\u{202F}504", 65504, ""),
      ("1,234,567", 1_234_567, ""),
      ("1 234 567", 1_234_567, ""),
      ("1,024.5 MB", 1024.5, "MB"),
      ("1.234,5", 1234.5, ""),
      ("1.234.567", 1_234_567, ""),
      ("0.5", 0.5, ""),
      (".5", 0.5, ""),
      ("-0.05", -0.05, ""),
      ("−3", -3, ""),
      ("+448", 448, ""),
      ("1/2", 0.5, ""),
      ("3 / 4 GB", 0.75, "GB"),
      ("112 gigabytes", 112, "gigabytes"),
      ("112 GB", 112, "GB"),
      ("112GB", 112, "GB"),
      ("≈ 13.3 GB", 13.3, "GB"),
      ("about 448", 448, ""),
      ("448.", 448, ""),
      ("112 000 MB", 112_000, "MB"),
      ("2.1e3 GB", 2100, "GB"),
    ]
    for (typed, value, unit) in cases {
      XCTAssertEqual(answer(typed), QuizAnswer(value: value, unit: unit), typed)
    }
  }

  func testACommaThatMayBeADecimalCommaIsAmbiguous() {
    let cases: [(String, Double, Double)] = [
      ("0,5", 0.5, 5),
      ("1,5", 1.5, 15),
      ("0,05", 0.05, 5),
      ("12,25", 12.25, 1225),
      ("0,500", 0.5, 500),
      ("1,2345", 1.2345, 12345),
    ]
    for (typed, comma, without) in cases {
      XCTAssertEqual(
        QuizAnswer.read(typed),
        .ambiguous(
          decimalComma: QuizAnswer(value: comma, unit: ""),
          withoutComma: QuizAnswer(value: without, unit: "")), typed)
    }
    XCTAssertEqual(
      QuizAnswer.read("0,5 GB"),
      .ambiguous(
        decimalComma: QuizAnswer(value: 0.5, unit: "GB"),
        withoutComma: QuizAnswer(value: 5, unit: "GB")))
    XCTAssertNil(QuizAnswer("0,5"), "an ambiguous answer is not one answer")
  }

  func testWhatIsNotANumber() {
    for typed in ["", "lots", "GB", "1/0", "1,23,4", "1.2.3", "e5", "-", "."] {
      XCTAssertEqual(QuizAnswer.read(typed), .notANumber, typed)
    }
  }

  func testUnitsOfBytes() throws {
    let cases: [(String, Double)] = [
      ("B", 1), ("bytes", 1), ("KB", 1000), ("kB", 1000), ("kilobytes", 1000),
      ("MB", 1_000_000), ("megabyte", 1_000_000), ("GB", 1_000_000_000),
      ("Gigabytes", 1_000_000_000), ("TB", 1_000_000_000_000), ("terabytes", 1_000_000_000_000),
      ("KiB", 1024), ("kibibytes", 1024), ("MiB", 1_048_576), ("mebibyte", 1_048_576),
      ("GiB", 1_073_741_824), ("gibibytes", 1_073_741_824),
    ]
    for (name, bytes) in cases {
      XCTAssertEqual(try XCTUnwrap(QuizUnit(name), name).bytes, bytes, name)
    }
    for name in ["", "GBs of it", "bits", "FLOPs", "parameters"] {
      XCTAssertNil(QuizUnit(name), name)
    }
  }

  func testAnswersWithAUnitAreConvertedToTheQuestionsUnit() throws {
    let adam = NumericAnswer(figure: "x", value: 112, unit: "GB", tolerance: 1)
    let right = [
      "112", "112 GB", "112GB", "112 gigabytes", "112,000 MB", "112 000 MB", "0.112 TB",
      "1.12e2 GB", "104.3 GiB", "111.5", "112000000000 B",
    ]
    for typed in right {
      XCTAssertTrue(try XCTUnwrap(QuizAnswer(typed), typed).isRight(for: adam), typed)
    }
    // 112 GiB is 120.26 GB, 113.5 is out of the tolerance, and seconds are not bytes.
    for typed in ["112 GiB", "113.5", "112 MB", "112 seconds", "-112"] {
      XCTAssertFalse(try XCTUnwrap(QuizAnswer(typed), typed).isRight(for: adam), typed)
    }
    XCTAssertFalse(try XCTUnwrap(QuizAnswer("112 seconds")).hasRightUnit(for: adam))
    XCTAssertTrue(try XCTUnwrap(QuizAnswer("112 MB")).hasRightUnit(for: adam))
    let fp16 = NumericAnswer(figure: "y", value: 65504, unit: "", tolerance: 0)
    for typed in ["65504", "65,504", "65 504", "6.5504e4", "65.504e3"] {
      XCTAssertTrue(try XCTUnwrap(QuizAnswer(typed), typed).isRight(for: fp16), typed)
    }
    XCTAssertFalse(try XCTUnwrap(QuizAnswer("6.552e4")).isRight(for: fp16), "that is 65520")
    XCTAssertEqual(QuizAnswer(value: 0.5, unit: "GB").display, "0.5 GB")
    XCTAssertEqual(QuizAnswer(value: 65504, unit: "").display, "65504")
  }
}
