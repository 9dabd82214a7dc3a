import Foundation
@_spi(Reference) import Quantization
import XCTest

/// The logic behind `workbook quantize`.
final class QuantizeToolTests: XCTestCase {
  func testSymmetricText() throws {
    let report = try QuantizeTool.run(
      arguments: ["0.42", "-1.27", "0.05", "0.9", "-0.333"], scheme: "symmetric")
    XCTAssertEqual(report.rows.count, 1)
    XCTAssertEqual(report.rows[0].q, [42, -127, 5, 90, -33])
    XCTAssertEqual(report.rows[0].zeroPoint, 0)
    XCTAssertEqual(report.rows[0].scale, Float(1.27) / 127)
    let lines = report.text.split(separator: "\n")
    XCTAssertEqual(lines.count, 6)
    XCTAssertEqual(lines[3], "q            42 -127 5 90 -33")
    XCTAssertTrue(report.rows[0].maxError <= report.rows[0].scale / 2)
  }

  func testAffineJSON() throws {
    let report = try QuantizeTool.run(arguments: ["-1.2", "0", "0.7", "3.9"], scheme: "affine")
    let json = report.json
    XCTAssertTrue(json.hasPrefix("{\"scheme\":\"affine\",\"scale\":0.02"))
    XCTAssertTrue(json.contains("\"zeroPoint\":60,\"q\":[0,60,95,255],\"dequantized\":[-1.2,0.0,"))
    XCTAssertTrue(json.contains("\"maxError\":"))
    let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    XCTAssertEqual(decoded?["zeroPoint"] as? Int, 60)
  }

  func testPerChannelJSONHasOneEntryPerRow() throws {
    let report = try QuantizeTool.run(
      arguments: ["0.02", "-0.011", "0.015", "3", "-1.5", "0.5"], scheme: "symmetric", rows: 2)
    XCTAssertTrue(report.perChannel)
    XCTAssertEqual(report.rows.map(\.q), [[127, -70, 95], [127, -64, 21]])
    let decoded = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any]
    XCTAssertEqual(decoded?["rows"] as? Int, 2)
    XCTAssertEqual(decoded?["columns"] as? Int, 3)
    XCTAssertEqual((decoded?["scale"] as? [Any])?.count, 2)
    XCTAssertEqual((decoded?["q"] as? [[Int]]) ?? [], [[127, -70, 95], [127, -64, 21]])
    XCTAssertTrue(report.text.contains("row 1"))
  }

  func testAllZeroValuesGetTheMinimumScale() throws {
    let report = try QuantizeTool.run(arguments: ["0", "0"], scheme: "affine")
    XCTAssertEqual(report.rows[0].scale, QuantizationLimits.minimumScale)
    XCTAssertEqual(report.rows[0].q, [0, 0])
    XCTAssertEqual(report.rows[0].dequantized, [0, 0])
  }

  func testTheLargestFiniteRangeStillQuantizesToFiniteNumbers() throws {
    // Symmetric: absmax / 127 stays finite however large the values, so this is no overflow.
    let report = try QuantizeTool.run(arguments: ["3e38", "-3e38"], scheme: "symmetric")
    XCTAssertEqual(report.rows[0].q, [127, -127])
    XCTAssertTrue(report.rows[0].scale.isFinite)
    XCTAssertFalse(report.json.contains("inf"))
    XCTAssertFalse(report.json.contains("nan"))
  }

  func testBadInputThrowsOneLine() {
    let cases: [([String], String, Int?, String)] = [
      ([], "symmetric", nil, "no values"),
      (["1", "abc"], "symmetric", nil, "'abc' is not a number"),
      (["1"], "cubic", nil, "unknown scheme 'cubic'"),
      (["1", "2", "3"], "symmetric", 2, "do not divide into 2 rows"),
      (["1"], "symmetric", 0, "at least 1"),
      (["1", "nan"], "affine", nil, "argument 2 'nan' is not a number (NaN has no code)"),
      (["inf"], "symmetric", nil, "argument 1 'inf' is infinite"),
      (["1e39"], "symmetric", nil, "argument 1 '1e39' overflows fp32 to inf"),
      (["0", "-1e39"], "affine", nil, "argument 2 '-1e39' overflows fp32 to -inf"),
      (
        ["3e38", "-3e38"], "affine", nil,
        "argument 2 '-3e38' and argument 1 '3e38' span more than fp32 can hold"
      ),
      (["1", "2", "3e38", "-3e38"], "affine", 2, "argument 4 '-3e38' and argument 3 '3e38'"),
    ]
    for (arguments, scheme, rows, message) in cases {
      XCTAssertThrowsError(try QuantizeTool.run(arguments: arguments, scheme: scheme, rows: rows)) {
        error in
        let text = (error as? QuantizeToolError)?.description ?? "\(error)"
        XCTAssertTrue(text.contains(message), "\(arguments): \(text)")
        XCTAssertFalse(text.contains("\n"))
      }
    }
  }
}
