import Harness

// The float graders ask a few hundred thousand questions; their answers travel from the
// runner to the judge as a few words each rather than JSON (see Harness's `Tape`).

extension DecodedFloat: TapeWords {
  /// Sign, exponent fields, fraction, class (its place in `FloatClass.allCases`) and the
  /// value's bit pattern.
  public var tapeWords: [UInt64] {
    let classIndex = FloatClass.allCases.firstIndex(of: floatClass) ?? 0
    return [
      UInt64(bitPattern: Int64(sign)), UInt64(bitPattern: Int64(biasedExponent)),
      UInt64(bitPattern: Int64(unbiasedExponent)), UInt64(fraction), UInt64(classIndex),
      value.bitPattern,
    ]
  }

  /// Reads a decoded float back from its words.
  public init?(tapeWords words: [UInt64]) {
    guard words.count == 6, let fraction = UInt32(exactly: words[3]),
      words[4] < FloatClass.allCases.count
    else { return nil }
    self.init(
      sign: Int(Int64(bitPattern: words[0])), biasedExponent: Int(Int64(bitPattern: words[1])),
      unbiasedExponent: Int(Int64(bitPattern: words[2])), fraction: fraction,
      floatClass: FloatClass.allCases[Int(words[4])], value: Double(bitPattern: words[5]))
  }
}

extension EncodedFloat: TapeWords {
  /// The bits, the value's and the error's bit patterns, and whether it overflowed.
  public var tapeWords: [UInt64] {
    [UInt64(bits), value.bitPattern, roundingError.bitPattern, overflowed ? 1 : 0]
  }

  /// Reads an encoded float back from its words.
  public init?(tapeWords words: [UInt64]) {
    guard words.count == 4, let bits = UInt32(exactly: words[0]), words[3] <= 1 else {
      return nil
    }
    self.init(
      bits: bits, value: Double(bitPattern: words[1]), roundingError: Double(bitPattern: words[2]),
      overflowed: words[3] == 1)
  }
}
