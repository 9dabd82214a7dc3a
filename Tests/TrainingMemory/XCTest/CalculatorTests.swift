import TrainingMemory
import XCTest

/// The logic behind `workbook calc`: parsing, validation, and the report.
final class CalculatorTests: XCTestCase {
  private func estimate(_ options: CalculatorOptions) throws -> CalculatorReport {
    try TrainingMemoryCalculator.estimate(options)
  }

  /// Asserts that `body` (given `input`, which failures name) throws a one-line
  /// TrainingMemoryError mentioning `fragment`.
  private func assertRejects(
    _ fragment: String, input: String = "", file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> Void
  ) {
    do {
      try body()
      XCTFail(
        "\(input): expected an error mentioning \u{201C}\(fragment)\u{201D}", file: file,
        line: line)
    } catch let error as TrainingMemoryError {
      XCTAssertTrue(
        error.description.contains(fragment), "\(input): \(error.description)", file: file,
        line: line)
      XCTAssertFalse(
        error.description.contains("\n"), "\(input): multi-line message", file: file, line: line)
    } catch {
      XCTFail("\(input): unexpected error \(error)", file: file, line: line)
    }
  }
}

// MARK: - Parameter counts

extension CalculatorTests {
  func testParameterCountsInEveryWritingTheBriefNames() throws {
    let cases: [(String, UInt64)] = [
      ("7e9", 7_000_000_000), ("7B", 7_000_000_000), ("175B", 175_000_000_000),
      ("13000000000", 13_000_000_000), ("1.3B", 1_300_000_000), ("125M", 125_000_000),
      ("7_000_000_000", 7_000_000_000), ("1.5T", 1_500_000_000_000), ("350k", 350_000),
      (" 7b ", 7_000_000_000), ("2.5e3", 2500), ("7G", 7_000_000_000), ("+42", 42),
      ("18446744073709551615", UInt64.max), ("1.315B", 1_315_000_000),
    ]
    for (text, expected) in cases {
      XCTAssertEqual(try QuantityParsing.parameterCount(text), expected, text)
    }
  }

  func testBadParameterCounts() {
    for (text, fragment) in [
      ("0", "at least 1"), ("0B", "at least 1"), ("-7B", "positive"), ("seven", "not a number"),
      ("B", "not a number"), ("  ", "empty"), ("1.5", "whole"), ("1e-3", "whole"),
      ("7GB", "suffix"), ("1,5", "suffix"), ("18446744073709551616", "64 bits"),
      ("1e30", "64 bits"), ("20000000T", "64 bits"),
    ] {
      assertRejects(fragment, input: text) { _ = try QuantityParsing.parameterCount(text) }
    }
  }
}

// MARK: - Memory sizes and fractions

extension CalculatorTests {
  func testMemorySizes() throws {
    let cases: [(String, UInt64)] = [
      ("80GB", 80_000_000_000), ("80GiB", 80 << 30), ("24G", 24 << 30), ("24Gi", 24 << 30),
      ("512MiB", 512 << 20), ("1.5TB", 1_500_000_000_000), ("1000", 1000), ("1000B", 1000),
      ("80gb", 80_000_000_000), ("0.5KiB", 512), ("40 GB", 40_000_000_000),
    ]
    for (text, expected) in cases {
      XCTAssertEqual(try QuantityParsing.memorySize(text), expected, text)
    }
  }

  func testBadMemorySizes() {
    for (text, fragment) in [
      ("80XB", "unit"), ("80iB", "unit"), ("0GB", "at least 1"), ("-1GB", "positive"),
      ("100000PB", "64 bits"),
    ] {
      assertRejects(fragment, input: text) { _ = try QuantityParsing.memorySize(text) }
    }
  }

