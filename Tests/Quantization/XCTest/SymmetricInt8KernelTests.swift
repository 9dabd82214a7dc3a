import Harness
@_spi(Reference) import Quantization
import XCTest

/// The vectorised kernel the benchmark times gives, bit for bit, the codes and scale of a naive
/// loop written from the definition: scale = max(absmax / 127, 2⁻²³), q = clamp(round(x / scale),
/// −127, 127) half to even, with an fp32 division.
final class SymmetricInt8KernelTests: XCTestCase {
  func testSeededTensorsOfEveryTailLength() throws {
    var random = SeededGenerator(seed: 18)
    for count in Array(0...70) + (0..<30).map({ _ in Int.random(in: 71...5000, using: &random) }) {
      let spread = Float.random(in: 1e-3...1e4, using: &random)
      let values = (0..<count).map { _ in Float.random(in: -spread...spread, using: &random) }
      try assertMatchesNaive(values, "seeded tensor of \(count) in ±\(spread)")
    }
  }

  func testExactTiesRoundHalfToEven() throws {
    // absmax 63.5 makes the scale exactly 0.5, so every x = (k + ½) / 2 is a tie k + ½.
    var values = (-127...126).map { Float($0) / 2 + 0.25 }
    values.append(63.5)
    var random = SeededGenerator(seed: 5)
    values.shuffle(using: &random)
    try assertMatchesNaive(values, "ties at scale 0.5")
    let halves = (-300...300).map { Float($0) + 0.5 }
    XCTAssertEqual(try kernel(halves, scale: 1), naiveCodes(halves, scale: 1), "halves at scale 1")
    XCTAssertEqual(try kernel([2.5, 3.5, -2.5, -3.5], scale: 1), [2, 4, -2, -4])
  }

  func testQuotientsNearTiesAreDividedNotMultipliedByTheInverse() throws {
    // Values a few ulps from (k + ½) × scale, where x / scale and x × (1 / scale) can round to
    // different codes: the definition divides, so the kernel must too.
    var random = SeededGenerator(seed: 1818)
    var disagreements = 0
    for _ in 0..<20 {
      let scale = Float.random(in: 1e-3...10, using: &random)
      var values: [Float] = []
      for _ in 0..<400 {
        var x = Float((Double(Int.random(in: -127...126, using: &random)) + 0.5) * Double(scale))
        for _ in 0..<Int.random(in: 0...3, using: &random) {
          x = Bool.random(using: &random) ? x.nextUp : x.nextDown
        }
        values.append(x)
      }
      let divided = naiveCodes(values, scale: scale)
      let multiplied = values.map { x -> Int8 in
        let rounded = (x * (1 / scale)).rounded(.toNearestOrEven)
        return Int8(Swift.min(Swift.max(rounded, -127), 127))
      }
      disagreements += zip(divided, multiplied).filter { $0 != $1 }.count
      XCTAssertEqual(try kernel(values, scale: scale), divided, "near ties at scale \(scale)")
    }
    XCTAssertGreaterThan(disagreements, 0, "no value where dividing and multiplying disagree")
  }

  func testEdgeValues() throws {
    let edges: [Float] = [
      0, -0.0, 1, -1, 126.5, -126.5, 127.4, -127.5, 128, -128, .leastNonzeroMagnitude,
      -.leastNonzeroMagnitude, .leastNormalMagnitude, 1e-30, -1e-30, 3e38, -3e38,
      .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
    ]
    var random = SeededGenerator(seed: 7)
    for round in 0..<20 {
      let values = (0..<Int.random(in: 1...90, using: &random)).map { _ in
        edges.randomElement(using: &random)!
      }
      try assertMatchesNaive(values, "edge values, round \(round)")
      for scale in [1, 1e-3, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e30] as [Float] {
        XCTAssertEqual(
          try kernel(values, scale: scale), naiveCodes(values, scale: scale),
          "edge values, round \(round), scale \(scale)")
      }
    }
    // All zeros: the 2⁻²³ floor, and every code 0.
    let zeros = [Float](repeating: 0, count: 40)
    try assertMatchesNaive(zeros, "zeros")
  }

