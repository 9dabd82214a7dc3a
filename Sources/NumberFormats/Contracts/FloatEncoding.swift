/// The contract of the FloatEncoding exercise: round a `Double` into an IEEE-style format.
///
/// Rounding is to the nearest value of the format; a value exactly halfway between two
/// neighbours goes to the one whose last fraction bit is 0 (ties to even). A finite value too
/// large for the format becomes ±∞ (`overflowed` is true): it rounds to ∞ once it reaches the
/// midpoint between the largest finite value and the next power of two the format cannot hold,
/// 65520 for fp16. Tiny values round to subnormals or to a zero of the input's sign. ±∞ stays
/// ±∞ and NaN becomes a NaN (any pattern with exponent all ones and a nonzero fraction).
///
/// `roundingError` is `value − input` in every case: 0 for a representable input, ±∞ after an
/// overflow, and NaN for an input of ±∞ (∞ − ∞) or NaN; `overflowed` is true only for a finite
/// input that became ±∞.
public protocol FloatEncoding {
  /// The pattern nearest to `value` in `format` (an IEEE-rule format), its value and the error.
  func encode(_ value: Double, as format: FloatFormat) throws -> EncodedFloat
}