  func testFractions() throws {
    XCTAssertEqual(try QuantityParsing.fraction("0.01"), 0.01)
    XCTAssertEqual(try QuantityParsing.fraction("1%"), 0.01)
    XCTAssertEqual(try QuantityParsing.fraction("0"), 0)
    XCTAssertEqual(try QuantityParsing.fraction("1"), 1)
    for (text, fragment) in [
      ("1.5", "0 to 1"), ("-0.1", "0 to 1"), ("150%", "0 to 1"), ("half", "not a number"),
      ("nan", "not a number"),
    ] {
      assertRejects(fragment, input: text) { _ = try QuantityParsing.fraction(text) }
    }
  }
}

// MARK: - Reports

extension CalculatorTests {
  func testGPT3OnOneGPU() throws {
    let report = try estimate(CalculatorOptions(model: "gpt3-175b", gpuMemory: "80GB"))
    let p: UInt64 = 174_588_899_328
    XCTAssertEqual(report.breakdown.weights, 2 * p)
    XCTAssertEqual(report.breakdown.gradients, 2 * p)
    XCTAssertEqual(report.breakdown.master, 4 * p)
    XCTAssertEqual(report.breakdown.optimizer, 8 * p)
    // Korthikanti for one 2048-token sequence over 96 layers is in the total; the lecture's
    // one-tensor count is reported beside it.
    XCTAssertEqual(report.fullActivations, 96 * (2048 * 12288 * 34 + 5 * 96 * 2048 * 2048))
    XCTAssertEqual(report.lectureActivations, 96 * 2048 * 12288 * 2)
    XCTAssertEqual(report.breakdown.total, 16 * p + (report.fullActivations ?? 0))
    XCTAssertEqual(report.fits, false)
    let table = report.table()
    for fragment in [
      "GPT-3 175B", "Korthikanti", "lecture", "not in total", "GiB", "fits in", "no,",
      "349,177,798,656",
    ] {
      XCTAssertTrue(table.contains(fragment), "table lacks \(fragment):\n\(table)")
    }
  }

  func testJSONHasTheBreakdownKeysInBytesThenTheCounts() throws {
    let report = try estimate(CalculatorOptions(parameters: "7B"))
    XCTAssertEqual(
      report.json(),
      "{\"weights\": 14000000000, \"gradients\": 14000000000, \"master\": 28000000000, "
        + "\"optimizer\": 56000000000, \"activations\": 0, \"total\": 112000000000, "
        + "\"parameters\": 7000000000, \"trainableParameters\": 7000000000, "
        + "\"kvCacheBytesPerToken\": 0, \"kvCacheBytes\": 0, \"largestBatch\": null, "
        + "\"largestContext\": null}")
  }

  func testPrecisionsOptimizersAndTrainableShare() throws {
    func total(_ precision: String, _ optimizer: String, trainable: String? = nil) throws -> UInt64
    {
      try estimate(
        CalculatorOptions(
          parameters: "1B", precision: precision, optimizer: optimizer, trainable: trainable)
      ).breakdown.total
    }
    XCTAssertEqual(try total("fp32", "adam"), 16_000_000_000)
    XCTAssertEqual(try total("fp32", "sgd"), 8_000_000_000)
    XCTAssertEqual(try total("fp32", "momentum"), 12_000_000_000)
    XCTAssertEqual(try total("bf16", "adam"), 8_000_000_000)
    XCTAssertEqual(try total("fp16", "none"), 2_000_000_000)
    XCTAssertEqual(try total("MIXED", "Adam"), 16_000_000_000)
    XCTAssertEqual(try total("mixed", "adam", trainable: "1%"), 2_000_000_000 + 140_000_000)
  }

  func testZeROPerGPU() throws {
    let report = try estimate(CalculatorOptions(parameters: "7.5B", zeroStage: 3, gpus: 64))
    XCTAssertEqual(report.breakdown.total, 1_875_000_000)
    XCTAssertTrue(report.table().contains("ZeRO stage 3 over 64 GPUs"))
    // --gpus alone replicates: stage 0.
    let plain = try estimate(CalculatorOptions(parameters: "7.5B", gpus: 64))
    XCTAssertEqual(plain.breakdown.total, 120_000_000_000)
  }