  func testGivenScalesOnRandomTensors() throws {
    var random = SeededGenerator(seed: 181)
    for round in 0..<50 {
      let values = (0..<Int.random(in: 1...3000, using: &random)).map { _ in
        Float.random(in: -100...100, using: &random)
      }
      let scale = Float.random(in: 0.01...2, using: &random)
      XCTAssertEqual(
        try kernel(values, scale: scale), naiveCodes(values, scale: scale),
        "round \(round), scale \(scale)")
    }
  }

  func testNonFiniteValuesAndBadScalesAreRefused() {
    // 53 values: three vector steps and a scalar tail of five; a second NaN at the end.
    for position in [0, 5, 15, 16, 31, 40, 47, 48, 51, 52] {
      for bad in [Float.nan, .infinity, -.infinity] {
        var values = (0..<53).map { Float($0) - 20 }
        values[position] = bad
        if position < 52 { values[52] = .nan }
        XCTAssertThrowsError(try calibrated(values).codes, "\(bad) at \(position)") {
          XCTAssertEqual($0 as? QuantizationError, .nonFiniteValue(index: position))
        }
        XCTAssertThrowsError(try kernel(values, scale: 1), "\(bad) at \(position), scale 1") {
          XCTAssertEqual($0 as? QuantizationError, .nonFiniteValue(index: position))
        }
      }
    }
    for scale in [0, -1, .nan, .infinity] as [Float] {
      XCTAssertThrowsError(try kernel([1], scale: scale)) {
        guard case .invalidScale = $0 as? QuantizationError else {
          return XCTFail("scale \(scale): expected invalidScale, got \($0)")
        }
      }
    }
  }

  // MARK: - Helpers

  private func assertMatchesNaive(
    _ values: [Float], _ label: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let (scale, codes) = try calibrated(values)
    let expectedScale = naiveScale(values)
    XCTAssertEqual(
      scale.bitPattern, expectedScale.bitPattern, "\(label): scale", file: file, line: line)
    let expected = naiveCodes(values, scale: expectedScale)
    if let index = codes.indices.first(where: { codes[$0] != expected[$0] }) {
      XCTFail(
        "\(label): x = \(values[index]): expected \(expected[index]), got \(codes[index])",
        file: file, line: line)
    }
    XCTAssertEqual(codes.count, values.count, "\(label): count", file: file, line: line)
  }

  private func calibrated(_ values: [Float]) throws -> (scale: Float, codes: [Int8]) {
    var scale: Float = 0
    let codes = try values.withUnsafeBufferPointer { source in
      try [Int8](unsafeUninitializedCapacity: values.count) { codes, initialized in
        scale = try SymmetricInt8Kernel.quantize(source, into: codes)
        initialized = values.count
      }
    }
    XCTAssertEqual(
      try values.withUnsafeBufferPointer { try SymmetricInt8Kernel.scale(for: $0) }.bitPattern,
      scale.bitPattern, "scale(for:) against quantize(_:into:)")
    return (scale, codes)
  }

  private func kernel(_ values: [Float], scale: Float) throws -> [Int8] {
    try values.withUnsafeBufferPointer { source in
      try [Int8](unsafeUninitializedCapacity: values.count) { codes, initialized in
        try SymmetricInt8Kernel.quantize(source, scale: scale, into: codes)
        initialized = values.count
      }
    }
  }

  /// The definition, one element at a time.
  private func naiveScale(_ values: [Float]) -> Float {
    var absmax: Float = 0
    for x in values where abs(x) > absmax { absmax = abs(x) }
    let scale = absmax / 127
    return scale < 0x1p-23 ? 0x1p-23 : scale
  }

  private func naiveCodes(_ values: [Float], scale: Float) -> [Int8] {
    values.map { x in
      let rounded = (x / scale).rounded(.toNearestOrEven)
      if rounded > 127 { return 127 }
      if rounded < -127 { return -127 }
      return Int8(rounded)
    }
  }
}
