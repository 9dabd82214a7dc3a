import Foundation
@_spi(Reference) import NumberFormats
import XCTest

/// The logic behind `workbook float`: parsing, validation, the report and its JSON.
final class FloatExplorerTests: XCTestCase {
  // MARK: Parsing

  func testHexAndBinaryArePatterns() throws {
    XCTAssertEqual(try FloatExplorer.parse("0x3c00", format: .fp16), .pattern(0x3C00))
    XCTAssertEqual(try FloatExplorer.parse("0X3C00", format: .fp16), .pattern(0x3C00))
    XCTAssertEqual(try FloatExplorer.parse("0x3c_00", format: .fp16), .pattern(0x3C00))
    XCTAssertEqual(
      try FloatExplorer.parse("0b0011110000000000", format: .fp16), .pattern(0x3C00))
    XCTAssertEqual(try FloatExplorer.parse("  0x7e\n", format: .e4m3), .pattern(0x7E))
    XCTAssertEqual(try FloatExplorer.parse("0x1", format: .fp32), .pattern(1))
  }

  func testDecimalsAreValues() throws {
    XCTAssertEqual(try FloatExplorer.parse("0.1", format: .bf16), .value(0.1))
    XCTAssertEqual(try FloatExplorer.parse("-2.5e-3", format: .fp16), .value(-2.5e-3))
    XCTAssertEqual(try FloatExplorer.parse("1234.56789", format: .fp16), .value(1234.56789))
    XCTAssertEqual(try FloatExplorer.parse("inf", format: .fp16), .value(.infinity))
    XCTAssertEqual(try FloatExplorer.parse("-inf", format: .fp16), .value(-.infinity))
    guard case .value(let nan) = try FloatExplorer.parse("nan", format: .fp16) else {
      return XCTFail("nan is a value")
    }
    XCTAssertTrue(nan.isNaN)
  }

  // MARK: Errors

  private func assertError(
    _ input: String, format: String = "fp32", mentions: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertThrowsError(try FloatExplorer.explore(input, format: format), file: file, line: line) {
      error in
      guard let error = error as? FloatExplorerError else {
        return XCTFail("expected a FloatExplorerError, got \(error)", file: file, line: line)
      }
      XCTAssertFalse(
        error.message.contains("\n"), "one line: \(error.message)", file: file, line: line)
      XCTAssertTrue(
        error.message.contains(mentions), "\(error.message) mentions \(mentions)", file: file,
        line: line)
    }
  }

  func testBadInputsThrowOneLineErrors() {
    assertError("0x123456789", mentions: "9 hex digits")
    assertError("0xZZ", mentions: "not a hex pattern")
    assertError("0x", mentions: "not a hex pattern")
    assertError("0b102", mentions: "not a binary pattern")
    assertError("", mentions: "empty input")
    assertError("   ", mentions: "empty input")
    assertError("1", format: "fp64", mentions: "unknown format")
    assertError("0x1ffff", format: "fp16", mentions: "5 hex digits")
    assertError("0x80000", format: "tf32", mentions: "does not fit")
    assertError("0b" + String(repeating: "1", count: 17), format: "fp16", mentions: "17 binary")
    assertError("abc", mentions: "neither a bit pattern")
    assertError("1_000", mentions: "neither a bit pattern")
    assertError("-0x10", mentions: "neither a bit pattern")
  }

  func testFormatNamesAndAliases() throws {
    XCTAssertEqual(FloatExplorer.formatNames, ["fp32", "fp16", "bf16", "tf32", "e4m3", "e5m2"])
    XCTAssertEqual(try FloatExplorer.format(named: "BFloat16"), .bf16)
    XCTAssertEqual(try FloatExplorer.format(named: "float8_e4m3fn"), .e4m3)
    XCTAssertEqual(try FloatExplorer.format(named: "half"), .fp16)
  }

  // MARK: Reports

  func testDecodingAPattern() throws {
    let report = try FloatExplorer.explore("0xc648", format: "fp16")
    XCTAssertEqual(report.format, "fp16")
    XCTAssertEqual(report.bits, "0xc648")
    XCTAssertEqual(report.sign, 1)
    XCTAssertEqual(report.exponent, 17)
    XCTAssertEqual(report.unbiasedExponent, 2)
    XCTAssertEqual(report.fraction, 584)
    XCTAssertEqual(report.floatClass, .normal)
    XCTAssertEqual(report.value, -6.28125)
    XCTAssertNil(report.input)
  }

  func testRoundingAValue() throws {
    let report = try FloatExplorer.explore("0.1", format: "bf16")
    XCTAssertEqual(report.bits, "0x3dcd")
    XCTAssertEqual(report.value, 0.10009765625)
    XCTAssertEqual(report.input, 0.1)
    XCTAssertEqual(report.roundingError, 0.10009765625 - 0.1)
    XCTAssertFalse(report.overflowed)
  }