  func testShapesFromFlagsAndPresets() throws {
    let custom = try estimate(
      CalculatorOptions(parameters: "1B", layers: 2, hidden: 64, heads: 4, sequence: 16, batch: 3))
    XCTAssertEqual(custom.fullActivations, 2 * (16 * 3) * (34 * 64 + 5 * 4 * 16))
    XCTAssertEqual(custom.lectureActivations, 2 * 16 * 3 * 64 * 2)
    let longer = try estimate(CalculatorOptions(model: "gpt3-small", batch: 8))
    XCTAssertEqual(longer.shape?.batch, 8)
    XCTAssertEqual(longer.shape?.layers, 12)
    let fp32 = try estimate(
      CalculatorOptions(parameters: "1B", precision: "fp32", layers: 1, hidden: 8, heads: 1))
    XCTAssertEqual(fp32.lectureActivations, 2048 * 8 * 4)
  }

  func testBadOptions() {
    assertRejects("either --model or --params") {
      _ = try self.estimate(CalculatorOptions(model: "gpt3-xl", parameters: "7B"))
    }
    assertRejects("--model NAME") { _ = try self.estimate(CalculatorOptions()) }
    assertRejects("gpt3-small, gpt3-medium") {
      _ = try self.estimate(CalculatorOptions(model: "gpt4"))
    }
    assertRejects("precision") {
      _ = try self.estimate(CalculatorOptions(parameters: "7B", precision: "fp8"))
    }
    assertRejects("optimizer") {
      _ = try self.estimate(CalculatorOptions(parameters: "7B", optimizer: "lion"))
    }
    assertRejects("0 to 1") {
      _ = try self.estimate(CalculatorOptions(parameters: "7B", trainable: "2"))
    }
    assertRejects("--zero-stage needs --gpus") {
      _ = try self.estimate(CalculatorOptions(parameters: "7B", zeroStage: 2))
    }
    assertRejects("0, 1, 2 or 3") {
      _ = try self.estimate(CalculatorOptions(parameters: "7B", zeroStage: 4, gpus: 8))
    }
    assertRejects("--gpus must be at least 1") {
      _ = try self.estimate(CalculatorOptions(parameters: "7B", zeroStage: 1, gpus: 0))
    }
    assertRejects("--layers, --hidden and --heads") {
      _ = try self.estimate(CalculatorOptions(parameters: "7B", layers: 4))
    }
    assertRejects("--seq must be at least 1") {
      _ = try self.estimate(CalculatorOptions(model: "gpt3-xl", sequence: 0))
    }
    assertRejects("64 bits") {
      _ = try self.estimate(CalculatorOptions(parameters: "2e18", precision: "fp32"))
    }
    assertRejects("64 bits") {
      _ = try self.estimate(
        CalculatorOptions(model: "gpt3-175b", sequence: 1 << 30, batch: 1 << 30))
    }
    assertRejects("not a number") {
      _ = try self.estimate(CalculatorOptions(parameters: "7B", gpuMemory: "lots"))
    }
  }

  func testSetupRejectsBadFractionsAndElementSizesOverflow() {
    assertRejects("0 to 1") { _ = try TrainingSetup(parameters: 1, trainableFraction: .nan) }
    assertRejects("64 bits") { _ = try ElementType.fp64.bytes(count: UInt64.max / 4) }
    XCTAssertEqual(try ElementType.int4.bytes(count: 3), 2)
    XCTAssertEqual(try ElementType.int4.bytes(count: UInt64.max), UInt64.max / 2 + 1)
    XCTAssertEqual(try ElementType.fp32.bytes(count: UInt64.max / 4), UInt64.max / 4 * 4)
  }
}
