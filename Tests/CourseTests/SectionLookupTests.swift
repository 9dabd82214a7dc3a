import Course
import XCTest

/// `workbook read --section`: exact headings, unique prefixes, numbers, and one-line errors.
final class SectionLookupTests: XCTestCase {
  private let lesson = Lesson.parse(
    source: """
      # Demo

      Intro.

      ## Integers

      Text.

      ## Fixed point

      Text.

      ## Rounding into a narrower format

      Text.

      ## Range and precision

      Text.

      ## Rounding

      Text.
      """, name: "Demo", file: "Lessons/Demo.md"
  ).0

  func testExactHeadingWinsOverALongerOneItStarts() throws {
    XCTAssertEqual(try lesson.sectionIndex(matching: "Rounding"), 4)
    XCTAssertEqual(try lesson.sectionIndex(matching: "Rounding into a narrower format"), 2)
  }

  func testGraderQuotesAndSpacesAreIgnored() throws {
    XCTAssertEqual(try lesson.sectionIndex(matching: "\u{201C}Fixed point\u{201D}"), 1)
    XCTAssertEqual(try lesson.sectionIndex(matching: "  \"Integers\" "), 0)
  }

  func testAUniqueCaseInsensitivePrefixIsEnough() throws {
    XCTAssertEqual(try lesson.sectionIndex(matching: "fixed"), 1)
    XCTAssertEqual(try lesson.sectionIndex(matching: "ROUNDING INTO"), 2)
    XCTAssertEqual(
      try lesson.sectionIndex(matching: "rounding"), 4, "a case-insensitive exact match")
  }

  func testNumbersAsListSectionsPrintsThem() throws {
    XCTAssertEqual(try lesson.sectionIndex(matching: "4"), 3)
    XCTAssertThrowsError(try lesson.sectionIndex(matching: "9"))
  }

  func testAnAmbiguousPrefixListsWhatItStarts() {
    XCTAssertThrowsError(try lesson.sectionIndex(matching: "r")) { error in
      let text = "\(error)"
      XCTAssertTrue(text.contains("ambiguous"), text)
      XCTAssertTrue(text.contains("\u{201C}Range and precision\u{201D}"), text)
      XCTAssertTrue(text.contains("\u{201C}Rounding into a narrower format\u{201D}"), text)
      XCTAssertFalse(text.contains("\n"), "one line")
    }
  }

  func testAnUnknownHeadingNamesTheFileAndNearMatches() {
    XCTAssertThrowsError(try lesson.sectionIndex(matching: "Fixd point")) { error in
      XCTAssertEqual(
        "\(error)",
        "no section \u{201C}Fixd point\u{201D} in Lessons/Demo.md (did you mean \u{201C}Fixed point\u{201D}?); see workbook read Demo --list-sections"
      )
    }
    XCTAssertThrowsError(try lesson.sectionIndex(matching: "no such heading")) { error in
      XCTAssertEqual(
        "\(error)",
        "no section \u{201C}no such heading\u{201D} in Lessons/Demo.md; see workbook read Demo --list-sections"
      )
    }
  }
}
