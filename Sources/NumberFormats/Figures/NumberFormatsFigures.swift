import Drawing
import Foundation
import Harness

/// Every figure the NumberFormats lesson states, each computed here from the formats'
/// descriptions and the kit's own decoder and encoder, never typed in.
public enum NumberFormatsFigures {
  /// All figures of the lesson.
  public static let all: [Figure] =
    integerFigures + fixedPointFigures + piFigures + formatTable + landmarkFigures
    + conversionFigures + roundingFigures + eightBitFigures + memoryFigures

  /// The figure with this id, if the lesson has one.
  public static func figure(_ id: String) -> Figure? { all.first { $0.id == id } }

  // MARK: Integers

  /// The weights of the set bits of a pattern, largest first: 0b00110001 → [32, 16, 1].
  static func setBitWeights(_ pattern: UInt64, width: Int) -> [UInt64] {
    (0..<width).reversed().filter { pattern >> $0 & 1 == 1 }.map { UInt64(1) << $0 }
  }

  static func signMagnitude(_ pattern: UInt64, width: Int) -> Int64 {
    let magnitude = setBitWeights(pattern, width: width - 1).reduce(0, +)
    return pattern >> (width - 1) & 1 == 1 ? -Int64(magnitude) : Int64(magnitude)
  }

  static func twosComplement(_ pattern: UInt64, width: Int) -> Int64 {
    let unsigned = Int64(setBitWeights(pattern, width: width).reduce(0, +))
    return pattern >> (width - 1) & 1 == 1 ? unsigned - (Int64(1) << width) : unsigned
  }

  static let integerFigures: [Figure] = {
    let example: UInt64 = 0b0011_0001
    let weights = setBitWeights(example, width: 8)
    let allPowers = (0..<8).map { UInt64(1) << $0 }.reduce(0, +)
    let negative: UInt64 = 0b1011_0001
    let nibble: UInt64 = 0b1011
    let width = 8
    return [
      Figure("uint-example", String(weights.reduce(0, +))),
      Figure("uint-example-sum", weights.map(String.init).joined(separator: " + ")),
      Figure("lecture-all-powers", String(allPowers)),
      Figure("signmag-example", FigureText.integer(signMagnitude(negative, width: width))),
      Figure("twos-example", FigureText.integer(twosComplement(negative, width: width))),
      Figure("nibble-unsigned", String(setBitWeights(nibble, width: 4).reduce(0, +))),
      Figure("nibble-signmag", FigureText.integer(signMagnitude(nibble, width: 4))),
      Figure("nibble-twos", FigureText.integer(twosComplement(nibble, width: 4))),
      Figure("int8-unsigned-range", "0 to \((1 << width) - 1)"),
      Figure(
        "int8-signmag-range",
        "\(FigureText.integer(-((1 << (width - 1)) - 1))) to \((1 << (width - 1)) - 1)"),
      Figure(
        "int8-twos-range",
        "\(FigureText.integer(-(1 << (width - 1)))) to \((1 << (width - 1)) - 1)"),
      Figure("int4-twos-range", "\(FigureText.integer(-(1 << 3))) to \((1 << 3) - 1)"),
    ]
  }()

  // MARK: Fixed point

  static let fixedPointFigures: [Figure] = {
    // An 8-bit two's complement word read with 4 fraction bits (Q3.4 plus sign).
    let fractionBits = 4
    let step = 1.0 / Double(1 << fractionBits)
    let pattern: UInt64 = 0b0011_0100
    let negative: UInt64 = 0b1111_1000
    return [
      Figure("fixed-step", FigureText.exact(step)),
      Figure(
        "fixed-range",
        FigureText.exact(Double(twosComplement(0b1000_0000, width: 8)) * step) + " to "
          + FigureText.exact(Double(twosComplement(0b0111_1111, width: 8)) * step)),
      Figure("fixed-example", FigureText.exact(Double(twosComplement(pattern, width: 8)) * step)),
      Figure(
        "fixed-negative", FigureText.exact(Double(twosComplement(negative, width: 8)) * step)),
    ]
  }()

