import Drawing
import Harness
import Units

/// The lesson's figures about rounding, the 8-bit formats and memory.
extension NumberFormatsFigures {
  /// The flashcards' two examples, in every format.
  static let conversionFigures: [Figure] = {
    let examples: [(String, Double)] = [("small", 0.0123456789), ("big", 1234.56789)]
    var figures: [Figure] = []
    for (name, input) in examples {
      for format in FloatFormat.all {
        let encoded = FloatCodec.encode(input, in: format)
        figures.append(Figure("card-\(name)-\(format.name)", valueText(encoded.value)))
        if format == .fp16 || format == .bf16 {
          figures.append(
            Figure(
              "card-\(name)-\(format.name)-relerr",
              FigureText.percent(encoded.roundingError.magnitude / input, significantDigits: 2)))
        }
      }
    }
    return figures
  }()

  /// A value as a table cell: exact, or NaN and ∞ spelled out.
  static func valueText(_ value: Double) -> String {
    value.isNaN
      ? "NaN"
      : value.isInfinite
        ? (value < 0 ? "\u{2212}\u{221E}" : "\u{221E}")
        : FigureText.exact(value)
  }

  /// The gap between the largest finite value and the one below it.
  static func topSpacing(_ format: FloatFormat) -> Double {
    format.maxFinite - FloatCodec.decode(format.maxFinitePattern - 1, in: format).value
  }

  /// Where rounding goes to ∞ (or NaN): halfway between the largest finite value and the value
  /// one more step would reach.
  static func overflowThreshold(_ format: FloatFormat) -> Double {
    format.maxFinite + topSpacing(format) / 2
  }

  static let roundingFigures: [Figure] = {
    let fp32Pi = Double(Float(Double.pi))
    let piBF16 = FloatCodec.encode(fp32Pi, in: .bf16)
    let tieInput = FloatCodec.decode(0x3F80_8000, in: .fp32).value
    return [
      Figure("tie-2049", FigureText.exact(FloatCodec.encode(2049, in: .fp16).value)),
      Figure("tie-2051", FigureText.exact(FloatCodec.encode(2051, in: .fp16).value)),
      Figure("fp16-ulp-at-2048", FigureText.exact(ulp(at: 2048, in: .fp16))),
      Figure("pi-bf16-bits", FloatFormat.bf16.hex(piBF16.bits)),
      Figure("pi-bf16-value", FigureText.exact(piBF16.value)),
      Figure("trick-tie-bits", FloatFormat.fp32.hex(0x3F80_8000)),
      Figure("trick-tie-input", FigureText.exact(tieInput)),
      Figure("trick-tie-result", FigureText.exact(FloatCodec.encode(tieInput, in: .bf16).value)),
      Figure("fp16-overflow-threshold", FigureText.exact(overflowThreshold(.fp16))),
      Figure("fp16-top-ulp", FigureText.exact(topSpacing(.fp16))),
      Figure("fp16-next-power", FigureText.exact(FloatFormat.fp16.maxFinite + topSpacing(.fp16))),
      Figure(
        "card-small-bf16-ulp",
        FigureText.powerOfTwo(ulp(at: FloatCodec.encode(0.0123456789, in: .bf16).value, in: .bf16))
          ?? "?"),
      Figure("fp16-underflow", FigureText.powerOfTwo(FloatFormat.fp16.minSubnormal / 2) ?? "?"),
    ] + nanTrickFigures
  }()

  /// What the bf16 rounding trick would do to NaNs without its NaN check: a payload only in the
  /// dropped bits is rounded away (NaN becomes ∞), and an all-ones pattern carries through the
  /// exponent into the sign bit (NaN becomes −0).
  static var nanTrickFigures: [Figure] {
    func unchecked(_ bits: UInt32) -> UInt32 { (bits &+ 0x7FFF &+ ((bits >> 16) & 1)) >> 16 }
    func name(_ bits: UInt32) -> String {
      let decoded = FloatCodec.decode(bits, in: .bf16).value
      let sign = decoded.sign == .minus ? "\u{2212}" : "+"
      return decoded.isInfinite ? sign + "\u{221E}" : decoded == 0 ? sign + "0" : "finite"
    }
    return [(0x7F80_0001, "payload"), (0x7FFF_FFFF, "carry")].flatMap { (bits: UInt32, slug) in
      [
        Figure("nan-\(slug)-bits", FloatFormat.fp32.hex(bits)),
        Figure("nan-\(slug)-trick-bits", FloatFormat.bf16.hex(unchecked(bits))),
        Figure("nan-\(slug)-trick-value", name(unchecked(bits))),
      ]
    }
  }

  static let eightBitFigures: [Figure] = {
    let e4m3 = FloatFormat.e4m3
    let e5m2 = FloatFormat.e5m2
    func distinctFinite(_ format: FloatFormat) -> Int {
      let values = (0..<(UInt32(1) << format.totalBits)).map {
        FloatCodec.decode($0, in: format).value
      }
      return Set(values.filter(\.isFinite)).count  // +0 and −0 are one value
    }
    let e4m3Threshold = overflowThreshold(e4m3)
    return [
      Figure("e4m3-nan-threshold", FigureText.exact(e4m3Threshold)),
      Figure("e4m3-would-be", FigureText.exact(2 * e4m3Threshold - e4m3.maxFinite)),
      Figure("e4m3-ieee-max", FigureText.exact(ieeeLargest(e4m3))),
      Figure("e4m3-0x78", FigureText.exact(FloatCodec.decode(0x78, in: e4m3).value)),
      Figure("e4m3-ieee-specials", String(ieeeSpecialPatterns(e4m3))),
      Figure("e5m2-overflow-threshold", FigureText.exact(overflowThreshold(e5m2))),
      Figure("e4m3-distinct", String(distinctFinite(e4m3))),
      Figure("e5m2-distinct", String(distinctFinite(e5m2))),
      Figure("e4m3-ulp-at-256", FigureText.exact(ulp(at: 256, in: e4m3))),
      Figure("e5m2-ulp-at-256", FigureText.exact(ulp(at: 256, in: e5m2))),
    ]
  }()

  /// The largest finite value E4M3 would have if it kept IEEE's infinities and NaNs.
  static func ieeeLargest(_ format: FloatFormat) -> Double {
    let ieee =
      (try? FloatFormat(
        name: format.name, exponentBits: format.exponentBits, fractionBits: format.fractionBits,
        bias: format.bias)) ?? format
    return ieee.maxFinite
  }

  /// How many patterns IEEE rules give to ±∞ and NaN: both signs of the all-ones exponent.
  static func ieeeSpecialPatterns(_ format: FloatFormat) -> Int {
    (0..<(UInt32(1) << format.totalBits)).filter {
      Int($0 >> format.fractionBits) & format.maxExponentField == format.maxExponentField
    }.count
  }

  /// Bytes one element occupies in memory: the bits rounded up to a whole power-of-two number
  /// of bytes (tf32's 19 bits live in 4-byte words).
  static func storageBytes(_ format: FloatFormat) -> Int {
    var bytes = 1
    while bytes * 8 < format.totalBits { bytes *= 2 }
    return bytes
  }

  static let memoryFigures: [Figure] = {
    let parameters = 7e9
    return FloatFormat.all.flatMap { format in
      [
        Figure("\(format.name)-bytes", String(storageBytes(format))),
        Figure(
          "weights-7b-\(format.name)",
          ByteFormatting.decimal(parameters * Double(storageBytes(format)))),
      ]
    }
  }()
}
