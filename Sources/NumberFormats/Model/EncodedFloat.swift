/// A value rounded into a format: the pattern chosen and what the rounding cost.
///
/// Encoding 0.1 as bf16 gives the pattern 0x3DCD, whose value is 0.10009765625: a rounding error
/// of +0.00009765625.
public struct EncodedFloat: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The pattern, in the low `format.totalBits` bits.
  public var bits: UInt32
  /// The value the pattern holds: the input after rounding (NaN for a NaN).
  public var value: Double
  /// `value − input`: zero when the input was representable, infinite after an overflow,
  /// NaN when either side is NaN or the input was ±∞ (∞ − ∞).
  public var roundingError: Double
  /// True when a finite input was too large for every finite value of the format, so the result
  /// is ±∞ (IEEE formats) or NaN (E4M3). False for inputs that were already ±∞ or NaN.
  public var overflowed: Bool

  /// Creates an encoding result from its parts.
  public init(bits: UInt32, value: Double, roundingError: Double, overflowed: Bool) {
    self.bits = bits
    self.value = value
    self.roundingError = roundingError
    self.overflowed = overflowed
  }

  /// The pattern in hex and what it holds: `0x3dcd = 0.10009765625 (error 9.765625e-05)`.
  public var description: String {
    "0x\(String(bits, radix: 16)) = \(value) (error \(roundingError)"
      + (overflowed ? ", overflowed)" : ")")
  }
}