  func testE4M3Edges() throws {
    let largest = try FloatExplorer.explore("0x7e", format: "e4m3")
    XCTAssertEqual(largest.value, 448)
    XCTAssertEqual(largest.floatClass, .normal)
    XCTAssertEqual(try FloatExplorer.explore("0x78", format: "e4m3").value, 256)
    XCTAssertEqual(try FloatExplorer.explore("0xff", format: "e4m3").floatClass, .nan)
    XCTAssertEqual(try FloatExplorer.explore("464", format: "e4m3").bits, "0x7e")
    let over = try FloatExplorer.explore("465", format: "e4m3")
    XCTAssertEqual(over.bits, "0x7f")
    XCTAssertTrue(over.overflowed)
    XCTAssertEqual(try FloatExplorer.explore("-inf", format: "e4m3").bits, "0xff")
  }

  func testIEEEEdges() throws {
    XCTAssertEqual(try FloatExplorer.explore("65520", format: "fp16").floatClass, .infinity)
    XCTAssertEqual(try FloatExplorer.explore("65519.99", format: "fp16").value, 65504)
    XCTAssertEqual(try FloatExplorer.explore("0x00000001").floatClass, .subnormal)
    XCTAssertEqual(try FloatExplorer.explore("0x00000001").value, 0x1p-149)
    XCTAssertEqual(try FloatExplorer.explore("0x7c", format: "e5m2").floatClass, .infinity)
    XCTAssertEqual(try FloatExplorer.explore("-0", format: "fp16").bits, "0x8000")
    XCTAssertEqual(try FloatExplorer.explore("3.14159", format: "tf32").bits, "0x20248")
  }

  // MARK: JSON

  func testJSONHasExactlyTheDocumentedKeys() throws {
    for (input, format) in [("0x3c00", "fp16"), ("0.1", "bf16"), ("1e9", "fp16"), ("nan", "e4m3")] {
      let json = try FloatExplorer.explore(input, format: format).json()
      let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
      XCTAssertEqual(
        Set(object?.keys ?? [:].keys),
        ["format", "bits", "sign", "exponent", "unbiasedExponent", "fraction", "class", "value"])
      XCTAssertFalse(json.contains("\n"))
    }
  }

  func testJSONValues() throws {
    let json = try FloatExplorer.explore("0x3c00", format: "fp16").json()
    XCTAssertEqual(
      json,
      #"{"bits":"0x3c00","class":"normal","exponent":15,"format":"fp16","fraction":0,"#
        + #""sign":0,"unbiasedExponent":0,"value":1}"#)
    XCTAssertTrue(
      try FloatExplorer.explore("1e9", format: "fp16").json().contains(#""value":"inf""#))
    XCTAssertTrue(
      try FloatExplorer.explore("-1e9", format: "fp16").json().contains(#""value":"-inf""#))
    XCTAssertTrue(
      try FloatExplorer.explore("0xff", format: "e4m3").json().contains(#""value":"nan""#))
  }

  func testJSONReadsBack() throws {
    let report = try FloatExplorer.explore("0.0123456789", format: "bf16")
    let back = try JSONDecoder().decode(FloatReport.self, from: Data(try report.json().utf8))
    XCTAssertEqual(back.bits, report.bits)
    XCTAssertEqual(back.value, 0.0123291015625)
    XCTAssertEqual(back.floatClass, .normal)
    let infinity = try JSONDecoder().decode(
      FloatReport.self, from: Data(try FloatExplorer.explore("inf", format: "fp16").json().utf8))
    XCTAssertEqual(infinity.value, .infinity)
  }

  // MARK: Rendering

  func testRenderingColoursOnlyWhenAsked() throws {
    let report = try FloatExplorer.explore("0xc648", format: "fp16")
    let plain = report.rendered(color: false)
    XCTAssertFalse(plain.contains("\u{1B}["))
    XCTAssertTrue(plain.contains("1 10001 1001001000"))
    XCTAssertTrue(plain.contains("\u{2212}6.28125"))
    let coloured = report.rendered(color: true)
    XCTAssertTrue(coloured.contains("\u{1B}[32m10001\u{1B}[0m"))
  }

  func testRenderingShowsTheRoundingError() throws {
    let text = try FloatExplorer.explore("70000", format: "fp16").rendered()
    XCTAssertTrue(text.contains("infinity"))
    XCTAssertTrue(text.contains("overflow"))
    let exact = try FloatExplorer.explore("0.5", format: "fp16").rendered()
    XCTAssertTrue(exact.contains("the input is a value of the format"))
  }
}
