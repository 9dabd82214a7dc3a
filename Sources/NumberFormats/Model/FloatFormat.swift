/// A binary floating-point format described by its field widths, its bias and its rule for
/// special values: enough to decode, encode and draw any format of this family up to 32 bits.
///
/// A pattern is laid out, from the most significant bit down, as one sign bit, `exponentBits`
/// exponent bits and `fractionBits` fraction bits. With the IEEE rule an exponent field of all
/// ones holds the infinities (fraction 0) and the NaNs (any other fraction); E4M3 ("fn": finite,
/// with NaN) gives that exponent to ordinary numbers and keeps only `S.1111.111` for NaN.
public struct FloatFormat: Sendable, Hashable, CustomStringConvertible {
  /// How a format spends the patterns whose exponent field is all ones.
  public enum SpecialValues: String, Sendable, Hashable, Codable {
    /// IEEE 754: exponent all ones is ±infinity (fraction 0) or NaN (fraction ≠ 0).
    case ieee
    /// OCP E4M3 ("fn"): no infinities; only exponent and fraction all ones is NaN, every other
    /// pattern is a finite number.
    case finiteWithNaN
  }

  /// The format's short name, as the lesson and `workbook float --format` spell it: `"fp16"`.
  public let name: String
  /// Width of the exponent field, in bits (2 to 8 for the formats here).
  public let exponentBits: Int
  /// Width of the fraction field (the stored part of the significand), in bits.
  public let fractionBits: Int
  /// What is subtracted from the exponent field to get the power of two.
  public let bias: Int
  /// The rule for the all-ones exponent.
  public let specials: SpecialValues

  /// Describes a format; the bias defaults to the IEEE choice 2^(exponentBits − 1) − 1.
  ///
  /// Throws `FloatFormatError` unless the widths leave room for a sign bit within 32 bits (so
  /// every value of the format is exactly a `Double`), the exponent has 2 to 8 bits, the fraction
  /// at least 1, and the bias keeps every power of two within ±300.
  public init(
    name: String, exponentBits: Int, fractionBits: Int, bias: Int? = nil,
    specials: SpecialValues = .ieee
  ) throws {
    guard (2...8).contains(exponentBits), fractionBits >= 1,
      1 + exponentBits + fractionBits <= 32
    else {
      throw FloatFormatError(
        "\(name): 1 sign + \(exponentBits) exponent + \(fractionBits) fraction bits is not a "
          + "format of 2 to 8 exponent bits, at least 1 fraction bit and at most 32 bits in all")
    }
    let bias = bias ?? (1 << (exponentBits - 1)) - 1
    let maxField = (1 << exponentBits) - 1
    guard ((maxField - 300)...(300 - fractionBits)).contains(bias) else {
      throw FloatFormatError("\(name): bias \(bias) puts exponents beyond ±300")
    }
    self.init(
      checkedName: name, exponentBits: exponentBits, fractionBits: fractionBits, bias: bias,
      specials: specials)
  }

  /// The presets' initializer: their widths are known to be valid.
  private init(
    checkedName name: String, exponentBits: Int, fractionBits: Int, bias: Int,
    specials: SpecialValues = .ieee
  ) {
    self.name = name
    self.exponentBits = exponentBits
    self.fractionBits = fractionBits
    self.bias = bias
    self.specials = specials
  }

  /// Whether exponent all ones and fraction zero means ±infinity (false for E4M3).
  public var hasInfinities: Bool { specials == .ieee }

  /// Sign, exponent and fraction bits together.
  public var totalBits: Int { 1 + exponentBits + fractionBits }

  /// The largest exponent field value, all ones: 255 for fp32.
  public var maxExponentField: Int { (1 << exponentBits) - 1 }

  /// The exponent of the smallest normal number, and of every subnormal: 1 − bias.
  public var minExponent: Int { 1 - bias }

  /// The exponent of the largest finite number.
  public var maxExponent: Int {
    hasInfinities ? maxExponentField - 1 - bias : maxExponentField - bias
  }

  /// The bits of the significand, the hidden leading 1 included: 24 for fp32.
  public var precision: Int { fractionBits + 1 }

  /// The format's name and field widths: `fp16 (1 + 5 + 10 bits, bias 15)`.
  public var description: String {
    "\(name) (1 + \(exponentBits) + \(fractionBits) bits, bias \(bias))"
  }
}

extension FloatFormat {
  /// IEEE 754 binary32, "single precision".
  public static let fp32 = FloatFormat(
    checkedName: "fp32", exponentBits: 8, fractionBits: 23, bias: 127)
  /// IEEE 754 binary16, "half precision".
  public static let fp16 = FloatFormat(
    checkedName: "fp16", exponentBits: 5, fractionBits: 10, bias: 15)
  /// bfloat16: fp32's sign and exponent with the top 7 bits of its fraction.
  public static let bf16 = FloatFormat(
    checkedName: "bf16", exponentBits: 8, fractionBits: 7, bias: 127)
  /// NVIDIA's TensorFloat-32: fp32's exponent with fp16's 10 fraction bits, 19 bits in all. A
  /// tensor-core compute mode: values are stored in 4-byte fp32 words.
  public static let tf32 = FloatFormat(
    checkedName: "tf32", exponentBits: 8, fractionBits: 10, bias: 127)
  /// OCP 8-bit E4M3 as PyTorch's `float8_e4m3fn`: bias 7, no infinities, only S.1111.111 is NaN.
  public static let e4m3 = FloatFormat(
    checkedName: "e4m3", exponentBits: 4, fractionBits: 3, bias: 7, specials: .finiteWithNaN)
  /// OCP 8-bit E5M2: an IEEE-style format, fp16 with only its top 2 fraction bits.
  public static let e5m2 = FloatFormat(
    checkedName: "e5m2", exponentBits: 5, fractionBits: 2, bias: 15)

  /// The six formats of the lesson, widest first.
  public static let all: [FloatFormat] = [.fp32, .fp16, .bf16, .tf32, .e4m3, .e5m2]

  /// Looks a format up by its name or a common alias (`float16`, `half`, `bfloat16`,
  /// `float8_e4m3fn`, ...), ignoring case; nil when the name is unknown.
  public static func named(_ name: String) -> FloatFormat? {
    let key = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
    let aliases: [String: FloatFormat] = [
      "float32": .fp32, "single": .fp32, "binary32": .fp32,
      "float16": .fp16, "half": .fp16, "binary16": .fp16,
      "bfloat16": .bf16, "tensorfloat32": .tf32,
      "fp8_e4m3": .e4m3, "float8_e4m3fn": .e4m3, "e4m3fn": .e4m3,
      "fp8_e5m2": .e5m2, "float8_e5m2": .e5m2,
    ]
    return all.first { $0.name == key } ?? aliases[key]
  }
}

/// A format description that does not describe a usable format, with a one-line reason.
public struct FloatFormatError: Error, CustomStringConvertible, Sendable {
  /// The reason, one line.
  public let description: String

  init(_ description: String) {
    self.description = description
  }
}