  // MARK: A worked fp32 example: π

  static let piFigures: [Figure] = {
    let encoded = FloatCodec.encode(Double.pi, in: .fp32)
    let decoded = FloatCodec.decode(encoded.bits, in: .fp32)
    let half = FloatCodec.decode(0xC648, in: .fp16)
    return [
      Figure("pi-fp32-bits", FloatFormat.fp32.hex(encoded.bits)),
      Figure("pi-fp32-exponent", String(decoded.biasedExponent)),
      Figure("pi-fp32-power", String(decoded.unbiasedExponent)),
      Figure("pi-fp32-fraction", String(decoded.fraction)),
      Figure("pi-fp32-fraction-scale", String(1 << FloatFormat.fp32.fractionBits)),
      Figure("pi-fp32-value", FigureText.exact(decoded.value)),
      Figure("pi-fp32-error", FigureText.approximately(encoded.roundingError.magnitude, digits: 2)),
      Figure("half-example-exponent", String(half.biasedExponent)),
      Figure("half-example-power", String(half.unbiasedExponent)),
      Figure("half-example-fraction", String(half.fraction)),
      Figure("half-example-value", FigureText.exact(half.value)),
    ]
  }()

  // MARK: The formats table

  static let formatTable: [Figure] = FloatFormat.all.flatMap { format -> [Figure] in
    let name = format.name
    return [
      Figure("\(name)-bits", String(format.totalBits)),
      Figure("\(name)-bias", String(format.bias)),
      Figure("\(name)-min-subnormal", FigureText.powerOfTwo(format.minSubnormal) ?? "?"),
      Figure("\(name)-min-normal", FigureText.powerOfTwo(format.minNormal) ?? "?"),
      Figure("\(name)-max-finite", FigureText.magnitude(format.maxFinite)),
      Figure("\(name)-eps", FigureText.powerOfTwo(format.epsilon) ?? "?"),
      Figure(
        "\(name)-digits",
        FigureText.number(Double(format.precision) * log10(2.0), decimals: 1)),
      Figure("\(name)-int-limit", FigureText.exact(format.largestExactInteger)),
    ]
  }

  // MARK: Landmarks in decimal

  static let landmarkFigures: [Figure] = {
    let fp32 = FloatFormat.fp32
    let nanPatterns = { (format: FloatFormat) -> Int in
      format.hasInfinities ? 2 * ((1 << format.fractionBits) - 1) : 2
    }
    let bf16After256 = FloatCodec.encode(257, in: .bf16).value
    return [
      Figure("fp32-min-subnormal-decimal", FigureText.approximately(fp32.minSubnormal, digits: 2)),
      Figure("fp32-min-normal-decimal", FigureText.approximately(fp32.minNormal, digits: 3)),
      Figure(
        "fp16-min-subnormal-decimal",
        FigureText.approximately(FloatFormat.fp16.minSubnormal, digits: 2)),
      Figure("fp32-nan-count", String(nanPatterns(fp32))),
      Figure("fp16-nan-count", String(nanPatterns(.fp16))),
      Figure("e4m3-nan-count", String(nanPatterns(.e4m3))),
      Figure("bf16-257", FigureText.exact(bf16After256)),
      Figure("fp16-ulp-at-1024", FigureText.exact(ulp(at: 1024, in: .fp16))),
      Figure("bf16-ulp-at-1024", FigureText.exact(ulp(at: 1024, in: .bf16))),
      Figure("bf16-ulp-at-256", FigureText.exact(ulp(at: 256, in: .bf16))),
    ]
  }()

  /// The gap from `value` (a value of the format) to the next value up.
  static func ulp(at value: Double, in format: FloatFormat) -> Double {
    let bits = FloatCodec.encode(value, in: format).bits
    return FloatCodec.decode(bits + 1, in: format).value - FloatCodec.decode(bits, in: format).value
  }
}
