import Harness
import XCTest

@testable import NumberFormats

/// The kit's own decoder and encoder, behind the explorer, figures and pictures, against the
/// hardware and PyTorch's published conversions.
final class KitCodecTests: XCTestCase {
  func testDecodesEveryHalfAndBFloatLikeTheHardware() {
    for bits in UInt32(0)...0xFFFF {
      let half = Double(Float16(bitPattern: UInt16(bits)))
      let decodedHalf = FloatCodec.decode(bits, in: .fp16).value
      XCTAssertTrue(
        decodedHalf.bitPattern == half.bitPattern || (half.isNaN && decodedHalf.isNaN),
        "fp16 \(bits)")
      let bfloat = Double(Float(bitPattern: bits << 16))
      let decodedBFloat = FloatCodec.decode(bits, in: .bf16).value
      XCTAssertTrue(
        decodedBFloat.bitPattern == bfloat.bitPattern || (bfloat.isNaN && decodedBFloat.isNaN),
        "bf16 \(bits)")
    }
  }

  func testEncodesLikeTheHardwareAndPyTorch() {
    var random = SeededGenerator(seed: SeededGenerator.gradingSeed)
    for _ in 0..<20_000 {
      let float = Float(bitPattern: UInt32.random(in: 0...UInt32.max, using: &random))
      guard !float.isNaN else { continue }
      XCTAssertEqual(
        FloatCodec.encode(Double(float), in: .fp16).bits, UInt32(Float16(float).bitPattern),
        "\(float)")
      let u = float.bitPattern
      XCTAssertEqual(
        FloatCodec.encode(Double(float), in: .bf16).bits, (u &+ 0x7FFF &+ ((u >> 16) & 1)) >> 16,
        "\(float)")
      let double = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &random))
      guard !double.isNaN else { continue }
      XCTAssertEqual(FloatCodec.encode(double, in: .fp32).bits, Float(double).bitPattern)
    }
  }

  func testE4M3LikePyTorch() {
    // c10/util/Float8_e4m3fn.h: magnitudes from 480 up are NaN; rounding beyond 448 carries
    // into the NaN pattern; 448 is the largest finite value.
    XCTAssertEqual(FloatCodec.encode(448, in: .e4m3).bits, 0x7E)
    XCTAssertEqual(FloatCodec.encode(464, in: .e4m3).bits, 0x7E)
    XCTAssertEqual(FloatCodec.encode(470, in: .e4m3).bits, 0x7F)
    XCTAssertEqual(FloatCodec.encode(-1e6, in: .e4m3).bits, 0xFF)
    XCTAssertEqual(FloatCodec.encode(.infinity, in: .e4m3).bits, 0x7F)
    XCTAssertEqual(FloatCodec.encode(0x1p-10, in: .e4m3).bits, 0x00)
    XCTAssertEqual(FloatCodec.encode(0x1.8p-9, in: .e4m3).bits, 0x02)
    XCTAssertEqual(FloatCodec.decode(0x7E, in: .e4m3).value, 448)
    XCTAssertEqual(FloatCodec.decode(0x78, in: .e4m3).floatClass, .normal)
    XCTAssertEqual(FloatCodec.decode(0x7F, in: .e4m3).floatClass, .nan)
  }

  func testFormatDescriptions() throws {
    XCTAssertThrowsError(try FloatFormat(name: "wide", exponentBits: 9, fractionBits: 10))
    XCTAssertThrowsError(try FloatFormat(name: "long", exponentBits: 8, fractionBits: 24))
    XCTAssertThrowsError(try FloatFormat(name: "none", exponentBits: 5, fractionBits: 0))
    let e3m2 = try FloatFormat(name: "e3m2", exponentBits: 3, fractionBits: 2)
    XCTAssertEqual(e3m2.bias, 3)
    XCTAssertEqual(e3m2.maxFinite, 14)  // 1.75 × 2^(6 − 3)
    XCTAssertEqual(FloatFormat.e4m3.maxFinitePattern, 0x7E)
    XCTAssertEqual(FloatFormat.fp16.maxFinitePattern, 0x7BFF)
    XCTAssertEqual(FloatFormat.named("FP16"), .fp16)
    XCTAssertNil(FloatFormat.named("fp64"))
  }
}
