/// The contract of the FloatDecoding exercise: take any IEEE-style pattern apart.
///
/// The pattern sits in the low `format.totalBits` bits of `bits`; higher bits are zero. Formats
/// here follow the IEEE rule for special values (`format.specials == .ieee`): fp32, fp16, bf16,
/// tf32, e5m2, and any other widths you describe with `FloatFormat(name:exponentBits:...)`.
/// E4M3's own rule is the exercise E4M3Rules.
///
/// For example 0xC648 as fp16 is sign 1, exponent field 17 (2^2), fraction 584: a normal number,
/// −(1 + 584/1024) × 4 = −6.28125.
public protocol FloatDecoding {
  /// The fields, class and exact value of `bits` read in `format`.
  func decode(_ bits: UInt32, as format: FloatFormat) throws -> DecodedFloat
}
