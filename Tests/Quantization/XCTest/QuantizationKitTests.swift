import Harness
import HarnessXCTest
import Quantization
import XCTest

/// Unit tests of the kit: fp16 helpers, the MLP harness, byte counts and pictures.
final class QuantizationKitTests: XCTestCase {
  // MARK: fp16

  func testHalfPrecisionLandmarks() {
    XCTAssertEqual(HalfPrecision.leastNonzeroMagnitude, 0x1p-24)
    XCTAssertEqual(HalfPrecision.leastNormalMagnitude, 0x1p-14)
    XCTAssertEqual(HalfPrecision.greatestFiniteMagnitude, 65504)
    XCTAssertEqual(HalfPrecision.overflowThreshold, 65520)
    XCTAssertEqual(HalfPrecision.round(65519.99), 65504)
    XCTAssertEqual(HalfPrecision.round(65520), .infinity)
    XCTAssertEqual(HalfPrecision.round(0x1p-25), 0)
    XCTAssertEqual(HalfPrecision.round(0x1.8p-24), 0x1p-23)
    XCTAssertTrue(HalfPrecision.underflows(1e-8))
    XCTAssertFalse(HalfPrecision.underflows(0))
  }

  func testRoundingByArithmeticMatchesTheConversion() {
    var random = SeededGenerator(seed: 11)
    var values: [Float] = [
      0, -0, 1, -1, 65504, 65519, 65520, -65520, 0x1p-25, 0x1p-24, 0x1p-14, .nan, .infinity,
    ]
    for _ in 0..<50_000 {
      let exponent = Int.random(in: -30...17, using: &random)
      let value = Float(
        sign: .plus, exponent: exponent, significand: Float.random(in: 1..<2, using: &random))
      values.append(Bool.random(using: &random) ? value : -value)
    }
    for value in values {
      let byHand = HalfPrecision.roundByArithmetic(value)
      let converted = HalfPrecision.round(value)
      XCTAssertTrue(
        byHand == converted || (byHand.isNaN && converted.isNaN),
        "\(value): \(byHand) vs \(converted)")
    }
  }

  // MARK: the MLP harness

  func testDenseLayerRefusesBadShapes() {
    XCTAssertThrowsError(try DenseLayer(inputs: 2, outputs: 1, weights: [1], bias: [0]))
    XCTAssertThrowsError(try DenseLayer(inputs: 1, outputs: 2, weights: [1, 2], bias: [0]))
    XCTAssertThrowsError(try DenseLayer(inputs: -1, outputs: 0, weights: [], bias: []))
    XCTAssertThrowsError(try DenseMLP(layers: []))
    XCTAssertThrowsError(try DenseMLP.seeded(sizes: [3], seed: 1))
  }

  func testForwardByHand() throws {
    // Layer 1: y = [x0 − x1, −x0] then ReLU; layer 2: z = 2 y0 + y1 + 1.
    let first = try DenseLayer(inputs: 2, outputs: 2, weights: [1, -1, -1, 0], bias: [0, 0])
    let second = try DenseLayer(inputs: 2, outputs: 1, weights: [2, 1], bias: [1])
    let model = try DenseMLP(layers: [first, second])
    XCTAssertEqual(try model.forward([3, 1, -2, 0], batch: 2), [5, 3])
    XCTAssertEqual(model.storageBytes, 4 * (4 + 2 + 2 + 1))
    XCTAssertThrowsError(try model.forward([1, 2, 3], batch: 2))
    XCTAssertThrowsError(try model.forward([1, .nan], batch: 1)) { error in
      XCTAssertEqual(error as? QuantizationError, .nonFiniteValue(index: 1))
    }
    XCTAssertEqual(try model.forward([], batch: 0), [])
  }

  func testQuantizedModelCountsItsBytes() throws {
    let weights = PerChannelQuantizedTensor(
      rows: 2, columns: 3, q: [1, 2, 3, 4, 5, 6], scales: [0.5, 0.25])
    let layer = try QuantizedDenseLayer(weights: weights, bias: [0, 1])
    let model = try QuantizedMLP(layers: [layer])
    XCTAssertEqual(model.storageBytes, 6 + 2 * 4 + 2 * 4)
    XCTAssertThrowsError(
      try QuantizedDenseLayer(
        weights: PerChannelQuantizedTensor(rows: 2, columns: 3, q: [1], scales: [1, 1]),
        bias: [0, 0]))
    XCTAssertEqual(QuantizationLimits.maximumAccumulationDepth, 131_071)
    XCTAssertEqual(QuantizedTensor<Int8>(q: [1, 2], scale: 1, zeroPoint: 0).storageBytes, 2 + 8)
  }

  func testErrorsReadAsOneLine() {
    let errors: [QuantizationError] = [
      .nonFiniteValue(index: 3), .invalidScale(0), .invalidMultiplier(.nan), .invalidZeroPoint(300),
      .shapeMismatch(expected: 6, actual: 5), .negativeDimension(-1),
      .accumulationMayOverflow(depth: 131_072),
    ]
    for error in errors {
      XCTAssertFalse(error.description.contains("\n"))
      XCTAssertFalse(error.description.isEmpty)
    }
  }

  // MARK: pictures

  func testPicturesRenderInBothForms() {
    XCTAssertEqual(Set(QuantizationPictures.all.map(\.id)).count, QuantizationPictures.all.count)
    assertPicturesStandalone(QuantizationPictures.all, svgEnding: "</svg>", widest: 80)
    for picture in QuantizationPictures.all {
      XCTAssertFalse(picture.svg().contains("nan"), picture.id)
    }
  }
}
