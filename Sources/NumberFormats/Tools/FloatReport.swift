import Foundation

/// What the explorer found: a pattern's fields, class and value, and for a rounded input the
/// input and the rounding error.
///
/// Its JSON (`workbook float --json`) has exactly the keys `format`, `bits`, `sign`, `exponent`,
/// `unbiasedExponent`, `fraction`, `class` and `value`. JSON has no infinities or NaN, so a
/// `value` that is not finite is written as the string `"inf"`, `"-inf"` or `"nan"`.
public struct FloatReport: Codable, Sendable {
  /// The format's name: `"fp16"`.
  public var format: String
  /// The pattern in hex, as many digits as the format needs: `"0x3c00"`.
  public var bits: String
  /// The sign bit, 0 or 1.
  public var sign: Int
  /// The exponent field as stored (biased).
  public var exponent: Int
  /// The power of two the significand is scaled by (1 − bias for zeros and subnormals).
  public var unbiasedExponent: Int
  /// The fraction field as stored.
  public var fraction: UInt32
  /// Zero, subnormal, normal, infinity or NaN.
  public var floatClass: FloatClass
  /// The exact value of the pattern.
  public var value: Double
  /// The decimal value that was rounded, when the input was a value (not in the JSON).
  public var input: Double?
  /// `value − input` when the input was a value (not in the JSON).
  public var roundingError: Double?
  /// Whether a finite input was too large for the format (not in the JSON).
  public var overflowed: Bool

  enum CodingKeys: String, CodingKey {
    case format, bits, sign, exponent, unbiasedExponent, fraction
    case floatClass = "class"
    case value
  }

  init(
    format: FloatFormat, decoded: DecodedFloat, bits: UInt32, input: Double? = nil,
    encoded: EncodedFloat? = nil
  ) {
    self.format = format.name
    self.bits = format.hex(bits)
    sign = decoded.sign
    exponent = decoded.biasedExponent
    unbiasedExponent = decoded.unbiasedExponent
    fraction = decoded.fraction
    floatClass = decoded.floatClass
    value = decoded.value
    self.input = input
    roundingError = encoded?.roundingError
    overflowed = encoded?.overflowed ?? false
  }

  /// Reads a report back from its JSON (the rounding fields are not part of it).
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    format = try container.decode(String.self, forKey: .format)
    bits = try container.decode(String.self, forKey: .bits)
    sign = try container.decode(Int.self, forKey: .sign)
    exponent = try container.decode(Int.self, forKey: .exponent)
    unbiasedExponent = try container.decode(Int.self, forKey: .unbiasedExponent)
    fraction = try container.decode(UInt32.self, forKey: .fraction)
    floatClass = try container.decode(FloatClass.self, forKey: .floatClass)
    if let word = try? container.decode(String.self, forKey: .value) {
      let special = ["inf": Double.infinity, "-inf": -Double.infinity, "nan": Double.nan]
      guard let number = special[word] else {
        throw DecodingError.dataCorruptedError(
          forKey: .value, in: container, debugDescription: "value \(word) is not inf, -inf or nan")
      }
      value = number
    } else {
      value = try container.decode(Double.self, forKey: .value)
    }
    input = nil
    roundingError = nil
    overflowed = false
  }

  /// Writes the eight JSON keys; a value that is not finite becomes a string.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(format, forKey: .format)
    try container.encode(bits, forKey: .bits)
    try container.encode(sign, forKey: .sign)
    try container.encode(exponent, forKey: .exponent)
    try container.encode(unbiasedExponent, forKey: .unbiasedExponent)
    try container.encode(fraction, forKey: .fraction)
    try container.encode(floatClass, forKey: .floatClass)
    if value.isFinite {
      try container.encode(value, forKey: .value)
    } else {
      try container.encode(value.isNaN ? "nan" : value < 0 ? "-inf" : "inf", forKey: .value)
    }
  }

  /// The report as one line of JSON with sorted keys.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}
